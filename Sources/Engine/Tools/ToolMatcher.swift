import HelpdeskCore
import Knowledge
import Synchronization

/// Recognises which tool a message asks for, from each tool's title, description and
/// example phrasings in `tools.json` — so an admin who adds a tool gets it recognised.
///
/// Similarity is the F1 of the message's and a phrasing's analysed terms (stemmed, stop
/// words dropped): "I'm locked out of my laptop" shares `lock` with "I'm locked out",
/// all of the example and half of the message.
final class ToolMatcher: Sendable {
    struct Match {
        let tool: ToolDefinition
        /// 0…1: how much of the message and of the best phrasing the two share.
        let similarity: Double
        /// The question word the best phrasing opens with ("when does my password
        /// expire"), if any.
        let openingQuestionWord: String?
    }

    private struct Phrasing: Sendable {
        let tool: Int
        let terms: Set<String>
        /// Terms of the tool's argument values, left out of the comparison.
        let values: Set<String>
        let openingQuestionWord: String?
    }

    private let tools: [ToolDefinition]
    private let phrasings: [Phrasing]
    private let analyzer: Mutex<Analyzer>

    init(catalog: ToolCatalog) {
        let analyzer = Analyzer()
        tools = catalog.tools
        var phrasings: [Phrasing] = []
        for (index, tool) in catalog.tools.enumerated() {
            let values = Self.valueTerms(of: tool, analyzer: analyzer)
            for text in tool.examples + [tool.title] {
                let terms = Set(analyzer.terms(in: text)).subtracting(values)
                guard !terms.isEmpty else { continue }
                phrasings.append(
                    Phrasing(
                        tool: index, terms: terms, values: values, openingQuestionWord: MessageCues(text).openingQuestionWord))
            }
        }
        self.phrasings = phrasings
        self.analyzer = Mutex(analyzer)
    }

    /// The tool whose phrasing is most like `message`, or nil when none shares a term.
    /// Between equally similar phrasings, one that opens with the same question word wins.
    func bestMatch(for message: String) -> Match? {
        let terms = Set(analyzer.withLock { $0.terms(in: message) })
        let opening = MessageCues(message).openingQuestionWord
        var best: (phrasing: Phrasing, similarity: Double)?
        for phrasing in phrasings {
            // Argument values ("vpn", "laptop") say which account, not which tool.
            let asked = terms.subtracting(phrasing.values)
            let shared = Double(asked.intersection(phrasing.terms).count)
            guard shared > 0 else { continue }
            let precision = shared / Double(asked.count)
            let recall = shared / Double(phrasing.terms.count)
            let f1 = 2 * precision * recall / (precision + recall)
            let better =
                f1 > (best?.similarity ?? 0)
                || (f1 == best?.similarity && phrasing.openingQuestionWord == opening
                    && best?.phrasing.openingQuestionWord != opening)
            if better { best = (phrasing, f1) }
        }
        return best.map {
            Match(tool: tools[$0.phrasing.tool], similarity: $0.similarity, openingQuestionWord: $0.phrasing.openingQuestionWord)
        }
    }

    /// The terms of a tool's allowed argument values and their synonyms.
    private static func valueTerms(of tool: ToolDefinition, analyzer: Analyzer) -> Set<String> {
        var words: [String] = []
        for parameter in tool.parameters {
            words += parameter.allowedValues ?? []
            words += parameter.synonyms.values.flatMap { $0 }
        }
        return Set(words.flatMap { analyzer.terms(in: $0) })
    }
}
