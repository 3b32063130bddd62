@_spi(Testing) import Daemon
import Engine
import Foundation
import HelpdeskCore
import Knowledge
import Service
import Store
import Synchronization

/// One helpdesk, reached the two ways a front end can: the embedded service in this
/// process, or the daemon over its socket. Agents are `alice` and `dave`.
final class Helpdesks: Sendable {
    enum Kind: String, CaseIterable, Sendable, CustomStringConvertible {
        case embedded, socket
        var description: String { rawValue }
    }

    let kind: Kind
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-daemon-\(UUID().uuidString)")
    let setup: Daemon.Setup

    private init(kind: Kind) throws {
        self.kind = kind
        let database = try HelpdeskDatabase(path: folder.appendingPathComponent("db.sqlite").path)
        let tools = try ToolCatalog.load(Self.repository.appendingPathComponent("tools.json").path)
        let knowledge = try KnowledgeBase.load(Self.repository.appendingPathComponent("knowledge").path)
        setup = Daemon.Setup(
            database: database, configuration: Configuration(agents: ["alice", "dave"]),
            loaded: Reloading(fixed: .init(tools: tools, engine: GroundedEngine(index: knowledge.index, tools: tools))),
            levels: ServiceLevels())
    }

    /// Runs `body` with helpdesks of `kind`, and stops every daemon it started however
    /// `body` ends.
    static func with<T>(_ kind: Kind, _ body: (Helpdesks) async throws -> T) async throws -> T {
        let helpdesks = try Helpdesks(kind: kind)
        defer { try? FileManager.default.removeItem(at: helpdesks.folder) }
        do {
            let result = try await body(helpdesks)
            await helpdesks.stop()
            return result
        } catch {
            await helpdesks.stop()
            throw error
        }
    }

    /// The helpdesk as `user` sees it. Over the socket, each user has a daemon of their
    /// own on the one database, which says the peer is `user`: one process cannot connect
    /// as several uids, and the real kernel path is tested with real users elsewhere.
    func api(as user: String) async throws -> any HelpdeskAPI {
        let identity = Identity(user: user)
        switch kind {
        case .embedded:
            return try HelpdeskService(
                database: setup.database, configuration: setup.configuration, identity: identity, loaded: setup.loaded)
        case .socket:
            let socket = folder.appendingPathComponent("\(user).sock").path
            if !FileManager.default.fileExists(atPath: socket) {
                let daemon = try await Daemon.start(socket: socket, setup: setup) { _ in identity }
                daemons.withLock { $0.append(daemon) }
            }
            return try await SocketClient.connect(to: socket)
        }
    }

    /// Stops the daemon serving `user`, as when it is restarted or killed.
    func stopDaemon(of user: String) async {
        let socket = folder.appendingPathComponent("\(user).sock").path
        let daemon = daemons.withLock { daemons in
            daemons.firstIndex { $0.socket == socket }.map { daemons.remove(at: $0) }
        }
        await daemon?.stop()
    }

    private let daemons = Mutex<[Daemon]>([])

    private func stop() async {
        for daemon in daemons.withLock({ $0 }) { await daemon.stop() }
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}

extension HelpdeskAPI {
    /// The whole reply to `message`, once it is done.
    func reply(to message: String, in conversation: Int) async throws -> (pieces: Int, reply: Reply?) {
        var pieces = 0
        for try await event in send(message, in: conversation) {
            if case .text = event { pieces += 1 }
            if case .done(let reply, _) = event { return (pieces, reply) }
        }
        return (pieces, nil)
    }
}
