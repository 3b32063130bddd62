import Foundation
import HelpdeskCore
import Service
import Store
import Testing

/// Every request that started ends with an outcome: when the helpdesk process running a
/// tool dies, the tool dies with it and the request is marked failed when next seen.
struct AbandonedRequestTests {
    static let sleeper = #"""
        {"tools": [{"name": "sleeper", "title": "Sleep", "description": "Sleeps.", "approval": "none",
          "run": {"argv": ["/bin/sleep", "30"], "timeout_seconds": 60}}]}
        """#

    /// A runner that cannot be running: a pid above any pid_max, or this process's pid with
    /// a start time it does not have (a reused pid).
    enum DeadRunner: String, CaseIterable {
        case exited, pidReused

        var process: HelpdeskDatabase.RunnerProcess {
            switch self {
            case .exited: HelpdeskDatabase.RunnerProcess(pid: Int32.max, started: 1, boot: "")
            case .pidReused:
                HelpdeskDatabase.RunnerProcess(pid: getpid(), started: (ProcessProbe.startTime(of: getpid()) ?? 0) + 1, boot: "")
            }
        }
    }

    @Test(arguments: DeadRunner.allCases)
    func aRequestWhoseRunnerIsGoneIsMarkedFailedWhenNextSeen(runner: DeadRunner) throws {
        let setup = try ServiceSetup(tools: Self.sleeper)
        let ann = try setup.service("ann")
        let request = try ann.requestTool("sleeper", arguments: [:])
        _ = try setup.database.claim(request.id, by: "ann", in: runner.process)
        let eventsBefore = try setup.database.lastEventID()

        let seen = try ann.request(request.id)
        #expect(seen.state == .failed)
        #expect(seen.outcome == "the helpdesk process running it ended before the tool finished")
        let last = try #require(try setup.database.auditEntries().last)
        #expect(last.action == "approval.failed" && last.subject == "request/\(request.id)" && last.actor == "helpdesk")
        #expect(try setup.database.events(after: eventsBefore).map(\.kind) == [.approvalFinished])
        #expect(throws: HelpdeskError.notRunnable(request.id, state: "failed")) { try ann.run(request.id) }
    }

    @Test func aRequestWhoseRunnerStillRunsStaysRunning() throws {
        let setup = try ServiceSetup(tools: Self.sleeper)
        let ann = try setup.service("ann")
        let request = try ann.requestTool("sleeper", arguments: [:])
        let this = HelpdeskDatabase.RunnerProcess(
            pid: getpid(), started: try #require(ProcessProbe.startTime(of: getpid())),
            boot: (try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
        _ = try setup.database.claim(request.id, by: "ann", in: this)
        #expect(try ann.request(request.id).state == .running)
        #expect(try setup.service("alice").pendingApprovals().isEmpty)
        #expect(try ann.request(request.id).state == .running)
    }

    /// As after a dropped ssh session: `helpdesk request` is killed while its tool runs.
    @Test func killingTheCallerEndsTheToolAndTheRequestFails() throws {
        let pidFile = ProcessProbe.pidFilePath()
        defer { try? FileManager.default.removeItem(atPath: pidFile) }
        let tools = try ServiceSetup.catalog(
            "sleeper", argv: ["/bin/sh", "-c", "echo $$ > \(pidFile); exec /bin/sleep 60"], timeout: 120)
        let setup = try ServiceSetup(tools: tools)
        let toolsFile = setup.folder.appendingPathComponent("tools.json")
        try tools.write(to: toolsFile, atomically: true, encoding: .utf8)

        let caller = Process()
        caller.executableURL = try Self.helpdeskExecutable()
        caller.arguments = ["request", "sleeper", "--database", setup.path, "--tools", toolsFile.path]
        // No configuration file from the person running the tests.
        caller.environment = ProcessInfo.processInfo.environment.merging(["XDG_CONFIG_HOME": setup.folder.path]) { $1 }
        caller.standardInput = FileHandle.nullDevice
        caller.standardOutput = FileHandle.nullDevice
        caller.standardError = FileHandle.nullDevice
        try caller.run()
        defer {
            // Reaped whatever happens below.
            if caller.isRunning { kill(caller.processIdentifier, SIGKILL) }
            caller.waitUntilExit()
        }
        #expect(ProcessProbe.eventually(within: 20) { ProcessProbe.pid(inFile: pidFile) != nil })
        let tool = try #require(ProcessProbe.pid(inFile: pidFile))
        #expect(!ProcessProbe.isGone(tool))

        kill(caller.processIdentifier, SIGKILL)
        caller.waitUntilExit()
        #expect(ProcessProbe.eventually(within: 10) { ProcessProbe.isGone(tool) }, "the tool outlived its caller")

        let requester = Identity.currentProcess().user
        let request = try #require(try setup.database.approvals().first)
        let seen = try setup.service(requester).request(request.id)
        #expect(seen.state == .failed)
        #expect(seen.outcome == "the helpdesk process running it ended before the tool finished")
    }

    /// The `helpdesk` executable built next to this test bundle.
    static func helpdeskExecutable() throws -> URL {
        let tests = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let url = URL(fileURLWithPath: tests).deletingLastPathComponent().appendingPathComponent("helpdesk")
        try #require(FileManager.default.isExecutableFile(atPath: url.path), "build it first: swift build --build-tests")
        return url
    }
}
