import Foundation

/// Reads `synonyms.txt`: Solr's synonym format, line by line, every unusable line reported
/// with its number and the rest applied.
///
/// The limits bound what a query can cost whatever the file holds: each query word is one
/// lookup and at most `maxAlternatives` posting lists.
enum SynonymsFile {
    /// More than a hand-kept synonyms file ever needs; a larger one is read this far.
    static let maxBytes = 256 * 1024
    /// Longer lines are pasted data, not synonyms.
    static let maxLineLength = 1_000
    /// What one word or phrase can be searched as: each alternative is a posting list
    /// every query with that word reads.
    static let maxAlternatives = 32
    /// Index terms in one phrase; a longer one would almost never occur in a query.
    static let maxPhraseTerms = 8

    /// The synonyms in `directory`'s `synonyms.txt`; none, without an issue, when there is
    /// no such file.
    static func load(inFolder directory: String) -> Synonyms {
        let path = directory.hasSuffix("/") ? directory + Synonyms.fileName : directory + "/" + Synonyms.fileName
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return Synonyms() }
        guard !isDirectory.boolValue else {
            return Synonyms(rules: [], issues: [KnowledgeIssue(file: path, message: "is a folder, not a file; no synonyms used")])
        }
        let unreadable = Synonyms(rules: [], issues: [KnowledgeIssue(file: path, message: "cannot be read; no synonyms used")])
        guard let handle = FileHandle(forReadingAtPath: path) else { return unreadable }
        defer { try? handle.close() }
        // Never more than the limit and a byte, however large the file: one byte more says
        // that it is over.
        guard let data = try? handle.read(upToCount: maxBytes + 1) ?? Data() else { return unreadable }
        var bytes = [UInt8](data)
        var issues: [KnowledgeIssue] = []
        if bytes.count > maxBytes {
            // Cut at the last whole line, so no line is half read.
            bytes = Array(bytes.prefix(maxBytes))
            bytes.removeSubrange((bytes.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0)...)
            let lines = bytes.lazy.filter { $0 == UInt8(ascii: "\n") }.count
            issues.append(
                KnowledgeIssue(
                    file: path,
                    message:
                        "is larger than \(maxBytes / 1024) KiB, the most that is read; only its first \(lines) lines are used"
                ))
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var lines: [(Int, Substring)] = []
        for (offset, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard let text = String(validating: line, as: UTF8.self) else {
                issues.append(
                    KnowledgeIssue(
                        file: path, line: offset + 1, message: "is not valid UTF-8; re-save the file as UTF-8. Line ignored"))
                continue
            }
            lines.append((offset + 1, Substring(text)))
        }
        let parsed = parse(lines, file: path)
        return Synonyms(rules: parsed.rules, issues: issues + parsed.issues)
    }

    /// The synonyms of numbered lines, with an issue naming `file` for each unusable part.
    static func parse(_ lines: [(Int, Substring)], file: String) -> (rules: [Synonyms.Rule], issues: [KnowledgeIssue]) {
        var reader = Reader(file: file)
        for (number, text) in lines { reader.read(text, line: number) }
        return (reader.rules, reader.issues)
    }

    /// The rules read so far, merged by key (a word on several lines gets all their synonyms).
    private struct Reader {
        let file: String
        let analyzer = Analyzer()
        var rules: [Synonyms.Rule] = []
        var ruleIndex: [[String]: Int] = [:]
        var issues: [KnowledgeIssue] = []

        init(file: String) { self.file = file }

        mutating func read(_ raw: Substring, line: Int) {
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty || text.hasPrefix("#") { return }
            guard text.count <= SynonymsFile.maxLineLength else {
                return report(
                    line, "is \(text.count) characters long, more than the \(SynonymsFile.maxLineLength) allowed; ignored")
            }
            let sides = text.components(separatedBy: "=>")
            guard sides.count <= 2 else {
                return report(line, "has more than one `=>`; write one mapping per line. Ignored")
            }
            if sides.count == 2 {
                guard !Self.entries(sides[0]).isEmpty, !Self.entries(sides[1]).isEmpty else {
                    return report(line, "`=>` needs words on both sides, as in `app store => software catalog`; ignored")
                }
                let from = phrases(sides[0], line: line)
                let to = phrases(sides[1], line: line)
                guard !from.isEmpty, !to.isEmpty else { return }
                for key in from { add(to, to: key, line: line) }
                return
            }
            let entries = Self.entries(text)
            guard entries.count >= 2 else {
                return report(
                    line,
                    "has one entry and no `=>`: list equivalent words separated by commas (`laptop, notebook`) "
                        + "or map with `=>`; ignored")
            }
            let reported = issues.count
            let group = phrases(text, line: line)
            guard group.count >= 2 else {
                if issues.count == reported {
                    report(line, "its entries (\(quoted(entries))) are searched the same way already; ignored")
                }
                return
            }
            for key in group { add(group, to: key, line: line) }
        }

        /// The comma-separated entries of one side, trimmed, empty ones (a trailing comma) left out.
        static func entries(_ side: String) -> [String] {
            side.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }

        /// The usable, distinct phrases of one side; each unusable entry is reported.
        private mutating func phrases(_ side: String, line: Int) -> [Synonyms.Phrase] {
            var phrases: [Synonyms.Phrase] = []
            for entry in Self.entries(side) {
                if entry.contains("#") {
                    report(line, "“\(entry)” contains `#`: a comment must be a line of its own; entry ignored")
                    continue
                }
                let terms = analyzer.terms(in: entry)
                if terms.isEmpty {
                    report(
                        line, "“\(entry)” has no word that is searched (stop words and punctuation are not); entry ignored")
                } else if terms.count > SynonymsFile.maxPhraseTerms {
                    report(line, "“\(entry)” has more than \(SynonymsFile.maxPhraseTerms) words; entry ignored")
                } else if !phrases.contains(where: { $0.terms == terms }) {
                    phrases.append(Synonyms.Phrase(text: entry, terms: terms))
                }
            }
            return phrases
        }

        private mutating func add(_ alternatives: [Synonyms.Phrase], to key: Synonyms.Phrase, line: Int) {
            let index: Int
            if let known = ruleIndex[key.terms] {
                index = known
            } else {
                index = rules.count
                rules.append(Synonyms.Rule(key: key, alternatives: []))
                ruleIndex[key.terms] = index
            }
            for alternative in alternatives where !rules[index].alternatives.contains(where: { $0.terms == alternative.terms }) {
                guard rules[index].alternatives.count < SynonymsFile.maxAlternatives else {
                    return report(
                        line,
                        "“\(key.text)” would have more than \(SynonymsFile.maxAlternatives) alternatives, the most allowed; "
                            + "the rest are ignored")
                }
                rules[index].alternatives.append(alternative)
            }
        }

        private func quoted(_ entries: [String]) -> String { entries.map { "“\($0)”" }.joined(separator: ", ") }

        private mutating func report(_ line: Int, _ message: String) {
            issues.append(KnowledgeIssue(file: file, line: line, message: message))
        }
    }
}
