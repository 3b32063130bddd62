import Foundation
import Testing

/// `helpdesk request` waiting in one process while `helpdesk approvals` decides in another.
final class RequestCommandTests {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-req-\(UUID().uuidString)")
    var database: String { scratch.appendingPathComponent("helpdesk.sqlite").path }

    deinit { try? FileManager.default.removeItem(at: scratch) }

    @Test func aWaitingRequestRunsWhenAnAgentApprovesFromAnotherProcess() throws {
        let waiting = Process()
        waiting.executableURL = HelpdeskProcess.executable
        waiting.arguments = ["request", "reset_password", "account=email", "--database", database]
        waiting.currentDirectoryURL = HelpdeskProcess.repository
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = scratch.path
        environment["XDG_STATE_HOME"] = scratch.path
        waiting.environment = environment
        let output = Pipe()
        waiting.standardOutput = output
        waiting.standardError = output
        try waiting.run()

        // Approve once the request exists; the waiting process is told without being asked.
        var approved: HelpdeskProcess.Output?
        for _ in 0..<50 {
            usleep(100_000)
            let attempt = try HelpdeskProcess.run([
                "approvals", "approve", "1", "--demo-agent", "--note", "checked", "--database", database,
            ])
            if attempt.status == 0 {
                approved = attempt
                break
            }
        }
        #expect(approved?.stdout.hasPrefix("Approved request #1 (reset_password for ") == true)
        waiting.waitUntilExit()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(waiting.terminationStatus == 0)
        #expect(printed.contains("Waiting for an agent to approve it…"))
        #expect(printed.contains("Approved by demo-agent: checked."))
        let password = try #require(printed.split(separator: "Temporary password: ").last?.prefix(19))
        #expect(password.count == 19)

        let audit = try HelpdeskProcess.run(["audit", "list", "--json", "--demo-agent", "--database", database])
        #expect(audit.stdout.contains("approval.executed"))
        #expect(!audit.stdout.contains(String(password)))
        let log = try String(contentsOfFile: scratch.path + "/helpdesk/helpdesk.log", encoding: .utf8)
        #expect(log.contains("helpdesk.approvals: request ran outcome=temporary email password set for"))
        #expect(!log.contains(String(password)))
        let stored = ["", "-wal"].compactMap { FileManager.default.contents(atPath: database + $0) }.reduce(Data(), +)
        #expect(stored.range(of: Data(password.utf8)) == nil)
    }

    @Test func aSelfApprovalIsRefused() throws {
        let filed = try HelpdeskProcess.run([
            "request", "unlock_account", "account=vpn", "--no-wait", "--demo-agent", "--database", database,
        ])
        #expect(filed.status == 0)
        let decided = try HelpdeskProcess.run(["approvals", "approve", "1", "--demo-agent", "--database", database])
        #expect(decided.status == 1)
        #expect(decided.stderr.contains("request #1 is your own: another agent must decide it"))
    }
}
