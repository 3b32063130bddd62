/// The synonyms compiled against one index: each rule's idea with its term ids resolved,
/// so reading a query costs one dictionary lookup per word and nothing more when the word
/// has synonyms.
struct CompiledSynonyms: Sendable {
    /// One rule of the file, ready to add to a query.
    struct Entry: Sendable {
        /// The words it applies to, as index terms.
        let key: [String]
        let concept: QueryConcept
        /// What the words are searched as besides themselves, as the file writes them.
        let synonyms: [String]
    }

    /// Entries by the first term of their key, longest key first. A rule whose readings are
    /// in no article is left out: its words are searched as typed.
    private var entries: [String: [Entry]] = [:]
    /// What a query term in no article weighs when the synonyms read it as words that are.
    private(set) var absentTermIDF: [String: Float] = [:]

    var isEmpty: Bool { entries.isEmpty }

    init() {}

    init(_ synonyms: Synonyms, corpus: AnalyzedCorpus, idf: [Float]) {
        for rule in synonyms.allRules {
            guard let first = rule.key.terms.first, let concept = Self.concept(for: rule, corpus: corpus) else { continue }
            let texts = rule.alternatives.filter { $0.terms != rule.key.terms }.map(\.text)
            entries[first, default: []].append(Entry(key: rule.key.terms, concept: concept, synonyms: texts))
            weigh(rule.key.terms, as: concept.complete, corpus: corpus, idf: idf)
        }
        for first in entries.keys { entries[first]?.sort { $0.key.count > $1.key.count } }
    }

    /// The longest entry whose key is `terms[position...]`'s beginning.
    func entry(in terms: [String], at position: Int) -> Entry? {
        entries[terms[position]]?.first { entry in
            position + entry.key.count <= terms.count && terms[position..<(position + entry.key.count)].elementsEqual(entry.key)
        }
    }

    /// The entry of a single word.
    func entry(for term: String) -> Entry? {
        entries[term]?.first { $0.key.count == 1 }
    }

    /// The idea `rule` turns its words into, or nil when none of its readings is in any article.
    private static func concept(for rule: Synonyms.Rule, corpus: AnalyzedCorpus) -> QueryConcept? {
        let own = rule.key.terms
        let searchesOwn = rule.alternatives.contains { $0.terms == own }
        let termIDs = own.map { corpus.termID(of: $0) }
        let ownIDs = termIDs.compactMap { $0 }
        var alternatives: [[UInt32]] = searchesOwn && !ownIDs.isEmpty ? [ownIDs] : []
        var complete: [[UInt32]] = searchesOwn && ownIDs.count == own.count ? [ownIDs] : []
        for phrase in rule.alternatives where phrase.terms != own {
            let ids = phrase.terms.compactMap { corpus.termID(of: $0) }
            guard ids.count == phrase.terms.count, !complete.contains(ids) else { continue }
            complete.append(ids)
            if !alternatives.contains(ids) { alternatives.append(ids) }
        }
        guard !complete.isEmpty else { return nil }
        return QueryConcept(
            terms: own, termIDs: termIDs, searchesOwnTerms: searchesOwn, alternatives: alternatives,
            ownTermsFirst: searchesOwn && !ownIDs.isEmpty, complete: complete)
    }

    /// Gives the terms of `key` that are in no article the IDF of its commonest reading (the
    /// knowledge base's usual word for it), shared equally among the terms of a phrase.
    /// Without it such a term would count as the rarest word there is, and a question saying
    /// "notebook" would look more specific than the same question saying "laptop".
    private mutating func weigh(_ key: [String], as readings: [[UInt32]], corpus: AnalyzedCorpus, idf: [Float]) {
        let absent = key.filter { corpus.termID(of: $0) == nil }
        guard !absent.isEmpty, let usual = readings.map({ $0.reduce(0) { $0 + idf[Int($1)] } }).min() else { return }
        let share = usual / Float(key.count)
        for term in absent { absentTermIDF[term] = min(absentTermIDF[term] ?? share, share) }
    }
}
