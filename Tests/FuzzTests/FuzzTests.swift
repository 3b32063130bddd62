import Testing

@testable import helpdesk_fuzz

/// The fuzzer's own logic, run in-process on a few thousand inputs per parser; the 10⁵
/// run is `swift run -c release helpdesk-fuzz`.
struct FuzzTests {
    static let output = ".build-fuzz/tests"

    @Test(arguments: FuzzTarget.allCases)
    func noInputCrashesHangsOrBreaksAPromise(target: FuzzTarget) throws {
        let report = try Fuzzer(seed: 20_251_124, count: 3_000, output: Self.output).run(target)
        #expect(report.inputs == 3_000)
        #expect(report.slow.isEmpty, "inputs over 1 s: \(report.slow) (saved under \(Self.output))")
        #expect(report.invalid.isEmpty, "\(report.invalid.prefix(5))")
        // Both sides of every parser are reached: a generator that only made garbage (or
        // only valid files) would pass without testing much.
        #expect(report.accepted > 30)
        #expect(report.rejected > 30)
    }

    @Test func theSameSeedGivesTheSameInputs() {
        let seeds = Seeds.inputs(for: .tools)
        let first = Fuzzer(seed: 7, count: 1, output: Self.output)
        let second = Fuzzer(seed: 7, count: 1, output: Self.output)
        #expect(
            (0..<50).map { first.input($0, for: .tools, seeds: seeds) }
                == (0..<50).map { second.input($0, for: .tools, seeds: seeds) })
        #expect(
            first.input(3, for: .config, seeds: [])
                != Fuzzer(seed: 8, count: 1, output: Self.output).input(3, for: .config, seeds: []))
    }
}
