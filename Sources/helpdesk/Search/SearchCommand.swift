import ArgumentParser
import Foundation
import Knowledge

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the knowledge base and show the best articles.",
        discussion: """
            With --queries FILE, runs every `qid<TAB>query` line of FILE; with --format trec it \
            prints TREC run lines (`qid Q0 ARTICLE-ID RANK SCORE helpdesk`) for evaluating the \
            knowledge base with trec_eval.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, trec
    }

    @OptionGroup var knowledge: KnowledgeOptions

    @Option(help: "How many articles to show per query.")
    var limit = 5

    @Flag(help: "Print JSON (same as --format json).")
    var json = false

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format?

    @Option(help: "Run the `qid<TAB>query` lines of this file instead of QUERY.")
    var queries: String?

    @Argument(help: "What to search for.")
    var query: [String] = []

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        if json, let format, format != .json { throw ValidationError("--json conflicts with --format \(format.rawValue)") }
        if queries != nil, !query.isEmpty { throw ValidationError("give either QUERY or --queries FILE, not both") }
        if queries == nil, query.isEmpty { throw ValidationError("give a QUERY to search for, or --queries FILE") }
    }

    func run() throws {
        let batch = try queries.map(BatchQuery.read) ?? [BatchQuery(id: nil, text: query.joined(separator: " "))]
        let base = try knowledge.load()
        let output = SearchOutput(index: base.index, format: json ? .json : format ?? .text)
        for query in batch {
            Console.out(output.render(base.index.search(query.text, limit: limit), queryID: query.id), terminator: "")
        }
    }
}

/// One line of a `--queries` file.
struct BatchQuery {
    let id: String?
    let text: String

    /// Reads `qid<TAB>query` lines; blank lines and `#` comments are skipped.
    /// - Throws: `CommandError` naming the file and line of the first malformed line.
    static func read(_ path: String) throws -> [BatchQuery] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError("\(path): cannot be read (does it exist?)")
        }
        guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
            throw CommandError("\(path): is not valid UTF-8")
        }
        var batch: [BatchQuery] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.allSatisfy(\.isWhitespace) || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2, !parts[0].contains(" "), !parts[1].allSatisfy(\.isWhitespace) else {
                throw CommandError("\(path):\(number + 1): expected `qid<TAB>query`, found `\(line)`")
            }
            batch.append(BatchQuery(id: String(parts[0]), text: String(parts[1])))
        }
        return batch
    }
}
