import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `helpdesk serve` as a client in another language sees it: `Scripts/rpc_client.py`
/// (Python, standard library only) speaks the protocol over the socket, and the summaries
/// it prints are checked here. The daemon runs as a process on a private socket and
/// database, and is always stopped and reaped.
@Suite(.serialized)
struct DaemonProtocolTests {
    @Test func aClientNotWrittenInSwiftUsesEveryKindOfCall() throws {
        let daemon = try ServedHelpdesk()
        defer { daemon.remove() }
        let summary = try Python.run(["tour", daemon.socket, currentUser], in: daemon, timeout: 120)

        let hello = try #require(summary["hello"] as? [String: Any])
        #expect(hello["user"] as? String == currentUser)
        #expect(hello["userMatches"] as? Bool == true)
        #expect(hello["version"] as? Int == 1)
        #expect(hello["role"] as? String == "employee")
        #expect(hello["isDemoAgent"] as? Bool == false)
        #expect(hello["hostIsText"] as? Bool == true)
        #expect(error(summary["beforeHello"]).code == -32600)
        #expect((summary["subscribe"] as? [String: Any])?.isEmpty == true)

        // The reply streams: many text pieces, then the sources, then `done`, all before the
        // request's own result, and nothing for that call after it.
        let send = try #require(summary["send"] as? [String: Any])
        #expect(send["kind"] as? String == "answer")
        #expect((send["textPieces"] as? Int ?? 0) > 1)
        #expect(send["lastEvent"] as? String == "done")
        #expect(send["doneCount"] as? Int == 1)
        #expect(send["eventTypes"] as? [String] == ["done", "sources", "text"])
        #expect(send["textJoinedEqualsReply"] as? Bool == true)
        #expect((send["textStart"] as? String)?.hasPrefix("VPN keeps disconnecting") == true)
        #expect((send["sources"] as? [String])?.contains("network/vpn-drops") == true)
        #expect((send["result"] as? [String: Any])?.isEmpty == true)
        #expect(send["foreign"] as? Int == 0)
        #expect(summary["lateReplyEvents"] as? Int == 0)
        #expect(summary["recentRoles"] as? [String] == ["employee", "helpdesk"])

        let filed = try #require(summary["filed"] as? [String: Any])
        let id = try #require(filed["id"] as? Int)
        #expect(filed["requester"] as? String == currentUser)
        #expect(filed["title"] as? String == "VPN drops every hour")
        #expect(filed["status"] as? String == "new")
        #expect(filed["priority"] as? String == "P3")
        #expect(summary["mineIDs"] as? [Int] == [id])
        #expect(summary["getMatchesFiled"] as? Bool == true)
        #expect(summary["getHistory"] as? [String] == ["created"])
        #expect(summary["comment"] as? String == "ok")
        #expect(summary["secondSeesTicket"] as? [Int] == [id])
        let changes = try #require(summary["changes"] as? [[Any]])
        #expect(changes.contains { $0.first as? String == "ticket.created" && $0.last as? Bool == true })
        #expect(summary["changeCarriesTicket"] as? Bool == true)

        let request = try #require(summary["request"] as? [String: Any])
        #expect(request["state"] as? String == "pending")
        #expect(request["tool"] as? String == "reset_password")
        #expect(request["requester"] as? String == currentUser)
        #expect(summary["requestReadBack"] as? Bool == true)

        // Errors: the JSON-RPC code, and the helpdesk's own in data.code.
        let wrongTypes = try #require(summary["wrongTypes"] as? [String: Any])
        #expect(error(wrongTypes["error"]).code == -32602)
        #expect(wrongTypes["id"] as? String == "wrong-types")
        #expect(error(summary["wrongNestedTypes"]).code == -32602)
        #expect(error(summary["forbidden"]) == (-32001, "forbidden"))
        #expect(error(summary["forbiddenQueue"]) == (-32001, "forbidden"))
        #expect(error(summary["unknownMethod"]).code == -32601)
        #expect(error(summary["notFound"]) == (-32002, "notFound"))
        #expect(error(summary["tooLarge"]) == (-32005, "tooLarge"))
        #expect(error(summary["wrongVersion"]) == (-32003, "invalid"))
        #expect(summary["notificationUnanswered"] as? Bool == true)
        #expect(summary["pipelined"] as? Bool == true)

        #expect(daemon.isRunning)
        #expect(daemon.stop() == 0, "SIGTERM stops the daemon cleanly")
        #expect(try daemon.ticketsInDatabase().map(\.id) == [id])
    }

