/// Why a knowledge base could not be loaded at all (single bad files are `KnowledgeIssue`s).
public struct KnowledgeError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable { case missingFolder, notAFolder, noArticles }
    private let code: Code
    public let description: String

    public static func missingFolder(_ path: String) -> Self {
        Self(
            code: .missingFolder,
            description:
                "knowledge folder \(path) does not exist: create it and add Markdown articles (*.md), or pass --knowledge DIR")
    }
    public static func notAFolder(_ path: String) -> Self {
        Self(code: .notAFolder, description: "\(path) is a file, not a knowledge folder: pass the folder that holds the articles")
    }
    public static func noArticles(_ path: String, skipped: Int) -> Self {
        let detail = skipped > 0 ? " (\(skipped) file(s) skipped, see the warnings above)" : ""
        return Self(
            code: .noArticles, description: "knowledge folder \(path) has no usable articles\(detail): add Markdown files (*.md)")
    }
}
