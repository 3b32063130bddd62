import Foundation
import Store

/// A database in a fresh temporary folder, removed when the value goes away.
final class TemporaryDatabase {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-store-\(UUID().uuidString)")
    var path: String { folder.appendingPathComponent("helpdesk.sqlite").path }
    let database: HelpdeskDatabase

    init() throws {
        database = try HelpdeskDatabase(path: folder.appendingPathComponent("helpdesk.sqlite").path)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

/// The `helpdesk-bench` executable SwiftPM built next to the tests; its `write-tickets`
/// mode is a second process writing to the same database.
enum TicketWriterProcess {
    static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("helpdesk-bench")

    /// Starts a writer; read its acknowledgements from `output`.
    static func start(database: String, count: Int) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["write-tickets", database, String(count)]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, output)
    }

    /// The ticket numbers a writer reported as created, read to the end of its output.
    static func acknowledged(_ output: Pipe) -> [Int] {
        acknowledged(output.fileHandleForReading.readDataToEndOfFile())
    }

    /// The ticket numbers in a writer's output; a line cut off by the kill does not count.
    static func acknowledged(_ data: Data) -> [Int] {
        String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .compactMap { line in line.hasPrefix("created ") ? Int(line.dropFirst(8)) : nil }
    }
}
