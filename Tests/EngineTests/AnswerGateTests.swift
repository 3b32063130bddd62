import Engine
import Testing

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
}
