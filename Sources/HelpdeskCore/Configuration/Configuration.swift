import Foundation

/// Settings an admin or user writes in `config.json`; every field is optional.
///
/// Looked up in `$XDG_CONFIG_HOME/helpdesk/config.json` (default `~/.config/…`), then
/// `/etc/helpdesk/config.json`; the first file that exists wins, so a user's file
/// overrides the host's.
public struct Configuration: Sendable, Equatable, Codable {
    /// Folder of Markdown articles, used when `./knowledge` does not exist.
    public var knowledge: String?
    /// The tool whitelist, used when `./tools.json` does not exist.
    public var tools: String?
    /// The SQLite database; default `$XDG_DATA_HOME/helpdesk/helpdesk.sqlite`.
    public var database: String?
    /// User names that are agents.
    public var agents: [String]?
    /// Unix groups whose members are agents.
    public var agentGroups: [String]?
    /// Whether `--demo-agent` may act as the demo agent. Defaults to on only while no
    /// agents are configured: the embedded default, one person and their own database.
    public var demoAgent: Bool?
    /// Minutes a tool request waits for an agent before it expires (default 60).
    public var approvalExpiryMinutes: Int?
    /// Resolution targets per priority, e.g. `{"P1": "1h", "P3": "1 working day"}`;
    /// priorities left out keep their defaults.
    public var sla: [String: String]?

    public init(
        knowledge: String? = nil, tools: String? = nil, database: String? = nil, agents: [String]? = nil,
        agentGroups: [String]? = nil, demoAgent: Bool? = nil, approvalExpiryMinutes: Int? = nil, sla: [String: String]? = nil
    ) {
        self.knowledge = knowledge
        self.tools = tools
        self.database = database
        self.agents = agents
        self.agentGroups = agentGroups
        self.demoAgent = demoAgent
        self.approvalExpiryMinutes = approvalExpiryMinutes
        self.sla = sla
    }

    /// The role of `identity`: agent when named in `agents` or a member of `agentGroups`.
    public func role(of identity: Identity) -> Role {
        if identity.isDemoAgent { return allowsDemoAgent ? .agent : .employee }
        let byName = agents?.contains(identity.user) ?? false
        let byGroup = !(Set(agentGroups ?? []).isDisjoint(with: identity.groups))
        return byName || byGroup ? .agent : .employee
    }

    /// The service levels, defaults overridden by `sla`.
    /// - Throws: `ConfigurationError` naming the priority or value that cannot be read.
    public func serviceLevels(file: String = "config.json") throws(ConfigurationError) -> ServiceLevels {
        var levels = ServiceLevels()
        for (name, text) in sla ?? [:] {
            guard let priority = Priority(rawValue: name.uppercased()) else {
                throw .malformed(file, detail: "`sla` has \"\(name)\", which is not a priority (P1 to P4)")
            }
            guard let target = ServiceLevels.parse(text) else {
                throw .malformed(file, detail: "`sla.\(name)` is \"\(text)\"; write e.g. \"4h\", \"3 days\" or \"1 working day\"")
            }
            levels.targets[priority] = target
        }
        return levels
    }

    public var allowsDemoAgent: Bool {
        demoAgent ?? ((agents ?? []).isEmpty && (agentGroups ?? []).isEmpty)
    }

    /// Where configuration files are looked for, most specific first.
    public static func searchPaths(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        [XDG.configHome(environment) + "/helpdesk/config.json", "/etc/helpdesk/config.json"]
    }

    /// Loads the first configuration file that exists, or the defaults when there is none.
    /// - Throws: `ConfigurationError` naming the file when it exists but cannot be read or parsed.
    public static func load(from paths: [String] = searchPaths()) throws(ConfigurationError) -> (Configuration, path: String?) {
        for path in paths where FileManager.default.fileExists(atPath: path) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .unreadable(path)
            }
            do {
                return (try JSONDecoder().decode(Configuration.self, from: data), path)
            } catch {
                throw .malformed(path, detail: String(describing: error))
            }
        }
        return (Configuration(), nil)
    }
}
