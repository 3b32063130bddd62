import Foundation
import HelpdeskCore
import Knowledge
import Synchronization

/// The meaning of every passage of a knowledge base, as `SentenceEncoder` vectors, so that
/// a question can be compared with each by meaning rather than by shared words.
///
/// Encoding a passage takes milliseconds, so the vectors are kept on disk between runs,
/// keyed by the text encoded: an edited article is encoded again, the rest are read back.
public final class SemanticIndex: Sendable {
    let encoder: SentenceEncoder
    /// One row of `SentenceEncoder.dimensions` per passage, in `KnowledgeIndex.articles`
    /// order.
    let vectors: [Float]
    /// Article id → the range of its rows.
    let rows: [String: Range<Int>]
    /// The last question compared, its vector and its similarity to every passage: the
    /// engine judges several passages and tools for one question.
    private let last = Mutex<(query: String, vector: [Float], similarities: [Float])?>(nil)

    /// Where `sentences(_:)` keeps the vectors of sentences that are not passages.
    private let sentenceCacheFile: String?

    /// How many passages were read back from the cache rather than encoded.
    public let cachedCount: Int
    public var passageCount: Int { vectors.count / SentenceEncoder.dimensions }

    /// - Parameters:
    ///   - cacheFile: where to keep the vectors between runs; nil to encode every passage
    ///     each time.
    ///   - progress: told (encoded, to encode) after each passage that was not cached.
    public init(
        index: KnowledgeIndex, encoder: SentenceEncoder, cacheFile: String? = nil,
        progress: ((Int, Int) -> Void)? = nil
    ) {
        self.encoder = encoder
        var texts: [String] = []
        var rows: [String: Range<Int>] = [:]
        for article in index.articles {
            let first = texts.count
            texts += article.passages.map { Self.text(of: $0, in: article) }
            rows[article.id] = first..<texts.count
        }
        var cache = VectorCache(path: cacheFile, model: encoder.fingerprint)
        let cached = texts.map { cache.vector(for: $0) }
        let known = cached.count { $0 != nil }
        var vectors: [Float] = []
        vectors.reserveCapacity(texts.count * SentenceEncoder.dimensions)
        var encoded = 0
        for (text, cached) in zip(texts, cached) {
            if let cached {
                vectors += cached
            } else {
                let vector = encoder.embed(text)
                cache.store(vector, for: text)
                vectors += vector
                encoded += 1
                progress?(encoded, texts.count - known)
            }
        }
        if known < texts.count { cache.save(keeping: texts) }
        self.vectors = vectors
        self.rows = rows
        self.cachedCount = known
        self.sentenceCacheFile = cacheFile.map { ($0.hasSuffix(".bin") ? String($0.dropLast(4)) : $0) + "-sentences.bin" }
    }

    /// `cacheDirectory/vectors-<hash of the folder's absolute path>.bin`: one file per
    /// knowledge base, as for its index.
    public static func cacheFile(forKnowledge directory: String, in cacheDirectory: String) -> String {
        let absolute = URL(fileURLWithPath: directory).standardizedFileURL.path
        return cacheDirectory + "/vectors-" + String(stableHash(absolute.utf8), radix: 16) + ".bin"
    }

    /// What is encoded of a passage: where it sits (title, heading) says much of what it is about.
    static func text(of passage: Passage, in article: Article) -> String {
        ([article.title] + [passage.heading].compactMap { $0 } + [passage.text]).joined(separator: ". ")
    }

    /// Cosine similarity of `query` with every passage, in `vectors` order.
    func similarities(to query: String) -> [Float] { encoded(query).similarities }

    private func encoded(_ query: String) -> (vector: [Float], similarities: [Float]) {
        if let last = last.withLock({ $0 }), last.query == query { return (last.vector, last.similarities) }
        let q = encoder.embed(query)
        let d = SentenceEncoder.dimensions
        let similarities = vectors.withUnsafeBufferPointer { v in
            (0..<passageCount).map { row in
                var dot: Float = 0
                for i in 0..<d { dot += v[row * d + i] * q[i] }
                return dot
            }
        }
        last.withLock { $0 = (query, q, similarities) }
        return (q, similarities)
    }

