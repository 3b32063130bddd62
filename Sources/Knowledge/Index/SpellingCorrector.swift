/// Finds the vocabulary word nearest to a misspelled one, SymSpell-style: every word's
/// deletion variants are precomputed, so a lookup compares against a handful of candidates
/// instead of the whole vocabulary.
///
/// Distance is optimal string alignment (Levenshtein plus adjacent transposition, so
/// "vnp" is one edit from "vpn"), at most 1 for words of up to 4 letters and 2 above —
/// short words have too many neighbours to correct further with any confidence — and 2
/// only when the first letters agree.
struct SpellingCorrector: Sendable {
    private let words: [[Character]]
    private let weights: [Int]
    private let variants: [String: [Int32]]

    /// - Parameter vocabulary: each correctable word with a weight (how common it is),
    ///   which breaks ties between equally near words.
    init(vocabulary: [String: Int]) {
        let sorted = vocabulary.keys.sorted()
        words = sorted.map(Array.init)
        weights = sorted.map { vocabulary[$0] ?? 0 }
        var variants: [String: [Int32]] = [:]
        for (index, word) in words.enumerated() {
            for variant in Self.deletions(of: word, upTo: Self.maxDistance(word.count)) {
                variants[variant, default: []].append(Int32(index))
            }
        }
        self.variants = variants
    }

    static func maxDistance(_ length: Int) -> Int { length <= 4 ? 1 : 2 }

    /// The nearest vocabulary word to `word`, or nil when none is close enough.
    func correction(for word: String) -> String? {
        let typed = Array(word)
        let limit = Self.maxDistance(typed.count)
        var best: (distance: Int, weight: Int, index: Int)?
        var seen = Set<Int32>()
        for variant in Self.deletions(of: typed, upTo: limit) {
            for index in variants[variant] ?? [] where seen.insert(index).inserted {
                let candidate = words[Int(index)]
                guard abs(candidate.count - typed.count) <= limit else { continue }
                let distance = Self.distance(typed, candidate, limit: limit)
                // Two edits only when the first letter agrees (people rarely mistype it), so a
                // real word the knowledge base lacks ("super") is not read as another ("user").
                guard distance <= 1 || (distance <= limit && candidate.first == typed.first) else { continue }
                let key = (distance, weights[Int(index)], Int(index))
                if best.map({ key.0 < $0.distance || (key.0 == $0.distance && key.1 > $0.weight) }) ?? true {
                    best = key
                }
            }
        }
        return best.map { String(words[$0.index]) }
    }

    /// The word itself and every string made by deleting up to `count` of its characters.
    private static func deletions(of word: [Character], upTo count: Int) -> Set<String> {
        var result: Set<String> = [String(word)]
        var frontier: Set<[Character]> = [word]
        for _ in 0..<count {
            var next = Set<[Character]>()
            for item in frontier where item.count > 1 {
                for i in item.indices {
                    var shorter = item
                    shorter.remove(at: i)
                    if next.insert(shorter).inserted { result.insert(String(shorter)) }
                }
            }
            frontier = next
        }
        return result
    }

    /// Optimal string alignment distance; stops early once every path exceeds `limit`.
    static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return rowMinimum }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
