import Foundation
import Testing

/// `helpdesk serve` anchors every audit entry's hash in the system journal through
/// syslog(3), and `helpdesk audit verify --against-journal` finds a rewrite of the database
/// that recomputed the whole chain, which the chain alone cannot.
///
/// Real users and a real daemon (SharedHost); the journal is a socket of the test's own at
/// /dev/log (SyslogCapture says where and why). Serialized: each test makes the same users.
@Suite(.serialized) struct AuditJournalTests {
    /// An audit entry as `audit list --json` shows it.
    struct Entry: Decodable {
        let id: Int
        let action: String
        let hash: String
    }

    @Test func aRewriteThatRecomputesTheChainPartsFromTheJournal() throws {
        try withFiveAnchoredEntries { host, syslog, request in
            let intact = try verify(host, against: syslog.lines)
            #expect(intact.status == 0, "\(intact.stderr)")
            #expect(intact.stdout == "intact: 5 entries, all 5 anchored in the journal\n")
            // Each anchored line has the fixed shape, at authpriv.notice (10 × 8 + 5), and no user text.
            let anchored = syslog.text().split(separator: "\n").filter { $0.contains(" helpdesk-audit[") }
            #expect(anchored.count == 5)
            for line in anchored {
                #expect(
                    line.wholeMatch(of: /<85>.{15} helpdesk-audit\[\d+\]: audit entry=[1-5] hash=[0-9a-f]{64} database=\S+/)
                        != nil
                        && line.hasSuffix(" database=\(host.database)"), "\(line)")
            }

            // Rewritten so the chain still holds: only the journal tells.
            let before = try entries(host)
            let changed = try rewrite(host, ["decider", String(request), "hd-carol"])
            let after = try entries(host)
            let first = try #require(changed.first, "the rewrite changed no hash")
            #expect(after.first { $0.id == first }?.action == "approval.approved")
            let plain = try host.helpdesk(as: "hd-alice", ["audit", "verify"])
            #expect(plain.stdout.contains("The audit log is intact: 5 entries"), "\(plain.stderr)")

            let parted = try verify(host, against: syslog.lines)
            #expect(parted.status == 1)
            let database = try #require(after.first { $0.id == first }?.hash.prefix(12))
            let journal = try #require(before.first { $0.id == first }?.hash.prefix(12))
            #expect(
                parted.stdout.contains(
                    "entry \(first): the database says hash \(database)…, the journal says \(journal)…: the database was rewritten after it was written"
                ), "\(parted.stdout)")
            #expect(parted.stdout.contains("\nentry 5 differs from the journal too\n"))
            #expect(parted.stderr.contains("the database and the journal part at entry \(first)"), "\(parted.stderr)")
        }
    }

    @Test func repeatedLinesAndOtherDatabasesLinesAreSortedOut() throws {
        try withFiveAnchoredEntries { host, syslog, _ in
            // The same lines twice (auth.log and syslog both kept them), and a second daemon's
            // lines for entries 1–7 of its own database, in between.
            let own = syslog.text()
            let other = (1...7).map { "audit entry=\($0) hash=\(String(repeating: "e", count: 64)) database=/srv/other.sqlite" }
            let mixed = host.folder.path + "/mixed.log"
            try (own + other.joined(separator: "\n") + "\n" + own).write(toFile: mixed, atomically: true, encoding: .utf8)
            chmod(mixed, 0o644)

            let named = try verify(host, against: mixed)
            #expect(named.stdout == "intact: 5 entries, all 5 anchored in the journal\n", "\(named.stderr)")
            let unnamed = try host.helpdesk(as: "hd-alice", ["audit", "verify", "--against-journal", mixed])
            #expect(unnamed.status == 1)
            #expect(unnamed.stderr.contains("2 databases (/srv/other.sqlite, \(host.database))"), "\(unnamed.stderr)")
            #expect(unnamed.stderr.contains("--journal-database PATH"))
        }
    }

    @Test func aDeletedEntryIsNamed() throws {
        try withFiveAnchoredEntries { host, syslog, _ in
            // The newest entry needs no rewriting at all: the chain is still whole without it.
            #expect(try rewrite(host, ["delete", "5"]).isEmpty)
            let last = try verify(host, against: syslog.lines)
            #expect(last.status == 1)
            #expect(last.stdout == "entry 5 is in the journal but not in the database: it was deleted\n", "\(last.stderr)")
            #expect(last.stderr.contains("part at entry 5"))

            #expect(try rewrite(host, ["delete", "3"]) == [4])
            #expect(try host.helpdesk(as: "hd-alice", ["audit", "verify"]).stdout.contains("intact: 3 entries"))
            let middle = try verify(host, against: syslog.lines)
            #expect(middle.status == 1)
            let lines = middle.stdout.split(separator: "\n")
            #expect(
                lines.first == "entries 3, 5 are in the journal but not in the database: they were deleted", "\(middle.stdout)")
            #expect(lines.dropFirst().first?.hasPrefix("entry 4: the database says hash") == true)
            #expect(middle.stderr.contains("part at entry 3"), "\(middle.stderr)")
        }
    }

    @Test func withoutAFileItReadsTheJournalAndSaysWhenThatFails() throws {
        let syslog = try SyslogCapture()
        defer { syslog.tearDown() }
        let host = try SharedHost(people: ["hd-alice"], agents: ["hd-alice"], launcher: syslog.launcher)
        defer { host.tearDown() }
        // No journald here (and the daemon's lines went to the capture): journalctl has none
        // of this database's lines, or is not installed. Either way, a clear refusal.
        let run = try host.helpdesk(
            as: "hd-alice", ["audit", "verify", "--against-journal", "--journal-database", host.database])
        #expect(run.status == 1)
        #expect(run.stderr.contains("journal"), "\(run.stderr)")
        #expect(!run.stdout.contains("intact"))
    }

    // MARK: - Steps

    /// Five audit entries through the daemon: a ticket filed and commented on by hd-ann,
    /// her request, hd-alice's approval of it, and the ticket opened. Returns the request.
    /// Runs `body` on a host whose daemon logs to a syslog capture, with five audit entries
    /// made and anchored; `body` gets the request the entries approved.
    private func withFiveAnchoredEntries(_ body: (SharedHost, SyslogCapture, Int) throws -> Void) throws {
        let syslog = try SyslogCapture()
        defer { syslog.tearDown() }
        let host = try SharedHost(people: ["hd-ann", "hd-alice"], agents: ["hd-alice"], launcher: syslog.launcher)
        defer { host.tearDown() }
        let request = try makeFiveEntries(host)
        try waitForAnchors(5, host, syslog)
        try body(host, syslog, request)
    }

    private func makeFiveEntries(_ host: SharedHost) throws -> Int {
        let filed = try host.helpdesk(as: "hd-ann", ["tickets", "new", "--title", "Printer jams", "--summary", "every page"])
        let ticket = try #require(filed.stdout.firstMatch(of: /Filed ticket #(\d+)/)?.1, "\(filed.stderr)")
        #expect(try host.helpdesk(as: "hd-ann", ["tickets", "comment", String(ticket), "still jams"]).status == 0)
        let requested = try host.helpdesk(as: "hd-ann", ["request", "unlock_account", "account=vpn", "--no-wait"])
        let request = try #require(requested.stdout.firstMatch(of: /Request #(\d+)/)?.1, "\(requested.stderr)")
        #expect(try host.helpdesk(as: "hd-alice", ["approvals", "approve", String(request)]).status == 0)
        #expect(try host.helpdesk(as: "hd-alice", ["tickets", "status", String(ticket), "open"]).status == 0)
        #expect(try entries(host).count == 5)
        return try #require(Int(request))
    }

    /// Waits until the capture holds `count` anchors of the host's database.
    private func waitForAnchors(_ count: Int, _ host: SharedHost, _ syslog: SyslogCapture) throws {
        let arrived = SharedHost.eventually(seconds: 10) {
            syslog.text().components(separatedBy: "database=\(host.database)\n").count - 1 == count
        }
        try #require(arrived, "expected \(count) anchors; the capture holds:\n\(syslog.text())")
    }

    private func verify(_ host: SharedHost, against journal: String) throws -> HelpdeskProcess.Output {
        try host.helpdesk(
            as: "hd-alice", ["audit", "verify", "--against-journal", journal, "--journal-database", host.database])
    }

    private func entries(_ host: SharedHost) throws -> [Entry] {
        let listed = try host.helpdesk(as: "hd-alice", ["audit", "list", "--json", "--limit", "100"])
        return try JSONDecoder().decode([Entry].self, from: Data(listed.stdout.utf8))
    }

    /// Runs `Scripts/rewrite_audit.py` as the daemon's user, as someone who can act as it
    /// would; returns the entries whose hash it changed.
    private func rewrite(_ host: SharedHost, _ arguments: [String]) throws -> [Int] {
        let script = host.folder.path + "/rewrite_audit.py"
        if !FileManager.default.fileExists(atPath: script) {
            try FileManager.default.copyItem(
                at: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
                    "Scripts/rewrite_audit.py"),
                to: URL(fileURLWithPath: script))
        }
        let run = try host.run(as: SharedHost.daemonUser, "/usr/bin/python3", ["-B", script, host.database] + arguments)
        try #require(run.status == 0, "rewrite_audit.py failed: \(run.stderr)")
        return run.stdout.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
    }
}
