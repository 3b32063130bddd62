import Foundation

/// Settings an admin or user writes in `config.json`; every field is optional.
///
/// Looked up in `$XDG_CONFIG_HOME/helpdesk/config.json` (default `~/.config/…`), then
/// `/etc/helpdesk/config.json`; the first file that exists wins, so a user's file
/// overrides the host's.
///
/// Only `Encodable`: decoding goes through `parse(bytes:file:)`, which rejects unknown
/// keys and out-of-range values that a synthesized `Decodable` would let through.
public struct Configuration: Sendable, Equatable, Encodable {
    /// Folder of Markdown articles, used when `./knowledge` does not exist.
    public var knowledge: String?
    /// The tool whitelist, used when `./tools.json` does not exist.
    public var tools: String?
    /// The folder of the optional sentence model (`scripts/install-model`); default the
    /// first of `~/.local/share/helpdesk/model` and `/usr/local/share/helpdesk/model` that
    /// holds one. Without a model, questions are matched by shared words alone.
    public var model: String?
    /// The SQLite database; default `$XDG_DATA_HOME/helpdesk/helpdesk.sqlite`.
    public var database: String?
    /// The daemon's Unix socket. A client with one talks to `helpdesk serve` there; the
    /// daemon listens on it (default `defaultSocket`).
    public var socket: String?
    /// User names that are agents.
    public var agents: [String]?
    /// Unix groups whose members are agents.
    public var agentGroups: [String]?
    /// Whether `--demo-agent` may act as the demo agent. Defaults to on only while no
    /// agents are configured: the embedded default, one person and their own database.
    public var demoAgent: Bool?
    /// Minutes a tool request waits for an agent before it expires (default 60), within
    /// `approvalExpiryMinutesRange`.
    public var approvalExpiryMinutes: Int?
    /// Resolution targets per priority, e.g. `{"P1": "1h", "P3": "1 working day"}`;
    /// priorities left out keep their defaults.
    public var sla: [String: String]?
    /// Which queue a new ticket goes to, and to whom. Not in `init`: set it on the value.
    public var routing: Routing?
    /// Queue name → the agents who work it. Not in `init`: set it on the value.
    public var queues: [String: QueueMembers]?
    /// When agents work, for response and resolution times in reports; default Monday to
    /// Friday, 09:00 to 17:00, host time. Not in `init`: set it on the value.
    public var businessHours: BusinessHours?
    /// Days the text of an unanswered question is kept for the knowledge-gap report
    /// (default 90), within `gapRetentionDaysRange`.
    public var gapRetentionDays: Int?

    public init(
        knowledge: String? = nil, tools: String? = nil, database: String? = nil, socket: String? = nil,
        agents: [String]? = nil,
        agentGroups: [String]? = nil, demoAgent: Bool? = nil, approvalExpiryMinutes: Int? = nil, sla: [String: String]? = nil
    ) {
        self.knowledge = knowledge
        self.tools = tools
        self.database = database
        self.socket = socket
        self.agents = agents
        self.agentGroups = agentGroups
        self.demoAgent = demoAgent
        self.approvalExpiryMinutes = approvalExpiryMinutes
        self.sla = sla
    }

    /// Where `helpdesk serve` listens unless told otherwise (systemd's `RuntimeDirectory`).
    public static let defaultSocket = "/run/helpdesk/helpdesk.sock"

    /// The role of `identity`: agent when named in `agents` or a member of `agentGroups`.
    public func role(of identity: Identity) -> Role {
        if identity.isDemoAgent { return allowsDemoAgent ? .agent : .employee }
        let byName = agents?.contains(identity.user) ?? false
        let byGroup = !(Set(agentGroups ?? []).isDisjoint(with: identity.groups))
        return byName || byGroup ? .agent : .employee
    }

    /// Whether `user` may be assigned tickets: an agent by name or by one of their groups.
    public func isAgent(_ user: String) -> Bool {
        if user == Identity.demoAgent.user { return allowsDemoAgent }
        return role(of: Identity.user(named: user) ?? Identity(user: user)) == .agent
    }

