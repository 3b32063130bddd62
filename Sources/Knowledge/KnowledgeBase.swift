import Foundation
import HelpdeskCore
import Synchronization

/// A knowledge folder, loaded and indexed.
public struct KnowledgeBase: Sendable {
    public let directory: String
    public let index: KnowledgeIndex
    /// Files skipped or partly read, articles in path order, then lines of `synonyms.txt`
    /// that cannot be used; each names its file and line.
    public let issues: [KnowledgeIssue]
    /// How many articles came from the cache instead of being read and analysed again.
    public let cachedArticleCount: Int

    /// Loads every `*.md` file under `directory` (hidden files and folders excepted), and
    /// the synonyms in its `synonyms.txt` if there is one.
    ///
    /// - Parameters:
    ///   - cacheDirectory: where to keep the analysed articles between runs; nil to
    ///     analyse everything every time.
    ///   - progress: called after each file with (files done, files in total), from
    ///     whichever thread finished it, one call at a time.
    /// - Throws: `KnowledgeError` when the folder is missing or holds no usable article.
    public static func load(
        _ directory: String, cacheDirectory: String? = nil, parameters: BM25 = BM25(),
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(KnowledgeError) -> KnowledgeBase {
        var issues: [KnowledgeIssue] = []
        let files = try articleFiles(in: directory, issues: &issues)
        let cachePath = cacheDirectory.map { IndexCache.path(forKnowledge: directory, in: $0) }
        let cache = cachePath.flatMap(IndexCache.read)

        let done = Mutex(0)
        let parts = System.inChunks(count: files.count, minimumChunk: 16) { range in
            var part = LoadedPart()
            var remap = [UInt32](repeating: AnalyzedCorpus.stopWord, count: cache?.corpus.terms.count ?? 0)
            let analyzer = Analyzer()
            for file in files[range] {
                part.load(file, cache: cache, remap: &remap, analyzer: analyzer)
                if let progress {
                    done.withLock { count in
                        count += 1; progress(count, files.count)
                    }
                }
            }
            return part
        }

        var corpus = parts.first?.corpus ?? AnalyzedCorpus()
        var issuesByArticle: [String: [KnowledgeIssue]] = [:]
        for (number, part) in parts.enumerated() {
            if number > 0 { corpus.append(contentsOf: part.corpus) }
            issues += part.issues
            issuesByArticle.merge(part.issuesByArticle) { first, _ in first }
        }
        guard !corpus.articles.isEmpty else {
            throw .noArticles(directory, skipped: issues.count)
        }
        let cachedCount = parts.reduce(0) { $0 + $1.cachedCount }
        if let cache, cachedCount > 0 { corpus.adoptSpellings(of: cache.corpus) }
        if let cachePath, cachedCount < corpus.articles.count || cache?.entries.count != corpus.articles.count {
            do {
                try IndexCache.write(corpus, files: files, issues: issuesByArticle, to: cachePath)
            } catch {
                issues.append(
                    KnowledgeIssue(
                        file: cachePath,
                        message: "could not save the index cache (\(error.localizedDescription)); "
                            + "the next start-up will index everything again"))
            }
        }
        // Synonyms are read on every load, never cached: they apply to queries only, so
        // editing them needs no indexing.
        let synonyms = SynonymsFile.load(inFolder: directory)
        return KnowledgeBase(
            directory: directory, index: KnowledgeIndex(corpus: corpus, parameters: parameters, synonyms: synonyms),
            issues: issues + synonyms.issues, cachedArticleCount: cachedCount)
    }

    /// What one thread loaded: its files' articles, analysed or taken from the cache.
    private struct LoadedPart: Sendable {
        var corpus = AnalyzedCorpus()
        var issues: [KnowledgeIssue] = []
        var issuesByArticle: [String: [KnowledgeIssue]] = [:]
        var cachedCount = 0

        mutating func load(_ file: ArticleFile, cache: IndexCache?, remap: inout [UInt32], analyzer: Analyzer) {
            if let cache, let entry = cache.entries[file.id], entry.fingerprint == file.fingerprint {
                corpus.append(articleAt: entry.index, of: cache.corpus, firstPassage: entry.firstPassage, remap: &remap)
                let restored = entry.issues.map { KnowledgeIssue(file: file.path, line: $0.line, message: $0.message) }
                issues += restored
                issuesByArticle[file.id] = restored
                cachedCount += 1
                return
            }
            let (article, fileIssues) = file.load()
            issues += fileIssues
            if let article {
                corpus.append(article, analyzer: analyzer)
                issuesByArticle[file.id] = fileIssues
            }
        }
    }

    /// The Markdown files under `directory`, sorted by id so results are stable.
    static func articleFiles(in directory: String, issues: inout [KnowledgeIssue]) throws(KnowledgeError) -> [ArticleFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw .missingFolder(directory)
        }
        guard isDirectory.boolValue else { throw .notAFolder(directory) }
        let root = URL(fileURLWithPath: directory)
        guard
            let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { throw .missingFolder(directory) }
        var files: [ArticleFile] = []
        let rootPath = root.standardizedFileURL.path
        for case let url as URL in enumerator where url.pathExtension.lowercased() == "md" {
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(rootPath + "/") else { continue }
            let relative = String(full.dropFirst(rootPath.count + 1))
            let id = String(relative.dropLast(3))
            let path = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            guard let fingerprint = FileFingerprint.of(path) else {
                issues.append(
                    KnowledgeIssue(file: path, message: "cannot be read (a broken link, or removed while loading); skipped"))
                continue
            }
            files.append(ArticleFile(id: id, path: path, fingerprint: fingerprint))
        }
        return files.sorted { $0.id < $1.id }
    }
}

extension KnowledgeBase {
    /// What changes when an article or `synonyms.txt` under `directory` is added, removed
    /// or edited: each file's fingerprint by path. Cheap: no file is read.
    public static func version(of directory: String) -> [String: FileFingerprint] {
        var issues: [KnowledgeIssue] = []
        var version = Dictionary(
            ((try? articleFiles(in: directory, issues: &issues)) ?? []).map { ($0.path, $0.fingerprint) },
            uniquingKeysWith: { first, _ in first })
        let synonyms = (directory as NSString).appendingPathComponent(Synonyms.fileName)
        version[synonyms] = FileFingerprint.of(synonyms)
        return version
    }
}
