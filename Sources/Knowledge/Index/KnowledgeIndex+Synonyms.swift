extension KnowledgeIndex {
    /// Reads `query`: its words' terms, phrases of the synonyms file (the longest one starting
    /// at each word), then spelling correction for the words still in no article.
    ///
    /// A word that is in no article but has a synonym that is, is searched through the
    /// synonym: it is neither unknown nor corrected into some other word.
    func read(_ query: String) -> QueryReading {
        var tokens: [(word: String, term: String, range: Range<String.Index>)] = []
        analyzer.withLock { analyzer in
            // The analyzer memoises every word it sees; a long-running service would
            // otherwise grow it without bound.
            if analyzer.stems.count > 100_000 { analyzer = Analyzer() }
            for (range, word) in analyzer.foldedWordsWithRanges(in: query) {
                if let term = analyzer.term(forFolded: word) { tokens.append((word, term, range)) }
            }
        }
        var reading = QueryReading()
        var unknown: [String] = []
        let terms = synonyms.isEmpty ? [] : tokens.map(\.term)
        var position = 0
        while position < tokens.count {
            if !terms.isEmpty, let rule = synonyms.rule(in: terms, at: position), let concept = concept(for: rule) {
                let last = position + rule.key.terms.count - 1
                let words = String(query[tokens[position].range.lowerBound..<tokens[last].range.upperBound])
                reading.add(concept, expansion: expansion(of: words, by: rule, concept))
                position = last + 1
                continue
            }
            let token = tokens[position]
            if let id = corpus.termID(of: token.term) {
                reading.add(token.term, id: id)
            } else {
                unknown.append(token.word)
            }
            position += 1
        }
        for word in unknown {
            guard word.count >= 3, !word.contains(where: \.isNumber), let corrected = correction(for: word),
                let id = corpus.termID(ofWord: corrected), id != AnalyzedCorpus.stopWord
            else {
                reading.unknownWords.append(word)
                continue
            }
            reading.corrections.append(SpellingCorrection(typed: word, corrected: corrected))
            let term = corpus.terms[Int(id)]
            if let rule = synonyms.rule(for: [term]), let concept = concept(for: rule) {
                reading.add(concept, expansion: expansion(of: corrected, by: rule, concept))
            } else {
                reading.add(term, id: id)
            }
        }
        return reading
    }

    /// The query terms that `passage` holds, in query order: each itself (when searched), or
    /// all of an idea's terms when the passage has every term of one of its alternatives.
    func matchedTerms(of reading: QueryReading, in passage: Int) -> [String] {
        var matched: [String] = []
        for (term, id) in reading.words where contains(term: id, passage: passage) { matched.append(term) }
        guard !reading.concepts.isEmpty else { return matched }
        for concept in reading.concepts {
            let whole = concept.complete.contains { ids in ids.allSatisfy { contains(term: $0, passage: passage) } }
            for (term, id) in zip(concept.terms, concept.termIDs) where !matched.contains(term) {
                if whole || (concept.searchesOwnTerms && id.map { contains(term: $0, passage: passage) } ?? false) {
                    matched.append(term)
                }
            }
        }
        return reading.terms.filter(matched.contains)
    }

    /// The idea `rule` turns its words into, or nil when none of its alternatives is in any
    /// article (the words are then searched as typed).
    private func concept(for rule: Synonyms.Rule) -> QueryConcept? {
        let own = rule.key.terms
        let searchesOwn = rule.alternatives.contains { $0.terms == own }
        let termIDs = own.map { corpus.termID(of: $0) }
        let ownIDs = termIDs.compactMap { $0 }
        var alternatives: [[UInt32]] = searchesOwn && !ownIDs.isEmpty ? [ownIDs] : []
        let ownComplete = searchesOwn && ownIDs.count == own.count
        var complete: [[UInt32]] = ownComplete ? [ownIDs] : []
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

    private func expansion(of words: String, by rule: Synonyms.Rule, _ concept: QueryConcept) -> SynonymExpansion {
        SynonymExpansion(
            words: words, synonyms: rule.alternatives.filter { $0.terms != rule.key.terms }.map(\.text),
            replacesWords: !concept.searchesOwnTerms)
    }

    /// What a query term in no article weighs when the synonyms read it as words that are:
    /// the IDF of its commonest complete reading (the knowledge base's usual word for it),
    /// shared equally among the terms of a phrase. Without it such a term would count as the
    /// rarest word there is, and a question saying "notebook" would look more specific than
    /// the same question saying "laptop".
    static func synonymIDF(_ synonyms: Synonyms, corpus: AnalyzedCorpus, idf: [Float]) -> [String: Float] {
        var weights: [String: Float] = [:]
        for rule in synonyms.allRules {
            let absent = rule.key.terms.filter { corpus.termID(of: $0) == nil }
            guard !absent.isEmpty else { continue }
            let readings = rule.alternatives.compactMap { phrase -> Float? in
                let ids = phrase.terms.compactMap { corpus.termID(of: $0) }
                return ids.count == phrase.terms.count ? ids.reduce(0) { $0 + idf[Int($1)] } : nil
            }
            guard let usual = readings.min() else { continue }
            let share = usual / Float(rule.key.terms.count)
            for term in absent { weights[term] = min(weights[term] ?? share, share) }
        }
        return weights
    }
}