    @Test func malformedFramesNeverCrashTheDaemonOrDisturbOthers() throws {
        let daemon = try ServedHelpdesk()
        defer { daemon.remove() }
        let socketsBefore = daemon.openSockets()

        // The well-behaved client files tickets and reads them back throughout.
        let stopFile = daemon.folder.appendingPathComponent("stop-steady").path
        let steady = try Child(
            Python.executable, Python.arguments(["steady", daemon.socket, stopFile]), folder: daemon.folder, name: "steady")
        defer { steady.stop(SIGKILL) }
        try #require(steady.waitForOutput("ready\n", seconds: 60), "the steady client never started: \(steady.errors)")

        let seed = Int.random(in: 1...1_000_000)
        let fuzz = try Python.run(["fuzz", daemon.socket, String(seed), "100000"], in: daemon, timeout: 240)
        _ = FileManager.default.createFile(atPath: stopFile, contents: nil)
        #expect(steady.wait(60), "the steady client did not stop")
        let calm = try Python.summary(of: steady)
        let mine = try Python.run(["mine", daemon.socket], in: daemon, timeout: 60)

        // Every malformed frame was answered as it should be, or not at all where it should not.
        let note = "seed \(seed)"
        #expect((fuzz["frames"] as? Int ?? 0) >= 100_000, "\(note)")
        #expect((fuzz["connections"] as? Int ?? 0) >= 100, "\(note)")
        #expect((fuzz["answers"] as? Int ?? 0) >= 80_000, "\(note)")
        #expect(
            Set((fuzz["kinds"] as? [String: Int] ?? [:]).keys) == [
                "random", "truncated", "nested", "wrong-params", "untyped-params", "huge", "unknown", "ids", "envelope",
                "encoding", "semantic", "notification",
            ], "\(note)")
        let problems = fuzz["problems"] as? [Any] ?? ["no problems list"]
        #expect(problems.isEmpty, "\(note): \(problems.prefix(10))")
        #expect((fuzz["codes"] as? [String: Int])?["-32603"] == nil, "an internal error: \(note)")

        // Over 1 MiB: one error, id null, -32600, then the connection closes; its neighbour is
        // served. Exactly 1 MiB is read and answered.
        let oversized = try #require(fuzz["oversized"] as? [[String: Any]])
        #expect(oversized.count == 15)
        for big in oversized {
            let variant = big["variant"] as? String ?? "?"
            #expect(big["neighbourServed"] as? Bool == true, "\(variant)")
            if variant == "exact" {
                #expect(big["answeredById"] as? Bool == true)
                #expect(big["stillOpen"] as? Bool == true)
            } else {
                #expect(big["closed"] as? Bool == true, "\(variant)")
                #expect(big["errors"] as? [Int] == [-32600], "\(variant)")
                #expect((big["errorIDs"] as? [Any])?.count == 1 && (big["errorIDs"] as? [Any])?.first is NSNull)
                // A request before the oversized line may be answered or lost with the connection.
                let results = big["results"] as? [String] ?? ["?"]
                #expect(results.isEmpty || (variant == "later" && results == ["small"]), "\(variant)")
            }
        }

        // The steady client got exactly its own tickets every time, all through the fuzzing.
        let steadyProblems = calm["problems"] as? [Any] ?? ["no problems list"]
        #expect(steadyProblems.isEmpty, "\(steadyProblems.prefix(5))")
        let started = try #require(fuzz["started"] as? Double)
        let finished = try #require(fuzz["finished"] as? Double)
        let during = (calm["times"] as? [Double] ?? []).filter { $0 >= started && $0 <= finished }.sorted()
        #expect(during.count >= 20, "only \(during.count) correct answers in \(finished - started) s of fuzzing")
        let gaps = zip([started] + during, during + [finished]).map { $1 - $0 }
        #expect((gaps.max() ?? .infinity) < 5, "the steady client waited \(gaps.max() ?? 0) s")
        #expect((calm["slowest"] as? Double ?? .infinity) < 5)
        let filed = try #require(calm["filed"] as? [Int])
        let titles = try #require(calm["titles"] as? [String])
        #expect(filed.count >= 2)

