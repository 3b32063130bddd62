import Foundation

/// What `helpdesk-fuzz` does once its options are read.
enum FuzzCommand {
    /// Fuzzes each target and prints a report per parser and the closing count.
    /// - Returns: the exit status: 0 when every input passed, 1 otherwise.
    static func run(_ fuzzer: Fuzzer, targets: [FuzzTarget]) -> Int32 {
        var passed = 0
        var failed = 0
        for target in targets {
            let report: Fuzzer.Report
            do {
                report = try fuzzer.run(target)
            } catch {
                print("\(target.rawValue): cannot run: \(error.localizedDescription)")
                return 1
            }
            print(summary(report, output: fuzzer.output))
            fflush(nil)  // the report before the next parser's progress on stderr
            passed += report.passed
            failed += report.failed
        }
        print("\(passed) passed, \(failed) failed")
        return failed == 0 ? 0 : 1
    }

    static func summary(_ report: Fuzzer.Report, output: String) -> String {
        let name = report.target.rawValue
        var lines = [
            "\(name): \(report.inputs) inputs, \(report.accepted) accepted, \(report.rejected) rejected, "
                + "\(report.slow.count) over 1 s, \(report.invalid.count) broke an invariant"
        ]
        if let index = report.slowestIndex {
            lines.append("  slowest: input \(index), \(Fuzzer.format(report.slowest)) (saved as \(output)/slowest-\(name))")
        }
        for (index, reason) in report.invalid.prefix(10) { lines.append("  input \(index): \(reason)") }
        return lines.joined(separator: "\n")
    }

    /// Runs one saved input through each target, for reproducing a crash or a slow input.
    static func replay(_ path: String, targets: [FuzzTarget], output: String) -> Int32 {
        guard let data = FileManager.default.contents(atPath: path) else {
            print("helpdesk-fuzz: cannot read \(path)")
            return 2
        }
        let scratch = output + "/scratch-replay"
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var failed = 0
        for target in targets {
            let start = ContinuousClock.now
            let outcome = target.run([UInt8](data), scratch: scratch)
            let elapsed = ContinuousClock.now - start
            print("\(target.rawValue): \(outcome) in \(Fuzzer.format(elapsed))")
            if case .invalid = outcome { failed += 1 } else if elapsed > .seconds(1) { failed += 1 }
        }
        print("\(targets.count - failed) passed, \(failed) failed")
        return failed == 0 ? 0 : 1
    }
}
