// BERT (uncased) WordPiece tokenizer that reproduces Hugging Face `tokenizers`
// (BertNormalizer + BertPreTokenizer + WordPiece) id for id.
//
// Everything works on Unicode scalars, like HF's Rust `char`s: Swift's
// Characters (grapheme clusters) would glue emoji/combining sequences together
// and Swift String equality is canonical-equivalence based, while HF compares
// exact code points.

import Foundation

public struct WordPieceTokenizer: Sendable {
    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(URL, underlying: any Error)
        case malformed(URL, reason: String)

        public var description: String {
            switch self {
            case .unreadable(let url, let error): "cannot read the vocabulary \(url.path): \(error)"
            case .malformed(let url, let reason): "\(url.path) is not a BERT vocabulary: \(reason)"
            }
        }
    }

    /// Token → id. Swift compares strings by canonical equivalence, which can merge two
    /// tokens HF tells apart only in a vocabulary that has accented tokens; BERT uncased
    /// strips accents, so it has none.
    private let vocabulary: [String: Int32]
    private let unknownID: Int32
    /// Longer words are one [UNK], as in BERT.
    private static let maxInputCharsPerWord = 100
    /// Special tokens that HF matches verbatim in the *raw* text before any normalization.
    private let specialTokens: [(scalars: [Unicode.Scalar], id: Int32)]
    public let classifyID: Int32
    public let separatorID: Int32
    /// One more than the largest id: the rows of the model's word embeddings.
    public let vocabularySize: Int

    /// Reads a BERT vocabulary file, `vocab.txt`: one token a line, the line's number (from
    /// 0) its id. Throws `LoadError` naming the file when it cannot be read or lacks a token
    /// the model needs.
    public init(contentsOf vocabularyFile: URL) throws {
        let text: String
        do { text = try String(contentsOf: vocabularyFile, encoding: .utf8) } catch {
            throw LoadError.unreadable(vocabularyFile, underlying: error)
        }
        var vocabulary: [String: Int32] = [:]
        vocabulary.reserveCapacity(32_000)
        for (id, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            vocabulary[String(line)] = vocabulary[String(line)] ?? Int32(id)  // the first of two equal lines counts
        }
        guard let unknown = vocabulary["[UNK]"], let classify = vocabulary["[CLS]"], let separator = vocabulary["[SEP]"] else {
            throw LoadError.malformed(vocabularyFile, reason: "the vocabulary lacks [UNK], [CLS] or [SEP]")
        }
        self.vocabulary = vocabulary
        unknownID = unknown
        classifyID = classify
        separatorID = separator
        vocabularySize = Int(vocabulary.values.max() ?? 0) + 1
        // BertTokenizer never splits these; HF matches them verbatim in the raw text.
        let specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"].compactMap { name in vocabulary[name].map { (name, $0) } }
        // Longest first, so that at one position the longest special token wins (HF's leftmost-longest).
        specialTokens = specials.map { (Array($0.0.unicodeScalars), $0.1) }.sorted { $0.scalars.count > $1.scalars.count }
    }

    /// Token ids of `text`, without [CLS]/[SEP], exactly as HF's BertTokenizer (uncased) gives them;
    /// only the first `limit`, which bounds the work a long paste of unknown words costs.
    public func ids(_ text: String, limit: Int = .max) -> [Int32] {
        let raw = Array(text.unicodeScalars)
        var out: [Int32] = []
        out.reserveCapacity(min(raw.count / 4, limit))
        var scratch = Scratch(limit: limit)
        // Special tokens are cut out of the raw text first; the pieces between them are
        // normalized and tokenized independently (HF's added-token handling).
        var segmentStart = 0, i = 0
        while i < raw.count {
            if let special = specialToken(in: raw, at: i) {
                tokenize(raw[segmentStart..<i], into: &out, scratch: &scratch)
                out.append(special.id)
                i += special.length
                segmentStart = i
            } else {
                i += 1
            }
        }
        tokenize(raw[segmentStart...], into: &out, scratch: &scratch)
        return Array(out.prefix(limit))
    }

    // MARK: - Pipeline

    /// Reusable buffers, so the per-character loops do not allocate.
    private struct Scratch {
        let limit: Int
        var normalized: [Unicode.Scalar] = []
        var temp: [Unicode.Scalar] = []
        var word: [Unicode.Scalar] = []
    }

    private func specialToken(in raw: [Unicode.Scalar], at i: Int) -> (id: Int32, length: Int)? {
        for (scalars, id) in specialTokens where raw.count - i >= scalars.count {
            if raw[i..<(i + scalars.count)].elementsEqual(scalars) { return (id, scalars.count) }
        }
        return nil
    }

    private func tokenize(_ raw: ArraySlice<Unicode.Scalar>, into out: inout [Int32], scratch: inout Scratch) {
        guard !raw.isEmpty else { return }
        Self.normalize(raw, into: &scratch.normalized, temp: &scratch.temp)
        // BertPreTokenizer: split on whitespace, and every punctuation char is a word of its own.
        scratch.word.removeAll(keepingCapacity: true)
        for s in scratch.normalized {
            if s == " " || (s.value >= 0x80 && s.properties.isWhitespace) {
                flushWord(&scratch.word, into: &out, limit: scratch.limit)
            } else if HFUnicode.isPunctuation(s) {
                flushWord(&scratch.word, into: &out, limit: scratch.limit)
                scratch.word.append(s)
                flushWord(&scratch.word, into: &out, limit: scratch.limit)
            } else {
                scratch.word.append(s)
            }
        }
        flushWord(&scratch.word, into: &out, limit: scratch.limit)
    }

    /// BertNormalizer (uncased), in HF's order: clean text, pad CJK, NFD + drop Mn, lowercase.
    static func normalize(_ raw: some Sequence<Unicode.Scalar>, into out: inout [Unicode.Scalar], temp: inout [Unicode.Scalar]) {
        // 1. Clean text and pad CJK ideographs.
        temp.removeAll(keepingCapacity: true)
        var needsNFD = false
        for s in raw {
            if s.value < 0x80 {  // ASCII fast path: drop controls, \t \n \r become spaces
                if s.value >= 0x20 && s.value != 0x7F {
                    temp.append(s)
                } else if s == "\t" || s == "\n" || s == "\r" {
                    temp.append(" ")
                }
                continue
            }
            if s.value == 0xFFFD || HFUnicode.isControl(s) { continue }
            if s.properties.isWhitespace { temp.append(" "); continue }
            if s.value >= 0xC0 { needsNFD = true }  // below U+00C0 nothing decomposes
            if HFUnicode.isCJK(s) { temp.append(" "); temp.append(s); temp.append(" ") } else { temp.append(s) }
        }
        // 2. NFD. Pure ASCII/Latin-1 text skips it.
        if needsNFD { decompose(&temp, scratch: &out) }
        // 3. Drop nonspacing marks (the accents), then lowercase — HF strips before it
        // lowercases, so İ becomes I + U+0307 → I → i, never i + U+0307.
        out.removeAll(keepingCapacity: true)
        for s in temp {
            if s.value < 0x80 {
                out.append((0x41...0x5A).contains(s.value) ? Unicode.Scalar(UInt8(s.value + 0x20)) : s)
            } else if HFUnicode.isNonspacingMark(s) {
                continue
            } else if s.properties.changesWhenLowercased {
                out.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
            } else {
                out.append(s)
            }
        }
    }

    /// NFD as HF does it. HF's normalization tables are Unicode 9.0: scalars assigned later
    /// neither decompose nor reorder (combining class 0), so they cut the text into runs that
    /// are decomposed separately — canonical reordering never crosses a class-0 scalar.
    private static func decompose(_ text: inout [Unicode.Scalar], scratch: inout [Unicode.Scalar]) {
        scratch.removeAll(keepingCapacity: true)
        var run = String.UnicodeScalarView()
        func flushRun() {
            guard !run.isEmpty else { return }
            // Foundation's NFD: the stdlib has no public normalization API.
            scratch.append(contentsOf: String(run).decomposedStringWithCanonicalMapping.unicodeScalars)
            run = String.UnicodeScalarView()
        }
        for s in text {
            if s.value >= 0x80, !HFUnicode.isKnown(s, upTo: (9, 0)) {
                flushRun()
                scratch.append(s)
            } else {
                run.append(s)
            }
        }
        flushRun()
        swap(&text, &scratch)
    }

    /// Greedy longest-match-first WordPiece, as HF does it: the longest vocabulary entry
    /// that starts the rest of the word (after the first piece, with "##" before it); a word
    /// that cannot be covered, or is too long, is one [UNK].
    private func flushWord(_ word: inout [Unicode.Scalar], into out: inout [Int32], limit: Int) {
        defer { word.removeAll(keepingCapacity: true) }
        guard !word.isEmpty, out.count < limit else { return }
        guard word.count <= Self.maxInputCharsPerWord else { out.append(unknownID); return }
        let firstPiece = out.count
        var start = 0
        while start < word.count {
            var end = word.count
            var piece: Int32?
            while end > start {
                var candidate = start == 0 ? "" : "##"
                candidate.unicodeScalars.append(contentsOf: word[start..<end])
                piece = vocabulary[candidate]
                if piece != nil { break }
                end -= 1
            }
            guard let piece else {
                out.removeSubrange(firstPiece...)
                out.append(unknownID)
                return
            }
            out.append(piece)
            start = end
        }
    }
}

