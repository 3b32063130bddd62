import CSpawn
import Foundation

/// One run of an `argv` tool, supervised the way a process supervisor runs a program: a
/// clean signal mask and default dispositions, its own process group, no input, one
/// output pipe read with a hard cap, a time limit enforced on the whole group, and SIGKILL
/// if the helpdesk dies first. No terminal or UI assumption: a daemon runs it the same way.
///
/// Everything happens on the calling thread, which stays inside `run()` until the tool's
/// process is reaped: the kernel's parent-death signal (`cn_spawn`) is tied to the thread
/// that forked, so waiting on another thread, or returning early, would break it.
struct ToolProcess {
    /// How a run ended.
    enum Ending: Sendable, Equatable {
        /// The tool's own process (the group leader) exited with this status.
        case exited(Int32)
        /// The tool's own process was killed by this signal, not by the time limit.
        case killed(signal: Int32)
        /// The time limit passed and the whole process group was stopped.
        case timedOut
        /// Its status could not be collected: something else reaped it.
        case statusLost
        /// It never ran, for this reason (`strerror`'s words).
        case notStarted(String)
    }

    struct Outcome: Sendable {
        let ending: Ending
        /// The first `outputLimit` bytes of stdout and stderr together.
        let output: [UInt8]
        /// How many bytes after those were read and thrown away.
        let omittedBytes: Int
    }

    /// The program (never looked up in `PATH`) and its arguments, each one argv element.
    let argv: [String]
    var environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
    let timeout: Duration
    /// How long the group has between SIGTERM and SIGKILL.
    var grace: Duration = .seconds(2)
    var outputLimit = 64 * 1024

    /// Runs the tool to its end and returns once its process is reaped and its group is gone.
    func run() -> Outcome {
        let variables = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        // A C string ends at the first NUL, which would silently shorten an argument.
        guard let path = argv.first, !(argv + variables).contains(where: { $0.utf8.contains(0) }) else {
            return Outcome(ending: .notStarted("an argument is missing or contains a NUL byte"), output: [], omittedBytes: 0)
        }
        var pid: pid_t = 0
        var output: Int32 = -1
        let error = Self.withCStrings(argv) { arguments in
            Self.withCStrings(variables) { variables in cn_spawn(path, arguments, variables, &pid, &output) }
        }
        guard error == 0 else {
            return Outcome(ending: .notStarted(String(cString: strerror(error))), output: [], omittedBytes: 0)
        }
        var supervision = Supervision(pid: pid, output: output, outputLimit: outputLimit)
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var timedOut = false
        while true {
            // Checked before draining, so everything the leader wrote before exiting is read.
            if supervision.leaderHasExited() {
                supervision.drain()
                break
            }
            supervision.drain()
            let now = clock.now
            if now >= deadline {
                timedOut = true
                break
            }
            supervision.waitForActivity(upTo: deadline - now, watchingExit: true)
        }
        // Whether the leader finished or the time ran out, whatever is left in its group (a
        // background grandchild holding the pipe) is stopped: the caller does not wait for EOF.
        supervision.stopGroup(grace: grace)
        return Outcome(
            ending: timedOut ? .timedOut : supervision.ending ?? .statusLost, output: supervision.collected.kept,
            omittedBytes: supervision.collected.omittedBytes)
    }

    /// `strings` as a NULL-terminated array of C strings, valid only inside `body`.
    private static func withCStrings<Result>(
        _ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>?) -> Result
    ) -> Result {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}
