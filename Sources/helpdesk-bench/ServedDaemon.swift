import Foundation
import Synchronization

/// The pid of the `helpdesk serve` a load run started (0 when none runs) and the folder
/// the run works in: an interrupted benchmark stops the one and removes the other.
private let runningDaemon = Atomic<Int32>(0)
private let scratchFolder = Mutex<String?>(nil)

/// A failed load run, said plainly.
struct LoadRunError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}

/// The release `helpdesk serve` built next to this benchmark, run on a socket and a
/// database in a folder of its own, with the repository's knowledge and tools.
final class ServedDaemon {
    let pid: pid_t
    let socket: String
    let folder: URL
    private var reaped = false

    /// The `helpdesk` built next to this benchmark.
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("helpdesk")
    }

    /// Starts the daemon in `folder` (created; removed again by `stop`) and returns once
    /// it accepts connections.
    static func start(knowledge: String, tools: String, folder: URL) async throws(LoadRunError) -> ServedDaemon {
        let socket = folder.appendingPathComponent("helpdesk.sock").path
        guard socket.utf8.count < MemoryLayout.size(ofValue: sockaddr_un().sun_path) else {
            throw LoadRunError("the socket path \(socket) is too long for a Unix socket; set TMPDIR to a shorter folder")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // An empty configuration: the defaults, whatever /etc/helpdesk/config.json says.
            try Data("{}\n".utf8).write(to: folder.appendingPathComponent("config.json"))
        } catch {
            throw LoadRunError("cannot prepare \(folder.path): \(error)")
        }
        var environment = ProcessInfo.processInfo.environment
        for variable in ["XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"] {
            environment[variable] = folder.path
        }
        let arguments = [
            "serve", "--config", folder.appendingPathComponent("config.json").path, "--socket", socket,
            "--knowledge", knowledge, "--tools", tools, "--database", folder.appendingPathComponent("db/helpdesk.sqlite").path,
        ]
        guard
            let pid = Subprocess.spawn(
                executable.path, arguments, environment: environment, output: folder.appendingPathComponent("serve.out").path,
                errors: nil)
        else {
            throw LoadRunError("could not start \(executable.path)")
        }
        runningDaemon.store(pid, ordering: .sequentiallyConsistent)
        let daemon = ServedDaemon(pid: pid, socket: socket, folder: folder)
        do throws(LoadRunError) {
            try await daemon.waitUntilListening(timeout: .seconds(30))
        } catch {
            daemon.stop()
            throw error
        }
        return daemon
    }

    private init(pid: pid_t, socket: String, folder: URL) {
        self.pid = pid
        self.socket = socket
        self.folder = folder
    }

    deinit { stop() }

    private func waitUntilListening(timeout: Duration) async throws(LoadRunError) {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let status = exitStatus() {
                throw LoadRunError("helpdesk serve exited (\(status)) before listening:\n\(output)")
            }
            if Self.accepts(socket) { return }
            try? await Task.sleep(for: .milliseconds(20))
        }
        throw LoadRunError("helpdesk serve did not listen on \(socket) within \(timeout):\n\(output)")
    }

    /// What the daemon printed, for a failure report.
    var output: String {
        (try? String(contentsOf: folder.appendingPathComponent("serve.out"), encoding: .utf8)) ?? ""
    }

    /// How it ended, if it has (it is reaped then); nil while it runs.
    func exitStatus() -> String? {
        guard !reaped else { return "stopped" }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
        reaped = true
        runningDaemon.store(0, ordering: .sequentiallyConsistent)
        return (status & 0x7f) == 0 ? "exit status \((status >> 8) & 0xff)" : "killed by signal \(status & 0x7f)"
    }

    /// Stops it (SIGTERM; SIGKILL if it has not exited within 5 s), reaps it and removes its
    /// folder. Safe to call more than once.
    func stop() {
        if !reaped {
            kill(pid, SIGTERM)
            let deadline = ContinuousClock.now + .seconds(5)
            while exitStatus() == nil {
                if ContinuousClock.now > deadline {
                    kill(pid, SIGKILL)
                    var status: Int32 = 0
                    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                    reaped = true
                    runningDaemon.store(0, ordering: .sequentiallyConsistent)
                    break
                }
                usleep(5_000)
            }
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// User plus system CPU seconds it has used (/proc/PID/stat).
    var cpuSeconds: Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let end = stat.lastIndex(of: ")")
        else { return nil }
        // After "pid (comm)": state is field 3, utime field 14 and stime field 15.
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Resident memory now and at its peak, in MiB (VmRSS and VmHWM of /proc/PID/status).
    var memory: (resident: Double, peak: Double)? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        func mebibytes(_ key: String) -> Double? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }),
                let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
            else { return nil }
            return kilobytes / 1024
        }
        guard let resident = mebibytes("VmRSS"), let peak = mebibytes("VmHWM") else { return nil }
        return (resident, peak)
    }

    /// Whether something accepts connections on the Unix socket `path` (the connection
    /// is closed at once).
    private static func accepts(_ path: String) -> Bool {
        let descriptor = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: path.utf8) }
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        } == 0
    }

    /// On SIGINT or SIGTERM, kills the running daemon (if any), removes `folder` and exits,
    /// so an interrupted benchmark leaves nothing behind. Returns the handlers, to keep
    /// alive until `restoreInterrupts`.
    static func stopOnInterrupt(removing folder: URL) -> [any DispatchSourceSignal] {
        scratchFolder.withLock { $0 = folder.path }
        return [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let pid = runningDaemon.load(ordering: .sequentiallyConsistent)
                if pid > 0 {
                    _ = Glibc.kill(pid, SIGKILL)
                    var status: Int32 = 0
                    _ = waitpid(pid, &status, 0)
                }
                if let folder = scratchFolder.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: folder) }
                FileHandle.standardError.write(Data("helpdesk-bench: interrupted; helpdesk serve stopped\n".utf8))
                exit(128 + number)
            }
            source.resume()
            return source
        }
    }

    /// Undoes `stopOnInterrupt`: SIGINT and SIGTERM end the benchmark as before.
    static func restoreInterrupts(_ sources: [any DispatchSourceSignal]) {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        scratchFolder.withLock { $0 = nil }
    }
}
