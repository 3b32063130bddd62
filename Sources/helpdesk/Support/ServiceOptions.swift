import ArgumentParser
import Daemon
import Engine
import Foundation
import HelpdeskCore
import Service
import Store

/// `--socket`, `--database` and `--demo-agent`, shared by every command that works on
/// tickets and requests.
struct ServiceOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The helpdesk daemon's socket (default: `socket` in config.json, else \(Configuration.defaultSocket) if it exists).",
            discussion: "Without a daemon, the helpdesk runs in this process on its own database."))
    var socket: String?

    @Option(help: "The SQLite database (default: `database` in config.json, else ~/.local/share/helpdesk/helpdesk.sqlite).")
    var database: String?

    @Flag(help: "Act as the demo agent (embedded default only), to try the agent side on one machine.")
    var demoAgent = false

    /// The daemon's socket, when there is one to use.
    func daemonSocket() throws -> String? {
        let (configuration, _) = try Configuration.load()
        if let socket = socket ?? configuration.socket { return socket }
        return FileManager.default.fileExists(atPath: Configuration.defaultSocket) ? Configuration.defaultSocket : nil
    }

    /// The helpdesk: the daemon's, when a socket is given, configured or at its default
    /// place; else the embedded service `embedded` makes (tools and engine load only then).
    func api(embedded: () throws -> HelpdeskService) async throws -> any HelpdeskAPI {
        guard let socket = try daemonSocket() else {
            return try embedded()
        }
        if demoAgent {
            throw CommandError("--demo-agent is for the embedded default; the daemon at \(socket) knows who you are")
        }
        if database != nil {
            throw CommandError("--database is for the embedded default; the daemon at \(socket) owns its database")
        }
        return try await SocketClient.connect(to: socket)
    }

    /// The helpdesk for commands that need no tools or engine embedded.
    func api() async throws -> any HelpdeskAPI {
        try await api { try service() }
    }

    /// The embedded service, acting as this process's user (or the demo agent).
    func service(tools: ToolCatalog = ToolCatalog(tools: [])) throws -> HelpdeskService {
        try service(loaded: Reloading(fixed: .init(tools: tools, engine: nil)))
    }

    /// The embedded service with a whitelist and engine that follow their files.
    func service(loaded: Reloading<HelpdeskService.Loaded>) throws -> HelpdeskService {
        let (configuration, file) = try Configuration.load()
        let path = database ?? configuration.database ?? HelpdeskDatabase.defaultPath()
        return try HelpdeskService(
            database: try HelpdeskDatabase(path: path), configuration: configuration,
            identity: demoAgent ? .demoAgent : .currentProcess(), loaded: loaded,
            levels: try configuration.serviceLevels(file: file ?? "config.json"))
    }
}
