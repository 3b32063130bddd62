import Foundation

/// BM25F ranking parameters and formulas.
///
/// Each passage has three fields: the article's title and tags, the section heading, and
/// the section body. A term's frequency in each field is length-normalised against that
/// field's average length, weighted, summed, and then saturated once:
///
///     tf~   = Σ_f  w_f · tf_f / (1 − b + b · len_f / avglen_f)
///     score = Σ_t  idf(t) · tf~ · (k1 + 1) / (k1 + tf~)
///     idf   = ln(1 + (N − n + 0.5) / (n + 0.5))        (Lucene's, never negative)
///
/// Why these choices:
/// - Per-field normalisation (BM25F) rather than one bag of words: a title is a few words
///   and a body a few hundred, so one shared length would make a title hit worth almost
///   nothing in a long section.
/// - Saturating after the sum means a term in both title and body counts more than in
///   one, but never more than `k1 + 1` times its idf — repeating "password" ten times in a
///   section cannot outrank a section that is actually about the question.
/// - `k1 = 1.2`, `b = 0.75`: the values Lucene and most of the literature use; sections are
///   short and of similar length, so nothing here argues for moving them.
/// - Lucene's IDF, because classic Robertson–Spärck Jones IDF turns negative for a term in
///   more than half the passages ("account" in an IT knowledge base), which would make
///   matching a query word lower a passage's score.
/// - Title 3, heading 2, body 1: an article's title and tags say what it is about; a
///   heading says what one section is about. Checked on the employee-query suite in the
///   tests: any title weight from 2.5 to 3 with heading 1.5 to 3, k1 0.9 to 1.6 and b 0.5
///   to 0.75 ranks the same queries first, so the ranking does not hang on exact values.
public struct BM25: Sendable, Equatable {
    public var k1: Double
    public var b: Double
    public var titleWeight: Double
    public var headingWeight: Double
    public var bodyWeight: Double

    public init(k1: Double = 1.2, b: Double = 0.75, titleWeight: Double = 3, headingWeight: Double = 2, bodyWeight: Double = 1) {
        self.k1 = k1
        self.b = b
        self.titleWeight = titleWeight
        self.headingWeight = headingWeight
        self.bodyWeight = bodyWeight
    }

    /// Lucene's IDF of a term found in `documentFrequency` of `documentCount` passages.
    public func idf(documentFrequency n: Int, documentCount: Int) -> Double {
        log(1 + (Double(documentCount - n) + 0.5) / (Double(n) + 0.5))
    }

    /// One field's contribution to tf~: its weighted, length-normalised term frequency.
    func fieldFrequency(_ tf: Int, length: Int, averageLength: Double, weight: Double) -> Double {
        guard tf > 0 else { return 0 }
        let norm = averageLength > 0 ? 1 - b + b * Double(length) / averageLength : 1
        return weight * Double(tf) / norm
    }

    /// The saturated term weight of a passage, before multiplying by idf.
    func saturate(_ frequency: Double) -> Double {
        frequency * (k1 + 1) / (k1 + frequency)
    }
}
