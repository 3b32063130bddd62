import Foundation
import Knowledge

/// SplitMix64: tiny, fast and fully determined by its seed, so every run of the benchmark
/// indexes and queries exactly the same generated text.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Draws vocabulary ranks with probability ∝ 1 / rankˢ, the shape of word frequencies in
/// natural text: a few words in almost every passage, a long tail seen once or twice.
struct ZipfSampler {
    /// Running sum of the weights; sampling is a binary search for a uniform draw.
    private let cumulative: [Double]

    init(count: Int, exponent: Double) {
        var sum = 0.0
        cumulative = (1...count).map { rank in
            sum += 1 / pow(Double(rank), exponent)
            return sum
        }
    }

    /// A rank in `0..<count`, 0 being the most frequent.
    func sample(using generator: inout SplitMix64) -> Int {
        let target = Double.random(in: 0..<(cumulative.last ?? 1), using: &generator)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// A synthetic corpus whose term statistics look like prose, at any size.
///
/// Words are pronounceable syllable strings, some with English suffixes ("-ing", "-ed",
/// "-ation"), so the Snowball and Porter stemmers have real work to do and sometimes
/// conflate two words, as they would on English text.
struct ZipfCorpus {
    static let vocabularySize = 50_000
    static let exponent = 1.0

    let articles: [Article]
    let queries: [String]

    init(passages passageCount: Int, queries queryCount: Int, seed: UInt64 = 0x4845_4C50_4445_534B) {
        var random = SplitMix64(seed: seed)
        let vocabulary = Self.vocabulary(size: Self.vocabularySize, using: &random)
        let zipf = ZipfSampler(count: vocabulary.count, exponent: Self.exponent)
        var generator = TextGenerator(vocabulary: vocabulary, zipf: zipf, random: random)

        var articles: [Article] = []
        var passagesLeft = passageCount
        while passagesLeft > 0 {
            let count = min(passagesLeft, generator.integer(in: 3...7))
            articles.append(generator.article(number: articles.count + 1, passages: count))
            passagesLeft -= count
        }
        self.articles = articles
        queries = (0..<queryCount).map { _ in generator.words(generator.integer(in: 1...4)) }
    }

    /// `size` distinct words, shortest first: the frequent ranks get the short words, as
    /// in natural language, so common terms are cheap and rare ones long.
    static func vocabulary(size: Int, using random: inout SplitMix64) -> [String] {
        let onsets = [
            "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
            "br", "cl", "dr", "fl", "gr", "pl", "st", "tr", "sh", "ch", "th",
        ]
        let vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io"]
        let codas = ["", "", "", "n", "r", "l", "s", "t", "m", "nd", "st", "rk"]
        let suffixes = ["s", "es", "ing", "ed", "er", "ation", "ment", "ness", "ly", "able"]
        var words = Set<String>()
        while words.count < size {
            var word = ""
            for _ in 0..<Int.random(in: 2...4, using: &random) {
                word += onsets.randomElement(using: &random) ?? ""
                word += vowels.randomElement(using: &random) ?? ""
                word += codas.randomElement(using: &random) ?? ""
            }
            if Int.random(in: 0..<4, using: &random) == 0 {
                word += suffixes.randomElement(using: &random) ?? ""
            }
            words.insert(word)
        }
        return words.sorted { ($0.count, $0) < ($1.count, $1) }
    }
}

/// Strings of Zipf-distributed words shaped into titles, headings, prose and queries.
private struct TextGenerator {
    let vocabulary: [String]
    let zipf: ZipfSampler
    var random: SplitMix64

    mutating func integer(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    mutating func word() -> String { vocabulary[zipf.sample(using: &random)] }

    mutating func words(_ count: Int) -> String {
        (0..<count).map { _ in word() }.joined(separator: " ")
    }

    /// An article of `passages` sections; the first, like a real article's opening text,
    /// has no heading.
    mutating func article(number: Int, passages: Int) -> Article {
        let title = words(integer(in: 3...6)).capitalizedFirst
        let tags = (0..<integer(in: 0...2)).map { _ in word() }
        let sections = (0..<passages).map { section in
            Passage(
                heading: section == 0 ? nil : words(integer(in: 2...5)).capitalizedFirst,
                text: prose(words: integer(in: 20...120)))
        }
        return Article(
            id: "generated/article-\(number)", title: title, category: "generated",
            tags: tags, passages: sections)
    }

    /// Sentences of 8–16 words with capitals and full stops, so tokenizers see punctuation.
    mutating func prose(words count: Int) -> String {
        var text = ""
        var left = count
        while left > 0 {
            let length = min(left, integer(in: 8...16))
            if !text.isEmpty { text += " " }
            text += words(length).capitalizedFirst + "."
            left -= length
        }
        return text
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
