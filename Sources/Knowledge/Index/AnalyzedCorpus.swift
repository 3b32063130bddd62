import Dispatch
import Foundation
import Synchronization

/// Articles reduced to what ranking needs: for each passage, how often each term occurs in
/// its title, heading and body, and how long those fields are.
///
/// It is the index's input and what the on-disk cache keeps, so an unchanged article is
/// never read or analysed again.
struct AnalyzedCorpus: Sendable {
    static let fieldCount = 3  // title (with tags), heading, body
    /// The term id recorded for a stop word in `words`.
    static let stopWord = UInt32.max

    var articles: [Article] = []
    /// Term id → term.
    var terms: [String] = []
    /// Term → term id.
    private(set) var termTable = WordTable()
    /// Every folded word seen → its term id (or `stopWord`): the memo that makes a word
    /// cost one lookup, and the vocabulary for spelling correction.
    private(set) var words = WordTable()
    /// Passage → index of its article in `articles`.
    var passageArticle: [UInt32] = []
    /// Passage → index of its section within the article.
    var passageSection: [UInt16] = []
    /// `fieldCount` lengths per passage.
    var fieldLengths: [UInt32] = []
    /// Passage → first entry; one extra element closes the last passage.
    var entryStart: [Int] = [0]
    /// Entry → term id; a passage's entries hold each of its distinct terms once.
    var entryTerm: [UInt32] = []
    /// `fieldCount` frequencies per entry.
    var entryFrequency: [UInt16] = []

    var passageCount: Int { passageArticle.count }

    /// Analyses `count` items in contiguous chunks, one per core, each into its own corpus
    /// with its own analyzer, then joins the chunks in order.
    static func build(
        count: Int, _ analyze: @Sendable (_ item: Int, _ corpus: inout AnalyzedCorpus, _ analyzer: Analyzer) -> Void
    ) -> AnalyzedCorpus {
        let parts = System.inChunks(count: count, minimumChunk: 16) { items in
            var corpus = AnalyzedCorpus()
            let analyzer = Analyzer()
            for item in items { analyze(item, &corpus, analyzer) }
            return corpus
        }
        var corpus = parts.first ?? AnalyzedCorpus()
        for part in parts.dropFirst() { corpus.append(contentsOf: part) }
        return corpus
    }

    func termID(of term: String) -> UInt32? { termTable.value(for: term) }

    mutating func termID(_ term: String) -> UInt32 {
        var term = term
        return term.withUTF8 { termID($0) }
    }

    mutating func termID(_ term: UnsafeBufferPointer<UInt8>) -> UInt32 {
        if let id = termTable.value(for: term) { return id }
        let id = UInt32(terms.count)
        terms.append(String(decoding: term, as: UTF8.self))
        termTable.insert(term, value: id)
        return id
    }

    /// The term id of a folded word, or `stopWord`, or nil when the corpus never saw it.
    func termID(ofWord word: String) -> UInt32? { words.value(for: word) }

    /// Records that folded `word` stands for term `id` (or is a stop word).
    mutating func addWord(_ word: String, id: UInt32) {
        if words.value(for: word) == nil { words.insert(word, value: id) }
    }

    /// Every folded word with its term id (`stopWord` for stop words).
    var wordEntries: [(word: String, id: UInt32)] { words.entries.map { ($0.word, $0.value) } }

    /// Analyses `article` and appends it.
    mutating func append(_ article: Article, analyzer: Analyzer) {
        let title = termIDs(in: article.title + " " + article.tags.joined(separator: " "), analyzer: analyzer)
        for (section, passage) in article.passages.enumerated() {
            let heading = termIDs(in: passage.heading ?? "", analyzer: analyzer)
            appendPassage(section: section, fields: [title, heading, termIDs(in: passage.text, analyzer: analyzer)])
        }
        articles.append(article)
    }

    /// Appends article `index` of `other` without analysing it again.
    /// - Parameter remap: `other`'s term ids → ours, filled in as terms are met; start it
    ///   as `other.terms.count` × `stopWord` and pass it to every call with the same `other`.
    mutating func append(articleAt index: Int, of other: AnalyzedCorpus, firstPassage: Int, remap: inout [UInt32]) {
        let f = AnalyzedCorpus.fieldCount
        for passage in firstPassage..<(firstPassage + other.articles[index].passages.count) {
            passageArticle.append(UInt32(articles.count))
            passageSection.append(other.passageSection[passage])
            fieldLengths += other.fieldLengths[(passage * f)..<(passage * f + f)]
            for entry in other.entryStart[passage]..<other.entryStart[passage + 1] {
                let old = Int(other.entryTerm[entry])
                if remap[old] == AnalyzedCorpus.stopWord { remap[old] = termID(other.terms[old]) }
                entryTerm.append(remap[old])
            }
            let entries = other.entryStart[passage]..<other.entryStart[passage + 1]
            entryFrequency += other.entryFrequency[(entries.lowerBound * f)..<(entries.upperBound * f)]
            entryStart.append(entryTerm.count)
        }
        articles.append(other.articles[index])
    }

