import Foundation

/// Keystroke-to-screen latency of the chat, as a person sees it: the chat runs in tmux,
/// a key is sent, and the time until the pane shows it is measured — once on an idle
/// screen and once while replies to long questions are streaming in.
enum KeystrokeTiming {
    static func report(knowledge: String) {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "helpdesk")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux"),
            FileManager.default.isExecutableFile(atPath: executable.path)
        else {
            print("\nchat keystroke latency: skipped (needs tmux and a built helpdesk)")
            return
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-bench-tmux-\(getpid())")
        let server = "helpdesk-bench-\(getpid())"
        defer {
            tmux(server, ["kill-server"])
            try? FileManager.default.removeItem(at: scratch)
        }
        let environment = "XDG_DATA_HOME=\(scratch.path) XDG_CONFIG_HOME=\(scratch.path) XDG_CACHE_HOME=\(scratch.path)"
        let knowledgePath = URL(fileURLWithPath: knowledge).standardizedFileURL.path
        tmux(
            server,
            [
                "-f", "/dev/null", "-u", "new-session", "-d", "-x", "80", "-y", "24",
                "env \(environment) \(executable.path) chat --knowledge \(knowledgePath); sleep 60",
            ])
        guard waitFor(server, "F1 help", seconds: 10) != nil else {
            print("\nchat keystroke latency: the chat did not start")
            return
        }
        let idle = measure(server, keys: 30)
        var streaming: [Double] = []
        for _ in 0..<10 {
            tmux(
                server,
                [
                    "send-keys", "-l",
                    "So I went to print a long report yesterday and nothing came out, the printer says offline and the queue is stuck",
                ])
            tmux(server, ["send-keys", "Enter"])
            streaming += measure(server, keys: 3)
        }
        print("\nchat keystroke-to-screen latency (tmux, 80×24; includes tmux's own redraw):")
        print(
            String(format: "  idle:                    p50 %.1f ms   p99 %.1f ms", percentile(idle, 0.5), percentile(idle, 0.99)))
        print(
            String(
                format: "  while replies stream in: p50 %.1f ms   p99 %.1f ms", percentile(streaming, 0.5),
                percentile(streaming, 0.99)))
    }

    /// Types `keys` characters one at a time, timing each until the input line shows it.
    private static func measure(_ server: String, keys: Int) -> [Double] {
        var times: [Double] = []
        var typed = ""
        for index in 0..<keys {
            let character = String(UnicodeScalar(UInt8(97 + index % 26)))
            typed += character
            let start = ContinuousClock.now
            tmux(server, ["send-keys", "-l", character])
            guard waitFor(server, "> " + typed, seconds: 2) != nil else { continue }
            times.append((ContinuousClock.now - start).seconds * 1e3)
        }
        tmux(server, ["send-keys", "C-u"])
        return times
    }

    private static func waitFor(_ server: String, _ text: String, seconds: Double) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let screen = tmux(server, ["capture-pane", "-p"])
            if screen.contains(text) { return screen }
            usleep(500)
        }
        return nil
    }

    private static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        return sorted[min(Int((p * Double(sorted.count)).rounded(.up)) - 1, sorted.count - 1)]
    }

    /// Runs tmux and returns its output (through a file: a pipe would be held open by the
    /// server that `new-session` starts).
    @discardableResult
    private static func tmux(_ server: String, _ arguments: [String]) -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-bench-tmux-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: output) }
        guard let pid = Subprocess.spawn("/usr/bin/tmux", ["-L", server] + arguments, output: output) else { return "" }
        _ = Subprocess.wait(pid)
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }
}
