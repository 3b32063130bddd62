import Foundation

/// Turns text into index terms: words are NFKC-normalised, case- and diacritic-folded,
/// stripped of possessives, filtered for stop words and Snowball-stemmed.
///
/// Index and query go through the same analyzer, so "Wi-Fi keeps disconnecting" and
/// "wifi disconnects" meet on the terms `wifi` and `disconnect`.
///
/// It works on UTF-8 bytes and handles ASCII words without Foundation, because indexing
/// speed is dominated by this loop; only words with other characters pay for Unicode
/// normalisation.
///
/// Not thread-safe: it owns a libstemmer handle and a memo of stems. Give each thread its own.
public final class Analyzer {
    private let stemmer = Stemmer()
    /// Folded word → its term, or `""` for a stop word: query words repeat, stems don't change.
    private(set) var stems: [String: String] = [:]

    public init() {}

    /// The index terms of `text`, in order; a compound word also yields its joined form.
    public func terms(in text: String) -> [String] {
        var terms: [String] = []
        forEachFoldedWord(in: text) { folded in
            if let term = term(forFolded: folded) { terms.append(term) }
        }
        return terms
    }

    /// Calls `body` with each folded word of `text` (see `forEachFoldedForm`), before
    /// stop words are removed and words stemmed.
    func forEachFoldedWord(in text: String, _ body: (String) -> Void) {
        forEachFoldedWordBytes(in: text) { body(String(decoding: $0, as: UTF8.self)) }
    }

    /// `forEachFoldedWord` as UTF-8 bytes, valid only during the call: indexing looks most
    /// words up without ever making a `String` of them.
    func forEachFoldedWordBytes(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var scratch: [UInt8] = []
        scratch.reserveCapacity(64)
        forEachWord(in: text) { _, word in Self.forEachFoldedForm(of: word, scratch: &scratch, body) }
    }

    /// Each word of `text` with the terms it yields, for highlighting matches in place.
    public func words(in text: String) -> [(range: Range<String.Index>, terms: [String])] {
        var words: [(Range<String.Index>, [String])] = []
        let utf8 = text.utf8
        var scratch: [UInt8] = []
        forEachWord(in: text) { offsets, word in
            var terms: [String] = []
            Self.forEachFoldedForm(of: word, scratch: &scratch) { folded in
                if let term = term(forFolded: String(decoding: folded, as: UTF8.self)) { terms.append(term) }
            }
            let lower = utf8.index(utf8.startIndex, offsetBy: offsets.lowerBound)
            words.append((lower..<utf8.index(lower, offsetBy: offsets.count), terms))
        }
        return words
    }

    /// The folded words of `text` before stop-word removal and stemming, as a person typed
    /// them (to correct spelling against the vocabulary), each with the range of `text` it
    /// came from (the parts of a compound share their word's range), so a query can show a
    /// phrase as it was typed.
    func foldedWordsWithRanges(in text: String) -> [(range: Range<String.Index>, folded: String)] {
        var words: [(Range<String.Index>, String)] = []
        let utf8 = text.utf8
        var scratch: [UInt8] = []
        forEachWord(in: text) { offsets, word in
            let lower = utf8.index(utf8.startIndex, offsetBy: offsets.lowerBound)
            let range = lower..<utf8.index(lower, offsetBy: offsets.count)
            Self.forEachFoldedForm(of: word, scratch: &scratch) { words.append((range, String(decoding: $0, as: UTF8.self))) }
        }
        return words
    }

    /// The term of one folded word, or nil for a stop word.
    func term(forFolded word: String) -> String? {
        if let known = stems[word] { return known.isEmpty ? nil : known }
        let term = StopWords.contains(word) ? nil : stemmer.stem(word)
        stems[word] = term ?? ""
        return term
    }

