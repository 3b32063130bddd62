/// Articles reduced to what ranking needs: for each passage, how often each term occurs in
/// its title, heading and body, and how long those fields are.
///
/// It is the index's input and what the on-disk cache keeps per article, so an unchanged
/// article is never read or analysed again.
struct AnalyzedCorpus: Sendable {
    static let fieldCount = 3  // title (with tags), heading, body

    var articles: [Article] = []
    /// Term id → term.
    var terms: [String] = []
    var termIDs: [String: UInt32] = [:]
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
    /// Folded word as written → its term; the vocabulary for spelling correction.
    var spellings: [String: String] = [:]

    var passageCount: Int { passageArticle.count }

    /// The passages of article `index`, as a range of passage ids.
    func passages(ofArticle index: Int, from start: Int) -> Range<Int> {
        start..<(start + articles[index].passages.count)
    }

    mutating func termID(_ term: String) -> UInt32 {
        if let id = termIDs[term] { return id }
        let id = UInt32(terms.count)
        terms.append(term)
        termIDs[term] = id
        return id
    }

    /// Analyses `article` and appends it.
    mutating func append(_ article: Article, analyzer: Analyzer) {
        let titleTerms = analyzer.terms(in: article.title + " " + article.tags.joined(separator: " "))
            .map { termID($0) }
        for (section, passage) in article.passages.enumerated() {
            let heading = analyzer.terms(in: passage.heading ?? "").map { termID($0) }
            let body = analyzer.terms(in: passage.text).map { termID($0) }
            appendPassage(section: section, fields: [titleTerms, heading, body])
        }
        articles.append(article)
    }

    /// Adds the words `analyzer` has seen to the spelling vocabulary.
    mutating func addSpellings(from analyzer: Analyzer) {
        for (word, term) in analyzer.stems where !term.isEmpty { spellings[word] = term }
    }

    /// Appends article `index` of `other` without analysing it again.
    mutating func append(articleAt index: Int, of other: AnalyzedCorpus, firstPassage: Int) {
        var remap: [UInt32: UInt32] = [:]
        for passage in other.passages(ofArticle: index, from: firstPassage) {
            passageArticle.append(UInt32(articles.count))
            passageSection.append(other.passageSection[passage])
            let f = AnalyzedCorpus.fieldCount
            fieldLengths += other.fieldLengths[(passage * f)..<(passage * f + f)]
            for entry in other.entryStart[passage]..<other.entryStart[passage + 1] {
                let old = other.entryTerm[entry]
                let new = remap[old] ?? termID(other.terms[Int(old)])
                remap[old] = new
                entryTerm.append(new)
                entryFrequency += other.entryFrequency[(entry * f)..<(entry * f + f)]
            }
            entryStart.append(entryTerm.count)
        }
        articles.append(other.articles[index])
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
