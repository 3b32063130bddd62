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
            case .unreadable(let url, let error): "cannot read tokenizer file \(url.path): \(error)"
            case .malformed(let url, let reason): "malformed tokenizer file \(url.path): \(reason)"
            }
        }
    }

    private let trie: Trie
    /// Trie node reached by "##": continuation pieces are matched from here.
    private let continuationRoot: Int32?
    private let unknownID: Int32
    private let maxInputCharsPerWord: Int
    /// Special tokens that HF matches verbatim in the *raw* text before any normalization.
    private let specialTokens: [(scalars: [Unicode.Scalar], id: Int32)]
    public let classifyID: Int32
    public let separatorID: Int32
    /// One more than the largest id: the rows of the model's word embeddings.
    public let vocabularySize: Int

    /// Reads the vocabulary from a Hugging Face tokenizer.json (model.vocab: token → id).
    /// Throws `LoadError` naming the file if it is missing, malformed or not a BERT WordPiece tokenizer.
    public init(contentsOf tokenizerJSON: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: tokenizerJSON) } catch {
            throw LoadError.unreadable(tokenizerJSON, underlying: error)
        }
        let file: TokenizerFile
        do { file = try JSONDecoder().decode(TokenizerFile.self, from: data) } catch {
            throw LoadError.malformed(tokenizerJSON, reason: "\(error)")
        }
        func fail(_ reason: String) -> LoadError { .malformed(tokenizerJSON, reason: reason) }
        let model = file.model
        guard model.type ?? "WordPiece" == "WordPiece" else {
            throw fail("model.type is \(model.type ?? ""), expected WordPiece")
        }
        guard model.continuing_subword_prefix ?? "##" == "##" else { throw fail("continuing_subword_prefix must be ##") }
        guard file.normalizer?.type == "BertNormalizer", file.normalizer?.lowercase ?? true,
            file.normalizer?.strip_accents ?? true, file.normalizer?.clean_text ?? true,
            file.normalizer?.handle_chinese_chars ?? true
        else { throw fail("only an uncased BertNormalizer is supported") }
        // Note: a Swift dictionary merges canonically equivalent keys (é vs e + U+0301);
        // BERT uncased vocabularies have none, as their tokens are already accent-stripped.
        let unknown = model.unk_token ?? "[UNK]"
        for name in [unknown, "[CLS]", "[SEP]"] where model.vocab[name] == nil {
            throw fail("vocabulary has no \(name) token")
        }
        var specials: [String: Int32] = [:]
        for added in file.added_tokens ?? [] {
            // Only the plain kind BERT uses: matched exactly, no stripping, not normalized.
            guard added.lstrip != true, added.rstrip != true, added.single_word != true, added.normalized != true
            else { throw fail("added token \(added.content) uses unsupported options") }
            specials[added.content] = added.id
        }
        self.init(
            vocabulary: model.vocab, unknown: unknown, specialTokens: specials,
            maxInputCharsPerWord: model.max_input_chars_per_word ?? 100)
    }

    /// Uses `vocabulary` as is; `[PAD] [UNK] [CLS] [SEP] [MASK]` (when present) are never split,
    /// as in BertTokenizer. The vocabulary must contain `unknown`, `[CLS]` and `[SEP]`.
    public init(vocabulary: [String: Int32], unknown: String = "[UNK]") {
        let names = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", unknown]
        let specials = Dictionary(names.compactMap { n in vocabulary[n].map { (n, $0) } }, uniquingKeysWith: { a, _ in a })
        self.init(vocabulary: vocabulary, unknown: unknown, specialTokens: specials, maxInputCharsPerWord: 100)
    }

    private init(vocabulary: [String: Int32], unknown: String, specialTokens: [String: Int32], maxInputCharsPerWord: Int) {
        guard let unk = vocabulary[unknown], let cls = vocabulary["[CLS]"], let sep = vocabulary["[SEP]"] else {
            preconditionFailure("WordPiece vocabulary must contain \(unknown), [CLS] and [SEP]")
        }
        var trie = Trie()
        for (token, id) in vocabulary { trie.insert(token.unicodeScalars, id: id) }
        self.trie = trie
        continuationRoot = trie.node(for: "##".unicodeScalars)
        unknownID = unk
        classifyID = cls
        separatorID = sep
        self.maxInputCharsPerWord = maxInputCharsPerWord
        vocabularySize = Int(vocabulary.values.max() ?? 0) + 1
        // Longest first, so that at one position the longest special token wins (HF's leftmost-longest).
        self.specialTokens = specialTokens.map { (Array($0.key.unicodeScalars), $0.value) }
            .filter { !$0.0.isEmpty }
            .sorted { $0.0.count > $1.0.count }
    }

    /// Token ids of `text`, without [CLS]/[SEP], exactly as HF's BertTokenizer (uncased) gives them.
    public func ids(_ text: String) -> [Int32] {
        let raw = Array(text.unicodeScalars)
        var out: [Int32] = []
        out.reserveCapacity(raw.count / 4)
        var scratch = Scratch()
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
        return out
    }

    // MARK: - Pipeline

    /// Reusable buffers, so the per-character loops do not allocate.
    private struct Scratch {
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
                flushWord(&scratch.word, into: &out)
            } else if HFUnicode.isPunctuation(s) {
                flushWord(&scratch.word, into: &out)
                scratch.word.append(s)
                flushWord(&scratch.word, into: &out)
            } else {
                scratch.word.append(s)
            }
        }
        flushWord(&scratch.word, into: &out)
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

    /// Greedy longest-match-first WordPiece. A trie walk finds the longest vocabulary
    /// prefix in one pass, which is what HF's "shrink the end until it is in the vocab" finds.
    private func flushWord(_ word: inout [Unicode.Scalar], into out: inout [Int32]) {
        defer { word.removeAll(keepingCapacity: true) }
        guard !word.isEmpty else { return }
        guard word.count <= maxInputCharsPerWord else { out.append(unknownID); return }
        let firstPiece = out.count
        var start = 0
        while start < word.count {
            var node: Int32? = start == 0 ? 0 : continuationRoot
            var best: (end: Int, id: Int32)?
            var i = start
            while i < word.count, let current = node, let next = trie.child(current, word[i]) {
                i += 1
                if let id = trie.tokenID[Int(next)] { best = (i, id) }
                node = next
            }
            guard let piece = best else {
                // No full segmentation: the whole word becomes a single [UNK].
                out.removeSubrange(firstPiece...)
                out.append(unknownID)
                return
            }
            out.append(piece.id)
            start = piece.end
        }
    }
}

