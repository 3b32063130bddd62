/// A problem found in a knowledge file; loading goes on without the broken part.
public struct KnowledgeIssue: Sendable, Equatable, CustomStringConvertible {
    /// Path as the admin named it (the knowledge folder joined with the relative path).
    public let file: String
    /// 1-based line, when the problem has one.
    public let line: Int?
    public let message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}
