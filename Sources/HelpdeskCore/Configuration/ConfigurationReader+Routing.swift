/// `routing` and `queues`: which queue a new ticket goes to, and who works each queue.
extension ConfigurationReader {
    static let routingKeys = ["rules", "defaultQueue"]
    static let ruleKeys = ["category", "priority", "keywords", "queue", "assignee"]
    static let queueKeys = ["agents", "groups"]

    mutating func routing(_ value: JSONValue) -> Routing? {
        let example = #"{"rules": [{"category": "network", "queue": "netops"}], "defaultQueue": "service-desk"}"#
        guard case .object(let members) = value.kind else {
            report(.wrongType, value, "routing", "\"routing\" must be an object such as \(example); found \(Self.found(value))")
            return nil
        }
        var routing = Routing()
        for member in members {
            switch member.key {
            case "rules": routing.rules = rules(member.value)
            case "defaultQueue":
                routing.defaultQueue = name(member.value, "routing.defaultQueue", example: Routing.fallbackQueue)
                routing.defaultQueueLocation = member.value.location
            default: unknownKey(member, in: "routing", among: Self.routingKeys)
            }
        }
        return routing
    }

    mutating func queues(_ value: JSONValue) -> [String: QueueMembers]? {
        let example = #"{"netops": {"agents": ["alice"], "groups": ["netadmins"]}}"#
        guard case .object(let members) = value.kind else {
            report(.wrongType, value, "queues", "\"queues\" must be an object such as \(example); found \(Self.found(value))")
            return nil
        }
        var queues: [String: QueueMembers] = [:]
        for member in members {
            let field = "queues.\(JSONParser.excerpt(member.key))"
            guard Self.isName(member.key) else {
                report(.invalidValue, member.keyLocation, field, "\(field): write the queue's name without spaces")
                continue
            }
            guard case .object(let lists) = member.value.kind else {
                report(
                    .wrongType, member.value, field,
                    "\(field) must be an object such as {\"agents\": [\"alice\"], \"groups\": [\"netadmins\"]}; "
                        + "found \(Self.found(member.value))")
                continue
            }
            var queue = QueueMembers(location: member.keyLocation)
            for list in lists {
                switch list.key {
                case "agents": queue.agents = names(list.value, "\(field).agents", of: "user names", example: #"["alice"]"#)
                case "groups": queue.groups = names(list.value, "\(field).groups", of: "group names", example: #"["netadmins"]"#)
                default: unknownKey(list, in: field, among: Self.queueKeys)
                }
            }
            queues[member.key] = queue
        }
        return queues
    }

    private mutating func rules(_ value: JSONValue) -> [RoutingRule] {
        guard case .array(let elements) = value.kind else {
            report(
                .wrongType, value, "routing.rules",
                "\"routing.rules\" must be a list of rules such as [{\"category\": \"network\", \"queue\": \"netops\"}]; "
                    + "found \(Self.found(value))")
            return []
        }
        return elements.enumerated().compactMap { index, element in rule(element, "routing.rules[\(index)]") }
    }

    private mutating func rule(_ value: JSONValue, _ field: String) -> RoutingRule? {
        guard case .object(let members) = value.kind else {
            report(
                .wrongType, value, field,
                "\(field) must be an object such as {\"keywords\": [\"payroll\"], \"queue\": \"finance-it\"}; "
                    + "found \(Self.found(value))")
            return nil
        }
        var rule = RoutingRule(queue: "", location: value.location)
        var queue: String?
        for member in members {
            let key = "\(field).\(member.key)"
            switch member.key {
            case "category": rule.categories = words(member.value, key, example: #""network" or ["network", "security"]"#)
            case "priority": rule.priorities = priorities(member.value, key)
            case "keywords": rule.keywords = words(member.value, key, example: #"["payroll", "salary"]"#)
            case "queue": queue = name(member.value, key, example: "netops")
            case "assignee": rule.assignee = name(member.value, key, example: "frank")
            default: unknownKey(member, in: field, among: Self.ruleKeys)
            }
        }
        guard let queue else {
            if !members.contains(where: { $0.key == "queue" }) {
                report(
                    .invalidValue, value, field, "\(field) has no \"queue\"; say where its tickets go, e.g. \"queue\": \"netops\""
                )
            }
            return nil
        }
        rule.queue = queue
        return rule
    }

    /// A list of words or phrases, or one alone.
    private mutating func words(_ value: JSONValue, _ field: String, example: String) -> [String]? {
        texts(value, field, example: example)?.compactMap { text, element, name in
            // A keyword with no letter or digit is no word, and matches nothing.
            guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }),
                !text.unicodeScalars.contains(where: { $0.value < 0x20 })
            else {
                report(.invalidValue, element, name, "\(name) is \(Self.found(element)); write a word, e.g. \(example)")
                return nil
            }
            return text
        }
    }

    private mutating func priorities(_ value: JSONValue, _ field: String) -> [Priority]? {
        texts(value, field, example: #""P1" or ["P1", "P2"]"#)?.compactMap { text, element, name in
            guard let priority = Priority(rawValue: text.uppercased()) else {
                report(
                    .invalidValue, element, name,
                    "\(name) is \(Self.found(element)), which is not a priority; write P1, P2, P3 or P4")
                return nil
            }
            return priority
        }
    }

    /// The strings of a list, or a string alone, each with where it was written; never an
    /// empty list, which would match no ticket and quietly switch the rule off.
    private mutating func texts(_ value: JSONValue, _ field: String, example: String) -> [(String, JSONValue, String)]? {
        let elements: [(JSONValue, String)]
        switch value.kind {
        case .string: elements = [(value, field)]
        case .array(let list): elements = list.enumerated().map { ($1, "\(field)[\($0)]") }
        default:
            report(
                .wrongType, value, field,
                "\(field) must be text in quotes or a list of it, e.g. \(example); found \(Self.found(value))")
            return nil
        }
        guard !elements.isEmpty else {
            report(
                .invalidValue, value, field,
                "\(field) is empty, so the rule can never match; list at least one, or remove the key")
            return nil
        }
        return elements.compactMap { element, name in
            guard case .string(let text) = element.kind else {
                report(.wrongType, element, name, "\(name) must be text in quotes; found \(Self.found(element))")
                return nil
            }
            return (text, element, name)
        }
    }

    /// One user or queue name: no spaces, which no account or queue name has.
    private mutating func name(_ value: JSONValue, _ field: String, example: String) -> String? {
        guard case .string(let text) = value.kind else {
            report(.wrongType, value, field, "\(field) must be a name in quotes, e.g. \"\(example)\"; found \(Self.found(value))")
            return nil
        }
        guard Self.isName(text) else {
            report(
                .invalidValue, value, field,
                "\(field) is \(Self.found(value)); write the name without spaces, e.g. \"\(example)\"")
            return nil
        }
        return text
    }

    private static func isName(_ text: String) -> Bool {
        !text.isEmpty && !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 }
    }

    private mutating func unknownKey(_ member: JSONValue.Member, in object: String, among keys: [String]) {
        let key = JSONParser.excerpt(member.key)
        let hint =
            KeySuggestion.nearest(to: member.key, among: keys).map { "did you mean \"\($0)\"?" }
            ?? "its keys are \(keys.joined(separator: ", "))"
        report(.unknownKey, member.keyLocation, "\(object).\(key)", "unknown key \"\(key)\" in \(object); \(hint)")
    }
}
