import Foundation
import HelpdeskCore

/// What employees may call each allowed value of a parameter, from everything
/// `tools.json` says about it:
///
/// - the value itself, `verify_app` read as "verify app";
/// - its declared `synonyms`;
/// - words the parameter's description places next to it: in "vpn (GlobalProtect
///   client)", "GlobalProtect client" names `vpn`;
/// - the items of a list in the description that has as many items as there are values,
///   in the same order: "Which account: sandbox, staging or production read-only?" names
///   `prod_readonly` "production read-only".
struct ValueNames: Sendable {
    /// Each allowed value with its names, lower-case, in the parameter's order.
    let names: [(value: String, phrases: [String])]

    init(_ parameter: Parameter) {
        guard let values = parameter.allowedValues else {
            names = []
            return
        }
        var phrases = values.map { value in
            [value, value.replacingOccurrences(of: "_", with: " ")] + (parameter.synonyms[value] ?? [])
        }
        if let description = parameter.description {
            let items = Self.listItems(in: description)
            if items.count == values.count {
                for (index, item) in items.enumerated() { phrases[index] += [item.text] + item.aside }
            }
            for (index, value) in values.enumerated() {
                phrases[index] += Self.aside(after: value.replacingOccurrences(of: "_", with: " "), in: description)
            }
        }
        names = zip(values, phrases).map { value, phrases in
            var seen = Set<String>()
            let cleaned = phrases.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && seen.insert($0).inserted }
            return (value, cleaned)
        }
    }

    /// The words in parentheses right after `value` in `text`: "vpn (GlobalProtect client)"
    /// gives "GlobalProtect client" and, as a proper name on its own, "GlobalProtect".
    static func aside(after value: String, in text: String) -> [String] {
        var found: [String] = []
        var searchStart = text.startIndex
        while let range = text.range(of: value, options: .caseInsensitive, range: searchStart..<text.endIndex) {
            searchStart = range.upperBound
            let before = range.lowerBound == text.startIndex ? " " : text[text.index(before: range.lowerBound)]
            guard !before.isLetter, !before.isNumber else { continue }
            // Up to two words may sit between the value and its aside: "network sign-in (…)".
            let rest = text[range.upperBound...]
            guard let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") else { continue }
            let between = rest[..<open]
            guard between.split(separator: " ").count <= 2, !between.contains(where: { ",.;:?".contains($0) }) else { continue }
            found += names(in: String(rest[rest.index(after: open)..<close]))
        }
        return found
    }

    /// The phrases of an aside, and each capitalised word in them (a product's name).
    private static func names(in aside: String) -> [String] {
        split(aside).flatMap { phrase in
            let words = phrase.split(separator: " ").map(String.init)
            let proper = words.filter { $0.count > 2 && $0.contains(where: \.isUppercase) }
            return [phrase] + (words.count > 1 ? proper : [])
        }
    }

    /// The items of the last list in `text` ("a, b or c"), each with its parenthesised
    /// aside split off.
    static func listItems(in text: String) -> [(text: String, aside: [String])] {
        var body = text
        if let colon = body.lastIndex(of: ":") { body = String(body[body.index(after: colon)...]) }
        // Parenthesised asides hold commas of their own; take them out first.
        var items: [(String, [String])] = []
        var plain = ""
        var asides: [[String]] = []
        var depth = 0
        var current = ""
        for character in body {
            if character == "(" {
                depth += 1
                if depth == 1 {
                    current = ""
                    continue
                }
            } else if character == ")", depth > 0 {
                depth -= 1
                if depth == 0 {
                    asides.append(names(in: current))
                    plain += "\u{1}\(asides.count - 1)\u{1}"
                    continue
                }
            }
            if depth > 0 { current.append(character) } else { plain.append(character) }
        }
        let pieces = split(plain.trimmingCharacters(in: CharacterSet(charactersIn: "?.! ")))
        for piece in pieces {
            var words = piece
            var aside: [String] = []
            while let start = words.firstIndex(of: "\u{1}"),
                let end = words[words.index(after: start)...].firstIndex(of: "\u{1}"),
                let number = Int(words[words.index(after: start)..<end])
            {
                aside += asides[number]
                words.removeSubrange(start...end)
            }
            var trimmed = words.trimmingCharacters(in: .whitespaces)
            for article in ["your ", "the ", "a ", "an ", "my "] where trimmed.lowercased().hasPrefix(article) {
                trimmed = String(trimmed.dropFirst(article.count))
            }
            items.append((trimmed, aside))
        }
        return items
    }

    /// "a, b and c" → ["a", "b", "c"]; also splits on "or" and "/".
    private static func split(_ text: String) -> [String] {
        var pieces = [text]
        for separator in [",", " or ", " and ", "/"] {
            pieces = pieces.flatMap { $0.components(separatedBy: separator) }
        }
        return pieces.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
