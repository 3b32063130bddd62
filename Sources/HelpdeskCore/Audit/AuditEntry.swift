import Foundation

/// One line of the audit log: who did what to what, when.
public struct AuditEntry: Sendable, Equatable, Codable {
    public let id: Int
    public let at: Date
    public let actor: String
    /// e.g. `ticket.created`, `ticket.status`, `approval.decided`.
    public let action: String
    /// What it was done to, e.g. `ticket/42`.
    public let subject: String
    public let detail: String
    public let previousHash: String
    public let hash: String

    public init(
        id: Int, at: Date, actor: String, action: String, subject: String, detail: String, previousHash: String,
        hash: String
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
        self.previousHash = previousHash
        self.hash = hash
    }
}

/// What verifying the audit log found.
public enum AuditVerification: Sendable, Equatable, Codable {
    case intact(entries: Int)
    /// The first entry whose hash or link does not match.
    case broken(entry: Int, reason: String)
}
