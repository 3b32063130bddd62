import Foundation
import HelpdeskCore
import Service
import Store
import Testing

/// Every figure of the report against values worked out by hand from a week of known
/// tickets, conversations, outcomes and requests. Business hours are Monday to Friday,
/// 09:00 to 17:00 UTC; 7 March 2025 was a Friday.
struct ReportTests {
    private static func at(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text + ":00Z") ?? Date(timeIntervalSince1970: 0)
    }

    /// The seeded database, and ids by ticket name.
    private final class Seeded {
        let setup: ServiceSetup
        let alice: HelpdeskService
        var ids: [String: Int] = [:]

        init() throws {
            setup = try ServiceSetup()
            var configuration = Configuration(agents: ["alice", "dave"])
            configuration.businessHours = BusinessHours(timeZone: "UTC")
            alice = try HelpdeskService(database: setup.database, configuration: configuration, identity: Identity(user: "alice"))
            try seedTickets()
            try seedConversations()
            try seedRequests()
        }

        private var database: HelpdeskDatabase { setup.database }

        private func file(
            _ name: String, _ priority: Priority, _ category: String, by requester: String, at time: String,
            conversation: Int? = nil
        ) throws {
            ids[name] = try database.createTicket(
                TicketDraft(title: name, category: category, priority: priority, summary: "…"), conversation: conversation,
                requester: requester, at: at(time)
            ).id
        }

        private func status(_ name: String, _ status: Ticket.Status, by actor: String, at time: String) throws {
            _ = try database.setStatus(ids[name] ?? 0, to: status, by: actor, at: at(time))
        }

        private func comment(_ name: String, by actor: String, at time: String) throws {
            _ = try database.comment(on: ids[name] ?? 0, by: actor, text: "…", at: at(time))
        }

        private func rate(_ name: String, _ rating: Int, by actor: String, at time: String) throws {
            try status(name, .closed, by: actor, at: time)
            _ = try database.rate(ids[name] ?? 0, rating, by: actor, at: at(time))
        }

        private func seedTickets() throws {
            // Filed before the period, resolved in it: 8h on Friday 28 February + 1h on Monday.
            try file("printer on fire", .p1, "network", by: "carol", at: "2025-02-28T09:00")
            try status("printer on fire", .resolved, by: "alice", at: "2025-03-03T10:00")
            try rate("printer on fire", 4, by: "carol", at: "2025-03-03T11:00")
            // Filed at the very start of the period and never touched: overdue since Tuesday 00:00.
            try file("new monitor", .p3, "general", by: "dave", at: "2025-03-03T00:00")
            // Resolved, reopened by the employee, resolved again before its due time (Wed 10:00).
            try file("locked out", .p3, "accounts", by: "bob", at: "2025-03-04T10:00")
            try comment("locked out", by: "alice", at: "2025-03-04T11:00")
            try comment("locked out", by: "bob", at: "2025-03-04T12:00")
            try status("locked out", .resolved, by: "alice", at: "2025-03-04T14:00")
            try status("locked out", .open, by: "bob", at: "2025-03-05T09:00")
            try status("locked out", .resolved, by: "alice", at: "2025-03-05T09:30")
            try rate("locked out", 2, by: "bob", at: "2025-03-05T13:00")
            // Across the weekend: first response Fri 16–17 + Mon 9–10 = 2h; resolved Tuesday 09:30 = 9.5h.
            try file("vpn drops", .p2, "network", by: "ann", at: "2025-03-07T16:00")
            try comment("vpn drops", by: "alice", at: "2025-03-10T10:00")
            try status("vpn drops", .resolved, by: "alice", at: "2025-03-11T09:30")
            try rate("vpn drops", 5, by: "ann", at: "2025-03-11T11:00")
            try file("toner", .p4, "printing", by: "ann", at: "2025-03-10T09:00")
            // At the period's end, so outside it.
            try file("too late", .p1, "network", by: "ann", at: "2025-03-12T00:00")
        }

        private func seedConversations() throws {
            func conversation(_ user: String, at time: String) throws -> Int {
                let id = try database.createConversation(for: user, at: at(time))
                try database.recordTurn(id, message: "help", reply: "…", state: Conversation(), at: at(time))
                return id
            }
            let solved = try conversation("ann", at: "2025-03-04T10:00")
            try database.recordOutcome(
                in: solved, user: "ann", solved: true, articles: ["network/vpn-drops"], tool: nil, at: at("2025-03-04T10:05"))
            // Said solved, but a ticket followed within a day: not self-service, an escalation.
            let followed = try conversation("bob", at: "2025-03-05T10:00")
            try database.recordOutcome(
                in: followed, user: "bob", solved: true, articles: ["network/vpn-drops"], tool: nil, at: at("2025-03-05T10:05"))
            try file("dock dead", .p4, "hardware", by: "bob", at: "2025-03-05T20:00", conversation: followed)
            let unsolved = try conversation("carol", at: "2025-03-06T10:00")
            try database.recordOutcome(
                in: unsolved, user: "carol", solved: false, articles: ["accounts/password-reset"], tool: nil,
                at: at("2025-03-06T10:05"))
            try database.recordKnowledgeGap("how do I book parking", in: unsolved, user: "carol", at: at("2025-03-06T10:10"))
            let before = try conversation("dave", at: "2025-02-20T10:00")
            try database.recordKnowledgeGap("where is the gym", in: before, user: "dave", at: at("2025-02-20T10:00"))
            _ = try conversation("ann", at: "2025-03-12T00:00")
        }

        private func seedRequests() throws {
            let denied = try database.requestTool(
                ToolCall(tool: "reset_password", arguments: [:]), requester: "ann", needsApproval: true, expiresIn: 3600,
                at: at("2025-03-04T10:00"))
            _ = try database.decide(denied.id, approve: false, by: "alice", note: "no", at: at("2025-03-04T10:10"))
            _ = try database.requestTool(
                ToolCall(tool: "unlock_account", arguments: [:]), requester: "bob", needsApproval: false, expiresIn: 3600,
                at: at("2025-03-06T10:00"))
            _ = try database.requestTool(
                ToolCall(tool: "unlock_account", arguments: [:]), requester: "bob", needsApproval: false, expiresIn: 3600,
                at: at("2025-02-06T10:00"))
        }
    }

    private func breakdown(_ total: Int, _ categories: [String: Int], _ priorities: [String: Int]) -> Report.Breakdown {
        var breakdown = Report.Breakdown()
        breakdown.total = total
        breakdown.byCategory = categories
        breakdown.byPriority = priorities
        breakdown.byQueue = [Routing.fallbackQueue: total]
        return breakdown
    }

    @Test func everyFigureOfAWeekEqualsTheHandCount() throws {
        let seeded = try Seeded()
        let ids = seeded.ids
        let report = try seeded.alice.report(since: Self.at("2025-03-03T00:00"), until: Self.at("2025-03-12T00:00"))

        #expect(report.conversations.total == 3)
        #expect(report.conversations.selfService == .init(count: 1, of: 3))
        #expect(report.conversations.escalation == .init(count: 1, of: 3))
        #expect(
            report.toolRuns == [
                .init(tool: "reset_password", outcome: "denied", count: 1),
                .init(tool: "unlock_account", outcome: "approved", count: 1),
            ])
        #expect(report.unansweredQuestions == 1)

        #expect(
            report.tickets.opened
                == breakdown(
                    5, ["general": 1, "accounts": 1, "network": 1, "printing": 1, "hardware": 1], ["P2": 1, "P3": 2, "P4": 2]))
        #expect(report.tickets.resolved == breakdown(3, ["network": 2, "accounts": 1], ["P1": 1, "P2": 1, "P3": 1]))
        #expect(report.tickets.reopened == breakdown(1, ["accounts": 1], ["P3": 1]))
        #expect(report.ticketsPerDay.map(\.day) == (3...11).map { String(format: "2025-03-%02d", $0) })
        #expect(report.ticketsPerDay.map(\.opened) == [1, 1, 1, 0, 1, 0, 0, 1, 0])
        #expect(report.ticketsPerDay.map(\.resolved) == [1, 0, 1, 0, 0, 0, 0, 0, 1])
        #expect(report.firstContactResolution == .init(count: 2, of: 3), "the reopened one with an exchange is not")

        let times = Dictionary(uniqueKeysWithValues: report.times.map { ($0.priority, $0) })
        #expect(times[.p1]?.firstResponse.hours == nil)
        #expect(times[.p1]?.resolution.hours == 9)
        #expect(times[.p2]?.firstResponse.hours == 2)
        #expect(times[.p2]?.resolution.hours == 9.5)
        #expect(times[.p3]?.firstResponse.hours == 1)
        #expect(times[.p3]?.resolution.hours == 7.5, "Tue 10–17 and Wed 9–9:30, to the resolution that counted")
        #expect(times[.p4]?.resolution.count == 0)

        let sla = Dictionary(uniqueKeysWithValues: report.sla.map { ($0.priority, $0.met) })
        #expect(
            sla == [
                .p1: .init(count: 0, of: 1), .p2: .init(count: 0, of: 1), .p3: .init(count: 1, of: 2),
                .p4: .init(count: 0, of: 1),
            ])
        #expect(
            report.breached.map(\.ticket) == [ids["printer on fire"], ids["new monitor"], ids["vpn drops"], ids["dock dead"]])
        #expect(report.breached.map(\.resolved) == [Self.at("2025-03-03T10:00"), nil, Self.at("2025-03-11T09:30"), nil])

        #expect(report.csat.satisfied == .init(count: 2, of: 3))
        #expect(report.csat.average == 11.0 / 3)
        #expect(report.csat.ratings == ["2": 1, "4": 1, "5": 1])
        #expect(
            report.articles == [
                .init(article: "network/vpn-drops", helped: .init(count: 2, of: 2)),
                .init(article: "accounts/password-reset", helped: .init(count: 0, of: 1)),
            ])
        // Questions from March 2025 are long past the 90 days their text is kept: counted, not shown.
        #expect(report.knowledgeGaps.retentionDays == 90)
        #expect(report.knowledgeGaps.topics.isEmpty)
        #expect(abs(report.knowledgeGaps.keptSince.timeIntervalSinceNow + 90 * 86_400) < 60)
    }

    /// `--since` and `--until` cut at the instant: what happens at `until` is outside.
    @Test func thePeriodsBoundsCutExactly() throws {
        let seeded = try Seeded()
        let report = try seeded.alice.report(since: Self.at("2025-03-05T00:00"), until: Self.at("2025-03-11T09:30"))

        #expect(report.conversations.total == 2)
        #expect(report.conversations.selfService == .init(count: 0, of: 2))
        #expect(report.conversations.escalation == .init(count: 1, of: 2))
        #expect(report.toolRuns == [.init(tool: "unlock_account", outcome: "approved", count: 1)])
        #expect(report.tickets.opened == breakdown(3, ["network": 1, "printing": 1, "hardware": 1], ["P2": 1, "P4": 2]))
        #expect(report.tickets.resolved == breakdown(1, ["accounts": 1], ["P3": 1]), "the 09:30 resolution is at `until`")
        #expect(report.tickets.reopened.total == 1)
        #expect(report.firstContactResolution == .init(count: 0, of: 1))
        let times = Dictionary(uniqueKeysWithValues: report.times.map { ($0.priority, $0) })
        #expect(times[.p2]?.firstResponse.hours == 2)
        #expect(times[.p3]?.firstResponse.count == 0, "its first response came before the period")
        #expect(times[.p3]?.resolution.hours == 7.5)
        let sla = Dictionary(uniqueKeysWithValues: report.sla.map { ($0.priority, $0.met) })
        #expect(
            sla == [
                .p1: .init(count: 0, of: 0), .p2: .init(count: 0, of: 0), .p3: .init(count: 1, of: 1),
                .p4: .init(count: 0, of: 1),
            ])
        #expect(report.csat.satisfied == .init(count: 0, of: 1))
        #expect(report.ticketsPerDay.count == 7)
    }

    @Test func employeesCannotReadTheReport() throws {
        let setup = try ServiceSetup()
        #expect(throws: HelpdeskError.self) {
            try setup.service("ann").report(since: Date(timeIntervalSince1970: 0), until: Date())
        }
    }

    /// Business hours across a weekend, a day off and a short day.
    @Test func businessHoursCountOnlyTheWorkingTime() {
        let hours = BusinessHours(timeZone: "UTC")
        #expect(hours.seconds(from: Self.at("2025-03-07T16:00"), to: Self.at("2025-03-10T10:00")) == 2 * 3600)
        #expect(hours.seconds(from: Self.at("2025-03-08T12:00"), to: Self.at("2025-03-09T12:00")) == 0)
        #expect(hours.seconds(from: Self.at("2025-03-03T00:00"), to: Self.at("2025-03-17T00:00")) == 80 * 3600)
        let lisbon = BusinessHours(days: [0, 1, 2, 3, 4], start: 8 * 60, end: 12 * 60, timeZone: "Europe/Lisbon")
        // Lisbon is UTC+1 in summer: Thursday 10:00 UTC is 11:00 there; Sunday is a working day.
        #expect(lisbon.seconds(from: Self.at("2025-07-03T10:00"), to: Self.at("2025-07-06T08:00")) == 1 * 3600 + 1 * 3600)
    }
}
