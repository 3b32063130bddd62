import Foundation
import Testing

/// Routing from the command line: `helpdesk check` on the rules, and tickets filed, shown
/// and moved between queues.
struct RoutingCommandTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-routing-\(UUID().uuidString)")
    var configFile: String { folder.appendingPathComponent("helpdesk/config.json").path }

    /// Writes `config.json` where the helpdesk looks for it, and runs `helpdesk ARGUMENTS`.
    private func helpdesk(_ arguments: [String], config: String) throws -> HelpdeskProcess.Output {
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("helpdesk"), withIntermediateDirectories: true)
        try config.write(toFile: configFile, atomically: true, encoding: .utf8)
        return try HelpdeskProcess.run(
            arguments, environment: ["XDG_CONFIG_HOME": folder.path, "XDG_DATA_HOME": folder.path])
    }

    private static let queues =
        #"{"netops": {"agents": ["alice"]}, "finance-it": {"agents": ["alice"]},"#
        + #" "service-desk": {"agents": ["alice"]}}"#

    @Test func checkNamesARuleThatCanNeverMatchWithItsFileAndLine() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = """
            {
              "agents": ["alice"],
              "routing": {"rules": [
                {"category": "network", "queue": "netops"},
                {"category": "network", "keywords": ["vpn"], "queue": "finance-it"}
              ]},
              "queues": \(Self.queues)
            }
            """
        let check = try helpdesk(["check"], config: config)
        #expect(check.status == 1)
        #expect(check.stdout.contains("routing:   2 rules, default queue service-desk; queues finance-it, netops, service-desk"))
        #expect(
            check.stderr.contains(
                "\(configFile):5:5: routing.rules[1] (category network; keywords vpn) can never match: routing.rules[0] "
                    + "(line 4) matches every ticket it would, and sends it to netops"), "\(check.stderr)")
    }

    @Test func checkPassesGoodRulesAndWarnsOfACategoryNoArticleHas() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = """
            {
              "agents": ["alice"],
              "routing": {"rules": [{"category": "netwrok", "queue": "netops"}]},
              "queues": \(Self.queues)
            }
            """
        let check = try helpdesk(["check"], config: config)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("\(configFile):3:25: warning: routing.rules[0]: no article has category \"netwrok\""))
        #expect(check.stderr.contains("did you mean \"network\"?"))
    }

    @Test func aTicketIsFiledInItsQueueShownThereAndMoved() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = """
            {
              "agents": ["alice"], "demoAgent": true,
              "routing": {"rules": [{"keywords": ["payroll"], "queue": "finance-it", "assignee": "alice"}]},
              "queues": \(Self.queues)
            }
            """
        let filed = try helpdesk(
            ["tickets", "new", "--title", "Payroll export fails", "--summary", "Since Monday"], config: config)
        #expect(filed.status == 0, "\(filed.stderr)")
        let shown = try helpdesk(["tickets", "show", "1", "--demo-agent"], config: config)
        #expect(shown.stdout.contains("P3 · new · general · queue finance-it · for "))
        #expect(shown.stdout.contains("helpdesk sent it to queue finance-it"))
        #expect(shown.stdout.contains("helpdesk assigned it to alice"))

        let refused = try helpdesk(["tickets", "queue", "1", "netops"], config: config)
        #expect(refused.status == 1)
        let moved = try helpdesk(["tickets", "queue", "1", "netops", "--demo-agent"], config: config)
        #expect(moved.stdout == "Ticket #1 is in queue netops.\n")
        let listed = try helpdesk(["tickets", "list", "--all", "--demo-agent"], config: config)
        #expect(listed.stdout.contains("netops         Payroll export fails"), "\(listed.stdout)")
    }
}
