import Foundation
import GRDB
import Store
import Testing

struct AuditLogTests {
    /// A store with three audited changes.
    private func audited() throws -> TemporaryDatabase {
        let store = try TemporaryDatabase()
        _ = try store.database.createTicket(
            .init(title: "Printer jam", category: "printing", priority: .p3, summary: "s"), requester: "ann")
        _ = try store.database.assign(1, to: "alice", by: "alice")
        _ = try store.database.setStatus(1, to: .resolved, by: "alice")
        return store
    }

    /// Changes the file behind the store's back, as someone with write access could.
    private func tamper(_ store: TemporaryDatabase, _ sql: String) throws {
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in try db.execute(sql: sql) }
    }

    @Test func everyChangeIsLoggedAndTheChainVerifies() throws {
        let store = try audited()
        let entries = try store.database.auditEntries()
        #expect(entries.map(\.action) == ["ticket.created", "ticket.assignment", "ticket.status"])
        #expect(entries.map(\.actor) == ["ann", "alice", "alice"])
        #expect(entries[0].previousHash == String(repeating: "0", count: 64))
        #expect(entries[1].previousHash == entries[0].hash)
        #expect(try store.database.verifyAudit() == .intact(entries: 3))
    }

    @Test func anEditedEntryIsFound() throws {
        let store = try audited()
        try tamper(store, "UPDATE audit SET actor = 'mallory' WHERE id = 2")
        #expect(
            try store.database.verifyAudit() == .broken(entry: 2, reason: "its contents do not match its hash (it was edited)"))
    }

    @Test func aRemovedEntryIsFound() throws {
        let store = try audited()
        try tamper(store, "DELETE FROM audit WHERE id = 2")
        guard case .broken(let entry, _) = try store.database.verifyAudit() else {
            Issue.record("a gap in the chain was not noticed")
            return
        }
        #expect(entry == 3)
    }

    @Test func aRewrittenHashDoesNotHideAnEdit() throws {
        let store = try audited()
        // Editing a row and recomputing nothing but its own hash breaks the next link.
        try tamper(store, "UPDATE audit SET detail = 'closed', hash = 'f00d' WHERE id = 2")
        guard case .broken(let entry, _) = try store.database.verifyAudit() else {
            Issue.record("the edit was not noticed")
            return
        }
        #expect(entry == 2)
    }
}
