import Foundation
import Store

extension HelpdeskDatabase.RunnerProcess {
    /// This process, as recorded on a request it claims.
    static func current() -> Self {
        let pid = getpid()
        return Self(pid: pid, started: ProcessTable.entry(of: pid)?.started ?? 0, boot: ProcessTable.bootID() ?? "")
    }

    /// Whether the process that claimed a request still exists: same boot, a live (not
    /// zombie) process with that pid, started at the recorded time. The start time is what
    /// tells a reused pid from the runner.
    var isRunning: Bool {
        // kill(0) and kill(-1) would address process groups, never one runner.
        guard pid > 0 else { return false }
        if !boot.isEmpty, let current = ProcessTable.bootID(), current != boot { return false }
        if kill(pid, 0) != 0 && errno == ESRCH { return false }
        // Another user's process under `hidepid` is unreadable but exists: assume it runs.
        guard let entry = ProcessTable.entry(of: pid) else { return true }
        return !entry.isDead && (started == 0 || entry.started == started)
    }
}
