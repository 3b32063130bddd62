import CSpawn
import Foundation

/// The live state of one started tool: its pid (also its process group id), the read end
/// of its output pipe and a pidfd that becomes readable when it exits. Closes both
/// descriptors when dropped; `ToolProcess.run()` reaps the process before that.
struct Supervision: ~Copyable {
    let pid: pid_t
    /// The pipe's read end, or -1 once it reached EOF.
    private var output: Int32
    /// Readable once the leader exits; -1 on kernels without pidfds (then a 50 ms tick).
    private let exitNotice: Int32
    private var buffer: [UInt8]
    private(set) var collected: CappedOutput
    /// Set once the leader is reaped.
    private(set) var ending: ToolProcess.Ending?

    init(pid: pid_t, output: Int32, outputLimit: Int) {
        self.pid = pid
        self.output = output
        self.exitNotice = cn_pidfd_open(pid)
        self.buffer = [UInt8](repeating: 0, count: 64 * 1024)
        self.collected = CappedOutput(limit: outputLimit)
    }

    deinit {
        if output >= 0 { close(output) }
        if exitNotice >= 0 { close(exitNotice) }
    }

    /// Whether the group leader has exited. It stays unreaped, so its pid — the group's id
    /// — cannot be reused while the group is signalled.
    func leaderHasExited() -> Bool {
        // -1 means it cannot be waited for (reaped elsewhere, or SIGCHLD ignored): gone too.
        cn_has_exited(pid) != 0
    }

    /// Reads what the pipe holds now, keeping up to the cap and discarding the rest. At most
    /// `maxReads` reads, so a tool writing as fast as it can cannot keep the caller here.
    mutating func drain(maxReads: Int = 16) {
        for _ in 0..<maxReads where output >= 0 {
            let count = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.withUnsafeBytes { collected.append(UnsafeRawBufferPointer(rebasing: $0.prefix(count))) }
            } else if count < 0 && errno == EINTR {
                continue
            } else if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                return
            } else {
                // EOF: every process holding the write end closed it or exited.
                close(output)
                output = -1
            }
        }
    }

    /// Sleeps until output arrives, the leader exits (if `watchingExit`), or `limit` passes.
    func waitForActivity(upTo limit: Duration, watchingExit: Bool) {
        let exitFD = watchingExit ? exitNotice : -1
        // Without a pidfd nothing wakes the poll when the leader exits, so check every 50 ms.
        let wait = watchingExit && exitNotice < 0 ? min(limit, .milliseconds(50)) : limit
        var descriptors = [
            pollfd(fd: output, events: Int16(POLLIN), revents: 0), pollfd(fd: exitFD, events: Int16(POLLIN), revents: 0),
        ]
        // poll ignores negative descriptors, so a closed pipe or no pidfd is simply skipped.
        _ = poll(&descriptors, nfds_t(descriptors.count), Self.milliseconds(wait))
    }

    /// SIGTERM to the whole group, SIGKILL after `grace` to whatever is left, and the leader
    /// reaped. Returns early once the leader is reaped and no process is left in the group.
    mutating func stopGroup(grace: Duration) {
        // The leader is not reaped yet, so -pid still names this group and no other.
        kill(-pid, SIGTERM)
        let clock = ContinuousClock()
        let end = clock.now + grace
        while clock.now < end {
            if ending == nil { reap(waiting: false) }
            // Once the leader is reaped, its pid stays reserved while the group has members;
            // reusing it after the group empties would take pid_max forks within the grace.
            if ending != nil && !ProcessTable.groupHasLiveMembers(pid) { return }
            drain()
            waitForActivity(upTo: min(end - clock.now, .milliseconds(50)), watchingExit: ending == nil)
        }
        kill(-pid, SIGKILL)
        if ending == nil { reap(waiting: true) }
    }

    private mutating func reap(waiting: Bool) {
        var code: Int32 = 0
        var signal: Int32 = 0
        switch cn_reap(pid, waiting ? 1 : 0, &code, &signal) {
        case 1: ending = code >= 0 ? .exited(code) : .killed(signal: signal)
        case 0: break
        default: ending = .statusLost
        }
    }

    /// `duration` in whole milliseconds for `poll`, rounded up so a short wait never spins.
    private static func milliseconds(_ duration: Duration) -> Int32 {
        guard duration > .zero else { return 0 }
        let (seconds, attoseconds) = duration.components
        let total = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: total)
    }
}

/// The first `limit` bytes of a stream, and a count of the rest, which is not kept.
struct CappedOutput {
    let limit: Int
    private(set) var kept: [UInt8] = []
    private(set) var omittedBytes = 0

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        let room = min(max(0, limit - kept.count), bytes.count)
        kept.append(contentsOf: bytes.prefix(room))
        omittedBytes += bytes.count - room
    }
}
