import Testing

@testable import Engine
@testable import Knowledge

/// How much the question's words agree on the article the gate is judging.
struct AnswerGateTests {
    static let index = KnowledgeIndex(
        articles: [
            Article(
                id: "printers", title: "Printers", category: nil, tags: [],
                passages: [Passage(heading: nil, text: "Add a printer from the print queue list, and replace its toner.")]),
            Article(
                id: "vpn", title: "VPN", category: nil, tags: [],
                passages: [Passage(heading: nil, text: "Connect the VPN client before you open internal sites.")]),
        ], synonyms: Synonyms(parsing: ""))

    private func agreement(_ question: String) throws -> Double {
        let results = Self.index.search(question, limit: 5)
        let best = try #require(results.hits.first)
        let features = AnswerGate.lexicalFeatures(of: best, in: results, index: Self.index)
        return features[try #require(AnswerGate.lexicalFeatureNames.firstIndex(of: "agreement"))]
    }

    @Test func aQuestionWhoseWordsAllPointToTheArticleAgreesFully() throws {
        #expect(try agreement("how do I add a printer to the print queue") == 1)
    }

    @Test func aQuestionThatHangsOnOneWordAgreesOnlyInPart() throws {
        // Without "printer" it finds the VPN article; without "vpn", the printers one.
        #expect(try agreement("printer vpn") == 0.5)
    }

    /// A pasted log is judged by leaving out only its first words in turn: each omission is
    /// a search of the whole message, so leaving out every word would cost the square of
    /// its length.
    @Test func aLongPasteLeavesOutOnlyItsFirstWords() {
        let words = (0..<200).map { "code\(String($0, radix: 26))x" }
        let index = KnowledgeIndex(
            articles: [
                Article(
                    id: "codes", title: "Error codes", category: nil, tags: [],
                    passages: [Passage(heading: nil, text: words.joined(separator: " "))])
            ], synonyms: Synonyms(parsing: ""))
        let results = index.search(words.joined(separator: " "), limit: 5)
        #expect(results.terms.count == 200)
        #expect(AnswerGate.leaders(of: results, index: index).count == AnswerGate.leaderWords)
    }
}
