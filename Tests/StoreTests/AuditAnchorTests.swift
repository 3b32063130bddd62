import Foundation
import HelpdeskCore
import Synchronization
import Testing

@testable import Store

/// The anchors the daemon writes to the journal, and how the log is held against them.
struct AuditAnchorTests {
    /// What `anchorAudit` handed over, in order.
    private final class Anchored: Sendable {
        let anchors = Mutex<[AuditAnchor]>([])
        func append(_ new: [AuditAnchor]) { anchors.withLock { $0 += new } }
        var all: [AuditAnchor] { anchors.withLock { $0 } }
    }

    private struct Abort: Error {}

    @Test func committedEntriesAreAnchoredAndRolledBackOnesAreNot() throws {
        let store = try TemporaryDatabase()
        let anchored = Anchored()
        store.database.anchorAudit { anchored.append($0) }
        _ = try store.database.createTicket(
            .init(title: "Printer jam", category: "printing", priority: .p3, summary: "s"), requester: "ann")
        // An entry appended in a transaction that then fails is never anchored.
        #expect(throws: Abort.self) {
            try store.database.write { db in
                try HelpdeskDatabase.audit(db, actor: "ann", action: "test", subject: "none", detail: "", at: Date())
                throw Abort()
            }
        }
        _ = try store.database.assign(1, to: "alice", by: "alice")

        let entries = try store.database.auditEntries()
        #expect(entries.count == 2)
        let name = AuditAnchor.databaseName(store.path)
        #expect(anchored.all == entries.map { AuditAnchor(database: name, entry: $0.id, hash: $0.hash) })
    }

    @Test func aMessageReadsBackFromAnyJournalFormat() throws {
        let anchor = AuditAnchor(database: "/srv/help desk/db.sqlite", entry: 17, hash: String(repeating: "ab", count: 32))
        #expect(AuditAnchor(line: anchor.message) == anchor)
        // rsyslog's /var/log/auth.log puts a time, the host and the tag before the message.
        #expect(AuditAnchor(line: "2026-03-02T10:00:01.5+01:00 host helpdesk-audit[412]: \(anchor.message)\r") == anchor)
        #expect(AuditAnchor.databaseName("/srv/./help desk/../help desk/db.sqlite") == anchor.database)
    }

    @Test(arguments: [
        "helpdesk serve: listening on /run/helpdesk/helpdesk.sock",
        "audit entry=17 hash=abc database=/db",
        "audit entry=x hash=\(String(repeating: "a", count: 64)) database=/db",
        "audit entry=17 hash=\(String(repeating: "A", count: 64)) database=/db",
        "audit entry=17 hash=\(String(repeating: "a", count: 64)) database=",
        "audit entry=17 database=/db hash=\(String(repeating: "a", count: 64))",
    ])
    func otherLinesAreNotAnchors(line: String) {
        #expect(AuditAnchor(line: line) == nil)
    }

    // MARK: - Held against the log

    private let log = (1...5).map { entry(id: $0, hash: "h\($0)") }

    private static func entry(id: Int, hash: String) -> AuditEntry {
        AuditEntry(id: id, at: Date(), actor: "a", action: "x", subject: "s", detail: "", previousHash: "", hash: hash)
    }

    private func anchors(_ numbers: some Sequence<Int>, hash: (Int) -> String = { "h\($0)" }) -> [AuditAnchor] {
        numbers.map { AuditAnchor(database: "/db", entry: $0, hash: hash($0)) }
    }

    @Test func aJournalWithEveryEntryAgreesEvenWithRepeatedLines() {
        let comparison = AuditJournalComparison(entries: log, journal: anchors([5, 1, 2, 3, 4, 2, 5]))
        #expect(comparison.agrees)
        #expect(comparison.anchored == 5)
    }

    @Test func aRewriteIsFoundAtItsFirstEntry() {
        let comparison = AuditJournalComparison(entries: log, journal: anchors(1...5) { $0 >= 3 ? "old\($0)" : "h\($0)" })
        #expect(comparison.firstParting == 3)
        #expect(comparison.mismatches.map(\.entry) == [3, 4, 5])
        #expect(comparison.mismatches.first == .init(entry: 3, database: "h3", journal: "old3"))
    }

    @Test func aDeletedEntryIsNamed() {
        let comparison = AuditJournalComparison(entries: log.filter { $0.id != 4 }, journal: anchors(1...5))
        #expect(comparison.deleted == [4])
        #expect(comparison.firstParting == 4)
    }

    @Test func entriesBeforeTheFirstAnchorAreCoveredButATailIsNot() {
        let comparison = AuditJournalComparison(entries: log, journal: anchors(2...3))
        #expect(comparison.coveredByLaterAnchor == [1])
        #expect(comparison.unanchored == [4, 5])
        #expect(comparison.firstParting == 4)
        #expect(AuditJournalComparison(entries: log, journal: anchors([3, 5])).agrees)
    }

    @Test func twoHashesForOneEntryAreAConflictEvenIfOneMatches() {
        let forged = AuditAnchor(database: "/db", entry: 2, hash: "forged")
        let comparison = AuditJournalComparison(entries: log, journal: anchors(1...5) + [forged])
        #expect(comparison.conflicting == [2])
        #expect(comparison.firstParting == 2)
    }
}
