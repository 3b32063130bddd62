import Foundation

/// Runs generated inputs through the parsers, timing each one and keeping what needs a
/// second look: the slowest input, every input over the time limit, every broken promise.
final class Fuzzer {
    /// What one parser did with its inputs.
    struct Report: Equatable {
        let target: FuzzTarget
        var inputs = 0
        var accepted = 0
        var rejected = 0
        /// Inputs over the time limit, by number.
        var slow: [Int] = []
        /// Inputs that broke an invariant, by number, with what broke.
        var invalid: [(index: Int, reason: String)] = []
        var slowest: Duration = .zero
        var slowestIndex: Int?

        var failed: Int { Set(slow + invalid.map(\.index)).count }
        var passed: Int { inputs - failed }

        static func == (a: Report, b: Report) -> Bool {
            a.target == b.target && a.inputs == b.inputs && a.accepted == b.accepted && a.rejected == b.rejected
                && a.slow == b.slow && a.invalid.map(\.index) == b.invalid.map(\.index)
        }
    }

    let seed: UInt64
    let count: Int
    let output: String
    let limit: Duration
    private let log: (String) -> Void

    /// - Parameters:
    ///   - output: where the current, slowest and failing inputs are written; created if missing.
    ///   - log: progress lines, for a person watching.
    init(seed: UInt64, count: Int, output: String, limit: Duration = .seconds(1), log: @escaping (String) -> Void = { _ in }) {
        self.seed = seed
        self.count = count
        self.output = output
        self.limit = limit
        self.log = log
    }

    var currentInputPath: String { output + "/current" }

    /// Input number `index` for `target`: the same for the same seed, every time.
    func input(_ index: Int, for target: FuzzTarget, seeds: [[UInt8]]) -> [UInt8] {
        var random = SplitMix64(seed: seed, stream: target.stream, index: index)
        let generated = { [random] () -> [UInt8] in
            switch target {
            case .tools: return JSONGenerator(random: random).toolsDocument()
            case .config: return JSONGenerator(random: random).configDocument()
            case .article:
                var generator = ArticleGenerator(random: random)
                return generator.article()
            }
        }
        switch Int.random(in: 0..<20, using: &random) {
        case 0..<8 where !seeds.isEmpty:
            return Mutator.mutate(random.pick(seeds), donors: seeds, using: &random)
        case 8..<16:
            return generated()
        case 16..<18:
            let base = generated()
            return Mutator.mutate(base, donors: seeds, using: &random)
        default:
            if target == .article { return Mutator.mutate(generated(), donors: seeds, using: &random) }
            return JSONGenerator(random: random).anyDocument()
        }
    }

    /// Runs `count` inputs through `target`.
    /// - Throws: when the output folder cannot be written.
    func run(_ target: FuzzTarget) throws -> Report {
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let scratch = output + "/scratch-\(target.rawValue)"
        try? FileManager.default.removeItem(atPath: scratch)
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        guard let current = CurrentInput(path: currentInputPath) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: currentInputPath])
        }
        log("\(target.rawValue): \(count) inputs; a crash leaves its input in \(current.path)")

        let seeds = Seeds.inputs(for: target)
        var report = Report(target: target)
        var slowestInput: [UInt8] = []
        let clock = ContinuousClock()
        for index in 0..<count {
            let bytes = input(index, for: target, seeds: seeds)
            current.record(bytes)
            let start = clock.now
            let outcome = target.run(bytes, scratch: scratch)
            let elapsed = clock.now - start

            report.inputs += 1
            switch outcome {
            case .accepted: report.accepted += 1
            case .rejected: report.rejected += 1
            case .invalid(let reason):
                report.invalid.append((index, reason))
                save(bytes, as: "invalid-\(target.rawValue)-\(index)")
                log("  input \(index) broke an invariant: \(reason)")
            }
            if elapsed > report.slowest {
                report.slowest = elapsed
                report.slowestIndex = index
                slowestInput = bytes
            }
            if elapsed > limit {
                report.slow.append(index)
                save(bytes, as: "slow-\(target.rawValue)-\(index)")
                log("  input \(index) took \(Self.format(elapsed))")
            }
            if count >= 10 && (index + 1) % (count / 10) == 0 { log("  \(index + 1) / \(count)") }
        }
        if report.slowestIndex != nil { save(slowestInput, as: "slowest-\(target.rawValue)") }
        return report
    }

    private func save(_ bytes: [UInt8], as name: String) {
        _ = FileManager.default.createFile(atPath: output + "/" + name, contents: Data(bytes))
    }

    /// "12.3 ms".
    static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = Double(seconds) * 1_000 + Double(attoseconds) / 1e15
        return milliseconds >= 1_000 ? String(format: "%.2f s", milliseconds / 1_000) : String(format: "%.2f ms", milliseconds)
    }
}
