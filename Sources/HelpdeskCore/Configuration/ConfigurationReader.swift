/// Turns the JSON tree of a `config.json` into a `Configuration`, collecting every problem
/// with its location and what to write instead.
///
/// Strict where `JSONDecoder` was lenient: an unknown key is an error (a typo such as
/// `"agent"` for `"agents"` used to leave the demo agent on), and so is `null`, which
/// would otherwise quietly mean "default".
struct ConfigurationReader {
    /// Every key `config.json` may have, in the order the README lists them.
    static let keys = [
        "knowledge", "tools", "database", "socket", "agents", "agentGroups", "demoAgent", "approvalExpiryMinutes", "sla",
        "businessHours", "gapRetentionDays", "routing", "queues", "model",
    ]

    private(set) var problems: [ConfigurationError.Problem] = []

    mutating func read(_ root: JSONValue) -> Configuration {
        var configuration = Configuration()
        guard case .object(let members) = root.kind else {
            report(
                .wrongType, root.location, nil,
                "the configuration must be a JSON object, e.g. {\"agents\": [\"alice\"]}; found \(root.typeDescription)")
            return configuration
        }
        for member in members {
            let value = member.value
            switch member.key {
            case "knowledge": configuration.knowledge = path(value, "knowledge", example: "/srv/helpdesk/knowledge")
            case "tools": configuration.tools = path(value, "tools", example: "/etc/helpdesk/tools.json")
            case "model": configuration.model = path(value, "model", example: "/usr/local/share/helpdesk/model")
            case "database": configuration.database = path(value, "database", example: "/var/lib/helpdesk/helpdesk.sqlite")
            case "socket": configuration.socket = path(value, "socket", example: Configuration.defaultSocket)
            case "agents": configuration.agents = names(value, "agents", of: "user names", example: #"["alice", "bob"]"#)
            case "agentGroups":
                configuration.agentGroups = names(value, "agentGroups", of: "group names", example: #"["helpdesk"]"#)
            case "demoAgent": configuration.demoAgent = flag(value, "demoAgent")
            case "approvalExpiryMinutes": configuration.approvalExpiryMinutes = minutes(value, "approvalExpiryMinutes")
            case "sla": configuration.sla = serviceLevels(value)
            case "businessHours": configuration.businessHours = businessHours(value)
            case "gapRetentionDays": configuration.gapRetentionDays = retentionDays(value)
            case "routing": configuration.routing = routing(value)
            case "queues": configuration.queues = queues(value)
            default:
                let key = JSONParser.excerpt(member.key)
                let hint =
                    KeySuggestion.nearest(to: member.key, among: Self.keys).map { "did you mean \"\($0)\"?" }
                    ?? "the keys are \(Self.keys.joined(separator: ", "))"
                report(.unknownKey, member.keyLocation, key, "unknown key \"\(key)\"; \(hint)")
            }
        }
        return configuration
    }

    // MARK: - Settings

    private mutating func path(_ value: JSONValue, _ key: String, example: String) -> String? {
        guard case .string(let text) = value.kind else {
            report(.wrongType, value, key, "\"\(key)\" must be a path in quotes, e.g. \"\(example)\"; found \(Self.found(value))")
            return nil
        }
        guard !text.isEmpty else {
            report(.invalidValue, value, key, "\"\(key)\" is empty; write a path such as \"\(example)\", or remove the key")
            return nil
        }
        guard !text.unicodeScalars.contains("\0") else {
            report(.invalidValue, value, key, "\"\(key)\" contains a NUL character (\\u0000), which no path can")
            return nil
        }
        return text
    }

    mutating func names(_ value: JSONValue, _ key: String, of what: String, example: String) -> [String]? {
        guard case .array(let elements) = value.kind else {
            report(.wrongType, value, key, "\"\(key)\" must be a list of \(what), e.g. \(example); found \(Self.found(value))")
            return nil
        }
        var names: [String] = []
        for (index, element) in elements.enumerated() {
            let field = "\(key)[\(index)]"
            guard case .string(let name) = element.kind else {
                report(.wrongType, element, field, "\(field) must be a name in quotes; found \(Self.found(element))")
                continue
            }
            // A name with a space or control character can never match a user or group,
            // so it would quietly grant nothing.
            guard !name.isEmpty, !name.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 }) else {
                report(.invalidValue, element, field, "\(field) is \(Self.found(element)); write the name without spaces")
                continue
            }
            names.append(name)
        }
        return names
    }

