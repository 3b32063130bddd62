@_spi(Testing) import Daemon
import Foundation
import HelpdeskCore
import Service
import Store
import Synchronization
import Testing

/// A tool that takes its time runs without holding up anyone else: while several run at
/// once — more than the machine has cores — other calls are still answered.
struct SlowToolTests {
    /// Sleeps until the test lets it go (its marker file is removed), at most 20 s.
    static func tools(waitingOn marker: String) -> String {
        #"""
        {"tools": [{"name": "slow", "title": "Slow", "description": "Takes its time.", "approval": "none",
          "run": {"argv": ["/bin/sh", "-c", "while [ -e \"$0\" ]; do sleep 0.05; done", "\#(marker)"], "timeout_seconds": 20}}]}
        """#
    }

    @Test func callsAreAnsweredWhileToolsRun() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-slow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let marker = folder.appendingPathComponent("running").path
        #expect(FileManager.default.createFile(atPath: marker, contents: nil))
        let setup = Daemon.Setup(
            database: try HelpdeskDatabase(path: folder.appendingPathComponent("db.sqlite").path),
            configuration: Configuration(agents: ["alice"]),
            loaded: Reloading(
                fixed: .init(tools: try ToolCatalog.parse(Self.tools(waitingOn: marker), file: "tools.json"), engine: nil)),
            levels: ServiceLevels())
        let socket = folder.appendingPathComponent("helpdesk.sock").path
        let daemon = try await Daemon.start(socket: socket, setup: setup) { _ in Identity(user: "ann") }
        do {
            try await answersWhileRunning(socket: socket, marker: marker)
        } catch {
            await daemon.stop()
            throw error
        }
        await daemon.stop()
    }

    /// Starts more slow runs than there are cores, then asks something else.
    private func answersWhileRunning(socket: String, marker: String) async throws {
        let runs = ProcessInfo.processInfo.activeProcessorCount + 2
        let finished = Counter()
        var running: [Task<Void, any Error>] = []
        for _ in 0..<runs {
            let ann = try await SocketClient.connect(to: socket)
            let request = try await ann.requestTool("slow", arguments: [:])
            running.append(
                Task {
                    _ = try await ann.run(request.id)
                    finished.value.add(1, ordering: .relaxed)
                })
        }
        // Give the runs time to start and take whatever threads they take.
        try await Task.sleep(for: .seconds(1))
        let other = try await SocketClient.connect(to: socket)
        #expect(try await other.myTickets().isEmpty)
        #expect(finished.value.load(ordering: .relaxed) == 0, "answered while every tool was still running")

        try FileManager.default.removeItem(atPath: marker)
        for run in running { try await run.value }
        #expect(finished.value.load(ordering: .relaxed) == runs)
    }
}

/// How many runs have finished, shared with the tasks running them.
private final class Counter: Sendable {
    let value = Atomic(0)
}
