import Foundation
import HelpdeskCore

/// A Markdown file found in the knowledge folder, with what identifies its version.
struct ArticleFile: Sendable, Equatable {
    /// Relative path without `.md`.
    let id: String
    /// Path as given, for reading and for messages.
    let path: String
    /// What tells the cache the file changed without reading it.
    let fingerprint: FileFingerprint

    /// Reads the file and parses it, or says why it was skipped.
    func load() -> (Article?, [KnowledgeIssue]) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            return (nil, [issue("cannot be read (\(Self.reason(error))); skipped")])
        }
        var bytes = [UInt8](data)
        if bytes.contains(0) { return (nil, [issue("looks binary (contains NUL bytes); skipped")]) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // byte-order mark
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let line = Self.firstInvalidLine(bytes)
            return (nil, [KnowledgeIssue(file: path, line: line, message: "is not valid UTF-8; re-save it as UTF-8. Skipped")])
        }
        if text.allSatisfy(\.isWhitespace) { return (nil, [issue("is empty; skipped")]) }
        return ArticleParser.parse(text, id: id, file: path)
    }

    private func issue(_ message: String) -> KnowledgeIssue { KnowledgeIssue(file: path, message: message) }

    private static func reason(_ error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(describing: POSIXError(code).localizedDescription)
        }
        return (error as NSError).localizedDescription
    }

    private static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
        for (number, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
        where String(validating: line, as: UTF8.self) == nil {
            return number + 1
        }
        return 1
    }
}
