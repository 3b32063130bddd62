import ArgumentParser
import Daemon
import Engine
import Foundation
import HelpdeskCore
import Knowledge
import Service
import Store

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Admins: run the helpdesk daemon that owns the database and the tools on a shared host.",
        discussion: """
            Run it as its own system user (see the README, "On a shared host"). Clients connect \
            to its Unix socket; who each one is comes from the kernel, and what they may do from \
            this daemon's configuration only. SIGTERM, SIGINT or SIGHUP stop it cleanly.
            """)

    @Option(help: "The configuration file (default: /etc/helpdesk/config.json; none means the defaults).")
    var config: String?

    @Option(help: "The Unix socket to listen on (default: `socket` in the configuration, else \(Configuration.defaultSocket)).")
    var socket: String?

    @Option(help: "Folder of Markdown articles (default: `knowledge` in the configuration).")
    var knowledge: String?

    @Option(help: "The tool whitelist (default: `tools` in the configuration).")
    var tools: String?

    @Option(
        help:
            "The SQLite database (default: `database` in the configuration, else $STATE_DIRECTORY/helpdesk.sqlite under systemd)."
    )
    var database: String?

    @Flag(help: "Check the configuration, knowledge, tools, database and socket, then exit without serving.")
    var check = false

    func run() async throws {
        // The database, its journal and the index cache are the daemon's alone.
        umask(0o077)
        let plan = try Plan(command: self)
        let setup = try plan.load()
        if check {
            try plan.checkSocket()
            Console.out("No problems found; `helpdesk serve` would listen on \(plan.socket).")
            return
        }
        // Before the first connection, so every entry the daemon writes is anchored.
        SystemJournal.anchor(setup.database)
        let daemon = try await Daemon.start(socket: plan.socket, setup: setup)
        Console.out(
            "helpdesk serve: listening on \(plan.socket) as \(id: Identity.currentProcess().user); database \(plan.database)")
        let signal = await Termination.wait()
        Console.out("helpdesk serve: \(signal), stopping")
        await daemon.stop()
    }
}

/// Where everything the daemon uses is, resolved from options, the configuration and
/// systemd's environment.
private struct Plan {
    let configuration: Configuration
    let configurationFile: String?
    let socket: String
    let knowledge: String
    let tools: String
    let database: String

    init(command: ServeCommand) throws {
        let file = command.config ?? "/etc/helpdesk/config.json"
        if command.config != nil && !FileManager.default.fileExists(atPath: file) {
            throw CommandError("there is no configuration file \(file)")
        }
        (configuration, configurationFile) = try Configuration.load(from: [file])
        socket = command.socket ?? configuration.socket ?? Configuration.defaultSocket
        let named = configurationFile ?? file
        guard let knowledge = command.knowledge ?? configuration.knowledge else {
            throw CommandError("no knowledge base: \(named) names no `knowledge` folder; pass --knowledge DIR")
        }
        guard let tools = command.tools ?? configuration.tools else {
            throw CommandError("no tool whitelist: \(named) names no `tools` file; pass --tools FILE")
        }
        self.knowledge = knowledge
        self.tools = tools
        let state = ProcessInfo.processInfo.environment["STATE_DIRECTORY"].map { $0 + "/helpdesk.sqlite" }
        guard let database = command.database ?? configuration.database ?? state else {
            throw CommandError("no database: name one with `database` in \(named) or --database, or run under systemd")
        }
        self.database = database
    }

    /// Everything the daemon serves with, each checked and reported. The whitelist and the
    /// knowledge are re-read when their files change, without a restart.
    func load() throws -> Daemon.Setup {
        Console.out("config:    \(configurationFile ?? "none (defaults)")")
        let levels = try configuration.serviceLevels(file: configurationFile ?? "config.json")
        let (tools, knowledge) = (self.tools, self.knowledge)
        let cache = (database as NSString).deletingLastPathComponent + "/cache"
        let loaded = try Reloading(watching: { sourceVersion(knowledge: knowledge, tools: tools) }) {
            let catalog: ToolCatalog
            do {
                catalog = try ToolCatalog.load(tools)
            } catch {
                throw CommandError("the tool whitelist is not valid:\n\(error)")
            }
            let base = try KnowledgeBase.load(knowledge, cacheDirectory: cache)
            for issue in base.issues { Console.error("warning: \(issue.description)") }
            let semantics = SentenceModel.semantics(
                for: base.index, knowledge: knowledge, cacheDirectory: cache, configured: configuration.model,
                warn: { Console.error("warning: \($0)") })
            return HelpdeskService.Loaded(
                tools: catalog, engine: GroundedEngine(index: base.index, tools: catalog, semantics: semantics))
        }
        let current = loaded.value
        Console.out("tools:     \(current.tools.tools.count) in \(tools)")
        Console.out("knowledge: \((current.engine as? GroundedEngine)?.index.articles.count ?? 0) articles in \(knowledge)")
        if let semantics = (current.engine as? GroundedEngine)?.semantics {
            Console.out("meaning:   sentence model, \(semantics.passageCount) passages (\(semantics.cachedCount) from the cache)")
        } else {
            Console.out("meaning:   no sentence model; matching by shared words (scripts/install-model installs one)")
        }
        let store = try HelpdeskDatabase(path: database)
        Console.out("database:  \(database) (\(try store.integrityCheck()))")
        let agents = (configuration.agents ?? []).joined(separator: ", ")
        let groups = (configuration.agentGroups ?? []).joined(separator: ", ")
        Console.out("agents:    \(agents.isEmpty ? "none" : agents)\(groups.isEmpty ? "" : "; groups \(groups)")")
        return Daemon.Setup(database: store, configuration: configuration, loaded: loaded, levels: levels)
    }

    /// The socket's folder must exist and be writable; nothing may already serve there.
    func checkSocket() throws {
        let folder = (socket as NSString).deletingLastPathComponent
        guard access(folder.isEmpty ? "." : folder, W_OK | X_OK) == 0 else {
            throw CommandError("cannot create the socket \(socket): its folder is missing or not writable")
        }
        Console.out("socket:    \(socket)")
    }
}

/// The signal that asks the daemon to stop.
private enum Termination {
    static func wait() async -> String {
        let (names, continuation) = AsyncStream.makeStream(of: String.self)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        let sources = [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT"), (SIGHUP, "SIGHUP")].map { number, name in
            signal(number, SIG_IGN)
            sigaddset(&unblocked, number)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(name) }
            source.resume()
            return source
        }
        // A parent that blocked them (a test harness, a shell) must not make us deaf.
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        let name = await names.first { _ in true } ?? "end of input"
        withExtendedLifetime(sources) {}
        return name
    }
}
