import Foundation
import Testing

/// The agent console end to end, in tmux at 80×24, on a private database. The employee is
/// this process's user, filing and reading tickets with the command line.
@Suite(.serialized)
struct AgentConsoleTests {
    /// Agents to assign to; the demo agent stays allowed so the console can run here.
    static let configuration = #"{"agents": ["alice", "bob"], "demoAgent": true}"#

    /// A console that has loaded its (empty) queue.
    private func console() throws -> TmuxSession {
        let tmux = try TmuxSession(arguments: "agent --demo-agent", configuration: Self.configuration)
        try tmux.waitFor("Pending approvals")
        return tmux
    }

    /// Runs `helpdesk ARGUMENTS` on the console's database as the employee.
    @discardableResult
    private func employee(_ tmux: TmuxSession, _ arguments: [String]) throws -> HelpdeskProcess.Output {
        let output = try HelpdeskProcess.run(arguments + ["--database", tmux.database])
        #expect(output.status == 0, "\(arguments): \(output.stderr)")
        return output
    }

    private func fileTicket(_ tmux: TmuxSession, _ title: String, priority: String = "P3", category: String = "general")
        throws
    {
        try employee(
            tmux, ["tickets", "new", "--title", title, "--summary", title, "--priority", priority, "--category", category])
    }

    @Test func aLongTicketScrollsToItsLastCommentAt80x24() throws {
        let tmux = try console()
        let summary = (1...40).map { "line \($0) of the chat: the printer jams on duplex pages" }.joined(separator: "\n")
        try employee(tmux, ["tickets", "new", "--title", "Printer jams", "--summary", summary])
        for n in 1...8 {
            try employee(
                tmux,
                [
                    "tickets", "comment", "1",
                    "comment \(n): still jammed after trying the other tray; a comment long enough to wrap at 80 columns, ending in word\(n)",
                ])
        }
        try tmux.waitFor("Printer jams")
        try tmux.press("Enter")
        let top = try tmux.waitFor("lines 1–21 of")
        #expect(top.contains("#1 Printer jams"), "screen: \(top)")
        #expect(!top.contains("word8"))

        try tmux.press("PgDn")
        #expect(try tmux.waitFor("lines 21–41 of").contains("line 19 of the chat"))
        try tmux.press("End")
        let end = try tmux.waitFor("the end")
        #expect(end.contains("comment 8: still jammed"), "screen: \(end)")
        #expect(end.contains("word8"), "a long comment is wrapped, not cut: \(end)")
        try tmux.press("k")
        #expect(try tmux.waitFor("↓ 1 more").contains("↓ 1 more"))
        try tmux.press("Home")
        #expect(try tmux.waitFor("lines 1–21 of").contains("#1 Printer jams"))
        #expect(try tmux.screen().split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func anAgentSetsThePriorityAndAssignsToAnotherAgent() throws {
        let tmux = try console()
        try fileTicket(tmux, "VPN drops every hour")
        try tmux.waitFor("VPN drops every hour")
        try tmux.type("p")
        try tmux.type("1")
        try tmux.press("Enter")
        #expect(try tmux.waitFor("#1 P1").contains("is P1 now"))

        try tmux.type("A")
        try tmux.type("mallory")
        try tmux.press("Enter")
        #expect(try tmux.waitFor("is not an agent").contains("“mallory” is not an agent; agents: alice, bob"))
        try tmux.press("C-u")
        try tmux.type("al")
        try tmux.press("Tab")
        #expect(try tmux.waitFor("Agent: alice").contains("Agent: alice"))
        try tmux.press("Enter")
        #expect(try tmux.waitFor("→ alice").contains("#1 P1 new"))

        let shown = try employee(tmux, ["tickets", "show", "1"])
        #expect(shown.stdout.contains("P1 · new"), "\(shown.stdout)")
        #expect(shown.stdout.contains("assigned to alice"), "\(shown.stdout)")
    }

    @Test func anInternalNoteIsShownToTheAgentAndNotToTheEmployee() throws {
        let tmux = try console()
        try fileTicket(tmux, "Shared drive is read-only")
        try tmux.waitFor("Shared drive is read-only")
        try tmux.type("n")
        try tmux.type("suspect the quota on the file server")
        try tmux.press("Enter")
        try tmux.waitFor("Added an internal note")
        try tmux.type("c")
        try tmux.type("Could you try again now?")
        try tmux.press("Enter")
        try tmux.waitFor("Commented on ticket #1")
        try tmux.press("Enter")
        try tmux.press("End")
        let shown = try tmux.waitFor("[internal]")
        #expect(shown.contains("suspect the quota on the file server"), "screen: \(shown)")
        #expect(shown.contains("Could you try again now?"))

        let employeeView = try employee(tmux, ["tickets", "show", "1"]).stdout
        #expect(employeeView.contains("Could you try again now?"), "\(employeeView)")
        #expect(!employeeView.contains("quota"), "\(employeeView)")
    }

