import Foundation
import HelpdeskCore
import Knowledge

/// Groups unanswered questions into topics by the terms they share.
///
/// Each question becomes its index terms (stemmed, stop words dropped, as search reads it)
/// plus the terms of its synonyms, so "book a parking spot" and "car park booking" meet
/// on `park` and `book`. A term tells a topic apart by how many of the remaining
/// questions share it times how rare it is in the knowledge base (its IDF; a word no
/// article has weighs most — that is what a gap looks like). Greedily, the most telling
/// term shared by two or more questions takes all of them as a topic, until no term is
/// shared; the questions left are topics of one.
struct GapTopics {
    /// Without an index (no knowledge base loaded) every term weighs the same and no
    /// nearest article is named.
    let index: KnowledgeIndex?
    static let examplesPerTopic = 5

    func group(_ questions: [String]) -> [Report.GapTopic] {
        let analyzer = Analyzer()
        // The same question is often asked in the same words; search it once.
        var read: [String: Set<String>] = [:]
        let terms = questions.map { question in
            if let known = read[question] { return known }
            let terms = indexTerms(of: question, analyzer)
            read[question] = terms
            return terms
        }
        var weights: [String: Double] = [:]
        for term in Set(terms.joined()) { weights[term] = index.map { $0.idf(of: term) ?? $0.maximumIDF } ?? 1 }

        var left = Set(questions.indices)
        var topics: [(terms: [String], members: [Int])] = []
        while true {
            var shared: [String: Int] = [:]
            for question in left { for term in terms[question] { shared[term, default: 0] += 1 } }
            let telling = { (term: String) in Double(shared[term] ?? 0) * (weights[term] ?? 1) }
            guard
                let seed = shared.filter({ $0.value >= 2 }).keys.max(by: { (telling($0), $1) < (telling($1), $0) })
            else { break }
            let members = left.filter { terms[$0].contains(seed) }.sorted()
            // The topic's words: the seed, then the others most of its questions share.
            var sharedInTopic: [String: Int] = [:]
            for member in members { for term in terms[member] where term != seed { sharedInTopic[term, default: 0] += 1 } }
            let common = sharedInTopic.filter { $0.value * 2 > members.count }.keys
            topics.append(([seed] + common.sorted { (telling($0), $1) > (telling($1), $0) }, members))
            left.subtract(members)
        }
        for question in left.sorted() {
            topics.append((terms[question].sorted { (weights[$0] ?? 1, $1) > (weights[$1] ?? 1, $0) }, [question]))
        }
        return
            topics
            .sorted { ($0.members.count, $1.members.first ?? 0) > ($1.members.count, $0.members.first ?? 0) }
            .map { topic in
                var examples: [String] = []
                for member in topic.members.reversed() where !examples.contains(questions[member]) {
                    examples.append(questions[member])
                }
                let nearest = index?.search(topic.terms.prefix(4).joined(separator: " "), limit: 1).hits.first?.article
                return Report.GapTopic(
                    terms: topic.terms, words: words(for: topic.terms, in: topic.members.map { questions[$0] }, analyzer),
                    count: topic.members.count, examples: Array(examples.prefix(Self.examplesPerTopic)),
                    nearestArticle: nearest?.id, nearestTitle: nearest?.title)
            }
    }

    /// How the questions most often wrote each term, lowercased; the term itself if never.
    private func words(for terms: [String], in questions: [String], _ analyzer: Analyzer) -> [String] {
        var written: [String: [String: Int]] = [:]
        for question in questions {
            for (range, wordTerms) in analyzer.words(in: question) {
                for term in wordTerms { written[term, default: [:]][question[range].lowercased(), default: 0] += 1 }
            }
        }
        return terms.map { term in
            written[term]?.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? term
        }
    }

    /// The question's index terms, with those of any synonyms the knowledge base reads in it.
    private func indexTerms(of question: String, _ analyzer: Analyzer) -> Set<String> {
        var terms = Set(analyzer.terms(in: question))
        for expansion in index?.search(question, limit: 1).expansions ?? [] {
            for synonym in expansion.synonyms { terms.formUnion(analyzer.terms(in: synonym)) }
        }
        return terms
    }
}
