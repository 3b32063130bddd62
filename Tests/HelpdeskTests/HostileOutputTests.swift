import Foundation
import Testing

/// What the security review planted — a window retitle, a clipboard write and a screen
/// clear, in 7-bit and C1 form, plus a zero-width space — in every field the command line
/// prints: a request's `decidedBy` and tool, an audit entry's action and subject, a ticket's
/// title and requester, an article's file name. None of it may reach the terminal.
@Suite(.serialized)
final class HostileOutputTests {
    static let payload = "\u{1B}]0;pwned\u{07}\u{1B}]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\u{07}\u{1B}[2J\u{9B}2Jx\u{200B}y"
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-hostile-\(UUID().uuidString)")
    var database: String { scratch.appendingPathComponent("helpdesk.sqlite").path }

    deinit { try? FileManager.default.removeItem(at: scratch) }

    init() throws {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    private func helpdesk(_ arguments: String...) throws -> HelpdeskProcess.Output {
        try HelpdeskProcess.run(arguments + ["--database", database])
    }

    /// Runs SQL on the database with sqlite3, as someone with write access to the file could.
    private func plant(_ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database, sql]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
    }

    /// SQL text for the payload: sqlite3 takes no escape sequences in a literal.
    private var literal: String {
        "CAST(X'\(Data(Self.payload.utf8).map { String(format: "%02X", $0) }.joined())' AS TEXT)"
    }

    private func expectInert(_ output: HelpdeskProcess.Output, _ command: String) {
        for text in [output.stdout, output.stderr] {
            #expect(!text.contains("\u{1B}"), "ESC reached the terminal from \(command): \(text.debugDescription)")
            #expect(!text.contains("\u{07}"), "BEL reached the terminal from \(command)")
            #expect(!text.unicodeScalars.contains("\u{9B}"), "C1 CSI reached the terminal from \(command)")
            #expect(!text.contains("\u{200B}"), "a zero-width space reached the terminal from \(command)")
        }
    }

    @Test func everyCommandPrintsPlantedEscapesAsInertText() throws {
        let request = try HelpdeskProcess.run([
            "request", "check_account_status", "--no-wait", "--database", database, "--tools",
            HelpdeskProcess.repository.appendingPathComponent("tools.json").path,
        ])
        #expect(request.status == 0)
        _ = try helpdesk("tickets", "new", "--title", "printer", "--summary", "jammed")
        try plant(
            """
            INSERT INTO approval (tool, arguments, requester, state, created, expires)
                VALUES (\(literal), '{}', \(literal), 'pending', strftime('%s','now'), strftime('%s','now') + 3600);
            UPDATE approval SET state = 'denied', decidedBy = \(literal), note = \(literal) WHERE id = 1;
            INSERT INTO audit (at, actor, action, subject, detail, previousHash, hash)
                VALUES (0, \(literal), \(literal), \(literal), \(literal), '', '');
            UPDATE ticket SET title = \(literal), requester = \(literal), category = \(literal);
            INSERT INTO ticketEvent (ticket, actor, kind, detail, at) VALUES (1, \(literal), 'comment', \(literal), 0);
            """)

        let approvals = try helpdesk("approvals", "list", "--demo-agent")
        #expect(approvals.stdout.contains("x<U+200B>y"), "an identifier shows its invisible character")
        expectInert(approvals, "approvals list")
        expectInert(try helpdesk("approvals", "list", "--json", "--demo-agent"), "approvals list --json")
        let resumed = try HelpdeskProcess.run(["request", "--resume", "1", "--database", database])
        #expect(resumed.status == 1)
        #expect(resumed.stderr.contains("was denied by"))
        expectInert(resumed, "request --resume (an error naming the decider)")
        expectInert(try helpdesk("approvals", "approve", "2", "--demo-agent"), "approvals approve")
        expectInert(try helpdesk("audit", "list", "--demo-agent"), "audit list")
        expectInert(try helpdesk("audit", "list", "--json", "--demo-agent"), "audit list --json")
        expectInert(try helpdesk("audit", "verify", "--demo-agent"), "audit verify")
        expectInert(try helpdesk("tickets", "list", "--all", "--demo-agent"), "tickets list")
        expectInert(try helpdesk("tickets", "show", "1", "--demo-agent"), "tickets show")
        expectInert(try helpdesk("tickets", "show", "1", "--json", "--demo-agent"), "tickets show --json")
        expectInert(try helpdesk("tickets", "show", Self.payload), "an argument that is not a number")
    }

    @Test(arguments: ["text", "json", "trec"])
    func anArticleFileNamedWithEscapesIsSearchedAndPrintedInert(format: String) throws {
        let knowledge = scratch.appendingPathComponent("knowledge")
        try FileManager.default.createDirectory(at: knowledge, withIntermediateDirectories: true)
        try "# Printer jams\n\nOpen tray 2 and pull the paper out.\n".write(
            to: knowledge.appendingPathComponent("\(Self.payload).md"), atomically: true, encoding: .utf8)
        let output = try HelpdeskProcess.run(["search", "--knowledge", knowledge.path, "--format", format, "printer jam"])
        #expect(output.status == 0)
        #expect(output.stdout.contains(format == "json" ? "Printer jams" : "x<U+200B>y"))
        expectInert(output, "search --format \(format)")
    }
}
