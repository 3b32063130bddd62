import HelpdeskCore

/// Finds the vocabulary word nearest to a misspelled one, SymSpell-style: the deletion
/// variants of every word are precomputed, so a lookup compares the typed word with the
/// few words that share a variant instead of with the whole vocabulary.
///
/// Distance is optimal string alignment (Levenshtein plus adjacent transposition, so
/// "vnp" is one edit from "vpn"), at most 1 for words of up to 4 letters and 2 above —
/// short words have too many neighbours to correct further with any confidence — and 2
/// only when the first letters agree.
struct SpellingCorrector: Sendable {
    private let words: [[Unicode.Scalar]]
    private let weights: [Int]
    /// Hashes of every word's deletion variants, sorted, with the word each came from:
    /// flat arrays rather than a dictionary of arrays, which for a 50,000-word
    /// vocabulary is the difference between a tenth of a second and many seconds.
    private let variantHashes: [UInt64]
    private let variantWords: [Int32]

    /// Longer words are neither corrected nor offered as corrections. Enumerating deletion
    /// variants costs the square of a word's length: one 3,000-character "word" in an
    /// article (a pasted key, a run of base64) made every misspelled query take 15 s.
    /// Real words, even German compounds, stay well below this; an SSH key fingerprint (43)
    /// or a SHA-256 in hex (64) in an article is not worth a warning.
    static let maxWordLength = 64

    /// - Parameter vocabulary: each correctable word with a weight (how common it is),
    ///   which breaks ties between equally near words.
    init(vocabulary: [String: Int]) {
        let sorted = vocabulary.keys.filter { $0.unicodeScalars.count <= Self.maxWordLength }.sorted()
        words = sorted.map { Array($0.unicodeScalars) }
        weights = sorted.map { vocabulary[$0] ?? 0 }
        var variants: [(hash: UInt64, word: Int32)] = []
        for (index, word) in words.enumerated() {
            Self.forEachDeletion(of: word, upTo: Self.maxDistance(word.count)) { variants.append(($0, Int32(index))) }
        }
        variants.sort { $0.hash < $1.hash }
        variantHashes = variants.map(\.hash)
        variantWords = variants.map(\.word)
    }

    static func maxDistance(_ length: Int) -> Int { length <= 4 ? 1 : 2 }

    /// The nearest vocabulary word to `word`, or nil when none is close enough.
    func correction(for word: String) -> String? {
        let typed = Array(word.unicodeScalars)
        guard typed.count <= Self.maxWordLength else { return nil }
        let limit = Self.maxDistance(typed.count)
        var best: (distance: Int, weight: Int, index: Int)?
        var seen = Set<Int32>()
        Self.forEachDeletion(of: typed, upTo: limit) { hash in
            var position = lowerBound(hash)
            while position < variantHashes.count, variantHashes[position] == hash {
                defer { position += 1 }
                let index = variantWords[position]
                guard seen.insert(index).inserted else { continue }
                let candidate = words[Int(index)]
                guard abs(candidate.count - typed.count) <= limit else { continue }
                let distance = EditDistance.optimalStringAlignment(typed, candidate, limit: limit)
                // Two edits only when the first letter agrees (people rarely mistype it), so a
                // real word the knowledge base lacks ("super") is not read as another ("user").
                guard distance <= 1 || (distance <= limit && candidate.first == typed.first) else { continue }
                let key = (distance, weights[Int(index)], Int(index))
                if best.map({ key.0 < $0.distance || (key.0 == $0.distance && key.1 > $0.weight) }) ?? true {
                    best = key
                }
            }
        }
        return best.map { String(String.UnicodeScalarView(words[$0.index])) }
    }

    private func lowerBound(_ hash: UInt64) -> Int {
        var low = 0
        var high = variantHashes.count
        while low < high {
            let middle = (low + high) / 2
            if variantHashes[middle] < hash { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Calls `body` with the hash of the word itself and of every string made by deleting
    /// up to `count` (at most 2) of its characters.
    private static func forEachDeletion(of word: [Unicode.Scalar], upTo count: Int, _ body: (UInt64) -> Void) {
        let none = word.count
        body(hash(word, skipping: none, none))
        guard count >= 1, word.count > 1 else { return }
        for i in word.indices {
            body(hash(word, skipping: i, none))
            guard count >= 2, word.count > 2 else { continue }
            for j in (i + 1)..<word.count { body(hash(word, skipping: i, j)) }
        }
    }

    /// FNV-1a over the scalars of `word` except those at positions `first` and `second`.
    private static func hash(_ word: [Unicode.Scalar], skipping first: Int, _ second: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (position, scalar) in word.enumerated() where position != first && position != second {
            hash = (hash ^ UInt64(scalar.value)) &* 0x100_0000_01b3
        }
        return hash
    }
}
