/// What a search found, best article first.
public struct SearchResults: Sendable {
    public let query: String
    /// The index terms the query was reduced to, after spelling correction.
    public let terms: [String]
    /// Query words that were not in the knowledge base and what they were read as.
    public let corrections: [SpellingCorrection]
    /// Query words that are in no article and near no word that is (not stop words):
    /// often the name of something the knowledge base does not cover.
    public let unknownWords: [String]
    public let hits: [SearchHit]
}

/// A query word read as a nearby vocabulary word ("pasword" → "password").
public struct SpellingCorrection: Sendable, Equatable {
    public let typed: String
    public let corrected: String
}

/// One article that matched, with the passage that gave it its score.
public struct SearchHit: Sendable {
    public let article: Article
    /// Index of the best passage in `article.passages`.
    public let passageIndex: Int
    /// The best passage's BM25F score, which is the article's score.
    public let score: Double
    /// The query terms that occur in the passage.
    public let matchedTerms: [String]

    public var passage: Passage { article.passages[passageIndex] }
    /// The section to cite: its heading, or "Overview" for the article's opening text.
    public var section: String { passage.heading ?? "Overview" }
}
