import Foundation

/// Wall time of `helpdesk ask MESSAGE` as a user runs it: process start, loading the
/// knowledge base (from its cache after the first run), the reply, exit.
enum AskTiming {
    /// Runs the `helpdesk` built next to this benchmark `runs` times and prints the first
    /// (cold: no index cache) and the median of the rest (warm), next to the time the
    /// process takes to start and exit doing nothing.
    static func report(message: String, directory: String, runs: Int = 21) {
        guard let baseline = measure(["--version"], runs: runs).map(median) else { return }
        guard let times = measure(["ask", "--knowledge", directory, message], runs: runs) else { return }
        print("\nhelpdesk ask \"\(message)\" (whole process, \(directory)):")
        print(String(format: "  first run, no index cache:  %.1f ms", times[0]))
        let warm = median(Array(times.dropFirst()))
        print(
            String(
                format: "  median of %d warm runs:      %.1f ms   target < 50 ms: %@", times.count - 1, warm,
                warm < 50 ? "met" : "MISSED"))
        print(String(format: "  baseline, helpdesk --version: %.1f ms (process start alone)", baseline))
    }

    private static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    /// Wall times in milliseconds of `runs` runs, with a fresh index cache for the first.
    private static func measure(_ arguments: [String], runs: Int) -> [Double]? {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("helpdesk")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            print("\nhelpdesk ask: skipped, \(executable.path) is not built (swift build -c release builds it)")
            return nil
        }
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: cache) }
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] = cache.path
        var times: [Double] = []
        for _ in 0..<runs {
            let start = ContinuousClock.now
            guard let pid = Subprocess.spawn(executable.path, arguments, environment: environment), Subprocess.wait(pid) >= 0
            else {
                print("\nhelpdesk ask: could not run \(executable.path)")
                return nil
            }
            times.append((ContinuousClock.now - start).seconds * 1e3)
        }
        return times
    }
}
