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
        let terms = compiledSynonyms.isEmpty ? [] : tokens.map(\.term)
        var position = 0
        while position < tokens.count {
            if !terms.isEmpty, let entry = compiledSynonyms.entry(in: terms, at: position) {
                let last = position + entry.key.count - 1
                let words = String(query[tokens[position].range.lowerBound..<tokens[last].range.upperBound])
                reading.add(entry.concept, expansion: expansion(of: words, by: entry))
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
            if let entry = compiledSynonyms.entry(for: term) {
                reading.add(entry.concept, expansion: expansion(of: corrected, by: entry))
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

    private func expansion(of words: String, by entry: CompiledSynonyms.Entry) -> SynonymExpansion {
        SynonymExpansion(words: words, synonyms: entry.synonyms, replacesWords: !entry.concept.searchesOwnTerms)
    }
}
