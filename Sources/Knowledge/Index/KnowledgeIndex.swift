import Synchronization

/// A BM25F inverted index over the passages of a knowledge base.
///
/// Built once, then read-only and safe to search from any thread. Each posting stores its
/// passage's saturated term weight precomputed, so a query is a sum of `idf × weight`
/// over the query terms' posting lists; an article scores as its best passage.
public final class KnowledgeIndex: Sendable {
    public let articles: [Article]
    public let parameters: BM25
    /// What query words are also searched as (`synonyms.txt`); applied at query time only.
    public let synonyms: Synonyms
    let corpus: AnalyzedCorpus

    private let idf: [Float]
    /// `synonyms` with their term ids resolved against this index.
    let compiledSynonyms: CompiledSynonyms
    /// Term id → first posting; one extra element closes the last term.
    private let postingStart: [Int]
    private let postingPassage: [UInt32]
    private let postingWeight: [Float]
    /// One analyzer for queries and snippets; analysis is microseconds, so a lock is fine.
    let analyzer = Mutex(Analyzer())
    /// Scratch memory of finished queries, for the next ones; one per concurrent query.
    private let scratchPool = Mutex<[Scratch]>([])
    /// Built on the first misspelled word: most queries never need it.
    private let corrector = Mutex<SpellingCorrector?>(nil)

    /// Indexes `articles` in the given order (ties rank the earlier article first).
    /// - Parameter synonyms: what query words are also searched as; none by default.
    public convenience init(articles: [Article], parameters: BM25 = BM25(), synonyms: Synonyms = Synonyms()) {
        let corpus = AnalyzedCorpus.build(count: articles.count) { item, corpus, analyzer in
            corpus.append(articles[item], analyzer: analyzer)
        }
        self.init(corpus: corpus, parameters: parameters, synonyms: synonyms)
    }

    init(corpus: AnalyzedCorpus, parameters: BM25, synonyms: Synonyms = Synonyms()) {
        self.corpus = corpus
        self.articles = corpus.articles
        self.parameters = parameters
        self.synonyms = synonyms

        let passageCount = corpus.passageCount
        let f = AnalyzedCorpus.fieldCount
        var averageLength = [Double](repeating: 0, count: f)
        for (i, length) in corpus.fieldLengths.enumerated() { averageLength[i % f] += Double(length) }
        averageLength = averageLength.map { passageCount > 0 ? $0 / Double(passageCount) : 0 }
        let weights = [parameters.titleWeight, parameters.headingWeight, parameters.bodyWeight]

        var frequency = [Int](repeating: 0, count: corpus.terms.count)
        for term in corpus.entryTerm { frequency[Int(term)] += 1 }
        idf = frequency.map { Float(parameters.idf(documentFrequency: $0, documentCount: passageCount)) }
        var start = [Int](repeating: 0, count: corpus.terms.count + 1)
        for term in 0..<corpus.terms.count { start[term + 1] = start[term] + frequency[term] }
        postingStart = start

        // Passages are visited in order, so every posting list comes out sorted by passage.
        var next = Array(start.dropLast())
        var passages = [UInt32](repeating: 0, count: corpus.entryTerm.count)
        var postingWeights = [Float](repeating: 0, count: corpus.entryTerm.count)
        for passage in 0..<passageCount {
            for entry in corpus.entryStart[passage]..<corpus.entryStart[passage + 1] {
                var tf = 0.0
                for field in 0..<f {
                    tf += parameters.fieldFrequency(
                        Int(corpus.entryFrequency[entry * f + field]),
                        length: Int(corpus.fieldLengths[passage * f + field]),
                        averageLength: averageLength[field], weight: weights[field])
                }
                let term = Int(corpus.entryTerm[entry])
                passages[next[term]] = UInt32(passage)
                postingWeights[next[term]] = Float(parameters.saturate(tf))
                next[term] += 1
            }
        }
        postingPassage = passages
        postingWeight = postingWeights
        compiledSynonyms = synonyms.isEmpty ? CompiledSynonyms() : CompiledSynonyms(synonyms, corpus: corpus, idf: idf)
    }

    /// Number of passages (sections) indexed.
    public var passageCount: Int { corpus.passageCount }

    /// The best `limit` articles for `query`, each with its best passage; or, with
    /// `onePerArticle` false, the best `limit` passages, several of an article if need be.
    ///
    /// Each query word is searched as itself and as its synonyms, and a passage scores the
    /// best of these for it, never their sum; see `SearchResults.expansions`.
    public func search(_ query: String, limit: Int = 10, onePerArticle: Bool = true) -> SearchResults {
        let reading = read(query)
        let hits = rank(reading, limit: limit, onePerArticle: onePerArticle).map { hit($0, for: reading) }
        return SearchResults(
            query: query, terms: reading.terms, corrections: reading.corrections, unknownWords: reading.unknownWords,
            expansions: reading.expansions, hits: hits, searchedTerms: reading.searchedTerms.map { corpus.terms[Int($0)] })
    }

