import CSQLite
import Engine
import Foundation
import HelpdeskCore
import Knowledge
import Service
import Store

/// `helpdesk report` over 100,000 tickets (about 450,000 history events), 1,000,000 chat
/// messages, 50,000 outcomes and 2,000 unanswered questions spread over 90 days, beside
/// the plain SQL counts a dashboard would run on the same file.
enum ReportLoad {
    static let tickets = 100_000
    static let conversations = 100_000
    static let messagesPerConversation = 10

    static func report(knowledge: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-bench-report-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("helpdesk.sqlite").path
        let now = Date()
        do {
            let database = try HelpdeskDatabase(path: path)
            let seedStart = ContinuousClock.now
            try seed(path, now: now.timeIntervalSince1970)
            print(
                String(
                    format: "\nreport: %d tickets, %d messages, seeded in %.1f s", tickets,
                    conversations * messagesPerConversation, (ContinuousClock.now - seedStart).seconds))
            let engine = GroundedEngine(
                index: try KnowledgeBase.load(knowledge, cacheDirectory: nil).index, tools: ToolCatalog(tools: []))
            let service = try HelpdeskService(
                database: database, configuration: Configuration(), identity: .demoAgent, engine: engine)
            for days in [30, 100] {
                let since = now.addingTimeInterval(-Double(days) * 86_400)
                var figures: Report?
                let report = try median { figures = try service.report(since: since, until: now) }
                let baseline = try median { try plainCounts(path, since: since.timeIntervalSince1970) }
                print(
                    String(
                        format: "  last %3d days: helpdesk report %4.0f ms (%d opened, %d resolved, %d gap topics)"
                            + "; plain SQL counts %4.0f ms",
                        days, report * 1000, figures?.tickets.opened.total ?? 0, figures?.tickets.resolved.total ?? 0,
                        figures?.knowledgeGaps.topics.count ?? 0, baseline * 1000))
            }
        } catch {
            fail("report: \(error)")
        }
    }

    /// The median of five timed runs after one untimed one.
    private static func median(_ body: () throws -> Void) throws -> Double {
        try body()
        var times: [Double] = []
        for _ in 0..<5 {
            let start = ContinuousClock.now
            try body()
            times.append((ContinuousClock.now - start).seconds)
        }
        return times.sorted()[2]
    }

    /// What a dashboard would run by hand: tickets opened by category, priority and queue,
    /// resolutions, ratings and the conversations with a question, counted in SQL.
    private static func plainCounts(_ path: String, since: Double) throws {
        try withDatabase(path) { db in
            for sql in [
                "SELECT category, priority, queue, COUNT(*) FROM ticket WHERE created >= \(since) GROUP BY 1, 2, 3",
                "SELECT kind, detail, COUNT(DISTINCT ticket) FROM ticketEvent WHERE at >= \(since) AND kind IN ('status', 'rating') GROUP BY 1, 2",
                "SELECT COUNT(DISTINCT conversation) FROM message WHERE role = 'employee' AND at >= \(since)",
                "SELECT solved, COUNT(*) FROM outcome WHERE at >= \(since) GROUP BY 1",
            ] {
                try execute(sql, db)
            }
        }
    }

