import Foundation
import Testing

@testable import Knowledge

/// BM25F scores checked against arithmetic done by hand (k1 = 1.2, b = 0.75).
struct BM25Tests {
    private func article(_ id: String, _ title: String, _ passages: [(String?, String)]) -> Article {
        Article(id: id, title: title, category: nil, tags: [], passages: passages.map { Passage(heading: $0.0, text: $0.1) })
    }

    @Test func plainBodyScoresMatchHandComputation() throws {
        // Body only (title and heading weights 0): classic BM25 with Lucene's IDF.
        let index = KnowledgeIndex(
            articles: [
                article("a", "one", [(nil, "printer jam printer")]),
                article("b", "two", [(nil, "printer toner")]),
                article("c", "three", [(nil, "scanner email")]),
            ],
            parameters: BM25(titleWeight: 0, headingWeight: 0))
        let hits = index.search("printer").hits

        // N = 3, n = 2 → idf = ln(1 + 1.5 / 2.5) = ln 1.6; average body length 7/3.
        let idf = log(1.6)
        let tfA = 2 / (0.25 + 0.75 * 3 / (7.0 / 3))  // tf 2 in 3 words
        let tfB = 1 / (0.25 + 0.75 * 2 / (7.0 / 3))  // tf 1 in 2 words
        #expect(hits.map(\.article.id) == ["a", "b"])
        #expect(abs(hits[0].score - idf * tfA * 2.2 / (1.2 + tfA)) < 1e-5)
        #expect(abs(hits[1].score - idf * tfB * 2.2 / (1.2 + tfB)) < 1e-5)
        #expect(abs(hits[0].score - 0.598187) < 1e-5)
        #expect(abs(hits[1].score - 0.499177) < 1e-5)
    }

    @Test func titleAndBodyFrequenciesAreNormalisedPerFieldThenSaturatedOnce() throws {
        let index = KnowledgeIndex(
            articles: [
                article("vpn", "VPN drops", [("Fix it", "restart the vpn client")]),
                article("printer", "Printer", [(nil, "printer jam")]),
            ],
            parameters: BM25(k1: 1.2, b: 0.75, titleWeight: 2.5, headingWeight: 2, bodyWeight: 1))
        let hit = try #require(index.search("vpn").hits.first)
        // N = 2, n = 1 → idf = ln 2. Average lengths: title 1.5, heading 0.5, body 2.5.
        // title: 2.5 × 1 / (0.25 + 0.75 × 2/1.5) = 2.0; body: 1 / (0.25 + 0.75 × 3/2.5) = 1/1.15.
        let tf = 2.0 + 1 / 1.15
        #expect(abs(hit.score - log(2) * tf * 2.2 / (1.2 + tf)) < 1e-5)
        #expect(abs(hit.score - 1.075262) < 1e-5)
    }

    @Test func lucenesIDFStaysPositiveForTermsInMostPassages() {
        let bm25 = BM25()
        #expect(bm25.idf(documentFrequency: 9, documentCount: 10) > 0)
        #expect(bm25.idf(documentFrequency: 10, documentCount: 10) > 0)
        #expect(bm25.idf(documentFrequency: 1, documentCount: 10) > bm25.idf(documentFrequency: 5, documentCount: 10))
    }

    @Test func articleScoresAsItsBestPassage() throws {
        let index = KnowledgeIndex(articles: [
            article(
                "printing", "Printing", [("Toner", "replace the toner cartridge"), ("Jams", "clear a paper jam, jam again")]),
            article("scanning", "Scanning", [(nil, "scan a document")]),
        ])
        let hits = index.search("paper jam").hits
        #expect(hits.count == 1)
        #expect(hits[0].section == "Jams")
        let jamOnly = index.search("jam toner").hits[0]
        #expect(jamOnly.article.id == "printing")
    }

    @Test func anArticlesPassagesComeBestFirstThenThoseSharingNoWord() throws {
        let index = KnowledgeIndex(articles: [
            article("scanning", "Scanning", [(nil, "scan a document")]),
            article(
                "printing", "Printing",
                [("Toner", "replace the toner cartridge"), ("Jams", "clear a paper jam, jam again"), ("Queue", "open the queue")]),
        ])
        #expect(index.passages(ofArticle: "printing", for: "paper jam").map(\.section) == ["Jams"])
        let every = index.passages(ofArticle: "printing", for: "paper jam", everyPassage: true)
        #expect(every.map(\.section) == ["Jams", "Toner", "Queue"])
        #expect(every.dropFirst().allSatisfy { $0.score == 0 && $0.matchedTerms.isEmpty })
        #expect(index.passages(ofArticle: "printing", for: "the", everyPassage: true).count == 3)
    }

    @Test func aQueryWithNothingInTheIndexFindsNothing() {
        let index = KnowledgeIndex(articles: [article("a", "Printer", [(nil, "printer jam")])])
        #expect(index.search("the and of").hits.isEmpty)
        #expect(index.search("").hits.isEmpty)
        #expect(index.search("printer", limit: 0).hits.isEmpty)
    }
}