    /// The passages of article `id` that share a word with `query`, best first, each as a
    /// hit of its own: what to show next from an article already chosen.
    ///
    /// - Parameter everyPassage: also those that share no word, after them with score 0, in
    ///   article order: for a ranking by meaning, which may prefer one of them.
    public func passages(ofArticle id: String, for query: String, everyPassage: Bool = false) -> [SearchHit] {
        guard let article = articles.firstIndex(where: { $0.id == id }) else { return [] }
        let reading = read(query)
        let ranked = rank(reading, limit: articles[article].passages.count, onePerArticle: false, article: article)
        guard everyPassage, let first = corpus.passageArticle.firstIndex(of: UInt32(article)) else {
            return ranked.map { hit($0, for: reading) }
        }
        let unmatched = (first..<(first + articles[article].passages.count)).filter { passage in
            !ranked.contains { $0.1 == passage }
        }
        return (ranked + unmatched.map { (article, $0, 0) }).map { hit($0, for: reading) }
    }

    private func hit(_ ranked: (article: Int, passage: Int, score: Float), for reading: QueryReading) -> SearchHit {
        SearchHit(
            article: articles[ranked.article], passageIndex: Int(corpus.passageSection[ranked.passage]),
            score: Double(ranked.score), matchedTerms: matchedTerms(of: reading, in: ranked.passage),
            indexPassage: ranked.passage)
    }

    /// The query terms that occur anywhere in the hit's article, in any passage.
    public func termsInArticle(of hit: SearchHit, among terms: [String]) -> Set<String> {
        // An article's passages are consecutive in the index.
        let first = hit.indexPassage - hit.passageIndex
        let passages = first..<(first + hit.article.passages.count)
        return Set(
            terms.filter { term in
                guard let id = corpus.termID(of: term) else { return false }
                return passages.contains { contains(term: id, passage: $0) }
            })
    }

    /// The terms of the hit's article title and of its passage's heading.
    public func headingTerms(of hit: SearchHit) -> Set<String> {
        analyzer.withLock { Set($0.terms(in: hit.article.title + " " + (hit.passage.heading ?? ""))) }
    }

    /// The inverse document frequency of `term`, or nil when no passage has it and the
    /// synonyms read it as no word that a passage has. A query word found only through its
    /// synonyms ("notebook" as "laptop") weighs as the knowledge base's usual word for it.
    public func idf(of term: String) -> Double? {
        corpus.termID(of: term).map { Double(idf[Int($0)]) } ?? compiledSynonyms.absentTermIDF[term].map(Double.init)
    }

    /// The largest IDF any term can have: that of a term in a single passage.
    public var maximumIDF: Double { parameters.idf(documentFrequency: 1, documentCount: passageCount) }

    /// Whether `passage` is in the posting list of `term` (binary search: lists are sorted).
    func contains(term: UInt32, passage: Int) -> Bool {
        var low = postingStart[Int(term)]
        var high = postingStart[Int(term) + 1]
        while low < high {
            let middle = (low + high) / 2
            if Int(postingPassage[middle]) < passage { low = middle + 1 } else { high = middle }
        }
        return low < postingStart[Int(term) + 1] && Int(postingPassage[low]) == passage
    }

    /// The highest-scoring `limit` articles as (article, best passage, score); or passages,
    /// with `onePerArticle` false, of one `article` only when it is given.
    private func rank(_ reading: QueryReading, limit: Int, onePerArticle: Bool, article only: Int? = nil)
        -> [(Int, Int, Float)]
    {
        guard limit > 0, !reading.words.isEmpty || !reading.concepts.isEmpty else { return [] }
        var scratch = scratchPool.withLock { $0.popLast() } ?? Scratch(passages: passageCount, articles: articles.count)
        defer {
            scratch.reset()
            scratchPool.withLock { $0.append(scratch) }
        }
        for (_, term) in reading.words { add(term, to: &scratch.scores, touched: &scratch.touchedPassages) }
        for concept in reading.concepts { addBest(of: concept, to: &scratch) }
        if !onePerArticle {
            return top(
                limit,
                of: scratch.touchedPassages.compactMap { passage in
                    let article = Int(corpus.passageArticle[Int(passage)])
                    return only == nil || only == article ? (article, Int(passage), scratch.scores[Int(passage)]) : nil
                })
        }
        // Each article's best passage (the first, on a tie).
        for passage in scratch.touchedPassages {
            let article = Int(corpus.passageArticle[Int(passage)])
            let score = scratch.scores[Int(passage)]
            if scratch.articleScores[article] == 0 {
                scratch.touchedArticles.append(UInt32(article))
            } else if score < scratch.articleScores[article]
                || (score == scratch.articleScores[article] && passage > scratch.articlePassages[article])
            {
                continue
            }
            scratch.articleScores[article] = score
            scratch.articlePassages[article] = passage
        }
        return top(
            limit,
            of: scratch.touchedArticles.map { article in
                (Int(article), Int(scratch.articlePassages[Int(article)]), scratch.articleScores[Int(article)])
            })
    }

