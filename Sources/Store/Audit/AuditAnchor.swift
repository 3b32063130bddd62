import Foundation

/// What the daemon writes to the system journal for each audit entry it commits: which
/// database, which entry, and the entry's hash — never who did what, so nothing private
/// reaches a log that more people may read than the database.
///
/// Because each hash covers the one before it, an anchored hash vouches for every entry up
/// to it: a rewrite that recomputes the chain still differs from what the journal kept.
public struct AuditAnchor: Sendable, Hashable {
    /// The syslog identifier (`journalctl -t helpdesk-audit`): not `helpdesk`, which is
    /// also what systemd tags the daemon's own output with. A `StaticString` because
    /// openlog(3) keeps the pointer it is given: this one lives as long as the binary.
    public static let identifier: StaticString = "helpdesk-audit"

    /// The database's name in the journal: its path made absolute, so two daemons on one
    /// host never mix, and a relative `--database` still names one file.
    public let database: String
    public let entry: Int
    public let hash: String

    public init(database: String, entry: Int, hash: String) {
        self.database = database
        self.entry = entry
        self.hash = hash
    }

    /// `path` as the journal names it. Symbolic links are left alone: the daemon and an
    /// admin who cannot enter the daemon's folder must arrive at the same name.
    public static func databaseName(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The message, one fixed shape; the database comes last because a path may hold spaces.
    public var message: String { "audit entry=\(entry) hash=\(hash) database=\(database)" }

    /// The anchor in one line of a journal: `journalctl -o cat` output (the bare message)
    /// or a syslog file such as /var/log/auth.log (a timestamp, host and tag before it).
    /// Nil for any other line.
    public init?(line: some StringProtocol) {
        guard let start = line.range(of: "audit entry=") else { return nil }
        let fields = line[start.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3, let entry = Int(fields[0]), entry > 0,
            fields[1].hasPrefix("hash="), fields[2].hasPrefix("database="),
            case let hash = fields[1].dropFirst("hash=".count), Self.isHash(hash),
            case let database = fields[2].dropFirst("database=".count), !database.isEmpty
        else { return nil }
        self.init(database: String(database), entry: entry, hash: String(hash))
    }

    /// Every anchor in `text`, in the order they appear. Split on bytes: a journal of
    /// years is large, and splitting by Character would weigh every grapheme.
    public static func anchors(in text: String) -> [AuditAnchor] {
        text.utf8.split(separator: UInt8(ascii: "\n")).compactMap { AuditAnchor(line: Substring($0)) }
    }

    private static func isHash(_ text: Substring) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
