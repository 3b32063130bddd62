/// An idea of a query that synonyms apply to — a word or a phrase of the synonyms file —
/// and the ways a passage can hold it.
struct QueryConcept: Sendable {
    /// The query's own index terms for it: one for a word, several for a phrase, or one per
    /// word when the query names the same thing twice ("notebook laptop").
    var terms: [String]
    /// The id of each of `terms`, nil for a term in no article.
    var termIDs: [UInt32?]
    /// Whether the own terms are searched; false when a `=>` line replaced them.
    var searchesOwnTerms: Bool
    /// Each way it can occur, as term ids: the own terms that are indexed (when searched)
    /// first, then the synonyms all of whose terms are. A passage scores the best one, never
    /// their sum, so a passage saying both "laptop" and "notebook" does not count the idea twice.
    var alternatives: [[UInt32]]
    /// Whether `alternatives[0]` is the query's own words, which count in part as they do
    /// without synonyms; a synonym phrase counts only where all its words are, or "two
    /// factor" for "mfa" would score every passage that says "two".
    var ownTermsFirst: Bool
    /// The alternatives every term of which is indexed: a passage holding all the terms of
    /// one of them holds the idea.
    var complete: [[UInt32]]
}

/// A query read for searching: its words, its ideas with synonyms, and what the reading did.
///
/// Words without synonyms stay a flat list of ids, scored and matched exactly as they were
/// before synonyms existed: the loops that run per posting and per hit then read plain
/// arrays, and a query without synonyms costs what it did.
struct QueryReading {
    /// The query's own terms, as in `SearchResults.terms`.
    var terms: [String] = []
    /// Words searched as themselves only, in query order.
    var words: [(term: String, id: UInt32)] = []
    /// Ideas searched as the best of their alternatives.
    var concepts: [QueryConcept] = []
    var corrections: [SpellingCorrection] = []
    var unknownWords: [String] = []
    var expansions: [SynonymExpansion] = []

    /// Every term id the search reads a posting list of.
    var searchedTerms: [UInt32] {
        var ids = words.map(\.id)
        for id in concepts.lazy.flatMap({ $0.alternatives.joined() }) where !ids.contains(id) { ids.append(id) }
        return ids
    }

    /// Adds a word searched as itself, unless the query has it already. An idea found only as
    /// this word ("notebook" read as "laptop", then "laptop") takes it in instead: it is one
    /// idea, typed twice, and must not score a "laptop" passage twice.
    mutating func add(_ term: String, id: UInt32) {
        guard !terms.contains(term) else { return }
        terms.append(term)
        if let same = concepts.firstIndex(where: { $0.alternatives == [[id]] }) {
            concepts[same].terms.append(term)
            concepts[same].termIDs.append(id)
            concepts[same].searchesOwnTerms = true
        } else {
            words.append((term, id))
        }
    }

    /// Adds an idea with synonyms, or merges it into an earlier one that is found the same
    /// ways, or takes in the word it is found as (see `add(_:id:)`).
    mutating func add(_ concept: QueryConcept, expansion: SynonymExpansion) {
        if !expansions.contains(expansion) { expansions.append(expansion) }
        for term in concept.terms where !terms.contains(term) { terms.append(term) }
        var concept = concept
        if concept.alternatives.count == 1, concept.alternatives[0].count == 1,
            let word = words.firstIndex(where: { $0.id == concept.alternatives[0][0] })
        {
            if !concept.terms.contains(words[word].term) {
                concept.terms.append(words[word].term)
                concept.termIDs.append(words[word].id)
            }
            concept.searchesOwnTerms = true
            words.remove(at: word)
        }
        // Small arrays: comparing them in place is cheaper than building sets.
        if let same = concepts.firstIndex(where: {
            $0.alternatives.count == concept.alternatives.count && $0.alternatives.allSatisfy(concept.alternatives.contains)
        }) {
            for (term, id) in zip(concept.terms, concept.termIDs) where !concepts[same].terms.contains(term) {
                concepts[same].terms.append(term)
                concepts[same].termIDs.append(id)
            }
            concepts[same].searchesOwnTerms = concepts[same].searchesOwnTerms || concept.searchesOwnTerms
            concepts[same].complete += concept.complete.filter { !concepts[same].complete.contains($0) }
        } else {
            concepts.append(concept)
        }
    }
}
