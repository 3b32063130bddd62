import Foundation
import Semantics

/// Wall time of `helpdesk ask MESSAGE` as a user runs it: process start, loading the
/// knowledge base (from its cache after the first run), the reply, exit.
enum AskTiming {
    /// Runs the `helpdesk` built next to this benchmark `runs` times and prints the first
    /// (cold: no index cache) and the median of the rest (warm), next to the time the
    /// process takes to start and exit doing nothing: by shared words alone, and with the
    /// sentence model when one is installed.
    static func report(message: String, directory: String, runs: Int = 21) {
        guard let baseline = measure(["--version"], runs: runs).map(median) else { return }
        let noModel = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-bench-data-\(getpid())")
        defer { try? FileManager.default.removeItem(at: noModel) }
        let ask = ["ask", "--knowledge", directory, message]
        print("\nhelpdesk ask \"\(message)\" (whole process, \(directory)):")
        // An empty XDG_DATA_HOME hides a model installed for the user.
        guard let words = measure(ask, runs: runs, data: noModel.path) else { return }
        print("  by shared words alone:")
        printTimes(words)
        if let model = SentenceEncoder.installedDirectory, let semantic = measure(ask, runs: runs) {
            print("  with the sentence model (\(model)); the first run encodes every passage:")
            printTimes(semantic)
        }
        print(String(format: "  baseline, helpdesk --version: %.1f ms (process start alone)", baseline))
    }

    private static func printTimes(_ times: [Double]) {
        print(String(format: "    first run, no cache:        %.1f ms", times[0]))
        let warm = median(Array(times.dropFirst()))
        print(
            String(
                format: "    median of %d warm runs:     %.1f ms   target < 50 ms: %@", times.count - 1, warm,
                warm < 50 ? "met" : "MISSED"))
    }

    private static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    /// Wall times in milliseconds of `runs` runs, with a fresh index cache for the first.
    /// `data`, when given, is the XDG_DATA_HOME the runs see.
    private static func measure(_ arguments: [String], runs: Int, data: String? = nil) -> [Double]? {
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
        if let data { environment["XDG_DATA_HOME"] = data }
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