    /// The agents, for choosing an assignee: named ones, listed members of `agentGroups`,
    /// and the demo agent where allowed.
    public var knownAgents: [String] {
        let members = (agentGroups ?? []).flatMap(Identity.members(ofGroup:))
        return Set((agents ?? []) + members).sorted() + (allowsDemoAgent ? [Identity.demoAgent.user] : [])
    }

    /// The service levels, defaults overridden by `sla`.
    /// - Throws: `ConfigurationError` naming the priority or value that cannot be read.
    public func serviceLevels(file: String = "config.json") throws(ConfigurationError) -> ServiceLevels {
        var levels = ServiceLevels()
        for (name, text) in (sla ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let priority = Priority(rawValue: name.uppercased()) else {
                throw .malformed(
                    file, field: "sla.\(name)", detail: "\"sla\" has \"\(name)\", which is not a priority; write P1, P2, P3 or P4"
                )
            }
            do {
                levels.targets[priority] = try Self.serviceLevelTarget(text)
            } catch {
                throw ConfigurationError(
                    path: file,
                    problems: [
                        .init(
                            code: error.code, location: nil, field: "sla.\(name)",
                            message: "sla.\(name) is \"\(text)\"; \(error.message)")
                    ])
            }
        }
        return levels
    }

    /// What `gapRetentionDays` may be: a day to ten years.
    public static let gapRetentionDaysRange = 1...3_650

    /// What `approvalExpiryMinutes` may be: a minute to a week.
    public static let approvalExpiryMinutesRange = 1...10_080

    /// Why an SLA value cannot be used, without where it was written.
    struct ValueProblem: Error {
        let code: ConfigurationError.Code
        let message: String
    }

    /// Reads an SLA value such as "30m", "4h" or "1 working day", at most a year: a due date is
    /// found by stepping through working days, so a target of a billion days would hang.
    static func serviceLevelTarget(_ text: String) throws(ValueProblem) -> ServiceLevels.Target {
        let example = "write e.g. \"30m\", \"4h\", \"3 days\" or \"1 working day\""
        // Checked before parsing: `ServiceLevels.parse` reads the digits of a long value.
        guard text.utf8.count <= 64, let target = ServiceLevels.parse(text) else {
            throw ValueProblem(code: .invalidValue, message: example)
        }
        let withinAYear =
            switch target {
            case .minutes(let minutes): minutes <= 525_600
            case .hours(let hours): hours <= 8_760
            case .days(let days): days <= 366
            case .workingDays(let days): days <= 261
            }
        guard withinAYear else {
            throw ValueProblem(
                code: .outOfRange, message: "a target must be at most a year (8760h, 366 days or 261 working days)")
        }
        return target
    }

    public var allowsDemoAgent: Bool {
        demoAgent ?? ((agents ?? []).isEmpty && (agentGroups ?? []).isEmpty)
    }

    /// Where configuration files are looked for, most specific first.
    public static func searchPaths(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        [XDG.configHome(environment) + "/helpdesk/config.json", "/etc/helpdesk/config.json"]
    }

    /// Loads the first configuration file that exists, or the defaults when there is none.
    /// - Throws: `ConfigurationError` naming the file, with every problem's line and column,
    ///   when it exists but cannot be read or is not a valid configuration.
    public static func load(from paths: [String] = searchPaths()) throws(ConfigurationError) -> (Configuration, path: String?) {
        for path in paths where FileManager.default.fileExists(atPath: path) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .unreadable(path)
            }
            return (try parse(bytes: [UInt8](data), file: path), path)
        }
        return (Configuration(), nil)
    }

    /// Reads the contents of a `config.json`: UTF-8 JSON, with or without a byte-order mark.
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - file: the path to name in errors.
    /// - Throws: `ConfigurationError` listing every problem with its line and column.
    public static func parse(bytes: [UInt8], file: String) throws(ConfigurationError) -> Configuration {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes: bytes)
        } catch {
            throw ConfigurationError(
                path: file, problems: [.init(code: .syntax, location: error.location, field: nil, message: error.message)])
        }
        var reader = ConfigurationReader()
        let configuration = reader.read(root)
        guard reader.problems.isEmpty else { throw ConfigurationError(path: file, problems: reader.problems) }
        return configuration
    }
}
