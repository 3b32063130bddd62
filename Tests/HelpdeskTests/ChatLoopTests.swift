import Foundation
import Testing

/// The loop between the employee's chat and the agents, end to end in tmux: agents act
/// through the command line on the same database, as another process would.
@Suite(.serialized)
struct ChatLoopTests {
    /// `helpdesk ARGUMENTS` on the chat's database, as the demo agent.
    private func agent(_ tmux: TmuxSession, _ arguments: [String]) throws -> HelpdeskProcess.Output {
        let output = try HelpdeskProcess.run(arguments + ["--database", tmux.database, "--demo-agent"])
        #expect(output.status == 0, "\(arguments): \(output.stderr)")
        return output
    }

    /// Waits for `text` on the pane, and fails the test when it never comes.
    @discardableResult
    private func see(_ text: String, in tmux: TmuxSession, pane: Int = 0, sourceLocation: SourceLocation = #_sourceLocation)
        throws -> String
    {
        let screen = try tmux.waitFor(text, pane: pane)
        #expect(screen.contains(text), "screen:\n\(screen)", sourceLocation: sourceLocation)
        return screen
    }

    /// Types `line` and Enter, as the employee sends a message.
    private func say(_ line: String, in tmux: TmuxSession) throws {
        try tmux.type(line)
        try tmux.press("Enter")
    }

    /// Files ticket #1 for the chat's user and has the demo agent resolve it.
    private func resolvedTicket(_ tmux: TmuxSession) throws {
        try fileTicket(tmux)
        _ = try agent(tmux, ["tickets", "status", "1", "resolved"])
        try see("Is it fixed?", in: tmux)
    }

    private func fileTicket(_ tmux: TmuxSession) throws {
        let filed = try HelpdeskProcess.run([
            "tickets", "new", "--title", "VPN drops every hour", "--summary", "Since Monday.", "--database", tmux.database,
        ])
        #expect(filed.stdout.hasPrefix("Filed ticket #1"), "\(filed.stderr)")
    }

    @Test func anAgentsCommentAppearsLiveAndAStatusQuestionIsAnsweredFromTheTicket() throws {
        let tmux = try TmuxSession()
        try see("F1 help", in: tmux)
        try fileTicket(tmux)
        _ = try agent(tmux, ["tickets", "assign", "1", "demo-agent"])
        _ = try agent(tmux, ["tickets", "comment", "1", "Replacing your VPN profile tonight."])
        _ = try agent(tmux, ["tickets", "comment", "--internal", "1", "Probably the hotel wifi."])
        let live = try see("Replacing your VPN profile", in: tmux)
        #expect(live.contains("demo-agent on ticket #1 “VPN drops every hour”"))
        #expect(live.contains("demo-agent is working on ticket #1"))

        try say("any news on ticket 1?", in: tmux)
        let status = try see("Latest from demo-agent", in: tmux)
        #expect(status.contains("#1 “VPN drops every hour” is new (P3), with demo-agent, due"))
        #expect(!status.contains("Let me look up"))
        #expect(!status.contains("hotel wifi"), "an internal note never reaches the employee")

        try say("/reply 1 Thanks, I will restart tomorrow.", in: tmux)
        try see("You wrote on ticket #1: Thanks", in: tmux)
        let shown = try agent(tmux, ["tickets", "show", "1"])
        #expect(shown.stdout.contains("commented: Thanks, I will restart tomorrow."))
    }

    @Test func aResolvedTicketIsConfirmedAndRatedFromTheChat() throws {
        let tmux = try TmuxSession()
        try see("F1 help", in: tmux)
        try resolvedTicket(tmux)
        #expect(try tmux.screen().contains("demo-agent resolved ticket #1 “VPN drops every hour”."))
        try say("y 4", in: tmux)
        try see("closed, thank you; rated 4 of 5", in: tmux)
        let shown = try agent(tmux, ["tickets", "show", "1", "--json"])
        #expect(shown.stdout.contains("\"status\":\"closed\""))
        #expect(shown.stdout.contains("\"detail\":\"4\""))
    }

    @Test func notFixedReopensTheTicket() throws {
        let tmux = try TmuxSession()
        try see("F1 help", in: tmux)
        try resolvedTicket(tmux)
        try say("n", in: tmux)
        try see("reopened: an agent picks it up again", in: tmux)
        #expect(try agent(tmux, ["tickets", "list", "--all"]).stdout.contains("open"))
    }

    @Test func aReopenedChatShowsTheConversationAndADecisionMadeWhileItWasClosed() throws {
        let tmux = try TmuxSession(columns: 200, rows: 40)
        try see("F1 help", in: tmux)
        try say("I forgot my password", in: tmux)
        try see("Which account?", in: tmux)
        try say("vpn", in: tmux)
        try see("type y to send", in: tmux)
        try say("y", in: tmux)
        try see("waiting for an agent", in: tmux)
        try say("/quit", in: tmux)
        #expect(tmux.exitStatus() == 0)

        _ = try agent(tmux, ["approvals", "approve", "1", "--note", "checked with her manager"])
        try tmux.split("")
        let reopened = try see("Temporary password:", in: tmux, pane: 1)
        #expect(reopened.contains("Earlier in this conversation:"))
        #expect(reopened.contains("It goes to an agent for approval now"))
        #expect(reopened.contains("demo-agent approved request #1 (reset_password): checked with her manager."))
        #expect(reopened.contains("Your vpn password was reset."))
        // Input history survived too: ↑ brings back the last line typed.
        try tmux.press("Up", pane: 1)
        try see("> /quit", in: tmux, pane: 1)
        let history = try FileManager.default.attributesOfItem(atPath: tmux.scratch.path + "/state/helpdesk/history")
        #expect((history[.posixPermissions] as? NSNumber)?.intValue == 0o600, "kept private to the user")
    }

    @Test func aSentenceStartingWithNoIsAMessageAndTheCardFollowsTheHelpdesk() throws {
        let tmux = try TmuxSession()
        try see("F1 help", in: tmux)
        try say("I forgot my password", in: tmux)
        try see("Which account?", in: tmux)
        try say("vpn", in: tmux)
        try see("type y to send", in: tmux)
        try say("no wait, I meant my email one", in: tmux)
        let screen = try see("you\n  no wait, I meant my email one", in: tmux)
        #expect(screen.contains("no wait, I meant my email one"), "the whole sentence was sent, not eaten by a shortcut")
        // Whatever the helpdesk made of it, the card shows the same: a changed request, or
        // the old one withdrawn — never a card still asking about a question nobody asks.
        let after = try see("account: email", in: tmux)
        #expect(after.contains("cancelled"))
        try say("y", in: tmux)
        try see("waiting for an agent", in: tmux)
        let pending = try agent(tmux, ["approvals", "list"])
        #expect(pending.stdout.contains("account=email"))
        #expect(!pending.stdout.contains("account=vpn"))
    }

    @Test func anArticleAddedWhileTheChatIsOpenIsUsedWithoutARestart() throws {
        let articles = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-articles-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: HelpdeskProcess.repository.appendingPathComponent("knowledge"), to: articles)
        defer { try? FileManager.default.removeItem(at: articles) }
        let tmux = try TmuxSession(arguments: "--knowledge \(articles.path)")
        try see("F1 help", in: tmux)
        try say("how do I book a parking space in the garage?", in: tmux)
        try see("can't find this in our knowledge base", in: tmux)
        try say("no", in: tmux)

        let article = """
            ---
            title: Book a parking space
            tags: [parking, garage, car]
            ---
            # Book a parking space

            ## Book it yourself

            Open the Facilities portal, choose **Parking**, pick the day and the garage level, and press **Reserve**.
            A space booked before 18:00 is yours for the whole next day.
            """
        try article.write(to: articles.appendingPathComponent("facilities-parking.md"), atomically: true, encoding: .utf8)
        sleep(3)  // the chat looks at the files at most every two seconds
        try say("how do I book a parking space in the garage?", in: tmux)
        try see("choose Parking", in: tmux)
    }

    @Test func aTicketFiledAfterAnEarlierProblemCarriesOnlyItsOwn() throws {
        let tmux = try TmuxSession(columns: 100, rows: 40)
        try see("F1 help", in: tmux)
        try say("vpn keeps disconnecting on my iPhone", in: tmux)
        try see("Did that solve it?", in: tmux)
        try say("how do I get a parking badge for the garage?", in: tmux)
        try see("can't find this in our knowledge base", in: tmux)
        try say("yes", in: tmux)
        let screen = try see("type y to file it", in: tmux)
        let card = try #require(screen.components(separatedBy: "┌ Ticket").last)
        #expect(card.contains("Problem: how do I get a parking badge for the garage?"))
        #expect(!card.contains("iPhone") && !card.contains("systems: vpn"), "the earlier problem's facts stay out")
        try say("y", in: tmux)
        try see("filed as ticket #1", in: tmux)
        let filed = try agent(tmux, ["tickets", "show", "1"])
        #expect(!filed.stdout.contains("iPhone"))
        #expect(filed.stdout.contains("parking badge"))
    }
}
