import Foundation
import GRDB
import HelpdeskCore
import Store
import Testing

/// Anyone who can write one row must not be able to crash every reader: a title stored as
/// bytes that are not UTF-8, or a number where text belongs, once stopped the agent console
/// (exit 132) on every start.
struct MalformedRowTests {
    @Test func valuesThatAreNotTextAreReadInsteadOfCrashing() throws {
        let store = try TemporaryDatabase()
        let ticket = try store.database.createTicket(
            .init(title: "printer", category: "printing", priority: .p3, summary: "jams"), requester: "ann")
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in
            try db.execute(
                sql: """
                    UPDATE ticket SET title = X'C328FF', summary = CAST(X'E282' AS TEXT), category = 42, assignee = 1.5,
                        created = 'yesterday' WHERE id = ?
                    """,
                arguments: [ticket.id])
            try db.execute(
                sql: "INSERT INTO ticketEvent (ticket, actor, kind, detail, at) VALUES (?, X'FF', 'comment', X'FE', 'noon')",
                arguments: [ticket.id])
            try db.execute(
                sql:
                    "INSERT INTO audit (at, actor, action, subject, detail, previousHash, hash) VALUES ('x', X'FF', 1, 2.5, X'', '', '')"
            )
        }
        try queue.close()

        let read = try #require(try store.database.ticket(ticket.id))
        #expect(read.title == "\u{FFFD}(\u{FFFD}")
        #expect(read.category == "42")
        #expect(read.assignee == "1.5")
        #expect(read.created == Date(timeIntervalSince1970: 0))
        #expect(try store.database.tickets(requester: "ann").map(\.id) == [ticket.id])
        #expect(try store.database.events(of: ticket.id).last?.actor == "\u{FFFD}")
        #expect(try store.database.auditEntries().last?.action == "1")
        // The planted entry breaks the chain, and verifying says so instead of crashing.
        guard case .broken = try store.database.verifyAudit() else {
            Issue.record("a planted audit entry must break the chain")
            return
        }
    }

    @Test func aRequestWithBytesForItsToolIsListedInsteadOfCrashing() throws {
        let store = try TemporaryDatabase()
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO approval (tool, arguments, requester, state, created, expires, decidedBy)
                    VALUES (X'FF', '{}', X'C328', 'pending', 'then', 1e300, 7)
                    """)
        }
        try queue.close()
        let pending = try store.database.approvals(states: [.pending])
        #expect(pending.map(\.call.tool) == ["\u{FFFD}"])
        #expect(pending.first?.decidedBy == "7")
    }
}
