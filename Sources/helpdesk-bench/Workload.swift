import Knowledge

/// A corpus and the queries to run against it, in execution order.
struct Workload {
    let name: String
    let articles: [Article]
    let queries: [String]
    /// What helpdesk also searches query words as (the knowledge base's `synonyms.txt`);
    /// FTS5 gets the queries as typed.
    var synonyms = Synonyms()

    var passageCount: Int { articles.reduce(0) { $0 + $1.passages.count } }

    /// Indexes and queries the workload with helpdesk, then with FTS5, one after the
    /// other so only one engine's index is in memory at a time.
    func compare() throws(SQLiteError) -> (helpdesk: EngineMeasurement, fts5: EngineMeasurement) {
        // A query with no words is skipped for both engines: FTS5 cannot express it.
        let runnable = queries.compactMap { query in
            FTS5Baseline.matchExpression(for: query).map { (text: query, match: $0) }
        }
        // Enough builds of a small corpus to take a stable median; one of a large one.
        let buildRepetitions = max(1, min(31, 20_000 / max(passageCount, 1)))
        let helpdesk = measureHelpdesk(runnable.map(\.text), buildRepetitions: buildRepetitions)
        let fts5 = try measureFTS5(runnable.map(\.match), buildRepetitions: buildRepetitions)
        return (helpdesk, fts5)
    }

    private func measureHelpdesk(_ queries: [String], buildRepetitions: Int) -> EngineMeasurement {
        let (index, build) = measureBuild(repetitions: buildRepetitions) {
            KnowledgeIndex(articles: articles, synonyms: synonyms)
        }
        let typoStart = ContinuousClock.now
        _ = index.search(misspelledQuery, limit: 10)
        let typo = (ContinuousClock.now - typoStart).seconds * 1e3
        let run = measureQueries(count: queries.count) { index.search(queries[$0], limit: 10).hits.count }
        return EngineMeasurement(
            buildSeconds: build, queriesPerSecond: run.queriesPerSecond,
            p50Microseconds: run.p50, p99Microseconds: run.p99, hitsPerQuery: run.hitsPerQuery,
            firstTypoMilliseconds: typo)
    }

    /// The longest word of the first queries with two inner letters swapped ("pritner").
    private var misspelledQuery: String {
        let words = queries.prefix(50).flatMap { $0.split(separator: " ") }.filter { $0.allSatisfy(\.isLetter) }
        guard var letters = words.max(by: { $0.count < $1.count }).map(Array.init), letters.count >= 4 else {
            return "pasword"
        }
        letters.swapAt(1, 2)
        return String(letters)
    }

    private func measureFTS5(_ matches: [String], buildRepetitions: Int) throws(SQLiteError) -> EngineMeasurement {
        let (database, build) = try measureBuild(repetitions: buildRepetitions) { () throws(SQLiteError) in
            try FTS5Baseline(articles: articles)
        }
        let run = try measureQueries(count: matches.count) { (query) throws(SQLiteError) in
            try database.search(matches[query])
        }
        return EngineMeasurement(
            buildSeconds: build, queriesPerSecond: run.queriesPerSecond,
            p50Microseconds: run.p50, p99Microseconds: run.p99, hitsPerQuery: run.hitsPerQuery)
    }
}
