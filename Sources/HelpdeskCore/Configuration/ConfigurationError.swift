/// A configuration file that exists but cannot be used: every problem in it, each with its
/// line, column and what to write instead.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem; callers and tests branch on this, never on the wording.
    public enum Code: String, Sendable, Equatable, CaseIterable {
        /// The file exists but cannot be read.
        case unreadable
        /// The file is not UTF-8 or not JSON.
        case syntax
        /// A key configuration does not have, usually a typo.
        case unknownKey
        /// A value of the wrong JSON type, e.g. a string where a list belongs.
        case wrongType
        /// A number outside what the setting allows.
        case outOfRange
        /// A value of the right type that means nothing, e.g. an SLA of "soonish".
        case invalidValue
        /// A setting that can never take effect, e.g. a routing rule an earlier rule always
        /// matches first (found by `helpdesk check`, not by reading the file).
        case unreachable
    }

    /// One thing wrong in the file.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public let code: Code
        /// Where it is; nil when the problem is the whole file or a value set in code.
        public let location: SourceLocation?
        /// The setting concerned, e.g. `approvalExpiryMinutes`, `agents[1]`, `sla.P2`.
        public let field: String?
        public let message: String

        public init(code: Code, location: SourceLocation?, field: String?, message: String) {
            self.code = code
            self.location = location
            self.field = field
            self.message = message
        }

        /// `3:5: message`, or just the message when there is no location.
        public var description: String { location.map { "\($0): \(message)" } ?? message }
    }

    /// The file, as it was named to `Configuration.load(from:)`.
    public let path: String
    /// Never empty; in file order.
    public let problems: [Problem]

    public init(path: String, problems: [Problem]) {
        self.path = path
        self.problems =
            problems.isEmpty ? [Problem(code: .invalidValue, location: nil, field: nil, message: "is not valid")] : problems
    }

    /// The code of the first problem.
    public var code: Code { problems.first?.code ?? .invalidValue }

    /// The problems without the file name, one per line.
    public var detail: String { problems.map(\.description).joined(separator: "\n") }

    public static func unreadable(_ path: String) -> Self {
        Self(
            path: path,
            problems: [
                Problem(
                    code: .unreadable, location: nil, field: nil,
                    message: "cannot be read; check that it is a file and that its permissions let you read it")
            ])
    }

    /// A problem with no location, e.g. in a `Configuration` built in code.
    public static func malformed(_ path: String, field: String? = nil, detail: String) -> Self {
        Self(path: path, problems: [Problem(code: .invalidValue, location: nil, field: field, message: detail)])
    }

    /// One line per problem, each naming the file: `file:line:column: message`. For a
    /// caller that prints problems one per line (joining `description` and sanitising
    /// it would fold the newlines away).
    public var messages: [String] {
        problems.map { problem in
            problem.location.map { "\(path):\($0): \(problem.message)" } ?? "\(path): \(problem.message)"
        }
    }

    /// `messages`, one per line.
    public var description: String { messages.joined(separator: "\n") }
}
