/// What running a tool produced.
public struct ToolResult: Sendable, Equatable, Codable {
    public let succeeded: Bool
    /// For the requester's screen only; may contain `secret`.
    public let message: String
    /// A temporary password or similar: shown to the requester once, stored nowhere.
    public let secret: String?
    /// For the request's record and the audit log: never contains the secret.
    public let record: String

    public init(succeeded: Bool, message: String, secret: String?, record: String) {
        self.succeeded = succeeded
        self.message = message
        self.secret = secret
        self.record = record
    }
}
