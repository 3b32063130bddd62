import Foundation
import HelpdeskCore

/// What the tests check about processes, read straight from `/proc`, independently of the
/// code under test.
enum ProcessProbe {
    /// True when `pid` no longer runs: it does not exist, or it is a zombie. A zombie is
    /// dead; where pid 1 does not reap orphans (this sandbox's does not), one stays listed.
    static func isGone(_ pid: pid_t) -> Bool {
        if kill(pid, 0) != 0 && errno == ESRCH { return true }
        guard let fields = statFields(of: pid) else { return true }
        return fields[0] == "Z" || fields[0] == "X"
    }

    /// True when no live (non-zombie) process is in process group `group`.
    static func groupIsGone(_ group: pid_t) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return false }
        return !names.contains { name in
            guard let pid = pid_t(name), let fields = statFields(of: pid) else { return false }
            return fields[2] == "\(group)" && fields[0] != "Z" && fields[0] != "X"
        }
    }

    /// Field 22 of `/proc/PID/stat`: when the process started, in clock ticks after boot.
    static func startTime(of pid: pid_t) -> Int64? {
        statFields(of: pid).flatMap { Int64($0[19]) }
    }

    /// A `kB` line of `/proc/self/status`, such as `VmRSS` or `VmHWM`, in bytes.
    static func ownStatus(_ key: String) -> Int {
        let text = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
            let number = line.dropFirst(key.count + 1).split(separator: " ").first.flatMap { Int($0) }
            return (number ?? 0) * 1024
        }
        return 0
    }

    /// A fresh path for a tool to write its pid to; the caller removes it.
    static func pidFilePath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-test-\(UUID().uuidString).pid").path
    }

    /// The pid written to `path`, once it is there.
    static func pid(inFile path: String) -> pid_t? {
        FileManager.default.contents(atPath: path).flatMap {
            pid_t(String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// Polls `condition` every 50 ms for up to `seconds`; whether it became true.
    static func eventually(within seconds: Double, _ condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    /// The fields of `/proc/PID/stat` after the command name: `[0]` is field 3 (state).
    private static func statFields(of pid: pid_t) -> [Substring]? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        return fields.count > 19 ? fields : nil
    }
}

extension ServiceSetup {
    /// A whitelist of one tool that needs no approval and runs `argv`.
    static func catalog(_ name: String, argv: [String], timeout: Int) throws -> String {
        let tool: [String: Any] = [
            "name": name, "title": name, "description": "A test tool.", "approval": "none",
            "run": ["argv": argv, "timeout_seconds": timeout],
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: ["tools": [tool]]), as: UTF8.self)
    }

    /// Files and runs `name` as `user`, the way `helpdesk request` does.
    func runTool(_ name: String, as user: String = "ann") throws -> ToolResult {
        let service = try service(user)
        return try service.run(try service.requestTool(name, arguments: [:]).id)
    }
}
