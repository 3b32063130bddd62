import GRDB

extension HelpdeskDatabase {
    /// Calls `anchor` with the anchors of the audit entries each transaction of this
    /// process appended, once that transaction has committed — never for one rolled back,
    /// so the journal only ever vouches for entries the database really holds.
    ///
    /// A transaction observer rather than a call in `audit(_:actor:…)`: the entry is
    /// appended inside the caller's transaction, which can still fail after it, and only
    /// the connection knows when the commit happened. `anchor` runs on the writer, in
    /// commit order, before the next write starts; keep it short.
    public func anchorAudit(_ anchor: @escaping @Sendable ([AuditAnchor]) -> Void) {
        let database = AuditAnchor.databaseName(path)
        pool.writeWithoutTransaction { db in
            db.add(transactionObserver: AuditCommitObserver(database: database, anchor: anchor), extent: .databaseLifetime)
        }
    }
}

/// Collects the rows inserted into `audit` during a transaction and hands their anchors
/// over when it commits. Made and used on the pool's writer only, one transaction at a time.
private final class AuditCommitObserver: TransactionObserver {
    let database: String
    let anchor: @Sendable ([AuditAnchor]) -> Void
    private var appended: [Int64] = []

    init(database: String, anchor: @escaping @Sendable ([AuditAnchor]) -> Void) {
        self.database = database
        self.anchor = anchor
    }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        if case .insert(let table) = eventKind { return table == "audit" }
        return false
    }

    func databaseDidChange(with event: DatabaseEvent) {
        appended.append(event.rowID)
    }

    func databaseDidCommit(_ db: Database) {
        guard !appended.isEmpty else { return }
        defer { appended.removeAll() }
        // Read by id on the writer right after the commit: the rows are exactly the ones
        // this transaction appended. Should the read fail, only the anchor is lost, and
        // `audit verify --against-journal` then reports the entry as not in the journal.
        let rows = try? Row.fetchAll(
            db, sql: "SELECT id, hash FROM audit WHERE id IN (\(appended.map(String.init).joined(separator: ","))) ORDER BY id")
        let anchors = (rows ?? []).map { AuditAnchor(database: database, entry: $0.integer("id"), hash: $0.text("hash")) }
        if !anchors.isEmpty { anchor(anchors) }
    }

    func databaseDidRollback(_ db: Database) {
        appended.removeAll()
    }
}
