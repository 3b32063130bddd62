/// What `helpdesk check` finds wrong with routing that reading the file cannot: rules that
/// never match, queues nobody works, assignees who cannot take a ticket.
public struct RoutingCheck: Sendable, Equatable {
    /// Routing that cannot work as written: `helpdesk check` fails on these.
    public var errors: [ConfigurationError.Problem] = []
    /// Likely mistakes that still route every ticket somewhere.
    public var warnings: [ConfigurationError.Problem] = []
}

extension Configuration {
    /// Checks the rules and queues.
    /// - Parameters:
    ///   - categories: the categories a ticket can get without someone typing one: the
    ///     knowledge base's, and "general"; nil when unknown, which skips that check.
    ///   - terms: a keyword's words as the router compares them; a keyword matches a ticket
    ///     that has all of them.
    public func checkRouting(categories: Set<String>?, terms: (String) -> Set<String>) -> RoutingCheck {
        var check = RoutingCheck()
        guard routing != nil || queues != nil else { return check }
        let rules = routing?.rules ?? []
        for (index, rule) in rules.enumerated() {
            let field = "routing.rules[\(index)]"
            if let earlier = rules.prefix(index).firstIndex(where: { Self.covers($0, rule, terms: terms) }) {
                let line = rules[earlier].location.map { " (line \($0.line))" } ?? ""
                check.errors.append(
                    .init(
                        code: .unreachable, location: rule.location, field: field,
                        message: "\(field) (\(rule.conditions)) can never match: routing.rules[\(earlier)]\(line) matches "
                            + "every ticket it would, and sends it to \(rules[earlier].queue)"))
            }
            for keyword in rule.keywords ?? [] where terms(keyword).isEmpty {
                check.errors.append(
                    .init(
                        code: .unreachable, location: rule.location, field: "\(field).keywords",
                        message: "\(field): the keyword \"\(keyword)\" has only words the matcher leaves out "
                            + "(such as \"the\" or \"it\"), so it matches nothing; use a word that says what the ticket is about")
                )
            }
            for category in rule.categories ?? [] {
                guard let categories, !categories.contains(where: { $0.lowercased() == category.lowercased() }) else { continue }
                let hint = KeySuggestion.nearest(to: category, among: categories).map { "did you mean \"\($0)\"? " } ?? ""
                check.warnings.append(
                    .init(
                        code: .unreachable, location: rule.location, field: "\(field).category",
                        message: "\(field): no article has category \"\(category)\", so only a ticket filed with that "
                            + "category by hand reaches this rule; \(hint)the categories are "
                            + categories.sorted().joined(separator: ", ")))
            }
            if let assignee = rule.assignee, !isAgent(assignee) {
                check.errors.append(
                    .init(
                        code: .invalidValue, location: rule.location, field: "\(field).assignee",
                        message: "\(field) assigns tickets to \(assignee), who is not an agent; "
                            + "name an agent, or add \(assignee) to \"agents\""))
            }
        }
        check.errors += unstaffedQueues()
        check.warnings += queueMembersWhoAreNotAgents()
        return check
    }

    /// Whether every ticket `later` matches is matched by `earlier` first: each of
    /// `earlier`'s conditions is absent or allows all that `later`'s does.
    static func covers(_ earlier: RoutingRule, _ later: RoutingRule, terms: (String) -> Set<String>) -> Bool {
        func lowercased(_ names: [String]?) -> [String]? { names?.map { $0.lowercased() } }
        // Every priority listed is the same as none listed.
        func priorities(_ rule: RoutingRule) -> [Priority]? {
            rule.priorities.flatMap { Set($0) == Set(Priority.allCases) ? nil : $0 }
        }
        func keywordsCovered() -> Bool {
            guard let wide = earlier.keywords else { return true }
            guard let narrow = later.keywords else { return false }
            // A keyword whose words include all of an earlier keyword's is matched by it.
            return narrow.allSatisfy { keyword in
                wide.contains { !terms($0).isEmpty && terms($0).isSubset(of: terms(keyword)) }
            }
        }
        return allows(lowercased(earlier.categories), everything: lowercased(later.categories))
            && allows(priorities(earlier), everything: priorities(later)) && keywordsCovered()
    }

    /// Whether a condition `wide` admits every value `narrow` does; nil admits anything.
    private static func allows<Value: Hashable>(_ wide: [Value]?, everything narrow: [Value]?) -> Bool {
        guard let wide else { return true }
        guard let narrow else { return false }
        return Set(narrow).isSubset(of: wide)
    }

    /// Queues a ticket can land in that no agent belongs to: nobody has them among "my queues".
    private func unstaffedQueues() -> [ConfigurationError.Problem] {
        knownQueues.compactMap { queue in
            let members = queues?[queue]
            guard !(members?.agents ?? []).contains(where: isAgent), !(members?.groups ?? []).contains(where: isAgentGroup)
            else { return nil }
            let firstRule = routing?.rules.first { $0.queue == queue }?.location
            let location =
                members?.location ?? firstRule ?? (queue == routing?.defaultQueue ? routing?.defaultQueueLocation : nil)
            let role = queue == defaultQueue ? "the default queue \(queue)" : "queue \(queue)"
            return .init(
                code: .invalidValue, location: location, field: "queues.\(queue)",
                message: "no agent belongs to \(role), so its tickets are in nobody's \"my queues\"; "
                    + "add one under \"queues\": {\"\(queue)\": {\"agents\": [...]}}")
        }
    }

    /// Queue members the configuration does not make agents: belonging gives them nothing.
    private func queueMembersWhoAreNotAgents() -> [ConfigurationError.Problem] {
        (queues ?? [:]).sorted { $0.key < $1.key }.flatMap { queue, members in
            (members.agents ?? []).filter { !isAgent($0) }.map { user in
                ConfigurationError.Problem(
                    code: .invalidValue, location: members.location, field: "queues.\(queue).agents",
                    message: "\(user) is in queue \(queue) but is not an agent; add \(user) to \"agents\"")
            }
        }
    }

    /// Whether a group gives its members the agent role, or lists a member who has it.
    private func isAgentGroup(_ group: String) -> Bool {
        (agentGroups ?? []).contains(group) || Identity.members(ofGroup: group).contains(where: isAgent)
    }
}
