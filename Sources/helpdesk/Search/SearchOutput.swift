import Foundation
import HelpdeskCore
import Knowledge

/// Renders search results as text for people, JSON for programs, or TREC run lines.
struct SearchOutput {
    let index: KnowledgeIndex
    let format: SearchCommand.Format
    /// Bold highlights on a terminal that wants colour; `**word**` elsewhere.
    private let emphasis: (open: TerminalString, close: TerminalString) =
        Console.styled ? ("\(trusted: .bold)", "\(trusted: .normal)") : ("**", "**")

    func render(_ results: SearchResults, queryID: String?) -> TerminalString {
        switch format {
        case .trec: trec(results, queryID: queryID ?? "1")
        case .json: "\(json(results, queryID: queryID))\n"
        case .text: text(results, queryID: queryID)
        }
    }

    private func trec(_ results: SearchResults, queryID: String) -> TerminalString {
        results.hits.enumerated().map { rank, hit in
            "\(id: queryID) Q0 \(id: hit.article.id) \(rank + 1) \(String(format: "%.4f", hit.score)) helpdesk\n"
        }.joined()
    }

    private func text(_ results: SearchResults, queryID: String?) -> TerminalString {
        var out: TerminalString = queryID.map { "# \(id: $0): \(results.query)\n" } ?? ""
        if !results.corrections.isEmpty {
            let list = results.corrections.map { "\"\($0.typed)\" as \"\($0.corrected)\"" as TerminalString }
            out += "(read \(list.joined(separator: ", ")))\n"
        }
        if !results.expansions.isEmpty {
            let list = results.expansions.map { "\($0.words) → \($0.synonyms.joined(separator: ", "))" as TerminalString }
            out += "Synonyms: \(list.joined(separator: "; "))\n"
        }
        if results.hits.isEmpty {
            out += "No article matches \"\(results.query)\".\n"
        }
        for (rank, hit) in results.hits.enumerated() {
            let snippet = index.snippet(for: hit, terms: results.searchedTerms)
            out += "\(rank + 1). \(hit.article.title)  [\(id: hit.article.id)]\n"
            out += "   § \(hit.section) · score \(String(format: "%.2f", hit.score))\n"
            out += "   \(highlighted(snippet))\n"
        }
        return out + (queryID == nil ? "" : "\n")
    }

    /// Sanitises a snippet part by part, so the emphasis survives and nothing else does.
    private func highlighted(_ snippet: Snippet) -> TerminalString {
        var out: TerminalString = ""
        var copied = snippet.text.startIndex
        for range in snippet.highlights {
            out += "\(snippet.text[copied..<range.lowerBound])\(emphasis.open)\(snippet.text[range])\(emphasis.close)"
            copied = range.upperBound
        }
        return out + "\(snippet.text[copied...])"
    }

    private struct JSONResults: Encodable {
        let qid: String?
        let query: String
        let terms: [String]
        let corrections: [[String: String]]
        let expansions: [JSONExpansion]
        let results: [JSONHit]
    }

    private struct JSONExpansion: Encodable {
        let words: String
        let synonyms: [String]
        let replaced: Bool
    }

    private struct JSONHit: Encodable {
        let rank: Int
        let article: String
        let title: String
        let category: String?
        let section: String
        let score: Double
        let snippet: String
        let highlights: [String]
    }

    private func json(_ results: SearchResults, queryID: String?) -> String {
        let hits = results.hits.enumerated().map { rank, hit in
            let snippet = index.snippet(for: hit, terms: results.searchedTerms)
            return JSONHit(
                rank: rank + 1, article: hit.article.id, title: hit.article.title, category: hit.article.category,
                section: hit.section, score: (hit.score * 10_000).rounded() / 10_000, snippet: snippet.text,
                highlights: snippet.highlights.map { String(snippet.text[$0]) })
        }
        let value = JSONResults(
            qid: queryID, query: results.query, terms: results.terms,
            corrections: results.corrections.map { ["typed": $0.typed, "corrected": $0.corrected] },
            expansions: results.expansions.map {
                JSONExpansion(words: $0.words, synonyms: $0.synonyms, replaced: $0.replacesWords)
            },
            results: hits)
        return JSONOutput.string(value)
    }
}
