import HelpdeskCore

/// The audit log held against what the daemon anchored in the system journal for it.
///
/// It trusts the journal only where the journal cannot be made to hide anything: anyone
/// on a host may add a line to the journal, but only root can take one out. So a line
/// that disagrees with the database — a forged one too — counts against it, and an entry
/// counts as confirmed only when no line disagrees.
public struct AuditJournalComparison: Sendable, Equatable {
    /// An entry whose hash in the database is not the one the journal kept.
    public struct Mismatch: Sendable, Equatable {
        public let entry: Int
        public let database: String
        public let journal: String
    }

    /// How many entries the database holds.
    public let entries: Int
    /// Entries whose hash the journal holds, exactly once.
    public let anchored: Int
    /// Entries the database holds with another hash than the journal's, oldest first.
    public let mismatches: [Mismatch]
    /// Entries the journal anchored that the database no longer holds.
    public let deleted: [Int]
    /// Entries the journal gives more than one hash for.
    public let conflicting: [Int]
    /// Entries missing from the journal that a later confirmed anchor vouches for, through
    /// the chain (written before anchoring began, or a line the journal lost).
    public let coveredByLaterAnchor: [Int]
    /// Entries after the last confirmed anchor that the journal does not hold: written
    /// after it was read, or not by the daemon.
    public let unanchored: [Int]

    /// Compares `entries` (the whole log, oldest first) with `journal` (one database's
    /// anchors, in any order, repeats allowed).
    public init(entries: [AuditEntry], journal: [AuditAnchor]) {
        var journalHashes: [Int: Set<String>] = [:]
        for anchor in journal { journalHashes[anchor.entry, default: []].insert(anchor.hash) }
        let databaseHashes = Dictionary(entries.map { ($0.id, $0.hash) }, uniquingKeysWith: { first, _ in first })

        conflicting = journalHashes.filter { $0.value.count > 1 }.keys.sorted()
        deleted = journalHashes.keys.filter { databaseHashes[$0] == nil }.sorted()
        var mismatches: [Mismatch] = []
        var confirmed: [Int] = []
        for entry in entries {
            guard let hashes = journalHashes[entry.id], hashes.count == 1, let hash = hashes.first else { continue }
            if hash == entry.hash {
                confirmed.append(entry.id)
            } else {
                mismatches.append(Mismatch(entry: entry.id, database: entry.hash, journal: hash))
            }
        }
        self.mismatches = mismatches
        self.entries = entries.count
        anchored = confirmed.count
        let lastConfirmed = confirmed.last ?? 0
        let missing = entries.map(\.id).filter { journalHashes[$0] == nil }
        coveredByLaterAnchor = missing.filter { $0 < lastConfirmed }
        unanchored = missing.filter { $0 > lastConfirmed }
    }

    /// Whether the journal confirms the whole log.
    public var agrees: Bool { firstParting == nil }

    /// The oldest entry where the database and the journal disagree.
    public var firstParting: Int? {
        [mismatches.first?.entry, deleted.first, conflicting.first, unanchored.first].compactMap { $0 }.min()
    }
}
