/// What a search found, best article first.
public struct SearchResults: Sendable {
    public let query: String
    /// The index terms the query was reduced to, after spelling correction: one for each
    /// word, whether it was found as itself or through a synonym.
    public let terms: [String]
    /// Query words that were not in the knowledge base and what they were read as.
    public let corrections: [SpellingCorrection]
    /// Query words that are in no article, have no synonym that is, and are near no word that
    /// is (not stop words): often the name of something the knowledge base does not cover.
    public let unknownWords: [String]
    /// Query words that `synonyms.txt` read as other words, in query order.
    public let expansions: [SynonymExpansion]
    public let hits: [SearchHit]
    /// Every index term the search looked for: `terms` and those of their synonyms, less the
    /// words a `=>` replaced. What a snippet should mark.
    public let searchedTerms: [String]
}

/// Query words read as other words by the knowledge base's synonyms: "notebook" also
/// searched as "laptop" and "computer", or "app store" searched as "software catalog".
public struct SynonymExpansion: Sendable, Equatable {
    /// The words as the query has them.
    public let words: String
    /// What they were searched as too, as the synonyms file writes them.
    public let synonyms: [String]
    /// Whether `words` themselves were left out of the search (a `=>` line), not searched
    /// alongside `synonyms`.
    public let replacesWords: Bool
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
    /// The query terms (of `SearchResults.terms`) that occur in the passage, themselves or
    /// as one of their synonyms.
    public let matchedTerms: [String]
    /// The passage's number in the whole index, whose passages are in article order.
    let indexPassage: Int

    public var passage: Passage { article.passages[passageIndex] }
    /// The section to cite: its heading, or "Overview" for the article's opening text.
    public var section: String { passage.heading ?? "Overview" }
}
