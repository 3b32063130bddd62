import Foundation
import Testing

/// `helpdesk serve` on a shared host, with real Unix users: who a client is comes from the
/// kernel, what they may do from the daemon's configuration only.
///
/// Serialized: every test creates the same user names (hd-ann, hd-alice…) and deletes them.
@Suite(.serialized) struct SharedHostTests {
    /// A request as `approvals list --json` shows it.
    struct Pending: Decodable {
        let id: Int
        let requester: String
    }

    /// A ticket as `tickets --json` shows it.
    struct Listed: Decodable {
        let title: String
        let requester: String
    }

    @Test func anEmployeeCannotReadTheDatabase() throws {
        let host = try SharedHost(people: ["hd-ann"], agents: [])
        defer { host.tearDown() }
        // The daemon's user reads it: the file is there and is the helpdesk's database.
        let asDaemon = try host.run(as: SharedHost.daemonUser, "/usr/bin/sqlite3", ["-readonly", host.database, ".tables"])
        #expect(asDaemon.stdout.contains("ticket"), "\(asDaemon.stderr)")

        let opened = try host.run(as: "hd-ann", "/usr/bin/head", ["-c", "16", host.database])
        #expect(opened.status != 0)
        #expect(opened.stderr.contains("Permission denied"))
        let queried = try host.run(as: "hd-ann", "/usr/bin/sqlite3", [host.database, ".tables"])
        #expect(queried.status != 0)
        #expect(queried.stderr.contains("unable to open database"))
    }

    @Test func anEmployeeSeesOnlyHerOwnTickets() throws {
        let host = try SharedHost(people: ["hd-ann", "hd-bob"], agents: [])
        defer { host.tearDown() }
        let bobs = try host.helpdesk(as: "hd-bob", ["tickets", "new", "--title", "Printer jams", "--summary", "every page"])
        let number = try #require(bobs.stdout.firstMatch(of: /Filed ticket #(\d+)/)?.1, "\(bobs.stderr)")
        let anns = try host.helpdesk(as: "hd-ann", ["tickets", "new", "--title", "VPN drops", "--summary", "hourly"])
        #expect(anns.status == 0)

        let listed = try host.helpdesk(as: "hd-ann", ["tickets", "--json"])
        let tickets = try JSONDecoder().decode([Listed].self, from: Data(listed.stdout.utf8))
        #expect(tickets.map(\.title) == ["VPN drops"])
        #expect(tickets.map(\.requester) == ["hd-ann"])

        let shown = try host.helpdesk(as: "hd-ann", ["tickets", "show", String(number)])
        #expect(shown.status == 1)
        #expect(shown.stderr.contains("there is no ticket #\(number) of yours"))
        #expect(!shown.stdout.contains("Printer jams"))
        // Refused to ann, not missing: bob still reads it.
        #expect(try host.helpdesk(as: "hd-bob", ["tickets", "show", String(number)]).stdout.contains("Printer jams"))
    }

    @Test func anEmployeeCannotApprove() throws {
        let host = try SharedHost(people: ["hd-ann", "hd-alice"], agents: ["hd-alice"])
        defer { host.tearDown() }
        let id = try file(host, as: "hd-ann")

        let approved = try host.helpdesk(as: "hd-ann", ["approvals", "approve", String(id)])
        #expect(approved.status == 1)
        #expect(approved.stderr.contains("only agents can approve requests"))
        // Nothing was decided: the agent still sees it waiting.
        #expect(try pending(host, as: "hd-alice").map(\.id) == [id])
    }

    @Test func anAgentCannotApproveTheirOwnRequest() throws {
        let host = try SharedHost(people: ["hd-alice"], agents: ["hd-alice"])
        defer { host.tearDown() }
        let id = try file(host, as: "hd-alice")

        let approved = try host.helpdesk(as: "hd-alice", ["approvals", "approve", String(id)])
        #expect(approved.status == 1)
        #expect(approved.stderr.contains("request #\(id) is your own: another agent must decide it"))
        #expect(try pending(host, as: "hd-alice").map(\.id) == [id])
    }

    @Test func anApprovedRequestRunsOnceForTheWaitingEmployee() throws {
        let host = try SharedHost(people: ["hd-ann", "hd-alice"], agents: ["hd-alice"])
        defer { host.tearDown() }
        let waiting = try host.start(
            as: "hd-ann", host.helpdesk, ["request", "unlock_account", "account=vpn", "--socket", host.socket])

        // The agent approves once the request shows up in her list, as a person would.
        var request: Pending?
        _ = SharedHost.eventually(seconds: 10) {
            request = try? pending(host, as: "hd-alice").first
            return request != nil
        }
        let id = try #require(request?.id, "hd-ann's request never reached the agent")
        #expect(request?.requester == "hd-ann")
        let approved = try host.helpdesk(as: "hd-alice", ["approvals", "approve", String(id)])
        #expect(approved.stdout.contains("Approved request #\(id) (unlock_account for hd-ann)."), "\(approved.stderr)")

        let result = waiting.wait(seconds: 20)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Approved by hd-alice."))
        #expect(result.stdout.components(separatedBy: "Your vpn account is unlocked.").count == 2, "\(result.stdout)")

        let resumed = try host.helpdesk(as: "hd-ann", ["request", "--resume", String(id)])
        #expect(resumed.status == 1)
        #expect(resumed.stderr.contains("request #\(id) already ran (executed)"))
    }

