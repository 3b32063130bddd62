/// The `key: value` block between `---` lines at the top of an article.
///
/// A deliberately small YAML subset — `title`, `category`, and `tags` as `[a, b]`, `a, b`
/// or a `- item` list — so every mistake can be named with its line.
struct FrontMatter {
    var title: String?
    var category: String?
    var tags: [String] = []
    var issues: [KnowledgeIssue] = []

    static let keys = ["title", "tags", "category"]

    static func parse(_ lines: ArraySlice<Substring>, firstLine: Int, file: String) -> FrontMatter {
        var result = FrontMatter()
        var listKey: String?
        for (offset, rawLine) in lines.enumerated() {
            let number = firstLine + offset
            let line = rawLine.trimmingWhitespace()
            func report(_ message: String) {
                result.issues.append(KnowledgeIssue(file: file, line: number, message: message))
            }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("- ") || line == "-" {
                guard listKey == "tags" else {
                    report("list item outside `tags:`; ignored")
                    continue
                }
                let tag = unquoted(String(line.dropFirst()).trimmingWhitespace())
                if !tag.isEmpty { result.tags.append(tag) }
                continue
            }
            listKey = nil
            guard let colon = line.firstIndex(of: ":") else {
                report("expected `key: value`, found `\(line)`; ignored")
                continue
            }
            let key = line[..<colon].trimmingWhitespace().lowercased()
            let value = line[line.index(after: colon)...].trimmingWhitespace()
            switch key {
            case "title":
                if value.isEmpty { report("`title` is empty; using the article's `# ` heading") }
                result.title = value.isEmpty ? nil : unquoted(value)
            case "category":
                result.category = value.isEmpty ? nil : unquoted(value)
            case "tags":
                if value.isEmpty {
                    listKey = "tags"
                } else if value.hasPrefix("[") != value.hasSuffix("]") {
                    report("`tags` list is missing its closing `]` or opening `[`; ignored")
                } else {
                    let inner = value.hasPrefix("[") ? String(value.dropFirst().dropLast()) : value
                    result.tags = inner.split(separator: ",").map { unquoted($0.trimmingWhitespace()) }
                        .filter { !$0.isEmpty }
                }
            default:
                report("unknown key `\(key)` (known: \(keys.joined(separator: ", "))); ignored")
            }
        }
        return result
    }

    private static func unquoted(_ value: String) -> String {
        for quote in ["\"", "'"] where value.count >= 2 && value.hasPrefix(quote) && value.hasSuffix(quote) {
            return String(value.dropFirst().dropLast())
        }
        return value
    }
}