/// Vocabulary trie over Unicode scalars. Edges live in one dictionary keyed by
/// (node, scalar) packed into a UInt64, so lookups hash an integer, never a String.
private struct Trie: Sendable {
    private var edges: [UInt64: Int32] = [:]
    private(set) var tokenID: [Int32?] = [nil]  // node 0 is the root

    private static func key(_ node: Int32, _ s: Unicode.Scalar) -> UInt64 { UInt64(node) << 21 | UInt64(s.value) }

    func child(_ node: Int32, _ s: Unicode.Scalar) -> Int32? { edges[Self.key(node, s)] }

    func node(for scalars: String.UnicodeScalarView) -> Int32? {
        var node: Int32 = 0
        for s in scalars { guard let next = child(node, s) else { return nil }; node = next }
        return node
    }

    mutating func insert(_ scalars: String.UnicodeScalarView, id: Int32) {
        var node: Int32 = 0
        for s in scalars {
            if let next = child(node, s) { node = next; continue }
            let next = Int32(tokenID.count)
            tokenID.append(nil)
            edges[Self.key(node, s)] = next
            node = next
        }
        tokenID[Int(node)] = id
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

/// The parts of tokenizer.json we read.
private struct TokenizerFile: Decodable {
    struct Model: Decodable {
        var type: String?
        var vocab: [String: Int32]
        var unk_token: String?
        var continuing_subword_prefix: String?
        var max_input_chars_per_word: Int?
    }
    struct Normalizer: Decodable {
        var type: String
        var lowercase: Bool?
        var strip_accents: Bool?
        var clean_text: Bool?
        var handle_chinese_chars: Bool?
    }
    struct AddedToken: Decodable {
        var id: Int32
        var content: String
        var single_word: Bool?
        var lstrip: Bool?
        var rstrip: Bool?
        var normalized: Bool?
    }
    var model: Model
    var normalizer: Normalizer?
    var added_tokens: [AddedToken]?
}