/// Character classes exactly as HF's Rust code defines them. HF takes general categories
/// from the `unicode_categories` crate, whose tables are Unicode 8.0, so anything assigned
/// later is "unknown" to it (never control, mark or punctuation), and the few scalars whose
/// category changed since 8.0 keep their old one.
enum HFUnicode {
    static func isKnown(_ s: Unicode.Scalar, upTo version: (Int, Int)) -> Bool {
        guard let age = s.properties.age else { return false }
        return (age.major, age.minor) <= version
    }

    /// General category in Unicode 8.0, or nil when the scalar was not assigned yet.
    static func category(_ s: Unicode.Scalar) -> Unicode.GeneralCategory? {
        switch s.value {
        case 0x1885, 0x1886: return .otherLetter  // Mn since 9.0
        case 0x166D, 0x111C9: return .otherPunctuation  // So since 12.0, Mn since 11.0
        case 0x1734, 0x1171E: return .nonspacingMark  // Mc since 14.0
        case 0xA9BD: return .spacingMark  // Mn since 12.0
        default: return isKnown(s, upTo: (8, 0)) ? s.properties.generalCategory : nil
        }
    }

    /// Chars BertNormalizer deletes: Rust `is_other` (Cc, Cf, Co) except \t \n \r.
    /// (Unassigned scalars are *not* deleted.)
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        if s == "\t" || s == "\n" || s == "\r" { return false }
        switch category(s) {
        case .control, .format, .privateUse, .surrogate: return true
        default: return false
        }
    }

    static func isNonspacingMark(_ s: Unicode.Scalar) -> Bool { category(s) == .nonspacingMark }

    /// ASCII 33–47, 58–64, 91–96, 123–126: BERT counts $, +, <, ^, ` etc. as punctuation too.
    static func isASCIIPunctuation(_ v: UInt32) -> Bool {
        (33...47).contains(v) || (58...64).contains(v) || (91...96).contains(v) || (123...126).contains(v)
    }

    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return isASCIIPunctuation(s.value) }
        switch category(s) {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default: return false
        }
    }

    /// The CJK blocks BERT pads with spaces (same ranges as HF's `is_chinese_char`).
    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F,
            0x2B740...0x2B81F, 0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default: return false
        }
    }
}