    @Test func aUsersOwnConfigurationDoesNotMakeThemAnAgent() throws {
        let host = try SharedHost(people: ["hd-ann", "hd-bob"], agents: [])
        defer { host.tearDown() }
        let id = try file(host, as: "hd-ann")
        // Bob's config names the daemon's socket too, so it is the file his client reads.
        let folder = "/home/hd-bob/.config/helpdesk"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let config = #"{"agents": ["hd-bob"], "socket": "\#(host.socket)"}"#
        try config.write(toFile: folder + "/config.json", atomically: true, encoding: .utf8)
        #expect(try SharedHost.run("/bin/chown", ["-R", "hd-bob:", "/home/hd-bob/.config"]).status == 0)

        let approved = try host.run(as: "hd-bob", host.helpdesk, ["approvals", "approve", String(id)])
        #expect(approved.status == 1)
        #expect(approved.stderr.contains("only agents can approve requests"))
        let console = try host.run(as: "hd-bob", host.helpdesk, ["agent"])
        #expect(console.status == 1)
        #expect(console.stderr.contains("hd-bob is not an agent"))
    }

    /// Through a real sshd: the employee's chat shows the approval live, and dies with her
    /// connection instead of lingering as her process.
    @Test func overSSHTheChatShowsTheApprovalLiveAndEndsWithTheConnection() throws {
        let host = try SharedHost(people: ["hd-ann", "hd-alice"], agents: ["hd-alice"])
        defer { host.tearDown() }
        try host.startSSHD()
        // TmuxSession starts a local `helpdesk --version`; pane 0 becomes hd-ann's login at once.
        let tmux = try TmuxSession(columns: 160, rows: 40, arguments: "--version")
        defer { _ = try? tmux.tmux(["kill-server"]) }
        try tmux.tmux(["respawn-pane", "-k", "-t", ".0", "exec " + host.ssh(as: "hd-ann", [])])
        #expect(try tmux.waitFor("F1 help", seconds: 20).contains("hd-ann@"))

        try tmux.type("my vpn account is locked, please unlock it")
        try tmux.press("Enter")
        try tmux.waitFor("type y to send the request")
        // Answered in words, as the question asks: the whole line is the answer.
        try tmux.type("yes")
        try tmux.press("Enter")
        let waiting = try tmux.waitFor("waiting for an agent")
        let id = try #require(waiting.firstMatch(of: /request #(\d+): waiting/)?.1, "\(waiting)")

        try tmux.tmux(["split-window", "-h", host.ssh(as: "hd-alice", ["approvals", "approve", String(id)]) + "; sleep 30"])
        #expect(try tmux.waitFor("Approved request #\(id)", pane: 1).contains("(unlock_account for hd-ann)"))
        #expect(try tmux.waitFor("approved by hd-alice").contains("approved by hd-alice"))
        #expect(try tmux.waitFor("account is unlocked").contains("Your vpn account is unlocked."))

        let paneProcess = try tmux.tmux(["display-message", "-p", "-t", ".0", "#{pane_pid}"])
        let ssh = try #require(pid_t(paneProcess.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(try String(contentsOfFile: "/proc/\(ssh)/comm", encoding: .utf8) == "ssh\n")
        #expect(host.processes(of: "hd-ann", named: "helpdesk").count == 1)
        kill(ssh, SIGKILL)
        // sshd sees the connection drop and hangs up the chat's terminal.
        let ended = SharedHost.eventually(seconds: 5) { host.processes(of: "hd-ann", named: "helpdesk").isEmpty }
        #expect(ended, "hd-ann's chat still runs 5 s after her ssh client was killed")
    }

    /// Files `unlock_account account=vpn` as `user` without waiting; returns its number.
    private func file(_ host: SharedHost, as user: String) throws -> Int {
        let filed = try host.helpdesk(as: user, ["request", "unlock_account", "account=vpn", "--no-wait"])
        let number = try #require(filed.stdout.firstMatch(of: /Request #(\d+)/)?.1, "\(filed.stderr)")
        return try #require(Int(number))
    }

    private func pending(_ host: SharedHost, as agent: String) throws -> [Pending] {
        let listed = try host.helpdesk(as: agent, ["approvals", "list", "--json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        return try JSONDecoder().decode([Pending].self, from: Data(listed.stdout.utf8))
    }
}
