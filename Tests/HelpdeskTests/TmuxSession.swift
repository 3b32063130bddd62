import Foundation

/// A private tmux server running `helpdesk` in a pane of a given size, for end-to-end
/// tests of the terminal UI as a person would use it.
final class TmuxSession {
    let server = "helpdesk-test-\(UUID().uuidString.prefix(8))"
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-tmux-\(UUID().uuidString)")
    private var serverPID: pid_t?

    /// Environment for every helpdesk started here: private data, config and cache folders.
    var environment: String {
        "XDG_DATA_HOME=\(scratch.path)/data XDG_CONFIG_HOME=\(scratch.path)/config XDG_CACHE_HOME=\(scratch.path)/cache XDG_STATE_HOME=\(scratch.path)/state"
    }

    var database: String { "\(scratch.path)/data/helpdesk/helpdesk.sqlite" }

    /// - Parameter configuration: the text of a `config.json`, written before anything starts.
    init(columns: Int = 80, rows: Int = 24, arguments: String = "", configuration: String? = nil) throws {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        if let configuration {
            let folder = scratch.appendingPathComponent("config/helpdesk")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try configuration.write(to: folder.appendingPathComponent("config.json"), atomically: true, encoding: .utf8)
        }
        // The shell records the exit status: tmux's dead-pane status is unreliable.
        let command =
            "cd \(HelpdeskProcess.repository.path) && timeout --foreground 120 env \(environment) \(HelpdeskProcess.executable.path) \(arguments);"
            + " echo $? > \(scratch.path)/exit-status; sleep 20"
        try tmux(["-f", "/dev/null", "-u", "new-session", "-d", "-x", "\(columns)", "-y", "\(rows)", command])
        serverPID = Int32(try tmux(["display-message", "-p", "#{pid}"]).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    deinit {
        // Signal the server directly: it takes its panes and their programs with it.
        if let pid = serverPID { kill(pid, SIGTERM) }
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Opens a second pane running `helpdesk ARGUMENTS` (e.g. the agent console).
    func split(_ arguments: String) throws {
        let command =
            "cd \(HelpdeskProcess.repository.path) && timeout --foreground 120 env \(environment) \(HelpdeskProcess.executable.path) \(arguments); sleep 20"
        try tmux(["split-window", "-h", command])
    }

    func type(_ text: String, pane: Int = 0) throws { try tmux(["send-keys", "-t", ".\(pane)", "-l", text]) }

    func press(_ key: String, pane: Int = 0) throws { try tmux(["send-keys", "-t", ".\(pane)", key]) }

    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// Pastes `text` into the pane as a terminal would, bracketed when the program asked.
    func paste(_ text: String, pane: Int = 0) throws {
        let file = scratch.appendingPathComponent("paste-\(UUID().uuidString)")
        try text.write(to: file, atomically: true, encoding: .utf8)
        try tmux(["load-buffer", file.path])
        try tmux(["paste-buffer", "-p", "-d", "-t", ".\(pane)"])
    }

    /// The helpdesk processes started in this session (found by their private data folder).
    func helpdeskProcesses() -> [pid_t] {
        let all = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return all.compactMap(pid_t.init).filter { pid in
            let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")
            let environment = FileManager.default.contents(atPath: "/proc/\(pid)/environ") ?? Data()
            return exe == HelpdeskProcess.executable.path
                && String(decoding: environment, as: UTF8.self).contains("XDG_DATA_HOME=\(scratch.path)/data")
        }
    }

    /// CPU time (user + system) `pid` has used, in seconds.
    static func cpuSeconds(_ pid: pid_t) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let afterName = stat.range(of: ") ")
        else { return nil }
        // Fields after the command name start at field 3; utime and stime are 14 and 15.
        let fields = stat[afterName.upperBound...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func screen(pane: Int = 0) throws -> String { try tmux(["capture-pane", "-p", "-t", ".\(pane)"]) }

    /// Waits up to `seconds` for `text` to be on the pane; returns the screen either way.
    @discardableResult
    func waitFor(_ text: String, pane: Int = 0, seconds: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var shown = try screen(pane: pane)
        while !shown.contains(text) && Date() < deadline {
            usleep(100_000)
            shown = try screen(pane: pane)
        }
        return shown
    }

    /// The exit status the shell recorded, once the program has ended.
    func exitStatus(seconds: Double = 10) -> Int? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: "\(scratch.path)/exit-status", encoding: .utf8) {
                return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            usleep(100_000)
        }
        return nil
    }

    /// Runs a tmux command and returns what it printed, through a file rather than a pipe
    /// (the server `new-session` starts would inherit a pipe and hold it open), with
    /// posix_spawn and waitpid rather than `Process`, whose wait hangs here on tmux's client.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let outputFile = scratch.appendingPathComponent("tmux-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outputFile) }
        let pid = try CleanSpawn.start(["/usr/bin/tmux", "-L", server] + arguments, stdout: outputFile).get()
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
    }
}
