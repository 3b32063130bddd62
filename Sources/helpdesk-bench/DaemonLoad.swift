import Daemon
import Engine
import Foundation
import HelpdeskCore
import Knowledge
import Service
import Store

/// `helpdesk serve` with many employees chatting at once: each client its own connection
/// and conversation, a message every 2–4 s, the time from sending to the reply's `.done`.
/// Next to it, the same messages answered in-process one at a time, as the embedded
/// helpdesk answers them.
enum DaemonLoad {
    /// What one run achieved.
    struct Figures {
        var name: String
        var messages = 0
        var perSecond = 0.0
        /// Milliseconds from sending to `.done`, sorted.
        var latencies: [Double] = []
        var errors = 0
        var firstError: String?
        /// CPU used over the run, as % of one core.
        var daemonCPU: Double?
        var benchCPU: Double?
        var memory: (resident: Double, peak: Double)?
        var connectSeconds: Double?
        /// How many replies of each kind came back: a check that the mix is what it says.
        var kinds: [Reply.Kind: Int] = [:]

        init(name: String) { self.name = name }

        func percentile(_ p: Double) -> Double {
            guard !latencies.isEmpty else { return .nan }
            let rank = Int((p * Double(latencies.count)).rounded(.up)) - 1
            return latencies[min(max(rank, 0), latencies.count - 1)]
        }
    }

    /// What one simulated employee saw.
    private struct ClientOutcome: Sendable {
        var latencies: [Double] = []
        var kinds: [Reply.Kind: Int] = [:]
        var errors = 0
        var firstError: String?

        mutating func failed(_ error: any Error) {
            errors += 1
            if firstError == nil { firstError = "\(error)" }
        }
    }

    /// One connected employee.
    private struct Session: Sendable {
        let number: Int
        let client: SocketClient
        let conversation: Int
    }

    /// The target: this many clients answered with p99 at most `targetP99` ms on 2 cores.
    static let targetClients = 200
    static let targetP99 = 100.0

    /// Conversations the in-process baseline replays (those of the first clients).
    static let baselineConversations = 50

    /// Runs every level and prints the table. Blocks until done.
    static func report(knowledge: String, tools: String, clientCounts: [Int], seconds: Int) {
        let finished = DispatchSemaphore(value: 0)
        Task.detached {
            await run(knowledge: knowledge, tools: tools, clientCounts: clientCounts, seconds: seconds)
            finished.signal()
        }
        finished.wait()
    }

    private static func run(knowledge: String, tools: String, clientCounts: [Int], seconds: Int) async {
        let title = "\nhelpdesk serve under load (Unix socket; each client its own connection and conversation)"
        guard FileManager.default.isExecutableFile(atPath: ServedDaemon.executable.path) else {
            print("\(title): skipped, \(ServedDaemon.executable.path) is not built (swift build -c release builds it)")
            return
        }
        let (questions, source) = ShippedKnowledge.loadQueries()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-bench-daemon-\(getpid())")
        let interrupts = ServedDaemon.stopOnInterrupt(removing: folder)
        defer {
            ServedDaemon.restoreInterrupts(interrupts)
            try? FileManager.default.removeItem(at: folder)
        }
        let duration = Duration.seconds(seconds)
        let turns = max(1, Int((Double(seconds) / 3).rounded()))
        print(
            "\(title):\n  a message every 2–4 s per client for \(seconds) s per level, after one warm-up pass "
                + "(every distinct message once): 60 % knowledge questions (\(source)),\n  "
                + "20 % tool requests, 20 % questions no article covers; whatever a reply leaves open is declined next. "
                + "Latency: send to the reply's .done.")
        if let limit = raiseFileLimit(to: 2 * (clientCounts.max() ?? 0) + 256) { print("  \(limit)") }
        print("  load average before: \(loadAverage) (other processes on these cores skew every figure below)")

        var rows: [Figures] = []
        do throws(LoadRunError) {
            rows += try await embedded(
                knowledge: knowledge, tools: tools, questions: questions, turns: turns,
                folder: folder.appendingPathComponent("embedded"))
        } catch {
            print("  in-process baseline failed: \(error)")
        }
        for count in clientCounts {
            do throws(LoadRunError) {
                let daemon = try await ServedDaemon.start(
                    knowledge: knowledge, tools: tools, folder: folder.appendingPathComponent("clients-\(count)"))
                defer { daemon.stop() }
                rows.append(await level(clients: count, daemon: daemon, questions: questions, duration: duration))
            } catch {
                print("  \(count) clients: \(error)")
            }
        }
        printTable(rows, turns: turns)
        print("  load average after: \(loadAverage)")
    }