    /// Everything in one transaction of `INSERT … SELECT` over a counter: seconds, not minutes.
    /// Times are spread by multiplying by primes, so the data has no runs a query could exploit.
    private static func seed(_ path: String, now: Double) throws {
        let span = 90 * 86_400
        let count = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
        let categories =
            "CASE i % 8 WHEN 0 THEN 'network' WHEN 1 THEN 'accounts' WHEN 2 THEN 'printing' WHEN 3 THEN 'email' "
            + "WHEN 4 THEN 'hardware' WHEN 5 THEN 'software' WHEN 6 THEN 'security' ELSE 'general' END"
        let gaps = [
            "how do I book a parking spot", "is there a car park booking system", "where can I reserve parking",
            "can I bring my dog to the office", "are pets allowed at work", "how do I order a standing desk",
            "who approves a new office chair", "where is the lost and found", "how do I claim travel expenses",
            "what is the per diem for travel",
        ]
        try withDatabase(path) { db in
            try execute("BEGIN", db)
            try execute(
                String(format: count, tickets) + """
                    INSERT INTO ticket (id, requester, title, summary, category, priority, status, queue, assignee, created,
                        updated, dueBy, conversation)
                    SELECT i, 'user' || (i % 700), 'Generated ticket ' || i, 'generated', \(categories),
                        'P' || (1 + (i * 7) % 4), CASE WHEN i % 10 < 7 THEN 'closed' WHEN i % 10 < 8 THEN 'resolved' ELSE 'open' END,
                        CASE i % 3 WHEN 0 THEN 'service-desk' WHEN 1 THEN 'network' ELSE 'desktop' END, 'alice',
                        \(now) - (i * 7919) % \(span), \(now), \(now) - (i * 7919) % \(span) + 14400,
                        CASE WHEN i % 3 = 0 THEN i ELSE NULL END FROM n
                    """, db)
            // History in time order, as the helpdesk writes it.
            try execute(
                """
                CREATE TEMP TABLE step AS
                SELECT id AS ticket, requester AS actor, 'created' AS kind, title AS detail, created AS at FROM ticket
                UNION ALL SELECT id, 'alice', 'comment', 'On it', created + 600 + (id * 37) % 20000 FROM ticket
                UNION ALL SELECT id, 'alice', 'status', 'resolved', created + 3600 + (id * 53) % 200000 FROM ticket
                    WHERE status != 'open' OR id % 20 = 9
                UNION ALL SELECT id, requester, 'status', 'open', created + 7200 + (id * 53) % 200000 FROM ticket WHERE id % 20 = 9
                UNION ALL SELECT id, requester, 'status', 'closed', created + 7200 + (id * 53) % 200000 FROM ticket
                    WHERE status = 'closed'
                UNION ALL SELECT id, requester, 'rating', 1 + id % 5, created + 7200 + (id * 53) % 200000 FROM ticket
                    WHERE status = 'closed' AND id % 2 = 0;
                INSERT INTO ticketEvent (ticket, actor, kind, detail, at) SELECT * FROM step ORDER BY at;
                DROP TABLE step;
                """, db)
            try execute(
                String(format: count, conversations) + """
                    INSERT INTO conversation (id, user, state, started, updated)
                    SELECT i, 'user' || (i % 700), '{}', \(now) - (i * 6007) % \(span), \(now) FROM n
                    """, db)
            try execute(
                String(format: count, messagesPerConversation) + """
                    INSERT INTO message (conversation, role, text, at)
                    SELECT c.id, CASE n.i % 2 WHEN 1 THEN 'employee' ELSE 'helpdesk' END, 'message ' || n.i, c.started + n.i * 30
                    FROM conversation c, n ORDER BY c.started + n.i * 30
                    """, db)
            try execute(
                """
                INSERT INTO outcome (conversation, user, solved, articles, tool, at)
                SELECT id, user, id % 3 != 0, CASE id % 4 WHEN 0 THEN '["network/vpn-drops"]' WHEN 1 THEN '["accounts/password-reset"]'
                    ELSE '["printing/printer-offline","network/vpn-drops"]' END, NULL, started + 300
                FROM conversation WHERE id % 2 = 0
                """, db)
            try execute(
                String(format: count, 20_000) + """
                    INSERT INTO approval (tool, arguments, requester, state, created, expires)
                    SELECT CASE i % 2 WHEN 0 THEN 'reset_password' ELSE 'unlock_account' END, '{}', 'user' || i,
                        CASE i % 5 WHEN 0 THEN 'denied' WHEN 1 THEN 'failed' ELSE 'executed' END, \(now) - (i * 4001) % \(span), \(now)
                    FROM n
                    """, db)
            let questions = gaps.map { "'\($0)'" }.joined(separator: ", ")
            try execute(
                String(format: count, 2_000) + """
                    , q(k, text) AS (SELECT key, value FROM json_each('[\(questions.replacingOccurrences(of: "'", with: "\""))]'))
                    INSERT INTO knowledgeGap (conversation, user, question, at)
                    SELECT i, 'user' || i, q.text, \(now) - (i * 3001) % \(span) FROM n JOIN q ON q.k = i % \(gaps.count)
                    """, db)
            try execute("COMMIT", db)
        }
    }

    private static func withDatabase(_ path: String, _ body: (OpaquePointer) throws -> Void) throws {
        var handle: OpaquePointer?
        guard sqlite3_open(path, &handle) == SQLITE_OK, let handle else {
            sqlite3_close(handle)
            throw HelpdeskError.unavailable(path, "sqlite3_open failed")
        }
        defer { sqlite3_close(handle) }
        try body(handle)
    }

    private static func execute(_ sql: String, _ db: OpaquePointer) throws {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(db, sql, nil, nil, &message) == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? "unknown"
            sqlite3_free(message)
            throw HelpdeskError.unavailable("bench database", "\(text) in \(sql.prefix(80))")
        }
    }
}
