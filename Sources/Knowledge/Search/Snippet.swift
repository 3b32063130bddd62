/// An excerpt of a passage, on one line, with the words that matched the query marked.
public struct Snippet: Sendable, Equatable {
    public let text: String
    /// Ranges of `text` holding a matched word.
    public let highlights: [Range<String.Index>]

    /// Picks the window of about `width` characters holding the most distinct query terms
    /// (the earliest, on a tie), cut at word boundaries, with "…" where text was cut.
    init(_ passage: String, terms: Set<String>, width: Int, analyzer: Analyzer) {
        let flat = Self.flatten(passage)
        let words = analyzer.words(in: flat)
        let matched = words.filter { !terms.isDisjoint(with: $0.terms) }

        var bestStart = flat.startIndex
        var bestCount = 0
        for (i, word) in matched.enumerated() {
            var seen = Set<String>()
            for other in matched[i...] {
                guard flat.distance(from: word.range.lowerBound, to: other.range.upperBound) <= width else { break }
                seen.formUnion(other.terms.filter(terms.contains))
            }
            if seen.count > bestCount {
                bestCount = seen.count
                bestStart = word.range.lowerBound
            }
        }
        // Start a little before the first match so it is read in context.
        let lead = min(width / 4, flat.distance(from: flat.startIndex, to: bestStart))
        var start = flat.index(bestStart, offsetBy: -lead)
        if start > flat.startIndex, let space = flat[start...].firstIndex(of: " "), space < bestStart {
            start = flat.index(after: space)
        }
        var end = flat.index(start, offsetBy: width, limitedBy: flat.endIndex) ?? flat.endIndex
        if end < flat.endIndex, let space = flat[start..<end].lastIndex(of: " "), space > start {
            end = space
        }

        var text = start > flat.startIndex ? "…" : ""
        var offsets: [Range<Int>] = []  // UTF-8 offsets: stable while `text` grows
        var copied = start
        for word in matched where word.range.lowerBound >= start && word.range.upperBound <= end {
            text += flat[copied..<word.range.lowerBound]
            let lower = text.utf8.count
            text += flat[word.range]
            offsets.append(lower..<text.utf8.count)
            copied = word.range.upperBound
        }
        text += flat[copied..<end]
        if end < flat.endIndex { text += "…" }
        self.text = text
        self.highlights = offsets.map { range in
            text.utf8.index(
                text.startIndex, offsetBy: range.lowerBound)..<text.utf8.index(text.startIndex, offsetBy: range.upperBound)
        }
    }

    /// The text with each highlight wrapped in `open` and `close`.
    public func marked(open: String, close: String) -> String {
        var result = ""
        var copied = text.startIndex
        for range in highlights {
            result += text[copied..<range.lowerBound] + open + text[range] + close
            copied = range.upperBound
        }
        return result + text[copied...]
    }

    /// Markdown flattened to one line: list markers, emphasis and extra spaces removed.
    static func flatten(_ markdown: String) -> String {
        var words: [Substring] = []
        for line in markdown.split(whereSeparator: \.isNewline) {
            var line = line.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("```") || line.hasPrefix("~~~") { continue }
            while let first = line.first, "-*+>#".contains(first) { line = line.dropFirst().drop { $0 == " " } }
            words += line.split(separator: " ", omittingEmptySubsequences: true)
        }
        return words.joined(separator: " ").replacingOccurrences(of: "**", with: "")
    }
}
