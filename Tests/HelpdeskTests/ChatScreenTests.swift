import Foundation
import Testing

/// The chat and the agent console end to end, in tmux.
@Suite(.serialized)
struct ChatScreenTests {
    @Test func aQuestionGetsAStreamedAnswerWithItsCitationAndSurvivesResizing() throws {
        let tmux = try TmuxSession()
        try tmux.waitFor("F1 help")
        try tmux.type("vpn keeps disconnecting")
        try tmux.press("Enter")
        let answered = try tmux.waitFor("[network/vpn-drops]")
        #expect(answered.contains("↳ VPN keeps disconnecting"))
        #expect(answered.contains("Source: VPN keeps disconnecting"))

        try tmux.resize(columns: 40, rows: 12)
        let narrow = try tmux.waitFor("↳")
        #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 40 })
        try tmux.resize(columns: 80, rows: 24)
        let wide = try tmux.waitFor("[network/vpn-drops]")
        #expect(wide.contains("Source: VPN keeps disconnecting"))

        try tmux.resize(columns: 16, rows: 4)
        let tiny = try tmux.waitFor("too small")
        #expect(tiny.contains("too small"), "screen: \(tiny)")
        try tmux.resize(columns: 80, rows: 24)
        try tmux.waitFor("F1 help")
    }

    @Test func wideAndCombinedCharactersAreDrawnIntact() throws {
        let tmux = try TmuxSession()
        try tmux.waitFor("F1 help")
        try tmux.type("é 你好 😀")
        #expect(try tmux.waitFor("> é 你好 😀").contains("> é 你好 😀"))
        try tmux.press("Enter")
        #expect(try tmux.waitFor("\n  é 你好 😀").contains("you\n  é 你好 😀"))
    }

    @Test func anAgentInAnotherPaneApprovesAndTheChatShowsItWithoutAKeyPressed() throws {
        let tmux = try TmuxSession()
        try tmux.split("agent --demo-agent")
        #expect(try tmux.waitFor("embedded").contains("embedded"))
        #expect(try tmux.waitFor("Pending approvals", pane: 1).contains("Pending approvals"))
        try tmux.type("I forgot my password")
        try tmux.press("Enter")
        #expect(try tmux.waitFor("Which account?").contains("Which account?"))
        try tmux.type("vpn")
        try tmux.press("Enter")
        #expect(try tmux.waitFor("type y to send").contains("type y to send"))
        try tmux.type("y")
        try tmux.press("Enter")
        #expect(try tmux.waitFor("waiting for an agent").contains("waiting for an agent"))
        #expect(try tmux.waitFor("reset_password", pane: 1).contains("reset_password"))
        try tmux.type("a", pane: 1)
        try tmux.waitFor("Approve #", pane: 1)
        try tmux.press("Enter", pane: 1)
        let chat = try tmux.waitFor("Temporary password:")
        #expect(chat.contains("approved by demo-agent"))
        #expect(chat.contains("Your vpn password was reset."))
    }

    @Test func anEscalationFilesATicketThatTheCommandLineConfirms() throws {
        let tmux = try TmuxSession()
        try tmux.waitFor("F1 help")
        try tmux.type("how do I get a parking badge")
        try tmux.press("Enter")
        try tmux.waitFor("can't find this in our knowledge base")
        try tmux.type("yes")
        try tmux.press("Enter")
        try tmux.waitFor("type y to file it")
        try tmux.type("y")
        try tmux.press("Enter")
        let filed = try tmux.waitFor("filed as ticket #")
        let number = try #require(filed.components(separatedBy: "filed as ticket #").last?.prefix { $0.isNumber })
        let shown = try HelpdeskProcess.run(["tickets", "show", String(number), "--database", tmux.database])
        #expect(shown.status == 0)
        #expect(shown.stdout.hasPrefix("#\(number) how do I get a parking badge"))
    }

    @Test func quitExitsZeroAndRestoresTheTerminal() throws {
        let tmux = try TmuxSession()
        try tmux.waitFor("F1 help")
        try tmux.type("/quit")
        try tmux.press("Enter")
        #expect(tmux.exitStatus() == 0)
        #expect(!(try tmux.screen()).contains("F1 help"))
    }

    @Test func textFromOthersIsDrawnInert() throws {
        let tmux = try TmuxSession()
        try tmux.waitFor("F1 help")
        let filed = try HelpdeskProcess.run([
            "tickets", "new", "--title", "hi \u{1B}]0;pwned\u{07}\u{1B}[2Jthere", "--summary", "s", "--database", tmux.database,
        ])
        #expect(filed.status == 0)
        try tmux.type("/ticket 1")
        try tmux.press("Enter")
        let shown = try tmux.waitFor("#1 hi there")
        #expect(shown.contains("F1 help"))
        #expect(try tmux.tmux(["display-message", "-p", "#{pane_title}"]).contains("pwned") == false)
    }

    @Test func theAgentConsoleRefusesSomeoneWhoIsNotAnAgent() throws {
        let refused = try HelpdeskProcess.run(["agent"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("is not an agent"))
    }

    /// A 1 MB paste once was stored three times and left the idle chat using ~50× its
    /// normal CPU. The line keeps 16 KB, says what it left out, and the chat idles.
    @Test func aHugePasteIsCutWithANoticeAndTheChatStaysIdle() throws {
        let tmux = try TmuxSession()
        try tmux.waitFor("F1 help")
        try tmux.paste(String(repeating: "printer jam ", count: 90_000))
        let screen = try tmux.waitFor("not added", seconds: 30)
        #expect(screen.contains("A message holds at most 16 KB"), "screen: \(screen)")
        let chat = try #require(tmux.helpdeskProcesses().first)
        try tmux.press("Enter")
        try tmux.waitFor("Source:", seconds: 30)
        sleep(1)
        let before = try #require(TmuxSession.cpuSeconds(chat))
        sleep(3)
        let used = try #require(TmuxSession.cpuSeconds(chat)) - before
        // A bound on idle cost, not a benchmark: idle means a redraw a second at most.
        #expect(used < 0.3, "the idle chat used \(used) s of CPU in 3 s")
    }
}
