import Foundation
import Testing

/// The agent console's "my queues", in tmux at 80×24: an agent who belongs to a queue
/// starts there, and `all` (or Esc) and `queue:NAME` show the rest.
@Suite(.serialized)
struct AgentConsoleQueueTests {
    /// The demo agent works netops; network tickets go there, the rest to the service desk.
    static let configuration = """
        {"agents": ["alice"], "demoAgent": true,
         "routing": {"rules": [{"category": "network", "queue": "netops"}]},
         "queues": {"netops": {"agents": ["demo-agent"]}, "service-desk": {"agents": ["alice"]}}}
        """

    /// Files a ticket as the employee, routed by the console's configuration.
    private func fileTicket(_ tmux: TmuxSession, _ title: String, category: String) throws {
        let output = try HelpdeskProcess.run(
            ["tickets", "new", "--title", title, "--summary", title, "--category", category, "--database", tmux.database],
            environment: ["XDG_CONFIG_HOME": tmux.scratch.appendingPathComponent("config").path])
        #expect(output.status == 0, "\(output.stderr)")
    }

    @Test func myQueuesNarrowTheListUntilTheAgentAsksForAll() throws {
        let tmux = try TmuxSession(arguments: "agent --demo-agent", configuration: Self.configuration)
        try tmux.waitFor("Pending approvals")
        try fileTicket(tmux, "Printer jams", category: "printing")
        try fileTicket(tmux, "VPN drops", category: "network")
        let mine = try tmux.waitFor("VPN drops")
        #expect(mine.contains("1 of 2 tickets · filter: queues (netops)"), "screen: \(mine)")
        #expect(mine.contains("· netops · VPN drops"), "screen: \(mine)")
        #expect(!mine.contains("Printer jams"), "screen: \(mine)")

        try tmux.press("Escape")
        let all = try tmux.waitFor("Printer jams")
        #expect(all.contains("2 open tickets") && all.contains("VPN drops"), "screen: \(all)")

        try tmux.type("f")
        try tmux.type("queue:service-desk")
        try tmux.press("Enter")
        let desk = try tmux.waitFor("filter: queue:service-desk")
        #expect(desk.contains("Printer jams") && !desk.contains("VPN drops"), "screen: \(desk)")
    }
}