    private mutating func flag(_ value: JSONValue, _ key: String) -> Bool? {
        guard case .bool(let flag) = value.kind else {
            report(.wrongType, value, key, "\"\(key)\" must be true or false (without quotes); found \(Self.found(value))")
            return nil
        }
        return flag
    }

    private mutating func minutes(_ value: JSONValue, _ key: String) -> Int? {
        let range = Configuration.approvalExpiryMinutesRange
        let expected = "a whole number of minutes from \(range.lowerBound) to \(range.upperBound) (a week)"
        guard case .number(let number) = value.kind else {
            report(.wrongType, value, key, "\"\(key)\" must be \(expected), e.g. 60; found \(Self.found(value))")
            return nil
        }
        guard let whole = Int(exactly: number) else {
            let code: ConfigurationError.Code = number.rounded() == number ? .outOfRange : .invalidValue
            report(code, value, key, "\"\(key)\" must be \(expected); found \(Self.found(value))")
            return nil
        }
        guard range.contains(whole) else {
            report(.outOfRange, value, key, "\"\(key)\" must be \(expected); found \(whole)")
            return nil
        }
        return whole
    }

    private mutating func serviceLevels(_ value: JSONValue) -> [String: String]? {
        guard case .object(let members) = value.kind else {
            report(
                .wrongType, value, "sla",
                "\"sla\" must be an object such as {\"P1\": \"1h\", \"P3\": \"1 working day\"}; "
                    + "found \(Self.found(value))")
            return nil
        }
        var targets: [String: String] = [:]
        var seen: [Priority: String] = [:]
        for member in members {
            let name = JSONParser.excerpt(member.key)
            let field = "sla.\(name)"
            guard let priority = Priority(rawValue: member.key.uppercased()) else {
                report(
                    .unknownKey, member.keyLocation, field,
                    "\"sla\" has \"\(name)\", which is not a priority; write P1, P2, P3 or P4")
                continue
            }
            if let first = seen[priority] {
                report(
                    .invalidValue, member.keyLocation, field,
                    "\"sla\" names \(priority.rawValue) twice (\"\(first)\" and \"\(name)\"); keep one")
                continue
            }
            seen[priority] = member.key
            guard case .string(let text) = member.value.kind else {
                report(
                    .wrongType, member.value, field,
                    "\(field) must be a duration in quotes such as \"4h\"; found \(Self.found(member.value))")
                continue
            }
            do {
                _ = try Configuration.serviceLevelTarget(text)
                targets[member.key] = text
            } catch {
                report(error.code, member.value, field, "\(field) is \(Self.found(member.value)); \(error.message)")
            }
        }
        return targets
    }

    // MARK: - Reporting

    mutating func report(_ code: ConfigurationError.Code, _ value: JSONValue, _ field: String?, _ message: String) {
        report(code, value.location, field, message)
    }

    mutating func report(_ code: ConfigurationError.Code, _ location: SourceLocation, _ field: String?, _ message: String) {
        problems.append(ConfigurationError.Problem(code: code, location: location, field: field, message: message))
    }

    /// What was written instead: `-5`, `"yes"`, `an array`.
    static func found(_ value: JSONValue) -> String {
        switch value.kind {
        case .number(let number): ToolCatalogReader.format(number)
        case .string(let text): "\"\(JSONParser.excerpt(text))\""
        case .bool(let flag): flag ? "true" : "false"
        default: value.typeDescription
        }
    }
}
