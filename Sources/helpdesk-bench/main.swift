import CSQLite
import Foundation
import Knowledge

// helpdesk's BM25F index against SQLite FTS5 on the shipped knowledge base and on a large
// generated corpus: build time, single-threaded throughput and latency, side by side; then
// `helpdesk ask`, the chat's keystrokes, the ticket store, `helpdesk report` over 100,000
// tickets and `helpdesk serve` under load.
//
//     swift run -c release helpdesk-bench [--only RUNS] [--knowledge DIR] [--tools FILE]
//         [--passages N] [--queries N] [--daemon-clients N,N,…] [--daemon-seconds N]

/// The command line; a bad option exits with status 2 and a usage line, like other tools.
struct Options {
    /// The runs, in the order they run.
    static let runs = ["shipped", "ask", "keystrokes", "generated", "tickets", "report", "daemon"]

    var knowledge = "knowledge"
    var tools = "tools.json"
    var passages = 100_000
    var queries = 1_000
    var only = Set(runs)
    var daemonClients = [50, 200, 500]
    var daemonSeconds = 20

    init(arguments: [String]) {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { Self.usage("\(flag) needs a value") }
            switch flag {
            case "--knowledge": knowledge = value
            case "--tools": tools = value
            case "--passages": passages = Self.positive(value, for: flag)
            case "--queries": queries = Self.positive(value, for: flag)
            case "--only": only = Self.runs(value)
            case "--daemon-clients": daemonClients = value.split(separator: ",").map { Self.positive(String($0), for: flag) }
            case "--daemon-seconds": daemonSeconds = Self.positive(value, for: flag)
            default: Self.usage("unknown option \(flag)")
            }
        }
    }

    private static func positive(_ value: String, for flag: String) -> Int {
        guard let number = Int(value), number > 0 else { usage("\(flag) needs a positive whole number, not \(value)") }
        return number
    }

    private static func runs(_ value: String) -> Set<String> {
        let names = Set(value.split(separator: ",").map(String.init))
        if let unknown = names.subtracting(runs).sorted().first {
            usage("--only: no run \(unknown); the runs are \(runs.joined(separator: ", "))")
        }
        return names
    }

    private static func usage(_ problem: String) -> Never {
        FileHandle.standardError.write(
            Data(
                """
                helpdesk-bench: \(problem)
                usage: helpdesk-bench [--only RUNS] [--knowledge DIR] [--tools FILE] [--passages N] [--queries N]
                                      [--daemon-clients N,N,…] [--daemon-seconds N]
                RUNS is a comma-separated list of \(runs.joined(separator: ", ")) (default: all)

                """.utf8))
        exit(2)
    }
}

/// Shipped queries are few, so they repeat until each engine runs at least this many.
let minimumShippedExecutions = 2_000

#if DEBUG
    let buildConfiguration = "debug (numbers are meaningless: use -c release)"
#else
    let buildConfiguration = "release"
#endif

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("helpdesk-bench: \(message)\n".utf8))
    exit(1)
}

func report(_ workload: Workload, detail: String) {
    print(
        "\n\(workload.name): \(workload.articles.count) articles, \(workload.passageCount) passages, "
            + "\(workload.queries.count) query executions per engine")
    print("  \(detail)")
    do {
        let (helpdesk, fts5) = try workload.compare()
        printComparison(helpdesk: helpdesk, fts5: fts5)
    } catch {
        fail(error.description)
    }
}

if CommandLine.arguments.dropFirst().first == "write-tickets", CommandLine.arguments.count == 4,
    let count = Int(CommandLine.arguments[3])
{
    TicketWriter.run(database: CommandLine.arguments[2], count: count)
}

let options = Options(arguments: Array(CommandLine.arguments.dropFirst()))
print(
    "helpdesk-bench: \(ProcessInfo.processInfo.activeProcessorCount) cores, "
        + "generated corpus \(options.passages) passages / \(options.queries) queries, "
        + "Swift build \(buildConfiguration), SQLite \(String(cString: sqlite3_libversion()))")
print(
    "Index build: helpdesk analyses on every core, FTS5 inserts on one (each as it runs in use). "
        + "Queries: single-threaded, latency per query. Ratios > 1× mean helpdesk is better.")

if options.only.contains("shipped") {
    do {
        let (shipped, querySource) = try ShippedKnowledge.workload(
            directory: options.knowledge, executions: minimumShippedExecutions)
        let synonyms = shipped.synonyms.isEmpty ? "no synonyms" : "\(shipped.synonyms.count) words with synonyms"
        report(shipped, detail: "queries: \(querySource), repeated; \(synonyms)")
    } catch {
        fail(error.description)
    }
}

if options.only.contains("ask") {
    AskTiming.report(message: "vpn keeps disconnecting", directory: options.knowledge)
}
if options.only.contains("keystrokes") {
    KeystrokeTiming.report(knowledge: options.knowledge)
}

if options.only.contains("generated") {
    let generationStart = ContinuousClock.now
    let zipf = ZipfCorpus(passages: options.passages, queries: options.queries)
    let generated = Workload(name: "generated Zipf corpus", articles: zipf.articles, queries: zipf.queries)
    report(
        generated,
        detail: String(
            format: "vocabulary %d words, exponent %.1f, 1–4 word queries; generated in %.1f s",
            ZipfCorpus.vocabularySize, ZipfCorpus.exponent,
            (ContinuousClock.now - generationStart).seconds))
}

if options.only.contains("tickets") {
    print("\nticket store (SQLite WAL, synchronous=FULL, BEGIN IMMEDIATE; each ticket with its history and audit entry):")
    for writers in [1, 8] {
        if let rate = TicketWriter.measure(writers: writers, perWriter: 200) {
            print(
                String(format: "  %d writer process%@ × 200 tickets: %.0f tickets/s", writers, writers == 1 ? "" : "es", rate))
        } else {
            print("  \(writers) writer processes: failed")
        }
    }
}

if options.only.contains("report") {
    ReportLoad.report(knowledge: options.knowledge)
}

if options.only.contains("daemon") {
    DaemonLoad.report(
        knowledge: options.knowledge, tools: options.tools, clientCounts: options.daemonClients,
        seconds: options.daemonSeconds)
}