    /// The 1, 5 and 15 minute load averages (/proc/loadavg).
    private static var loadAverage: String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        let averages = text.split(separator: " ").prefix(3)
        return averages.count == 3 ? averages.joined(separator: " ") : "unknown"
    }

    // MARK: - In-process baseline

    /// The clients' first conversations replayed in-process, one message at a time with no
    /// pauses: through the engine alone (as `helpdesk ask` does), then through
    /// `HelpdeskService.send` on a database of its own (engine, conversation read, the
    /// turn stored), as the embedded chat and the daemon's sessions do.
    private static func embedded(
        knowledge: String, tools: String, questions: [String], turns: Int, folder: URL
    ) async throws(LoadRunError) -> [Figures] {
        let engine: GroundedEngine
        let service: HelpdeskService
        do {
            let catalog = try ToolCatalog.load(tools)
            engine = GroundedEngine(index: try KnowledgeBase.load(knowledge, cacheDirectory: nil).index, tools: catalog)
            let database = try HelpdeskDatabase(path: folder.appendingPathComponent("helpdesk.sqlite").path)
            service = try HelpdeskService(
                database: database, configuration: Configuration(), identity: Identity.currentProcess(), tools: catalog,
                engine: engine)
        } catch {
            throw LoadRunError("\(error)")
        }
        let warmUp = warmUpMessages(questions)
        for message in warmUp { _ = engine.respond(to: message, in: Conversation()) }

        var states = Array(repeating: Conversation(), count: baselineConversations)
        let engineFigures = await replay(
            "in-process: engine alone", questions: questions, turns: turns
        ) { conversation, message in
            var done: (Reply, Conversation)?
            for await event in engine.reply(to: message, in: states[conversation]) {
                if case .done(let reply, let next) = event { done = (reply, next) }
            }
            if let done { states[conversation] = done.1 }
            return done
        }

        var ids: [Int] = []
        do {
            for _ in 0..<baselineConversations { ids.append(try service.startConversation()) }
            for (number, message) in warmUp.enumerated() {
                if number % 10 == 0 { ids.append(try service.startConversation()) }
                for try await _ in service.send(message, in: ids[ids.count - 1]) {}
            }
        } catch {
            throw LoadRunError("in-process warm-up: \(error)")
        }
        let serviceFigures = await replay(
            "in-process: HelpdeskService.send", questions: questions, turns: turns
        ) { conversation, message in
            var done: (Reply, Conversation)?
            for try await event in service.send(message, in: ids[conversation]) {
                if case .done(let reply, let next) = event { done = (reply, next) }
            }
            return done
        }
        return [engineFigures, serviceFigures]
    }

    /// Sends `turns` messages in each baseline conversation, round robin, timing each;
    /// `send` returns the reply and the conversation after it (nil: no `.done` came).
    private static func replay(
        _ name: String, questions: [String], turns: Int, _ send: (Int, String) async throws -> (Reply, Conversation)?
    ) async -> Figures {
        var figures = Figures(name: name)
        var scripts = (0..<baselineConversations).map { EmployeeScript(questions: questions, seed: UInt64($0)) }
        var pending = Array(repeating: false, count: baselineConversations)
        let start = ContinuousClock.now
        for _ in 0..<turns {
            for conversation in 0..<baselineConversations {
                let message = scripts[conversation].next(afterPending: pending[conversation])
                let sent = ContinuousClock.now
                do {
                    guard let (reply, next) = try await send(conversation, message) else {
                        throw LoadRunError("the reply to \"\(message)\" ended without .done")
                    }
                    figures.latencies.append((ContinuousClock.now - sent).seconds * 1e3)
                    figures.kinds[reply.kind, default: 0] += 1
                    pending[conversation] = next.pending != nil
                } catch {
                    figures.errors += 1
                    if figures.firstError == nil { figures.firstError = "\(error)" }
                }
            }
        }
        figures.messages = figures.latencies.count
        figures.perSecond = Double(figures.messages) / max((ContinuousClock.now - start).seconds, 1e-9)
        figures.latencies.sort()
        return figures
    }

    /// Every message a script can open with, once: first questions build lazy state (the
    /// spelling index on the first typo), which a running helpdesk has long built.
    private static func warmUpMessages(_ questions: [String]) -> [String] {
        questions + EmployeeScript.toolRequests + EmployeeScript.unknownQuestions
    }

    // MARK: - The daemon under load

    /// `clients` employees chatting with `daemon` for `duration`, after one warm-up pass.
    private static func level(
        clients count: Int, daemon: ServedDaemon, questions: [String], duration: Duration
    ) async -> Figures {
        var figures = Figures(name: "daemon: \(count) clients")
        let socket = daemon.socket
        do {
            let warm = try await SocketClient.connect(to: socket)
            var conversation = try await warm.startConversation()
            for (number, message) in warmUpMessages(questions).enumerated() {
                if number > 0 && number % 10 == 0 { conversation = try await warm.startConversation() }
                for try await _ in warm.send(message, in: conversation) {}
            }
        } catch {
            figures.errors += 1
            figures.firstError = "warm-up: \(error)"
            return figures
        }

        // Everyone connects and starts a conversation at once.
        let connectStart = ContinuousClock.now
        var sessions: [Session] = []
        var outcome = ClientOutcome()
        await withTaskGroup(of: Result<Session, any Error>.self) { group in
            for number in 0..<count {
                group.addTask {
                    do {
                        let client = try await SocketClient.connect(to: socket)
                        return .success(
                            Session(number: number, client: client, conversation: try await client.startConversation()))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            for await result in group {
                switch result {
                case .success(let session): sessions.append(session)
                case .failure(let error): outcome.failed(error)
                }
            }
        }
        figures.connectSeconds = (ContinuousClock.now - connectStart).seconds

        // Then they chat; a daemon that stops answering is killed after a minute's grace, so
        // every call waiting on it fails and is counted.
        let start = ContinuousClock.now + .milliseconds(200)
        let end = start + duration
        try? await Task.sleep(until: start, clock: .continuous)
        let cpuBefore = daemon.cpuSeconds
        let benchBefore = processCPUSeconds()
        let pid = daemon.pid
        let watchdog = Task {
            try await Task.sleep(until: end + .seconds(60), clock: .continuous)
            _ = kill(pid, SIGKILL)
        }
        await withTaskGroup(of: ClientOutcome.self) { group in
            for session in sessions {
                let script = EmployeeScript(questions: questions, seed: UInt64(session.number))
                group.addTask {
                    await employee(session.client, session.conversation, script, start: start, end: end)
                }
            }
            for await client in group {
                outcome.latencies += client.latencies
                outcome.kinds.merge(client.kinds, uniquingKeysWith: +)
                outcome.errors += client.errors
                if outcome.firstError == nil { outcome.firstError = client.firstError }
            }
        }
        watchdog.cancel()
        let elapsed = (ContinuousClock.now - start).seconds
        if let before = cpuBefore, let after = daemon.cpuSeconds { figures.daemonCPU = (after - before) / elapsed * 100 }
        figures.benchCPU = (processCPUSeconds() - benchBefore) / elapsed * 100
        figures.memory = daemon.memory
        if let status = daemon.exitStatus() {
            outcome.failed(LoadRunError("helpdesk serve ended during the run (\(status))"))
        }
        figures.latencies = outcome.latencies.sorted()
        figures.kinds = outcome.kinds
        figures.messages = figures.latencies.count
        figures.perSecond = Double(figures.messages) / duration.seconds
        figures.errors += outcome.errors
        figures.firstError = figures.firstError ?? outcome.firstError
        return figures
    }

    /// One employee: a message, the reply, a pause, until `end`. The next message goes a
    /// pause after the last was sent, or at once if its reply took longer than that.
    private static func employee(
        _ client: SocketClient, _ conversation: Int, _ script: EmployeeScript, start: ContinuousClock.Instant,
        end: ContinuousClock.Instant
    ) async -> ClientOutcome {
        var script = script
        var outcome = ClientOutcome()
        var next = start + script.firstDelay()
        var pending = false
        while next < end {
            try? await Task.sleep(until: next, clock: .continuous)
            let message = script.next(afterPending: pending)
            let sent = ContinuousClock.now
            do {
                var done: Conversation?
                for try await event in client.send(message, in: conversation) {
                    if case .done(let reply, let state) = event {
                        outcome.latencies.append((ContinuousClock.now - sent).seconds * 1e3)
                        outcome.kinds[reply.kind, default: 0] += 1
                        done = state
                    }
                }
                guard let done else { throw LoadRunError("the reply to \"\(message)\" ended without .done") }
                pending = done.pending != nil
            } catch {
                outcome.failed(error)
                pending = false
            }
            next = max(sent + script.pause(), .now)
        }
        return outcome
    }

    // MARK: - Limits and readings

    /// Raises this process's soft limit on open files (which the daemon inherits) to
    /// `needed`, as far as the hard limit allows; says what it did, nil if nothing.
    private static func raiseFileLimit(to needed: Int) -> String? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < rlim_t(needed) else { return nil }
        let old = limit.rlim_cur
        limit.rlim_cur = min(rlim_t(needed), limit.rlim_max)
        guard setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else {
            return "open files limit \(old): could not raise it (\(String(cString: strerror(errno)))); some clients may fail"
        }
        let short = limit.rlim_cur < rlim_t(needed) ? " (the hard limit; \(needed) wanted, some clients may fail)" : ""
        return "open files limit raised from \(old) to \(limit.rlim_cur)\(short)"
    }

    /// User plus system CPU seconds this process (the clients) has used.
    private static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6
    }

    // MARK: - Output

    private static func printTable(_ rows: [Figures], turns: Int) {
        func row(_ cells: [String]) {
            let widths = [34, 9, 9, 9, 9, 9, 7, 11, 10, 15, 9]
            let padded = cells.enumerated().map { index, cell in
                let width = widths[index]
                let pad = String(repeating: " ", count: max(0, width - cell.count))
                return index == 0 ? cell + pad : pad + cell
            }
            print("  " + padded.joined(separator: " "))
        }
        func number(_ value: Double?, _ format: String) -> String {
            guard let value, value.isFinite else { return "—" }
            return String(format: format, value)
        }
        row([
            "run", "messages", "msgs/s", "p50 (ms)", "p99 (ms)", "max (ms)", "errors", "daemon CPU", "bench CPU",
            "RSS/peak (MiB)", "connect",
        ])
        row([34, 9, 9, 9, 9, 9, 7, 11, 10, 15, 9].map { String(repeating: "-", count: $0) })
        for figures in rows {
            row([
                figures.name, "\(figures.messages)", number(figures.perSecond, "%.1f"), number(figures.percentile(0.5), "%.2f"),
                number(figures.percentile(0.99), "%.2f"), number(figures.latencies.last, "%.2f"), "\(figures.errors)",
                number(figures.daemonCPU, "%.1f %%"), number(figures.benchCPU, "%.1f %%"),
                figures.memory.map { String(format: "%.1f/%.1f", $0.resident, $0.peak) } ?? "—",
                number(figures.connectSeconds, "%.2f s"),
            ])
        }
        print(
            "  in-process: the first \(baselineConversations) clients' conversations, \(turns) turn\(turns == 1 ? "" : "s") each, one message "
                + "at a time (msgs/s is back to back); daemon: msgs/s over the level's duration.")
        print(
            "  CPU is user+system time over the run as % of one core (/proc/PID/stat); bench CPU is this process, "
                + "the clients, on the same cores. RSS/peak: VmRSS/VmHWM at the end.")
        for figures in rows where !figures.kinds.isEmpty {
            let total = Double(figures.kinds.values.reduce(0, +))
            let shares = figures.kinds.sorted { ($1.value, $0.key.rawValue) < ($0.value, $1.key.rawValue) }
                .map { String(format: "%@ %.0f %%", $0.key.rawValue, Double($0.value) / total * 100) }
            print("  replies, \(figures.name): \(shares.joined(separator: ", "))")
        }
        for figures in rows where figures.errors > 0 {
            print("  \(figures.name): \(figures.errors) errors; first: \(figures.firstError ?? "?")")
        }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let onCores = cores == 2 ? "this machine has 2" : "measured on \(cores) cores, not 2"
        guard let target = rows.first(where: { $0.name == "daemon: \(targetClients) clients" }) else {
            print("  target: \(targetClients) clients, p99 ≤ \(Int(targetP99)) ms on 2 cores: not measured in this run")
            return
        }
        let p99 = target.percentile(0.99)
        let met = p99 <= targetP99 && target.errors == 0 && target.messages > 0
        print(
            String(
                format: "  target: %d clients, p99 ≤ %.0f ms on 2 cores: %@ (p99 %.2f ms, %d errors; %@)", targetClients,
                targetP99, met ? "met" : "MISSED", p99, target.errors, onCores))
    }
}
