/// Why the helpdesk refused or failed a call, in words a person can act on, with a code
/// a program can branch on. The same value arrives from the embedded service and, as a
/// JSON-RPC error, from the daemon: callers and tests match on `code`, never on wording.
public struct HelpdeskError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable, Codable, CaseIterable {
        /// The caller's role does not allow it.
        case forbidden
        /// No such ticket, request or conversation, or not the caller's.
        case notFound
        /// An argument, a title or a message that cannot be accepted.
        case invalid
        /// Not now: the ticket or request is in a state that does not allow it.
        case conflict
        /// Over a size limit.
        case tooLarge
        /// The database, the daemon or the connection cannot be used now.
        case unavailable

        /// The JSON-RPC 2.0 error code: in the range the specification leaves to servers.
        public var rpcCode: Int {
            switch self {
            case .forbidden: -32001
            case .notFound: -32002
            case .invalid: -32003
            case .conflict: -32004
            case .tooLarge: -32005
            case .unavailable: -32006
            }
        }

        public init?(rpcCode: Int) {
            guard let code = Self.allCases.first(where: { $0.rpcCode == rpcCode }) else { return nil }
            self = code
        }
    }

    public let code: Code
    public let description: String

    public init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}

extension ArgumentError {
    /// The same refusal, as the API reports it.
    public var asHelpdeskError: HelpdeskError { HelpdeskError(.invalid, description) }
}
