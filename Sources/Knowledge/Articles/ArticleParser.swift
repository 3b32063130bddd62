/// Reads one Markdown article: optional front matter, a `# ` title, `## ` sections.
///
/// Broken front matter is reported and skipped; the article is still built from its body.
enum ArticleParser {
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - id: the article id (relative path without `.md`).
    ///   - file: the path to name in issues.
    /// - Returns: the article, or nil when it has no text; and the issues found.
    static func parse(_ text: String, id: String, file: String) -> (Article?, [KnowledgeIssue]) {
        // Split on UTF-8 bytes: splitting on Characters costs grapheme breaking per byte.
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { Substring($0).hasSuffix("\r") ? Substring($0).dropLast() : Substring($0) }
        var frontMatter = FrontMatter()
        var bodyStart = 0
        var issues: [KnowledgeIssue] = []
        if lines.first?.trimmingTrailingWhitespace() == "---" {
            if let close = lines.dropFirst().firstIndex(where: { $0.trimmingTrailingWhitespace() == "---" }) {
                frontMatter = FrontMatter.parse(lines[1..<close], firstLine: 2, file: file)
                issues += frontMatter.issues
                bodyStart = close + 1
            } else {
                issues.append(
                    KnowledgeIssue(
                        file: file, line: 1,
                        message: "front matter starts here but has no closing `---` line; indexing the file without it"))
                bodyStart = 1
            }
        }

        var title = frontMatter.title
        var passages: [Passage] = []
        var heading: String?
        var section: [Substring] = []
        var fence: Substring?
        var seenTitleLine = false
        var reportedLongWord = false
        func closeSection() {
            let body = section.joined(separator: "\n").trimmingWhitespace()
            if !body.isEmpty { passages.append(Passage(heading: heading, text: body)) }
            section = []
        }
        for (number, line) in zip((bodyStart + 1)..., lines[bodyStart...]) {
            if !reportedLongWord, let length = longestWord(in: line), length > SpellingCorrector.maxWordLength {
                reportedLongWord = true
                issues.append(
                    KnowledgeIssue(
                        file: file, line: number,
                        message:
                            "has a \(length)-character word; words over \(SpellingCorrector.maxWordLength) characters are searched but never used to correct a misspelling"
                    ))
            }
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                // Inside a code block `# comment` is shell, not a heading.
                fence = trimmed.prefix(3)
            } else if line.hasPrefix("# "), !seenTitleLine {
                // The first `# ` line is the title, even when front matter names one.
                seenTitleLine = true
                if title == nil { title = String(line.dropFirst(2)).trimmingWhitespace() }
                continue
            } else if line.hasPrefix("## ") {
                closeSection()
                heading = String(line.dropFirst(3)).trimmingWhitespace()
                continue
            }
            section.append(line)
        }
        closeSection()

        guard !passages.isEmpty else {
            issues.append(KnowledgeIssue(file: file, message: "has no text to index; skipped"))
            return (nil, issues)
        }
        let article = Article(
            id: id,
            title: title.flatMap { $0.isEmpty ? nil : $0 } ?? humanized(id),
            category: frontMatter.category ?? folder(of: id),
            tags: frontMatter.tags,
            passages: passages)
        return (article, issues)
    }

    /// The length in characters of the longest run of letters and digits (any non-ASCII
    /// character counts as a letter), or nil for a line without one.
    private static func longestWord(in line: Substring) -> Int? {
        var longest = 0
        var current = 0
        for byte in line.utf8 {
            switch byte {
            case 0x80...0xBF: continue  // the rest of a multi-byte character
            case 0xC0..., UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "A")...UInt8(ascii: "Z"):
                current += 1
            default: current = 0
            }
            longest = max(longest, current)
        }
        return longest == 0 ? nil : longest
    }

    /// `network/vpn-drops` → `Vpn drops`, for an article with no title anywhere.
    private static func humanized(_ id: String) -> String {
        let name = id.split(separator: "/").last.map(String.init) ?? id
        let words = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    private static func folder(of id: String) -> String? {
        id.contains("/") ? id.split(separator: "/").first.map(String.init) : nil
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        String(Substring(self).trimmingTrailingWhitespace().drop(while: \.isWhitespace))
    }

    func trimmingTrailingWhitespace() -> Substring {
        let text = Substring(self)
        var end = text.endIndex
        while end > text.startIndex {
            let previous = text.index(before: end)
            guard text[previous].isWhitespace else { break }
            end = previous
        }
        return text[..<end]
    }
}
