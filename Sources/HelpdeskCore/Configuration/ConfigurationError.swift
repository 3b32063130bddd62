/// A configuration file that exists but cannot be used.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable { case unreadable, malformed }
    private let code: Code
    public let path: String
    public let detail: String

    public static func unreadable(_ path: String) -> Self {
        Self(code: .unreadable, path: path, detail: "cannot be read (check its permissions)")
    }
    public static func malformed(_ path: String, detail: String) -> Self {
        Self(code: .malformed, path: path, detail: "is not a valid configuration: \(detail)")
    }

    public var description: String { "\(path): \(detail)" }
}