        // Still alive, still the same user, and the only tickets are the steady client's.
        #expect(daemon.isRunning)
        #expect(mine["user"] as? String == currentUser)
        let served = (mine["tickets"] as? [[String: Any]] ?? []).compactMap { ticket in
            (ticket["id"] as? Int).map { ($0, ticket["title"] as? String ?? "") }
        }
        #expect(served.sorted { $0.0 < $1.0 }.map(\.0) == filed)
        #expect(served.sorted { $0.0 < $1.0 }.map(\.1) == titles)

        // JSON-RPC 2.0: a valid JSON value that is not a valid Request object is -32600.
        let codes = try #require(mine["invalidRequestCodes"] as? [String: Int])
        for (frame, code) in codes.sorted(by: { $0.key < $1.key }) { #expect(code == -32600, "\(frame)") }

        // Every connection was closed on the daemon's side too.
        #expect(daemon.waitForOpenSockets(atMost: socketsBefore, seconds: 15), "sockets: \(daemon.openSockets())")
        #expect(daemon.loggedErrors().isEmpty, "\(daemon.loggedErrors().prefix(5))")
        #expect(daemon.stop() == 0, "SIGTERM stops the daemon cleanly")
        let stored = try daemon.ticketsInDatabase()
        #expect(stored.map(\.id) == filed)
        #expect(stored.map(\.title) == titles)
    }
}

/// The user this test process runs as, from the password database.
private let currentUser: String = {
    guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "uid\(geteuid())" }
    return String(cString: name)
}()

/// An error object from a summary: `{"code": …, "data": …}`.
private func error(_ value: Any?) -> (code: Int?, data: String?) {
    let object = value as? [String: Any]
    return (object?["code"] as? Int, object?["data"] as? String)
}

/// A child process whose output goes to files, so a full pipe can never block it.
/// `stop` kills and reaps it; every test calls it in a `defer`, also when it fails.
private final class Child {
    let process = Process()
    let stdout: URL
    let stderr: URL

    init(_ executable: URL, _ arguments: [String], folder: URL, name: String, environment: [String: String] = [:]) throws {
        stdout = folder.appendingPathComponent("\(name).out")
        stderr = folder.appendingPathComponent("\(name).err")
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        let out = try FileHandle(forWritingTo: stdout)
        let err = try FileHandle(forWritingTo: stderr)
        defer {
            try? out.close()
            try? err.close()
        }
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        try process.run()
    }

    var output: String { (try? String(contentsOf: stdout, encoding: .utf8)) ?? "" }
    var errors: String { (try? String(contentsOf: stderr, encoding: .utf8)) ?? "" }

    /// Waits up to `seconds` for it to exit by itself; whether it did.
    func wait(_ seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        return !process.isRunning
    }