    /// The meanings of sentences other than passages (a tool's title and examples), to
    /// compare questions with.
    public struct Sentences: Sendable {
        let vectors: [[Float]]
        /// How many were read back from the cache rather than encoded.
        public let cachedCount: Int
    }

    /// The meanings of each group of `groups` (each tool's sentences), encoded once and kept
    /// on disk beside the passages' vectors: a process that starts for one question does
    /// not encode every tool's examples again.
    public func sentences(_ groups: [[String]]) -> [Sentences] {
        var cache = VectorCache(path: sentenceCacheFile, model: encoder.fingerprint)
        var encoded = false
        let meanings = groups.map { texts in
            let stored = texts.map { cache.vector(for: $0) }
            return Sentences(
                vectors: zip(texts, stored).map { text, stored in
                    if let stored { return stored }
                    let vector = encoder.embed(text)
                    cache.store(vector, for: text)
                    encoded = true
                    return vector
                }, cachedCount: stored.count { $0 != nil })
        }
        // Another tools.json over the same knowledge base (a user's own beside the host's)
        // shares the file: its sentences are kept, so the two do not encode each other's
        // away, within a bound that stale examples cannot grow past.
        if encoded { cache.save(keeping: groups.flatMap { $0 }, spare: 2048) }
        return meanings
    }

    /// The cosine similarity of `query` with the closest of `sentences`.
    public func closeness(of query: String, to sentences: Sentences) -> Double {
        let q = encoded(query).vector
        let closest = sentences.vectors.map { vector in zip(vector, q).reduce(Float(0)) { $0 + $1.0 * $1.1 } }.max()
        return Double(closest ?? -1)
    }

    /// Passages of one article (`KnowledgeIndex.passages(ofArticle:for:)`, best by shared
    /// words first) ranked by words and meaning together: each passage's BM25F score as a
    /// share of the best, plus `sectionMeaningWeight` times how far it falls behind the
    /// closest in meaning.
    public func ranked(_ passages: [SearchHit], for query: String) -> [SearchHit] {
        guard let top = passages.first?.score, top > 0, passages.count > 1 else { return passages }
        let similarities = similarities(to: query)
        let closeness = passages.map { hit in
            rows[hit.article.id].map { Double(similarities[$0.lowerBound + hit.passageIndex]) } ?? -1
        }
        let closest = closeness.max() ?? 0
        let fused = zip(passages, closeness).map { $0.score / top + Self.sectionMeaningWeight * ($1 - closest) }
        return fused.indices.sorted { fused[$0] > fused[$1] }.map { passages[$0] }
    }

    /// Chosen leave-one-company-out on the sections a person labelled as the one to show
    /// first (`section-choice.jsonl`, which `SectionLabelTests` scores at this weight):
    /// swept over 0 (words alone), 0.5, 1, 2, 3, 4, 8 and meaning alone, 8 ranks best on
    /// any two companies (tied with 2 once).
    static let sectionMeaningWeight = 8.0

    /// How close in meaning `query` is to `passage` of article `article`, to the closest
    /// passage of that article, and to the closest passage of any other article.
    public struct Closeness: Sendable, Equatable {
        public let passage: Double
        public let article: Double
        public let otherArticles: Double
    }

    public func closeness(of query: String, toPassage passage: Int, of article: String) -> Closeness? {
        guard let range = rows[article], range.contains(range.lowerBound + passage) else { return nil }
        let similarities = similarities(to: query)
        let inArticle = similarities[range].max() ?? -1
        let elsewhere = similarities.indices.lazy.filter { !range.contains($0) }.map { similarities[$0] }.max() ?? -1
        return Closeness(
            passage: Double(similarities[range.lowerBound + passage]), article: Double(inArticle),
            otherArticles: Double(elsewhere))
    }
}