    /// Adds the folded words of `other` whose terms this corpus has, so words of articles
    /// taken from the cache can still be corrected to.
    mutating func adoptSpellings(of other: AnalyzedCorpus) {
        other.words.forEach { word, id in
            guard words.value(for: word) == nil else { return }
            if id == AnalyzedCorpus.stopWord {
                words.insert(word, value: id)
            } else if let ours = termTable.value(for: other.terms[Int(id)]) {
                words.insert(word, value: ours)
            }
        }
    }

    /// Appends every article of `other`, and its vocabulary.
    mutating func append(contentsOf other: AnalyzedCorpus) {
        let remap = other.terms.map { termID($0) }
        other.words.forEach { word, id in
            if words.value(for: word) == nil { words.insert(word, value: id == AnalyzedCorpus.stopWord ? id : remap[Int(id)]) }
        }
        let articleOffset = UInt32(articles.count)
        passageArticle += other.passageArticle.map { $0 + articleOffset }
        passageSection += other.passageSection
        fieldLengths += other.fieldLengths
        let entryOffset = entryTerm.count
        entryStart += other.entryStart.dropFirst().map { $0 + entryOffset }
        entryTerm += other.entryTerm.map { remap[Int($0)] }
        entryFrequency += other.entryFrequency
        articles += other.articles
    }

    /// The term ids of `text`, in order, stop words left out.
    private mutating func termIDs(in text: String, analyzer: Analyzer) -> [UInt32] {
        var ids: [UInt32] = []
        analyzer.forEachFoldedWordBytes(in: text) { folded in
            let id: UInt32
            if let known = words.value(for: folded) {
                id = known
            } else {
                id = analyzer.withTerm(forFolded: folded) { term in term.map { termID($0) } } ?? AnalyzedCorpus.stopWord
                words.insert(folded, value: id)
            }
            if id != AnalyzedCorpus.stopWord { ids.append(id) }
        }
        return ids
    }

    /// Adds one passage from its fields' term ids, counting each distinct term once.
    private mutating func appendPassage(section: Int, fields: [[UInt32]]) {
        passageArticle.append(UInt32(articles.count))
        passageSection.append(UInt16(clamping: section))
        // Tag each occurrence with its field, sort, and count runs: cheaper than a
        // dictionary per passage when indexing hundreds of thousands of them.
        var tagged: [UInt64] = []
        tagged.reserveCapacity(fields.reduce(0) { $0 + $1.count })
        for (field, ids) in fields.enumerated() {
            fieldLengths.append(UInt32(ids.count))
            for id in ids { tagged.append(UInt64(id) << 2 | UInt64(field)) }
        }
        tagged.sort()
        var i = 0
        while i < tagged.count {
            let term = UInt32(tagged[i] >> 2)
            var counts: (UInt16, UInt16, UInt16) = (0, 0, 0)
            while i < tagged.count, UInt32(tagged[i] >> 2) == term {
                switch tagged[i] & 3 {
                case 0: counts.0 = counts.0 < .max ? counts.0 + 1 : counts.0
                case 1: counts.1 = counts.1 < .max ? counts.1 + 1 : counts.1
                default: counts.2 = counts.2 < .max ? counts.2 + 1 : counts.2
                }
                i += 1
            }
            entryTerm.append(term)
            entryFrequency.append(counts.0)
            entryFrequency.append(counts.1)
            entryFrequency.append(counts.2)
        }
        entryStart.append(entryTerm.count)
    }
}

enum System {
    /// Cores this process may use.
    static let coreCount = ProcessInfo.processInfo.activeProcessorCount

    /// Splits `0..<count` into contiguous ranges, one per core, runs `work` on each in
    /// parallel and returns the results in order. Small inputs run on one thread, where a
    /// second one would cost more than it saves.
    static func inChunks<Result: Sendable>(
        count: Int, minimumChunk: Int = 256, _ work: @Sendable (Range<Int>) -> Result
    ) -> [Result] {
        let chunks = max(1, min(coreCount, count / minimumChunk))
        guard chunks > 1 else { return [work(0..<count)] }
        let results = Mutex([Result?](repeating: nil, count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let result = work((count * chunk / chunks)..<(count * (chunk + 1) / chunks))
            results.withLock { $0[chunk] = result }
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}
