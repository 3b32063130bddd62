import Foundation
import Testing

@testable import Knowledge

/// Loading a knowledge folder from disk: bad files, missing folders, the cache.
struct KnowledgeBaseTests {
    /// A fresh folder under the temporary directory, removed when the test ends.
    final class Folder {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kb-\(UUID().uuidString)").path
        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        func write(_ relative: String, _ text: String) throws {
            try write(relative, Data(text.utf8))
        }

        func write(_ relative: String, _ data: Data) throws {
            let url = URL(fileURLWithPath: path + "/" + relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
    }

    @Test func skipsBadFilesWithAWarningNamingEachOne() throws {
        let kb = try Folder()
        try kb.write("network/vpn.md", "# VPN\n\n## Reconnect\nRestart the VPN client.\n")
        try kb.write("binary.md", Data([0x23, 0x20, 0x00, 0x01, 0x02]))
        try kb.write("latin1.md", Data("# Caf".utf8) + Data([0xE9]) + Data("\n\nBody\n".utf8))
        try kb.write("empty.md", "  \n\n")
        try FileManager.default.createSymbolicLink(atPath: kb.path + "/dangling.md", withDestinationPath: kb.path + "/nowhere")
        try kb.write("notes.txt", "not an article")
        try kb.write(".hidden/secret.md", "# Hidden\n\nNot indexed.\n")

        let base = try KnowledgeBase.load(kb.path)
        #expect(base.index.articles.map(\.id) == ["network/vpn"])
        let messages = base.issues.map(\.description)
        #expect(messages.contains("\(kb.path)/binary.md: looks binary (contains NUL bytes); skipped"))
        #expect(messages.contains("\(kb.path)/latin1.md:1: is not valid UTF-8; re-save it as UTF-8. Skipped"))
        #expect(messages.contains("\(kb.path)/empty.md: is empty; skipped"))
        #expect(messages.contains { $0.hasPrefix("\(kb.path)/dangling.md: cannot be read") })
        #expect(base.issues.count == 4)
    }

    @Test func brokenFrontMatterIsReportedWithItsLineAndTheArticleStillFound() throws {
        let kb = try Folder()
        try kb.write("printing/scan.md", "---\ntitle: Scan to email\ntags [scan]\n---\nPress Scan, then Email.\n")
        let base = try KnowledgeBase.load(kb.path)
        #expect(
            base.issues.map(\.description) == [
                "\(kb.path)/printing/scan.md:3: expected `key: value`, found `tags [scan]`; ignored"
            ])
        #expect(base.index.search("scan email").hits.first?.article.title == "Scan to email")
    }

    @Test func aMissingOrEmptyFolderIsAClearError() throws {
        #expect(throws: KnowledgeError.missingFolder("/no/such/kb")) { try KnowledgeBase.load("/no/such/kb") }
        let kb = try Folder()
        #expect(throws: KnowledgeError.noArticles(kb.path, skipped: 0)) { try KnowledgeBase.load(kb.path) }
        try kb.write("empty.md", "")
        let error = #expect(throws: KnowledgeError.self) { try KnowledgeBase.load(kb.path) }
        #expect(error?.description.contains("1 file(s) skipped") == true)
    }

    @Test func theCacheServesUnchangedArticlesAndRereadsChangedOnes() throws {
        let kb = try Folder()
        let cache = try Folder()
        try kb.write("vpn.md", "# VPN\n\nRestart the VPN client.\n")
        try kb.write("printer.md", "---\ntitle: Printer\nbogus\n---\nClear the paper jam.\n")

        let first = try KnowledgeBase.load(kb.path, cacheDirectory: cache.path)
        #expect(first.cachedArticleCount == 0)
        let second = try KnowledgeBase.load(kb.path, cacheDirectory: cache.path)
        #expect(second.cachedArticleCount == 2)
        #expect(second.issues == first.issues)  // warnings of cached articles are repeated
        #expect(second.index.search("paper jam").hits.map(\.score) == first.index.search("paper jam").hits.map(\.score))
        #expect(second.index.search("pritner").corrections.first?.corrected == "printer")

        try kb.write("vpn.md", "# VPN\n\nReinstall the tunnel driver.\n")
        try FileManager.default.removeItem(atPath: kb.path + "/printer.md")
        try kb.write("wifi.md", "# Wi-Fi\n\nForget the network and join again.\n")
        let third = try KnowledgeBase.load(kb.path, cacheDirectory: cache.path)
        #expect(third.cachedArticleCount == 0 || third.cachedArticleCount == 1)
        #expect(third.index.articles.map(\.id) == ["vpn", "wifi"])
        #expect(third.index.search("tunnel driver").hits.first?.article.id == "vpn")
        #expect(third.index.search("paper jam").hits.isEmpty)
    }

    @Test func aCorruptCacheIsIgnoredAndRewritten() throws {
        let kb = try Folder()
        let cache = try Folder()
        try kb.write("vpn.md", "# VPN\n\nRestart the VPN client.\n")
        _ = try KnowledgeBase.load(kb.path, cacheDirectory: cache.path)
        let file = IndexCache.path(forKnowledge: kb.path, in: cache.path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: file))

        let reloaded = try KnowledgeBase.load(kb.path, cacheDirectory: cache.path)
        #expect(reloaded.cachedArticleCount == 0)
        #expect(reloaded.index.search("vpn").hits.count == 1)
        #expect(try KnowledgeBase.load(kb.path, cacheDirectory: cache.path).cachedArticleCount == 1)
    }
}
