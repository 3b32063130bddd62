import Foundation
import Knowledge
import Testing

@testable import Semantics

/// The passages' vectors: compared by meaning, and encoded once.
struct SemanticIndexTests {
    static func index(passwordText: String = "Open the self-service portal and choose a new password.") -> KnowledgeIndex {
        KnowledgeIndex(
            articles: [
                Article(
                    id: "password", title: "Reset your password", category: nil, tags: [],
                    passages: [Passage(heading: "Steps", text: passwordText)]),
                Article(
                    id: "printer", title: "Printer paper jams", category: nil, tags: [],
                    passages: [
                        Passage(heading: nil, text: "Jams happen when the tray is overfilled."),
                        Passage(heading: "Clear a jam", text: "Open the front cover and pull the sheet out gently."),
                    ]),
            ], synonyms: Synonyms(parsing: ""))
    }

    @Test func aParaphraseIsClosestToTheArticleThatAnswersIt() throws {
        let semantics = SemanticIndex(index: Self.index(), encoder: try InstalledModel.encoder.get())
        let toPassword = try #require(semantics.closeness(of: "I forgot my login", toPassage: 0, of: "password"))
        let toPrinter = try #require(semantics.closeness(of: "I forgot my login", toPassage: 1, of: "printer"))
        #expect(toPassword.article > toPassword.otherArticles)
        #expect(toPrinter.article < toPrinter.otherArticles)
        #expect(toPrinter.otherArticles == toPassword.article)
        #expect(semantics.closeness(of: "I forgot my login", toPassage: 2, of: "printer") == nil)
    }

    @Test func passagesAreEncodedOnceAndAgainWhenTheyChange() throws {
        let encoder = try InstalledModel.encoder.get()
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("vectors-test-\(getpid()).bin").path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        #expect(SemanticIndex(index: Self.index(), encoder: encoder, cacheFile: cache).cachedCount == 0)
        let again = SemanticIndex(index: Self.index(), encoder: encoder, cacheFile: cache)
        #expect(again.cachedCount == 3)
        let edited = SemanticIndex(index: Self.index(passwordText: "Call the desk."), encoder: encoder, cacheFile: cache)
        #expect(edited.cachedCount == 2)
        #expect(edited.vectors != again.vectors)

        // A damaged cache is ignored and rewritten, never trusted.
        try Data("not vectors".utf8).write(to: URL(fileURLWithPath: cache))
        let rebuilt = SemanticIndex(index: Self.index(), encoder: encoder, cacheFile: cache)
        #expect(rebuilt.cachedCount == 0)
        #expect(rebuilt.vectors == again.vectors)
        #expect(SemanticIndex(index: Self.index(), encoder: encoder, cacheFile: cache).cachedCount == 3)
    }

    /// The tools' example sentences are kept beside the passages, so that a process started
    /// for one question does not encode them all again.
    @Test func sentencesAreEncodedOnceAndKeptBesideThePassages() throws {
        let encoder = try InstalledModel.encoder.get()
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("vectors-test-\(getpid())-s.bin").path
        let sentenceCache = String(cache.dropLast(4)) + "-sentences.bin"
        defer { for file in [cache, sentenceCache] { try? FileManager.default.removeItem(atPath: file) } }
        let groups = [["unlock my account", "I'm locked out"], ["reset my password"]]
        let first = SemanticIndex(index: Self.index(), encoder: encoder, cacheFile: cache).sentences(groups)
        #expect(first.map(\.cachedCount) == [0, 0])
        let again = SemanticIndex(index: Self.index(), encoder: encoder, cacheFile: cache).sentences(groups)
        #expect(again.map(\.cachedCount) == [2, 1])
        #expect(again.map(\.vectors) == first.map(\.vectors))
        // A new example is encoded; the others are still read back.
        let edited = SemanticIndex(index: Self.index(), encoder: encoder, cacheFile: cache)
            .sentences([["unlock my account", "lift my lockout"], ["reset my password"]])
        #expect(edited.map(\.cachedCount) == [1, 1])
    }

    /// Two tools.json files over one knowledge base (a user's own beside the host's) share
    /// the file, and neither encodes the other's sentences away.
    @Test func twoToolFilesKeepEachOthersSentences() throws {
        let encoder = try InstalledModel.encoder.get()
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("vectors-test-\(getpid())-t.bin").path
        let sentenceCache = String(cache.dropLast(4)) + "-sentences.bin"
        defer { for file in [cache, sentenceCache] { try? FileManager.default.removeItem(atPath: file) } }
        let host = [["unlock my account"], ["reset my password"]]
        let own = [["install Blender please"]]
        _ = SemanticIndex(index: Self.index(), encoder: encoder, cacheFile: cache).sentences(host)
        _ = SemanticIndex(index: Self.index(), encoder: encoder, cacheFile: cache).sentences(own)
        let hostAgain = SemanticIndex(index: Self.index(), encoder: encoder, cacheFile: cache).sentences(host)
        #expect(hostAgain.map(\.cachedCount) == [1, 1])
    }
}
