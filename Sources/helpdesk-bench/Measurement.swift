import Foundation

/// What one engine achieved on one corpus.
struct EngineMeasurement {
    var buildSeconds: Double
    var queriesPerSecond: Double
    var p50Microseconds: Double
    var p99Microseconds: Double
    /// Results returned per query; a sanity check that both engines did comparable work.
    var hitsPerQuery: Double
    /// The first query with a misspelled word, which builds the spelling index (helpdesk only).
    var firstTypoMilliseconds: Double?
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}

/// Builds `repetitions` times and reports the median, because a build of a few hundred
/// passages takes milliseconds and one run of it is mostly noise (the median also drops
/// the first run's page faults and lazy initialisation). Returns the last build.
func measureBuild<T, E: Error>(
    repetitions: Int, _ build: () throws(E) -> T
) throws(E) -> (value: T, seconds: Double) {
    let clock = ContinuousClock()
    var times: [Double] = []
    var value: T?
    for _ in 0..<max(repetitions, 1) {
        value = nil  // free the previous build first, so only one is ever in memory
        let start = clock.now
        value = try build()
        times.append((clock.now - start).seconds)
    }
    times.sort()
    guard let value else { preconditionFailure("the loop above runs at least once") }
    return (value, times[times.count / 2])
}

/// Latency and throughput of running queries `0..<count` single-threaded, after one
/// untimed warm-up pass so caches and lazy state are as they are in a running service.
/// `run` returns how many results the query produced.
///
/// The warm-up stops early after `warmUpLimit`: it only has to fault in pages and build
/// lazy state, and a full pass of FTS5 over 100,000 passages (~0.1 s a query) would
/// double the run time for nothing.
func measureQueries<E: Error>(
    count: Int, warmUpLimit: Duration = .seconds(2), _ run: (Int) throws(E) -> Int
) throws(E) -> (queriesPerSecond: Double, p50: Double, p99: Double, hitsPerQuery: Double) {
    let clock = ContinuousClock()
    let warmUpEnd = clock.now + warmUpLimit
    for query in 0..<count where clock.now < warmUpEnd { _ = try run(query) }
    var latencies: [Duration] = []
    latencies.reserveCapacity(count)
    var hits = 0
    let start = clock.now
    for query in 0..<count {
        let queryStart = clock.now
        hits += try run(query)
        latencies.append(clock.now - queryStart)
    }
    let total = (clock.now - start).seconds
    latencies.sort()
    func percentile(_ p: Double) -> Double {
        guard !latencies.isEmpty else { return 0 }
        let rank = Int((p * Double(latencies.count)).rounded(.up)) - 1
        return latencies[min(max(rank, 0), latencies.count - 1)].seconds * 1e6
    }
    let executed = Double(max(count, 1))
    return (Double(count) / max(total, 1e-9), percentile(0.50), percentile(0.99), Double(hits) / executed)
}

/// Prints one aligned comparison table; every ratio is oriented so that above 1× means
/// helpdesk is better.
func printComparison(helpdesk: EngineMeasurement, fts5: EngineMeasurement) {
    func row(_ metric: String, _ ours: String, _ theirs: String, _ ratio: String, _ target: String) {
        let cells = [
            metric.padding(18), ours.leftPadding(12), theirs.leftPadding(13),
            ratio.leftPadding(10), "  " + target,
        ]
        print("  " + cells.joined(separator: " "))
    }
    func ratio(_ value: Double) -> String { String(format: "%.2f×", value) }
    func verdict(_ value: Double, atLeast target: Double) -> String {
        value >= target ? "met" : "MISSED"
    }

    row("metric", "helpdesk", "SQLite FTS5", "ratio", "target (ratio)")
    row(
        String(repeating: "-", count: 18), String(repeating: "-", count: 12), String(repeating: "-", count: 13),
        String(repeating: "-", count: 10), String(repeating: "-", count: 20))
    let buildRatio = fts5.buildSeconds / helpdesk.buildSeconds
    row(
        "index build (s)", String(format: "%.4f", helpdesk.buildSeconds), String(format: "%.4f", fts5.buildSeconds),
        ratio(buildRatio), "≥ 1× (FTS5 s / helpdesk s): \(verdict(buildRatio, atLeast: 1))")
    let qpsRatio = helpdesk.queriesPerSecond / fts5.queriesPerSecond
    row(
        "queries/s", String(format: "%.0f", helpdesk.queriesPerSecond), String(format: "%.0f", fts5.queriesPerSecond),
        ratio(qpsRatio), "≥ 10× (helpdesk / FTS5): \(verdict(qpsRatio, atLeast: 10))")
    row(
        "p50 latency (µs)", String(format: "%.1f", helpdesk.p50Microseconds), String(format: "%.1f", fts5.p50Microseconds),
        ratio(fts5.p50Microseconds / helpdesk.p50Microseconds), "")
    row(
        "p99 latency (µs)", String(format: "%.1f", helpdesk.p99Microseconds), String(format: "%.1f", fts5.p99Microseconds),
        ratio(fts5.p99Microseconds / helpdesk.p99Microseconds), "")
    row("results/query", String(format: "%.2f", helpdesk.hitsPerQuery), String(format: "%.2f", fts5.hitsPerQuery), "", "")
    if let typo = helpdesk.firstTypoMilliseconds {
        row("first typo (ms)", String(format: "%.1f", typo), "—", "", "builds the spelling index once")
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    fileprivate func leftPadding(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