    /// Waits up to `seconds` for `text` in its output; false if it exited or time ran out.
    func waitForOutput(_ text: String, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if output.contains(text) { return true }
            if !process.isRunning { return output.contains(text) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// Sends `signal`, then SIGKILL if it has not exited within `grace` seconds; always
    /// reaps it. Its exit status (or the signal's number), however often it is called.
    @discardableResult
    func stop(_ signal: Int32 = SIGTERM, grace: Double = 20) -> Int32 {
        if process.isRunning {
            kill(process.processIdentifier, signal)
            if !wait(grace) { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// `helpdesk serve` on a private socket, database and configuration (one that names an
/// agent who is not us, so we are an employee and the demo agent is off).
private final class ServedHelpdesk {
    let folder: URL
    let socket: String
    let database: String
    private let child: Child

    init() throws {
        // Short: a Unix socket's path holds at most 107 bytes.
        folder = URL(fileURLWithPath: "/tmp/hd-proto-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        socket = folder.appendingPathComponent("helpdesk.sock").path
        database = folder.appendingPathComponent("helpdesk.sqlite").path
        let config = folder.appendingPathComponent("config.json")
        try Data(#"{"agents": ["helpdesk-protocol-test-agent"]}"#.utf8).write(to: config)
        let repository = HelpdeskProcess.repository
        child = try Child(
            HelpdeskProcess.executable,
            [
                "serve", "--socket", socket, "--knowledge", repository.appendingPathComponent("knowledge").path, "--tools",
                repository.appendingPathComponent("tools.json").path, "--database", database, "--config", config.path,
            ], folder: folder, name: "daemon",
            environment: [
                "XDG_CACHE_HOME": folder.appendingPathComponent("cache").path,
                "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path,
                "XDG_STATE_HOME": folder.appendingPathComponent("state").path,
                "XDG_DATA_HOME": folder.appendingPathComponent("data").path,
            ])
        // Listening once it says so (the socket file exists from bind, just before listen).
        guard child.waitForOutput("helpdesk serve: listening on", seconds: 120),
            FileManager.default.fileExists(atPath: socket)
        else {
            child.stop(SIGKILL)
            try? FileManager.default.removeItem(at: folder)
            throw DaemonDidNotStart(output: child.output, errors: child.errors)
        }
    }

    struct DaemonDidNotStart: Error, CustomStringConvertible {
        let output: String
        let errors: String
        var description: String { "helpdesk serve did not start:\n\(output)\n\(errors)" }
    }

    var isRunning: Bool { child.process.isRunning }

    /// Stops it with SIGTERM (SIGKILL after 20 s); its exit status.
    @discardableResult
    func stop() -> Int32 { child.stop() }

    /// Stops it and removes its folder: socket, database, logs and the clients' output.
    func remove() {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The daemon's log file (swift-log goes there, never to the terminal).
    var log: String {
        let path = folder.appendingPathComponent("state/helpdesk/helpdesk.log").path
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    /// Error and critical lines in the log: a request that failed inside the daemon.
    func loggedErrors() -> [Substring] {
        log.split(separator: "\n").filter { $0.contains("[error]") || $0.contains("[critical]") }
    }

    /// The daemon's open Unix sockets: the listener and one per live connection.
    func openSockets() -> Int {
        let folder = "/proc/\(child.process.processIdentifier)/fd"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return entries.count(where: { entry in
            ((try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + entry)) ?? "").hasPrefix("socket:")
        })
    }

    func waitForOpenSockets(atMost count: Int, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while openSockets() > count && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        return openSockets() <= count
    }

    /// Every ticket in the database, read by `helpdesk tickets` itself once the daemon has
    /// stopped (as the demo agent of a private, empty configuration).
    func ticketsInDatabase() throws -> [(id: Int, title: String)] {
        let run = try HelpdeskProcess.run(
            ["tickets", "list", "--all", "--finished", "--demo-agent", "--json", "--database", database])
        #expect(run.status == 0, "\(run.stderr)")
        let tickets = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        return tickets.compactMap { ticket in (ticket["id"] as? Int).map { ($0, ticket["title"] as? String ?? "") } }
            .sorted { $0.id < $1.id }
    }
}

/// Runs `Scripts/rpc_client.py` with python3 and reads the JSON summary it prints last.
private enum Python {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Scripts/rpc_client.py")
    static let executable = URL(fileURLWithPath: "/usr/bin/env")

    static func arguments(_ arguments: [String]) -> [String] { ["python3", "-u", "-B", script.path] + arguments }

    /// Runs one mode to its end (killed after `timeout` seconds) and returns its summary.
    static func run(_ arguments: [String], in daemon: ServedHelpdesk, timeout: Double) throws -> [String: Any] {
        let name = "python-\(arguments[0])-\(UUID().uuidString.prefix(4))"
        let child = try Child(executable, Self.arguments(arguments), folder: daemon.folder, name: name)
        defer { child.stop(SIGKILL) }
        let finished = child.wait(timeout)
        try #require(finished, "rpc_client.py \(arguments[0]) ran over \(timeout) s: \(child.errors.suffix(2000))")
        try #require(child.process.terminationStatus == 0, "rpc_client.py \(arguments[0]) failed: \(child.errors.suffix(4000))")
        return try summary(of: child)
    }

    static func summary(of child: Child) throws -> [String: Any] {
        let line = try #require(child.output.split(separator: "\n").last, "no output; stderr: \(child.errors.suffix(2000))")
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(object as? [String: Any], "not a summary: \(line.prefix(2000))")
    }
}
