/// Random Markdown articles: front matter whole, broken or missing, headings, code fences
/// left open, CRLF line ends, very long words and lines, and bytes that are not text.
struct ArticleGenerator {
    var random: SplitMix64

    mutating func article() -> [UInt8] {
        var lines: [String] = []
        if random.chance(0.7) { lines += frontMatter() }
        if random.chance(0.8) { lines.append("# " + phrase()) }
        for _ in 0..<random.size(upTo: 40) {
            switch Int.random(in: 0..<10, using: &random) {
            case 0: lines.append(random.pick(["## ", "##", "### ", "#", "# "]) + phrase())
            case 1: lines.append(random.pick(["```", "```sh", "~~~", "    ```", "``", "````"]))
            case 2: lines.append(random.pick(["---", "--- ", "----", "...", "", "   ", "\t"]))
            case 3:
                lines.append(
                    String(
                        repeating: random.pick(["a", "Wi-Fi", "ü", "x", "\u{301}", "😀", " "]), count: random.size(upTo: 200_000)))
            case 4: lines.append(random.pick(["1. Restart it.", "- item", "* item", "> quote", "| a | b |", "<!-- -->"]))
            default: lines.append((0..<random.size(upTo: 30)).map { _ in word() }.joined(separator: " "))
            }
        }
        let separator = random.chance(0.1) ? "\r\n" : random.chance(0.02) ? "\r" : "\n"
        var bytes = Array(lines.joined(separator: separator).utf8)
        if random.chance(0.05) { bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }
        if random.chance(0.03) {
            bytes.insert(random.pick([0x00, 0xFF, 0xC3, 0xED]), at: Int.random(in: 0...bytes.count, using: &random))
        }
        return bytes
    }

    private mutating func frontMatter() -> [String] {
        var lines = [random.pick(["---", "---", "---", "--- ", "---\t", "----", "—", "---\u{FEFF}"])]
        for _ in 0..<random.size(upTo: 8) {
            switch Int.random(in: 0..<8, using: &random) {
            case 0: lines.append("title: " + random.pick(["", "\"quoted\"", "'single'", "\"", phrase()]))
            case 1:
                lines.append(
                    "tags: " + random.pick(["[vpn, disconnect]", "[vpn", "vpn]", "a, b, c", "", "[]", "[,,,]", "[\"a\", 'b']"]))
            case 2: lines.append(random.pick(["- vpn", "-", "- ", "  - nested", "- \"quoted\""]))
            case 3: lines.append("category: " + phrase())
            case 4: lines.append(random.pick(["TITLE: Upper", "unknown: x", "no colon here", ":", "# comment", "title:: x"]))
            case 5: lines.append(random.pick(["tags:", "tags:   "]))
            default: lines.append(String(repeating: random.pick(["title: ", "x"]), count: random.size(upTo: 5_000)))
            }
        }
        if random.chance(0.85) { lines.append(random.pick(["---", "---", "--- ", "---\r", "...", "----"])) }
        return lines
    }

    private mutating func phrase() -> String {
        (0..<random.size(upTo: 6)).map { _ in word() }.joined(separator: " ")
    }

    private mutating func word() -> String {
        random.pick([
            "VPN", "password", "reset", "disconnecting", "Wi-Fi", "OneDrive", "it's", "IT's", "über", "naïve", "ﬁle", "日本語",
            "😀", "e\u{301}", "\u{200B}", "\u{202E}", "C:\\Users", "https://example.com/a?b=c", "`code`", "**bold**", "1.2.3",
            "don’t", "x86_64", "ÆØÅ", "İstanbul", "ß", "ǅ", "\u{0}", "\u{7F}",
            "a" + String(repeating: "b", count: random.size(upTo: 5_000)),
        ])
    }
}