    @Test func filterAndSearchNarrowTheQueue() throws {
        let tmux = try console()
        try fileTicket(tmux, "Printer jams", priority: "P3", category: "printing")
        try fileTicket(tmux, "VPN drops", priority: "P1", category: "network")
        try fileTicket(tmux, "Laptop slow", priority: "P2", category: "hardware")
        try tmux.waitFor("Printer jams")
        try tmux.press("j")  // from the P1 ticket to the P2 one
        try tmux.type("m")
        try tmux.waitFor("→ demo-agent")

        try tmux.type("f")
        try tmux.type("mine")
        try tmux.press("Enter")
        let mine = try tmux.waitFor("filter: mine")
        #expect(mine.contains("1 of 3 tickets"), "screen: \(mine)")
        #expect(mine.contains("Laptop slow") && !mine.contains("VPN drops") && !mine.contains("Printer jams"))

        try tmux.type("f")
        try tmux.press("C-u")
        try tmux.type("category:network")
        try tmux.press("Enter")
        let network = try tmux.waitFor("filter: category:network")
        #expect(network.contains("VPN drops") && !network.contains("Laptop slow") && !network.contains("Printer jams"))

        try tmux.press("Escape")
        let all = try tmux.waitFor("3 open tickets")
        #expect(all.contains("VPN drops") && all.contains("Laptop slow") && all.contains("Printer jams"))

        try tmux.type("/")
        try tmux.type("jams")
        try tmux.press("Enter")
        let found = try tmux.waitFor("search: “jams”")
        #expect(found.contains("1 of 3 tickets"), "screen: \(found)")
        #expect(found.contains("Printer jams") && !found.contains("VPN drops") && !found.contains("Laptop slow"))
    }

    @Test func approvingAPasswordResetAsksFirst() throws {
        let tmux = try console()
        try employee(tmux, ["request", "reset_password", "account=vpn", "--no-wait"])
        try tmux.waitFor("reset_password account=vpn")
        try tmux.type("a")
        let asked = try tmux.waitFor("Approve #1 reset_password account=vpn for")
        #expect(asked.contains("Note, or just Enter to approve (Esc cancels)"), "screen: \(asked)")
        #expect(asked.contains("1 pending"))
        try tmux.press("Escape")
        #expect(try tmux.waitFor("a approve").contains("1 pending"))

        try tmux.type("a")
        try tmux.type("verified by phone")
        try tmux.press("Enter")
        let approved = try tmux.waitFor("Approved request #1")
        #expect(approved.contains("0 pending"), "screen: \(approved)")
    }

    /// Nothing rings for what was there when the console opened; a new request does, and the
    /// window title counts what waits.
    @Test func aNewApprovalRingsTheBellAndRetitlesTheWindow() throws {
        let tmux = try TmuxSession(arguments: "tickets list", configuration: Self.configuration)
        try fileTicket(tmux, "Email down for everyone", priority: "P1")
        try employee(tmux, ["request", "reset_password", "account=vpn", "--no-wait"])
        try tmux.split("agent --demo-agent")
        try tmux.waitFor("reset_password", pane: 1)
        #expect(try title(tmux, of: "helpdesk agent · 1 approval · 1 P1"))
        #expect(try tmux.tmux(["display-message", "-p", "#{window_bell_flag}"]).hasPrefix("0"))

        try employee(tmux, ["request", "unlock_account", "account=workstation", "--no-wait"])
        #expect(try title(tmux, of: "helpdesk agent · 2 approvals · 1 P1"))
        #expect(try tmux.tmux(["display-message", "-p", "#{window_bell_flag}"]).hasPrefix("1"))
    }

    /// Waits up to 10 s for the console's pane to have `expected` as its title.
    private func title(_ tmux: TmuxSession, of expected: String) throws -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if try tmux.tmux(["display-message", "-p", "-t", ".1", "#{pane_title}"]).hasPrefix(expected) { return true }
            usleep(100_000)
        }
        return false
    }
}
