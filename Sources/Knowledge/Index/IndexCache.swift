import Foundation
import HelpdeskCore

/// The analysed knowledge base on disk, so that start-up reads and analyses only the
/// articles whose size or modification time changed since the last run.
///
/// The file is a cache: when it is missing, stale, from another version or corrupt it is
/// ignored and rewritten, never trusted and never an error.
struct IndexCache {
    /// Bump whenever analysis changes (tokenizer, stop words, stemming, fields).
    static let formatVersion: UInt32 = 5
    private static let magic: UInt32 = 0x4844_4B58  // "HDKX"

    /// What the previous run analysed, per article id.
    struct Entry {
        let index: Int
        let firstPassage: Int
        let fingerprint: FileFingerprint
        let issues: [KnowledgeIssue]
    }

    var corpus: AnalyzedCorpus
    var entries: [String: Entry]

    /// `$XDG_CACHE_HOME/helpdesk/index-<hash of the folder's absolute path>.bin`.
    static func path(forKnowledge directory: String, in cacheDirectory: String) -> String {
        let absolute = URL(fileURLWithPath: directory).standardizedFileURL.path
        return cacheDirectory + "/index-" + String(stableHash(absolute.utf8), radix: 16) + ".bin"
    }

    static func read(_ path: String) -> IndexCache? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var reader = BinaryReader([UInt8](data))
        return try? decode(&reader)
    }

    /// Writes atomically (a temporary file renamed into place), so a reader never sees a
    /// half-written cache and two processes writing at once leave one whole file.
    static func write(_ corpus: AnalyzedCorpus, files: [ArticleFile], issues: [String: [KnowledgeIssue]], to path: String) throws
    {
        var writer = BinaryWriter()
        writer.write(magic)
        writer.write(formatVersion)
        writer.write(corpus.terms.joined(separator: "\n"))
        let words = corpus.wordEntries
        writer.write(UInt64(words.count))
        for (word, id) in words {
            writer.write(word)
            writer.write(id)
        }
        let fingerprints = Dictionary(files.map { ($0.id, $0.fingerprint) }, uniquingKeysWith: { a, _ in a })
        writer.write(UInt64(corpus.articles.count))
        for article in corpus.articles {
            let fingerprint = fingerprints[article.id] ?? .init(size: -1, modified: -1)
            writer.write(fingerprint.size)
            writer.write(fingerprint.modified)
            writer.write(article.id)
            writer.write(article.title)
            writer.write(article.category)
            writer.write(article.tags.joined(separator: "\n"))
            writer.write(UInt32(article.passages.count))
            for passage in article.passages {
                writer.write(passage.heading)
                writer.write(passage.text)
            }
            let articleIssues = issues[article.id] ?? []
            writer.write(UInt32(articleIssues.count))
            for issue in articleIssues {
                writer.write(Int64(issue.line ?? -1))
                writer.write(issue.message)
            }
        }
        writer.write(corpus.passageArticle)
        writer.write(corpus.passageSection)
        writer.write(corpus.fieldLengths)
        writer.write(corpus.entryStart.map { UInt64($0) })
        writer.write(corpus.entryTerm)
        writer.write(corpus.entryFrequency)

        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        try Data(writer.bytes).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    private static func decode(_ reader: inout BinaryReader) throws -> IndexCache? {
        guard try reader.read(UInt32.self) == magic, try reader.read(UInt32.self) == formatVersion else { return nil }
        var corpus = AnalyzedCorpus()
        let terms = try reader.readString()
        for term in terms.split(separator: "\n", omittingEmptySubsequences: false) where !terms.isEmpty {
            _ = corpus.termID(String(term))
        }
        for _ in 0..<(try reader.read(UInt64.self)) {
            let word = try reader.readString()
            let id = try reader.read(UInt32.self)
            guard id == AnalyzedCorpus.stopWord || Int(id) < corpus.terms.count else { return nil }
            corpus.addWord(word, id: id)
        }
        var entries: [String: Entry] = [:]
        var firstPassage = 0
        for index in 0..<Int(try reader.read(UInt64.self)) {
            let fingerprint = FileFingerprint(size: try reader.read(), modified: try reader.read())
            let id = try reader.readString()
            let title = try reader.readString()
            let category = try reader.readOptionalString()
            let tags = try reader.readString().split(separator: "\n").map(String.init)
            var passages: [Passage] = []
            for _ in 0..<(try reader.read(UInt32.self)) {
                passages.append(Passage(heading: try reader.readOptionalString(), text: try reader.readString()))
            }
            var issues: [KnowledgeIssue] = []
            for _ in 0..<(try reader.read(UInt32.self)) {
                let line = try reader.read(Int64.self)
                issues.append(KnowledgeIssue(file: "", line: line < 0 ? nil : Int(line), message: try reader.readString()))
            }
            corpus.articles.append(Article(id: id, title: title, category: category, tags: tags, passages: passages))
            entries[id] = Entry(index: index, firstPassage: firstPassage, fingerprint: fingerprint, issues: issues)
            firstPassage += passages.count
        }
        corpus.passageArticle = try reader.readArray()
        corpus.passageSection = try reader.readArray()
        corpus.fieldLengths = try reader.readArray()
        corpus.entryStart = try reader.readArray(UInt64.self).map { Int($0) }
        corpus.entryTerm = try reader.readArray()
        corpus.entryFrequency = try reader.readArray()
        let f = AnalyzedCorpus.fieldCount
        // Reject a cache whose parts disagree rather than index out of bounds later.
        guard reader.isAtEnd, corpus.passageArticle.count == firstPassage,
            corpus.passageSection.count == firstPassage, corpus.fieldLengths.count == firstPassage * f,
            corpus.entryStart.count == firstPassage + 1, corpus.entryStart.last == corpus.entryTerm.count,
            zip(corpus.entryStart, corpus.entryStart.dropFirst()).allSatisfy({ $0 <= $1 }),
            corpus.entryFrequency.count == corpus.entryTerm.count * f,
            corpus.entryTerm.allSatisfy({ Int($0) < corpus.terms.count })
        else { return nil }
        return IndexCache(corpus: corpus, entries: entries)
    }
}