    /// The term of one folded word, as bytes valid only during `body`, or nil for a stop
    /// word; the memo is neither consulted nor filled.
    func withTerm<Result>(forFolded word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>?) -> Result) -> Result {
        StopWords.contains(word) ? body(nil) : stemmer.stem(word) { body($0) }
    }

    // MARK: - Words

    /// Calls `body` with the UTF-8 offsets and bytes of each word of `text`: a run of
    /// letters, digits and combining marks, which may contain single apostrophes, hyphens
    /// and underscores between them.
    private func forEachWord(in text: String, _ body: (Range<Int>, UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let (isWord, length) = Self.classify(bytes, at: index)
                guard isWord else {
                    index += length
                    continue
                }
                let start = index
                var end = index + length
                while end < bytes.count {
                    let (isWord, length) = Self.classify(bytes, at: end)
                    if isWord {
                        end += length
                    } else if let joiner = Self.joinerLength(bytes, at: end), end + joiner < bytes.count,
                        case (let nextIsWord, let nextLength) = Self.classify(bytes, at: end + joiner), nextIsWord
                    {
                        end += joiner + nextLength
                    } else {
                        break
                    }
                }
                body(start..<end, UnsafeBufferPointer(rebasing: bytes[start..<end]))
                index = end
            }
        }
    }

    /// Calls `body` with a word's folded forms: possessive dropped, apostrophes removed,
    /// and for a compound — "Wi-Fi", "id_ed25519", "OneDrive" — the parts and the joined
    /// word ("wi", "fi", "wifi"), so "one drive" finds "OneDrive" and "wifi" finds "Wi-Fi".
    /// `scratch` is a buffer reused from word to word, so folding does not allocate.
    private static func forEachFoldedForm(
        of word: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var ascii = true
        var digits = false
        var plain = true  // only lower-case letters and digits: already folded
        for byte in word {
            if byte >= 0x80 { ascii = false }
            if byte >= 48 && byte <= 57 { digits = true }
            if !((byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)) { plain = false }
        }
        if plain {
            body(word)
            return
        }
        scratch.removeAll(keepingCapacity: true)
        var apostrophes = false
        var separators = false
        if ascii {
            // Lower-case; a lower-to-upper change ("OneDrive") splits like a hyphen, unless
            // the word has digits ("0x8007A") or is all capitals ("MFA").
            var previousLower = false
            for byte in word {
                let upper = byte >= 65 && byte <= 90
                if upper && previousLower && !digits {
                    scratch.append(UInt8(ascii: "-"))
                    separators = true
                }
                previousLower = byte >= 97 && byte <= 122
                apostrophes = apostrophes || byte == UInt8(ascii: "'")
                separators = separators || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                scratch.append(upper ? byte | 0x20 : byte)
            }
        } else {
            scratch += fold(String(decoding: word, as: UTF8.self)).utf8
            apostrophes = scratch.contains(UInt8(ascii: "'"))
            separators = scratch.contains { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
        }
        if apostrophes {
            if scratch.count > 2, scratch[scratch.count - 2] == UInt8(ascii: "'"), scratch.last == UInt8(ascii: "s") {
                scratch.removeLast(2)
            }
            scratch.removeAll { $0 == UInt8(ascii: "'") }
        }
        let isSeparator: (UInt8) -> Bool = { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
        scratch.withUnsafeBufferPointer { folded in
            guard separators else {
                if !folded.isEmpty { body(folded) }
                return
            }
            for part in folded.split(whereSeparator: isSeparator) { body(UnsafeBufferPointer(rebasing: part)) }
            let joined = folded.filter { !isSeparator($0) }
            joined.withUnsafeBufferPointer { body($0) }
        }
    }

    /// NFKC and Unicode case and diacritic folding, for words that are not plain ASCII.
    private static func fold(_ word: String) -> String {
        word.replacingOccurrences(of: "\u{2019}", with: "'")
            .precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// Whether the character at `index` belongs in a word, and its length in bytes.
    @inline(__always)
    private static func classify(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Bool, Int) {
        let byte = bytes[index]
        if byte < 0x80 {
            let lower = byte | 0x20
            return ((byte >= 48 && byte <= 57) || (lower >= 97 && lower <= 122), 1)
        }
        return classifyNonASCII(bytes, at: index)
    }

    private static func classifyNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Bool, Int) {
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return (false, 1) }
        let length = UTF8.width(scalar)
        let properties = scalar.properties
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark:
            return (true, length)
        default:
            return (properties.isAlphabetic, length)
        }
    }

    /// The byte length of an apostrophe (straight or typographic), hyphen or underscore at
    /// `index`, or nil.
    private static func joinerLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        switch bytes[index] {
        case UInt8(ascii: "'"), UInt8(ascii: "-"), UInt8(ascii: "_"): return 1
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99: return 3  // ’
        default: return nil
        }
    }
}
