import Foundation
import Testing

/// `helpdesk tickets` and `helpdesk audit`, run as processes on a private database.
final class TicketsCommandTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-tickets-\(UUID().uuidString)")
    var database: String { folder.appendingPathComponent("helpdesk.sqlite").path }

    deinit { try? FileManager.default.removeItem(at: folder) }

    private func helpdesk(_ arguments: String...) throws -> HelpdeskProcess.Output {
        try HelpdeskProcess.run(arguments + ["--database", database])
    }

    @Test func fileWorkAndReadATicketWithTheDemoAgent() throws {
        let filed = try helpdesk(
            "tickets", "new", "--title", "Printer jam on floor 2", "--summary", "Tray 2 jams", "--priority", "p2", "--json")
        #expect(filed.status == 0)
        let ticket = try #require(try JSONSerialization.jsonObject(with: Data(filed.stdout.utf8)) as? [String: Any])
        let id = try #require((ticket["ticket"] as? [String: Any])?["id"] as? Int)

        #expect(try helpdesk("tickets", "assign", String(id), "demo-agent", "--demo-agent").status == 0)
        #expect(try helpdesk("tickets", "status", String(id), "open", "--demo-agent").status == 0)
        #expect(try helpdesk("tickets", "comment", String(id), "Cleared", "the", "jam").status == 0)

        let shown = try helpdesk("tickets", "show", String(id))
        #expect(shown.stdout.hasPrefix("#\(id) Printer jam on floor 2\nP2 · open · general"))
        #expect(shown.stdout.contains("commented: Cleared the jam"))
        let verified = try helpdesk("audit", "verify", "--demo-agent")
        #expect(verified.stdout == "The audit log is intact: 4 entries, each linked to the one before.\n")
    }

    @Test func refusalsAreClearErrorsWithExitStatusOne() throws {
        _ = try helpdesk("tickets", "new", "--title", "t", "--summary", "s")
        let assign = try helpdesk("tickets", "assign", "1", "me")
        #expect(assign.status == 1)
        #expect(assign.stderr.contains("only agents can assign tickets"))
        let illegal = try helpdesk("tickets", "status", "1", "new", "--demo-agent")
        #expect(illegal.status == 1)
        #expect(illegal.stderr.contains("ticket #1 is new and cannot become new (allowed: closed, open, pending, resolved)"))
        let missing = try helpdesk("tickets", "show", "42")
        #expect(missing.stderr.contains("there is no ticket #42 of yours"))
    }
}
