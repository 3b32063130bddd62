import Foundation

/// What `/proc` says about processes. Linux only, as is the rest of the supervision.
enum ProcessTable {
    /// One process's `/proc/PID/stat`, the fields the supervisor needs.
    struct Entry: Equatable {
        /// Field 3: `R`, `S`, `D`, … ; `Z` for a zombie, `X` for dead.
        let state: Character
        /// Field 5.
        let processGroup: pid_t
        /// Field 22: clock ticks after boot. With the pid, it names one process for good.
        let started: Int64

        var isDead: Bool { state == "Z" || state == "X" }
    }

    /// `/proc/PID/stat`, or nil when the process is gone or hidden (`hidepid`).
    static func entry(of pid: pid_t) -> Entry? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        // Fields are counted after the last ")": the command name (field 2) may itself hold
        // spaces and parentheses.
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let state = fields[0].first, let group = pid_t(fields[2]), let started = Int64(fields[19])
        else { return nil }
        return Entry(state: state, processGroup: group, started: started)
    }

    /// Whether any process of group `group` is still alive. Zombies do not count: where
    /// pid 1 does not reap orphans (many containers), a killed grandchild stays a zombie
    /// in the group for good, and `kill(-group, 0)` alone would still find it.
    static func groupHasLiveMembers(_ group: pid_t) -> Bool {
        guard group > 0 else { return false }
        if kill(-group, 0) != 0 && errno == ESRCH { return false }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return true }
        return names.contains { name in
            guard let pid = pid_t(name), let entry = entry(of: pid) else { return false }
            return entry.processGroup == group && !entry.isDead
        }
    }

    /// `/proc/sys/kernel/random/boot_id`: changes at every boot.
    static func bootID() -> String? {
        FileManager.default.contents(atPath: "/proc/sys/kernel/random/boot_id").map {
            String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}
