import Foundation

/// Turns text into index terms: words are NFKC-normalised, case- and diacritic-folded,
/// stripped of possessives, filtered for stop words and Snowball-stemmed.
///
/// Index and query go through the same analyzer, so "Wi-Fi keeps disconnecting" and
/// "wifi disconnects" meet on the terms `wifi` and `disconnect`.
///
/// Not thread-safe: it owns a libstemmer handle and a memo of stems. Give each thread its own.
public final class Analyzer {
    private let stemmer = Stemmer()
    /// Folded word → its term, or `""` for a stop word. Its keys double as the corpus's
    /// spelling vocabulary, so spelling correction costs nothing extra at index time.
    private(set) var stems: [String: String] = [:]

    public init() {}

    /// The index terms of `text`, in order; a hyphenated word also yields its joined form.
    public func terms(in text: String) -> [String] {
        var terms: [String] = []
        forEachWord(in: text) { _, word in
            for folded in Self.foldedForms(of: word) {
                if let term = term(forFolded: folded) { terms.append(term) }
            }
        }
        return terms
    }

    /// Each word of `text` with the terms it yields, for highlighting matches in place.
    public func words(in text: String) -> [(range: Range<String.Index>, terms: [String])] {
        var words: [(Range<String.Index>, [String])] = []
        forEachWord(in: text) { range, word in
            words.append((range, Self.foldedForms(of: word).compactMap { term(forFolded: $0) }))
        }
        return words
    }

    /// The folded words of `text` before stop-word removal and stemming, as a person typed
    /// them; used to correct spelling against the vocabulary.
    func foldedWords(in text: String) -> [String] {
        var folded: [String] = []
        forEachWord(in: text) { _, word in folded += Self.foldedForms(of: word) }
        return folded
    }

    /// The term of one folded word, or nil for a stop word.
    func term(forFolded word: String) -> String? {
        if let known = stems[word] { return known.isEmpty ? nil : known }
        let term = StopWords.contains(word) ? "" : stemmer.stem(word)
        stems[word] = term
        return term.isEmpty ? nil : term
    }

    // MARK: - Words

    /// Calls `body` with each word of `text`: a run of letters, digits and combining marks,
    /// which may contain single apostrophes, hyphens and underscores between them.
    private func forEachWord(in text: String, _ body: (Range<String.Index>, Substring) -> Void) {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            guard Self.isWordScalar(scalars[index]) else {
                index = scalars.index(after: index)
                continue
            }
            let start = index
            var end = scalars.index(after: index)
            while end < scalars.endIndex {
                if Self.isWordScalar(scalars[end]) {
                    end = scalars.index(after: end)
                } else if Self.isJoiner(scalars[end]) {
                    let next = scalars.index(after: end)
                    guard next < scalars.endIndex, Self.isWordScalar(scalars[next]) else { break }
                    end = scalars.index(after: next)
                } else {
                    break
                }
            }
            body(start..<end, Substring(scalars[start..<end]))
            index = end
        }
    }

    /// A word's folded forms: possessive dropped, apostrophes removed, and for a compound —
    /// "Wi-Fi", "id_ed25519", "OneDrive" — the parts and the joined word ("wi", "fi",
    /// "wifi"), so "one drive" finds "OneDrive" and "wifi" finds "Wi-Fi".
    static func foldedForms(of word: Substring) -> [String] {
        var folded = fold(splittingCamelCase(word))
        if folded.hasSuffix("'s") { folded.removeLast(2) }
        folded.removeAll { $0 == "'" }
        guard folded.contains(where: { $0 == "-" || $0 == "_" }) else { return [folded] }
        let parts = folded.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        return parts + [parts.joined()]
    }

    /// Marks a lower-to-upper case change as a hyphen ("OneDrive" → "One-Drive"); leaves
    /// all-capital words ("MFA") and words with digits alone.
    private static func splittingCamelCase(_ word: Substring) -> Substring {
        let bytes = word.utf8
        guard bytes.allSatisfy({ $0 < 0x80 && !($0 >= 48 && $0 <= 57) }) else { return word }
        var result: [UInt8] = []
        var previousLower = false
        for byte in bytes {
            let upper = byte >= 65 && byte <= 90
            if upper && previousLower { result.append(UInt8(ascii: "-")) }
            previousLower = byte >= 97 && byte <= 122
            result.append(byte)
        }
        return result.count == bytes.count ? word : Substring(decoding: result, as: UTF8.self)
    }

    /// Lower-cases ASCII directly; anything else goes through NFKC and Unicode folding
    /// (which is much slower, so the common ASCII word never pays for it).
    private static func fold(_ word: Substring) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: word.utf8.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        return String(word)
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark:
            return true
        default:
            return properties.isAlphabetic
        }
    }

    private static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "-" || scalar == "_"
    }
}
