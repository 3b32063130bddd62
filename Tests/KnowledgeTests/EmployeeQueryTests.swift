import Foundation
import Testing

@testable import Knowledge

/// Queries written the way employees type them, each with the article a person at the
/// service desk would pick; that article must rank first in the shipped `knowledge/`.
struct EmployeeQueryTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let expected: String
        let query: String
        var testDescription: String { "\"\(query)\" → \(expected)" }
    }

    static let cases: [Case] = {
        guard let url = Bundle.module.url(forResource: "Fixtures/employee-queries", withExtension: "tsv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard !line.hasPrefix("#"), parts.count == 2 else { return nil }
            return Case(expected: String(parts[0]), query: String(parts[1]))
        }
    }()

    static let shipped: Result<KnowledgeBase, KnowledgeError> = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return Result { () throws(KnowledgeError) in try KnowledgeBase.load(root.appendingPathComponent("knowledge").path) }
    }()

    @Test func theSuiteIsLargeAndCoversEveryArticleFolder() throws {
        let base = try Self.shipped.get()
        #expect(Self.cases.count >= 40)
        #expect(base.index.articles.count >= 40)
        #expect(base.issues.isEmpty, "the shipped knowledge base loads without warnings")
        let categories = Set(base.index.articles.compactMap(\.category))
        let covered = Set(Self.cases.compactMap { $0.expected.split(separator: "/").first.map(String.init) })
        #expect(categories.isSubset(of: covered))
        let ids = Set(base.index.articles.map(\.id))
        #expect(Self.cases.filter { !ids.contains($0.expected) }.map(\.expected) == [])
    }

    @Test(arguments: cases)
    func expectedArticleRanksFirst(_ testCase: Case) throws {
        let results = try Self.shipped.get().index.search(testCase.query, limit: 3)
        #expect(results.hits.first?.article.id == testCase.expected, "top 3: \(results.hits.map(\.article.id))")
    }
}
