import ArgumentParser
import Engine
import HelpdeskCore
import Service
import Store

/// `--database` and `--demo-agent`, shared by the commands that work on tickets.
struct ServiceOptions: ParsableArguments {
    @Option(help: "The SQLite database (default: `database` in config.json, else ~/.local/share/helpdesk/helpdesk.sqlite).")
    var database: String?

    @Flag(help: "Act as the demo agent (embedded default only), to try the agent side on one machine.")
    var demoAgent = false

    /// The service, acting as this process's user (or the demo agent).
    func service(tools: ToolCatalog = ToolCatalog(tools: []), engine: (any ConversationEngine)? = nil) throws -> HelpdeskService {
        let (configuration, file) = try Configuration.load()
        let path = database ?? configuration.database ?? HelpdeskDatabase.defaultPath()
        return try HelpdeskService(
            database: try HelpdeskDatabase(path: path), configuration: configuration,
            identity: demoAgent ? .demoAgent : .currentProcess(), tools: tools, engine: engine,
            levels: try configuration.serviceLevels(file: file ?? "config.json"))
    }
}
