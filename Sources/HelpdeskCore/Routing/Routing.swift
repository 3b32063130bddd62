/// Where a new ticket goes: the first rule it matches names its queue (and perhaps an
/// assignee); a ticket no rule matches goes to the default queue.
public struct Routing: Sendable, Equatable, Encodable {
    /// In the order they are tried.
    public var rules: [RoutingRule]
    /// Where tickets no rule matches go; `Routing.fallbackQueue` when unset.
    public var defaultQueue: String?
    /// Where `defaultQueue` was written, for `helpdesk check`.
    public var defaultQueueLocation: SourceLocation?

    public init(rules: [RoutingRule] = [], defaultQueue: String? = nil, defaultQueueLocation: SourceLocation? = nil) {
        self.rules = rules
        self.defaultQueue = defaultQueue
        self.defaultQueueLocation = defaultQueueLocation
    }

    private enum CodingKeys: String, CodingKey { case rules, defaultQueue }

    /// Equal when they route alike, wherever they were written.
    public static func == (a: Routing, b: Routing) -> Bool { a.rules == b.rules && a.defaultQueue == b.defaultQueue }

    /// The queue of every ticket while routing is not configured, and of tickets filed
    /// before it was.
    public static let fallbackQueue = "service-desk"

    /// Where a ticket goes: the first rule it matches says, else the default queue.
    /// - Parameter mentions: whether the ticket's title or summary mentions a keyword; the
    ///   service answers it on analysed words, which Core cannot reach.
    public func route(category: String, priority: Priority, mentions: (String) -> Bool) -> Route {
        guard let index = rules.firstIndex(where: { $0.matches(category: category, priority: priority, mentions: mentions) })
        else { return Route(queue: defaultQueue ?? Self.fallbackQueue) }
        let rule = rules[index]
        return Route(queue: rule.queue, assignee: rule.assignee, reason: "routing.rules[\(index)] (\(rule.conditions))")
    }
}

/// Where the routing sent a new ticket, and why.
public struct Route: Sendable, Equatable {
    public let queue: String
    /// Who gets it straight away, if the rule says.
    public let assignee: String?
    /// The rule that matched, e.g. "routing.rules[1] (keywords payroll)"; nil when no rule
    /// did and the ticket went to the default queue.
    public let reason: String?

    public init(queue: String, assignee: String? = nil, reason: String? = nil) {
        self.queue = queue
        self.assignee = assignee
        self.reason = reason
    }
}

/// One routing rule: conditions that must all hold, each a list of which any one will do;
/// a condition left out holds for every ticket.
public struct RoutingRule: Sendable, Equatable, Encodable {
    public var categories: [String]?
    public var priorities: [Priority]?
    /// Words (or phrases, every word of which must appear) looked for in the title and
    /// summary.
    public var keywords: [String]?
    public var queue: String
    /// Who gets the ticket straight away, if anyone.
    public var assignee: String?
    /// Where the rule was written, for `helpdesk check`; nil for a rule made in code.
    public var location: SourceLocation?

    public init(
        categories: [String]? = nil, priorities: [Priority]? = nil, keywords: [String]? = nil, queue: String,
        assignee: String? = nil, location: SourceLocation? = nil
    ) {
        self.categories = categories
        self.priorities = priorities
        self.keywords = keywords
        self.queue = queue
        self.assignee = assignee
        self.location = location
    }

    /// As written in `config.json`: `category` and `priority`, without the location.
    private enum CodingKeys: String, CodingKey {
        case categories = "category", priorities = "priority", keywords, queue, assignee
    }

    /// Where a rule was written says nothing about what it does: a rule read from a file
    /// equals the same rule made in code.
    public static func == (a: RoutingRule, b: RoutingRule) -> Bool {
        a.categories == b.categories && a.priorities == b.priorities && a.keywords == b.keywords && a.queue == b.queue
            && a.assignee == b.assignee
    }

    /// Whether a ticket meets every condition. Categories compare ignoring case, as the
    /// agent console's `category:` filter does.
    public func matches(category: String, priority: Priority, mentions: (String) -> Bool) -> Bool {
        (categories?.contains { $0.caseInsensitiveCompare(category) == .orderedSame } ?? true)
            && (priorities?.contains(priority) ?? true)
            && (keywords?.contains(where: mentions) ?? true)
    }

    /// The conditions as a person would say them: "category network, keywords payroll, salary".
    public var conditions: String {
        var parts: [String] = []
        if let categories { parts.append("category \(categories.joined(separator: ", "))") }
        if let priorities { parts.append("priority \(priorities.map(\.rawValue).joined(separator: ", "))") }
        if let keywords { parts.append("keywords \(keywords.joined(separator: ", "))") }
        return parts.isEmpty ? "every ticket" : parts.joined(separator: "; ")
    }
}

/// Who works a queue's tickets: agents by user name and by Unix group.
public struct QueueMembers: Sendable, Equatable, Encodable {
    public var agents: [String]?
    public var groups: [String]?
    /// Where the queue was written, for `helpdesk check`.
    public var location: SourceLocation?

    public init(agents: [String]? = nil, groups: [String]? = nil, location: SourceLocation? = nil) {
        self.agents = agents
        self.groups = groups
        self.location = location
    }

    private enum CodingKeys: String, CodingKey { case agents, groups }

    public static func == (a: QueueMembers, b: QueueMembers) -> Bool { a.agents == b.agents && a.groups == b.groups }

    /// Whether `identity` belongs by name or by one of their groups.
    public func include(_ identity: Identity) -> Bool {
        (agents?.contains(identity.user) ?? false) || !Set(groups ?? []).isDisjoint(with: identity.groups)
    }
}
