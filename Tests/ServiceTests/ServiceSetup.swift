import Foundation
import HelpdeskCore
import Service
import Store

/// A database in a temporary folder with agents `alice` and `dave`, and the whitelist
/// given; `service(_:)` acts as any user, as the OS would report them.
final class ServiceSetup {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-service-\(UUID().uuidString)")
    var path: String { folder.appendingPathComponent("db.sqlite").path }
    let database: HelpdeskDatabase
    let configuration: Configuration
    let tools: ToolCatalog

    init(tools: String = ServiceSetup.shippedTools, expiryMinutes: Int = 60) throws {
        database = try HelpdeskDatabase(path: folder.appendingPathComponent("db.sqlite").path)
        configuration = Configuration(agents: ["alice", "dave"], approvalExpiryMinutes: expiryMinutes)
        self.tools = try ToolCatalog.parse(tools, file: "tools.json")
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func service(_ user: String) throws -> HelpdeskService {
        try HelpdeskService(database: database, configuration: configuration, identity: Identity(user: user), tools: tools)
    }

    /// Every byte the database keeps on disk: the file, its WAL and shared memory.
    func storedBytes() throws -> Data {
        var all = Data()
        for suffix in ["", "-wal", "-shm"] {
            if let data = FileManager.default.contents(atPath: path + suffix) { all += data }
        }
        return all
    }

    static let shippedTools: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("tools.json")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()
}
