import Foundation
import HelpdeskCore
import Service
import Store
import Testing

/// Each routing rule sends a new ticket to its queue; agents see and move queues.
struct RoutingTests {
    final class Setup {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-routing-\(UUID().uuidString)")
        let database: HelpdeskDatabase
        let configuration: Configuration

        init() throws {
            database = try HelpdeskDatabase(path: folder.appendingPathComponent("db.sqlite").path)
            var configuration = Configuration(agents: ["alice", "frank", "sam"], agentGroups: ["helpdesk"])
            configuration.routing = Routing(
                rules: [
                    RoutingRule(priorities: [.p1], keywords: ["breach"], queue: "secops"),
                    RoutingRule(categories: ["network"], queue: "netops"),
                    RoutingRule(keywords: ["payroll", "salary"], queue: "finance-it", assignee: "frank"),
                    RoutingRule(categories: ["security"], priorities: [.p1, .p2], queue: "secops"),
                ], defaultQueue: "service-desk")
            configuration.queues = [
                "netops": QueueMembers(agents: ["alice"], groups: ["netadmins"]),
                "finance-it": QueueMembers(agents: ["frank"]),
                "secops": QueueMembers(groups: ["security"]),
                "service-desk": QueueMembers(agents: ["alice", "sam"]),
            ]
            self.configuration = configuration
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        func service(_ user: String, groups: [String] = []) throws -> HelpdeskService {
            try HelpdeskService(database: database, configuration: configuration, identity: Identity(user: user, groups: groups))
        }

        /// Files a ticket as ann and returns it as stored.
        func file(_ title: String, category: String = "general", priority: Priority = .p3, summary: String = "")
            throws -> Ticket
        {
            let filed = try service("ann").fileTicket(
                TicketDraft(title: title, category: category, priority: priority, summary: summary), from: nil)
            return try service("alice").ticket(filed.id).ticket
        }
    }

    @Test func aCategoryRuleSendsItsCategoryToItsQueue() throws {
        let setup = try Setup()
        #expect(try setup.file("VPN keeps dropping", category: "network").queue == "netops")
        #expect(try setup.file("VPN keeps dropping", category: "Network").queue == "netops")
    }

    @Test func aKeywordRuleMatchesWholeWordsInTheTitleOrSummaryWhateverTheirForm() throws {
        let setup = try Setup()
        #expect(try setup.file("Payroll's export fails").queue == "finance-it")
        #expect(try setup.file("Cannot open a file", summary: "Problem: my SALARY slip is blank").queue == "finance-it")
        #expect(try setup.file("Salaries page is empty").queue == "finance-it")
    }

    @Test func aKeywordInsideAnotherWordDoesNotMatch() throws {
        let setup = try Setup()
        // "salaryman" and "unbreachable" are words of their own.
        #expect(try setup.file("The Salaryman app needs access").queue == "service-desk")
        #expect(try setup.file("An unbreachable vault", priority: .p1).queue == "service-desk")
    }

    @Test func aPriorityRuleNeedsItsPriorityAndItsOtherConditions() throws {
        let setup = try Setup()
        #expect(try setup.file("Phishing mail", category: "security", priority: .p2).queue == "secops")
        #expect(try setup.file("Phishing mail", category: "security", priority: .p3).queue == "service-desk")
    }

    @Test func theFirstMatchingRuleWins() throws {
        let setup = try Setup()
        // Both the breach rule (first) and the network rule (second) match.
        #expect(try setup.file("Breach on the wifi", category: "network", priority: .p1).queue == "secops")
        // The network rule comes before the payroll rule.
        #expect(try setup.file("Payroll site unreachable", category: "network").queue == "netops")
    }

    @Test func aTicketNoRuleMatchesGoesToTheDefaultQueue() throws {
        let setup = try Setup()
        #expect(try setup.file("Printer jams", category: "printing").queue == "service-desk")
        var unrouted = setup.configuration
        unrouted.routing = nil
        let plain = try HelpdeskService(database: setup.database, configuration: unrouted, identity: Identity(user: "ann"))
        let ticket = try plain.fileTicket(TicketDraft(title: "VPN", category: "network", priority: .p3, summary: ""), from: nil)
        #expect(ticket.queue == Routing.fallbackQueue)
    }

    @Test func aRulesAssigneeGetsTheTicketAndTheHistorySaysTheHelpdeskDidIt() throws {
        let setup = try Setup()
        let ticket = try setup.file("Payroll export fails")
        #expect(ticket.assignee == "frank")
        let history = try setup.service("alice").ticket(ticket.id).history
        #expect(history.map(\.kind) == [.created, .queue, .assignment])
        #expect(history.dropFirst().allSatisfy { $0.actor == "helpdesk" })
        #expect(history.map(\.detail).suffix(2) == ["finance-it", "frank"])
        let audit = try setup.service("alice").auditEntries(limit: nil)
        #expect(audit.contains { $0.action == "ticket.routed" && $0.detail.contains("routing.rules[2]") })
    }

    @Test func agentsBelongToQueuesByNameAndByGroup() throws {
        let setup = try Setup()
        #expect(try setup.service("alice").myQueues() == ["netops", "service-desk"])
        #expect(try setup.service("frank", groups: ["netadmins"]).myQueues() == ["finance-it", "netops"])
        #expect(try setup.service("carol", groups: ["helpdesk", "security"]).myQueues() == ["secops"])
        #expect(throws: HelpdeskError.agentsOnly("see the queues")) { try setup.service("ann").myQueues() }
    }

    @Test func onlyAgentsMoveATicketAndOnlyToAQueueThatExists() throws {
        let setup = try Setup()
        let ticket = try setup.file("Printer jams")
        #expect(throws: HelpdeskError.agentsOnly("move a ticket to another queue")) {
            try setup.service("ann").setQueue(ticket.id, to: "netops")
        }
        #expect(throws: HelpdeskError.self) { try setup.service("alice").setQueue(ticket.id, to: "nowhere") }
        #expect(try setup.service("alice").setQueue(ticket.id, to: "netops").queue == "netops")
        let detail = try setup.service("alice").ticket(ticket.id)
        #expect(detail.ticket.queue == "netops")
        #expect(detail.history.last?.kind == .queue && detail.history.last?.actor == "alice")
    }
}
