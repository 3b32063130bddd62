import HelpdeskCore
import Knowledge

/// The priorities a company's own articles give to situations: "If VoiceScribe is
/// unavailable for a whole department, call the clinical line (P1)", "A lost or stolen
/// device is handled as a P2". How urgent an outage or a stolen laptop is, is the
/// company's policy, and companies differ; where the articles say it, the ticket follows
/// them rather than the engine's own reading.
///
/// A statement is the sentence that names a priority (P1–P4), with the sentence before it
/// when it only points back ("… call the clinical line. This is a P1."), or the table row
/// that names one. Where a sentence names two ("a P2 security incident, or P1 if your
/// computer behaves strangely"), each goes with its own clause; a clause naming two ("for
/// anything P1 or P2, phone") is about priorities, not a situation.
public enum DocumentedPriority {
    struct Statement {
        let article: String
        let priority: Priority
        /// The statement as written, for the ticket and `--explain`; a long table row cut short.
        let text: String

        init(article: String, priority: Priority, text: String) {
            self.article = article
            self.priority = priority
            self.text = text.count > 300 ? String(text.prefix(299)) + "…" : text
        }
    }

    /// The statement of `article` that shares the most of `terms`, weighed by `weight`
    /// (rare words count more), among those giving one of `priorities`; nil when none
    /// shares a word. Read when an incident needs it, not indexed: incidents are rare.
    static func statement(
        in article: Article, matching terms: [String], among priorities: Set<Priority>, weight: (String) -> Double
    ) -> Statement? {
        let analyzer = Analyzer()
        let asked = Set(terms)
        var best: (statement: Statement, score: Double)?
        for passage in article.passages {
            for (priority, text) in statements(in: passage.text) where priorities.contains(priority) {
                let score = asked.intersection(analyzer.terms(in: text)).reduce(0) { $0 + weight($1) }
                if score > 0, score > best?.score ?? 0 {
                    best = (Statement(article: article.id, priority: priority, text: text), score)
                }
            }
        }
        return best?.statement
    }

    /// How many statements give each priority, in every article: what `helpdesk check` tells
    /// an admin the engine read.
    public static func counts(in articles: [Article]) -> [Priority: Int] {
        var counts: [Priority: Int] = [:]
        for passage in articles.lazy.flatMap(\.passages) {
            for (priority, _) in statements(in: passage.text) { counts[priority, default: 0] += 1 }
        }
        return counts
    }

    /// Every priority a passage's Markdown names, with the words that say when.
    static func statements(in markdown: String) -> [(Priority, String)] {
        var found: [(Priority, String)] = []
        for line in markdown.split(separator: "\n").map(plain) {
            if line.hasPrefix("|") {
                // A table row: the row says when.
                if let priority = priorities(in: line).first { found.append((priority, cells(of: line))) }
                continue
            }
            var previous: String?
            for sentence in sentences(in: line) {
                defer { previous = sentence }
                let named = priorities(in: sentence)
                guard !named.isEmpty else { continue }
                let pointsBack = ["this", "that", "it", "these", "such"].contains(
                    sentence.prefix { $0.isLetter }.lowercased())
                let before = pointsBack ? previous.map { $0 + " " } ?? "" : ""
                if named.count == 1 {
                    found.append((named[0], before + sentence))
                } else {
                    // "If a P1 or P2 ticket has had no response" names priorities, not a
                    // situation's.
                    for clause in sentence.split(whereSeparator: { ",;".contains($0) }) {
                        let named = priorities(in: String(clause))
                        if named.count == 1 { found.append((named[0], before + clause.trimmingCharacters(in: .whitespaces))) }
                    }
                }
            }
        }
        return found
    }

    /// "P1" to "P4", and "priority 1" to "priority 4", in order; not "P100" or "room P4B".
    static func priorities(in text: String) -> [Priority] {
        let words = text.split { !$0.isLetter && !$0.isNumber }
        return words.indices.compactMap { index in
            let word = words[index]
            let number = word.first == "P" ? word.dropFirst() : word
            guard number.count == 1, let digit = number.first, ("1"..."4").contains(digit) else { return nil }
            guard word.first == "P" || (index > 0 && words[index - 1].lowercased() == "priority") else { return nil }
            return Priority(rawValue: "P\(digit)")
        }
    }

    /// A line's sentences. A sentence ends at `.`, `!` or `?` before a capital letter or the
    /// end, so "(ext. 4357, option 1)" and "e.g. the portal" stay whole.
    static func sentences(in line: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            current.append(character)
            let next = line.index(after: index)
            if ".!?".contains(character) {
                let rest = line[next...].drop { $0 == " " || $0 == "*" || $0 == "_" }
                if rest.isEmpty || (rest.first?.isUppercase == true && rest.startIndex > next) {
                    sentences.append(current.trimmingCharacters(in: .whitespaces))
                    current = ""
                }
            }
            index = next
        }
        let last = current.trimmingCharacters(in: .whitespaces)
        if !last.isEmpty { sentences.append(last) }
        return sentences
    }

    /// A line without list markers and emphasis: what the statement reads as.
    private static func plain(_ line: Substring) -> String {
        var text = line.filter { $0 != "*" && $0 != "`" }.drop { $0 == " " }
        if text.first == "-" || text.first == "+" { text = text.dropFirst() }
        let number = text.prefix { $0.isNumber }
        if !number.isEmpty, let mark = text.dropFirst(number.count).first, mark == "." || mark == ")" {
            text = text.dropFirst(number.count + 1)
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    private static func cells(of row: String) -> String {
        row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(
            separator: "; ")
    }
}