    /// Adds `idf × weight` of `term` to the score of each passage that has it.
    @inline(__always)
    private func add(_ term: UInt32, to scores: inout [Float], touched: inout [UInt32]) {
        let weight = idf[Int(term)]
        for posting in postingStart[Int(term)]..<postingStart[Int(term) + 1] {
            let passage = Int(postingPassage[posting])
            // Every weight is positive, so zero means "not reached yet".
            if scores[passage] == 0 { touched.append(UInt32(passage)) }
            scores[passage] += weight * postingWeight[posting]
        }
    }

    /// Adds to each passage's score the best of the concept's alternatives there (a phrase
    /// scores the sum of its terms), so one idea counts once however many of its synonyms a
    /// passage has.
    private func addBest(of concept: QueryConcept, to scratch: inout Scratch) {
        if scratch.best.isEmpty {
            scratch.best = Array(repeating: 0, count: passageCount)
            scratch.phrase = Array(repeating: 0, count: passageCount)
            scratch.phraseTerms = Array(repeating: 0, count: passageCount)
        }
        for (number, alternative) in concept.alternatives.enumerated() {
            let whole = alternative.count > 1 && !(number == 0 && concept.ownTermsFirst)
            for term in alternative {
                add(term, to: &scratch.phrase, touched: &scratch.touchedByPhrase)
                if whole {
                    for posting in postingStart[Int(term)]..<postingStart[Int(term) + 1] {
                        scratch.phraseTerms[Int(postingPassage[posting])] &+= 1
                    }
                }
            }
            for passage in scratch.touchedByPhrase {
                let score = scratch.phrase[Int(passage)]
                scratch.phrase[Int(passage)] = 0
                if whole {
                    let hasEveryTerm = scratch.phraseTerms[Int(passage)] == alternative.count
                    scratch.phraseTerms[Int(passage)] = 0
                    guard hasEveryTerm else { continue }
                }
                if scratch.best[Int(passage)] == 0 { scratch.touchedByBest.append(passage) }
                scratch.best[Int(passage)] = max(scratch.best[Int(passage)], score)
            }
            scratch.touchedByPhrase.removeAll(keepingCapacity: true)
        }
        for passage in scratch.touchedByBest {
            if scratch.scores[Int(passage)] == 0 { scratch.touchedPassages.append(passage) }
            scratch.scores[Int(passage)] += scratch.best[Int(passage)]
            scratch.best[Int(passage)] = 0
        }
        scratch.touchedByBest.removeAll(keepingCapacity: true)
    }

    /// The `limit` best (article, passage, score) in a short sorted list; ties go to the
    /// earlier passage, so results are stable run to run.
    private func top(_ limit: Int, of candidates: [(Int, Int, Float)]) -> [(Int, Int, Float)] {
        var top: [(Int, Int, Float)] = []
        for candidate in candidates {
            let (_, passage, score) = candidate
            if top.count == limit, let last = top.last, last.2 > score || (last.2 == score && last.1 < passage) {
                continue
            }
            let position = top.firstIndex { $0.2 < score || ($0.2 == score && $0.1 > passage) } ?? top.count
            top.insert(candidate, at: position)
            if top.count > limit { top.removeLast() }
        }
        return top
    }

    /// Per-query working memory, kept between queries: allocating and zeroing an array
    /// per passage for every query would cost more than the query itself.
    private struct Scratch {
        var scores: [Float]
        var touchedPassages: [UInt32] = []
        var articleScores: [Float]
        var articlePassages: [UInt32]
        var touchedArticles: [UInt32] = []
        /// One idea's best alternative per passage, and one alternative's score; allocated
        /// by the first query with synonyms, and left zeroed by each.
        var best: [Float] = []
        var touchedByBest: [UInt32] = []
        var phrase: [Float] = []
        var touchedByPhrase: [UInt32] = []
        /// How many terms of a synonym phrase each passage has: it counts only whole.
        var phraseTerms: [UInt8] = []

        init(passages: Int, articles: Int) {
            scores = Array(repeating: 0, count: passages)
            articleScores = Array(repeating: 0, count: articles)
            articlePassages = Array(repeating: 0, count: articles)
        }

        /// Zeroes only what the last query touched.
        mutating func reset() {
            for passage in touchedPassages { scores[Int(passage)] = 0 }
            for article in touchedArticles { articleScores[Int(article)] = 0 }
            touchedPassages.removeAll(keepingCapacity: true)
            touchedArticles.removeAll(keepingCapacity: true)
        }
    }

    func correction(for word: String) -> String? {
        corrector.withLock { corrector in
            if corrector == nil {
                var vocabulary: [String: Int] = [:]
                for (word, id) in corpus.wordEntries where id != AnalyzedCorpus.stopWord {
                    vocabulary[word] = postingStart[Int(id) + 1] - postingStart[Int(id)]
                }
                corrector = SpellingCorrector(vocabulary: vocabulary)
            }
            return corrector?.correction(for: word)
        }
    }

    /// A short excerpt of the hit's passage around the query's words, which are marked.
    public func snippet(for hit: SearchHit, terms: [String], width: Int = 200) -> Snippet {
        analyzer.withLock { Snippet(hit.passage.text, terms: Set(terms), width: width, analyzer: $0) }
    }
}
