import Foundation
import GRDB
import HelpdeskCore

/// The reads behind `helpdesk report`: each one a single query, so a report over 100,000
/// tickets stays well under a second.
extension HelpdeskDatabase {
    /// The tickets with history in `period`, and the active ones whose due time fell in
    /// it, with their steps before the period's end.
    public func ticketHistories(in period: Range<Date>) throws -> [TicketHistory] {
        let (since, until) = (period.lowerBound.timeIntervalSince1970, period.upperBound.timeIntervalSince1970)
        return try read { db in
            let touched = "SELECT ticket FROM ticketEvent WHERE at >= ? AND at < ?"
            var tickets: [Int: TicketHistory] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, title, category, priority, status, queue, created, dueBy, conversation FROM ticket
                    WHERE id IN (\(touched)) OR (status IN ('new', 'open', 'pending') AND dueBy >= ? AND dueBy < ?)
                    """, arguments: [since, until, since, until])
            while let row = try rows.next() {
                let id = row.integer(at: 0)
                let conversation = row.integer(at: 8)
                tickets[id] = TicketHistory(
                    id: id, title: row.text(at: 1), category: row.text(at: 2),
                    priority: Priority(rawValue: row.text(at: 3)) ?? .p3,
                    queue: row.text(at: 5), status: Ticket.Status(rawValue: row.text(at: 4)) ?? .open,
                    created: Date(timeIntervalSince1970: row.double(at: 6)),
                    dueBy: Date(timeIntervalSince1970: row.double(at: 7)),
                    conversation: conversation == 0 ? nil : conversation)
            }
            // Read in one sequential pass from the first event after the oldest such ticket
            // was filed (found by the time index): looking the events up ticket by ticket
            // costs five times as much once a period covers most tickets. Integers only, by
            // position: a string or a column looked up by name per row would double it again.
            let oldest = tickets.values.map(\.created.timeIntervalSince1970).min() ?? until
            let first = try Int.fetchOne(db, sql: "SELECT MIN(id) FROM ticketEvent WHERE at >= ?", arguments: [oldest]) ?? 0
            let statuses = Ticket.Status.allCases
            let statusCode = statuses.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }.joined(
                separator: " ")
            let steps = try Row.fetchCursor(
                db,
                sql: """
                    SELECT e.ticket, CASE e.kind WHEN 'status' THEN 0 WHEN 'rating' THEN 3
                        ELSE CASE WHEN e.actor = t.requester THEN 1 ELSE 2 END END,
                        CASE e.kind WHEN 'status' THEN CASE e.detail \(statusCode) ELSE -1 END
                        ELSE CAST(e.detail AS INTEGER) END, e.at
                    FROM ticketEvent e JOIN ticket t ON t.id = e.ticket
                    WHERE e.id >= ? AND e.kind IN ('status', 'comment', 'rating') AND +e.at < ? ORDER BY e.id
                    """, arguments: [first, until])
            while let row = try steps.next() {
                let (id, code, value) = (row.integer(at: 0), row.integer(at: 1), row.integer(at: 2))
                let kind: TicketHistory.Step.Kind? =
                    switch code {
                    case 0: statuses.indices.contains(value) ? .status(statuses[value]) : nil
                    case 1, 2: .comment(byRequester: code == 1)
                    default: (1...5).contains(value) ? .rating(value) : nil
                    }
                if let kind { tickets[id]?.steps.append(.init(kind: kind, at: Date(timeIntervalSince1970: row.double(at: 3)))) }
            }
            return tickets.values.sorted { $0.id < $1.id }
        }
    }

    /// How many conversations the employee wrote in during `period`.
    public func conversationsWithQuestions(in period: Range<Date>) throws -> Int {
        try read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(DISTINCT conversation) FROM message WHERE role = 'employee' AND at >= ? AND at < ?",
                arguments: [period.lowerBound.timeIntervalSince1970, period.upperBound.timeIntervalSince1970]) ?? 0
        }
    }

    /// When tickets were filed from conversations during `period`, by conversation.
    public func ticketsFiledFromConversations(in period: Range<Date>) throws -> [Int: [Date]] {
        try read { db in
            var filed: [Int: [Date]] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: "SELECT conversation, created FROM ticket WHERE conversation IS NOT NULL AND created >= ? AND created < ?",
                arguments: [period.lowerBound.timeIntervalSince1970, period.upperBound.timeIntervalSince1970])
            while let row = try rows.next() { filed[row.integer("conversation"), default: []].append(row.date("created")) }
            return filed
        }
    }

    /// Tool requests made during `period`, counted by tool and the state they are in now.
    public func toolRequests(in period: Range<Date>) throws -> [(tool: String, state: String, count: Int)] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT tool, state, COUNT(*) AS count FROM approval WHERE created >= ? AND created < ?
                    GROUP BY tool, state ORDER BY tool, state
                    """,
                arguments: [period.lowerBound.timeIntervalSince1970, period.upperBound.timeIntervalSince1970]
            ).map { ($0.text("tool"), $0.text("state"), $0.integer("count")) }
        }
    }
}

extension HelpdeskDatabase {
    /// The answers to "did that solve it?" given during `period`, oldest first.
    public func outcomeAnswers(in period: Range<Date>) throws -> [(conversation: Int, solved: Bool, at: Date)] {
        try read { db in
            var answers: [(Int, Bool, Date)] = []
            let rows = try Row.fetchCursor(
                db, sql: "SELECT conversation, solved, at FROM outcome WHERE at >= ? AND at < ? ORDER BY id",
                arguments: [period.lowerBound.timeIntervalSince1970, period.upperBound.timeIntervalSince1970])
            while let row = try rows.next() {
                answers.append((row.integer(at: 0), row.integer(at: 1) != 0, Date(timeIntervalSince1970: row.double(at: 2))))
            }
            return answers
        }
    }

    /// Per article: the answers during `period` to "did that solve it?" after it was shown,
    /// and how many said it did.
    public func articleOutcomes(in period: Range<Date>) throws -> [(article: String, shown: Int, helped: Int)] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT shown.value AS article, COUNT(DISTINCT o.id) AS shown,
                        COUNT(DISTINCT CASE WHEN o.solved THEN o.id END) AS helped
                    FROM outcome o, json_each(CASE WHEN json_valid(o.articles) THEN o.articles ELSE '[]' END) shown
                    WHERE o.at >= ? AND o.at < ? GROUP BY shown.value
                    """,
                arguments: [period.lowerBound.timeIntervalSince1970, period.upperBound.timeIntervalSince1970]
            ).map { ($0.text("article"), $0.integer("shown"), $0.integer("helped")) }
        }
    }
}
