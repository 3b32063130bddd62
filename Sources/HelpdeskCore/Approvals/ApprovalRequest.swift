import Foundation

/// A tool request on its way through the approval gate.
public struct ApprovalRequest: Sendable, Equatable, Codable {
    public enum State: String, Sendable, Equatable, Codable, CaseIterable {
        /// Waiting for an agent.
        case pending
        /// An agent approved it (or the tool needs no approval); not run yet.
        case approved
        case denied
        /// Nobody decided in time.
        case expired
        /// Being run now.
        case running
        case executed
        case failed

        public var isFinal: Bool { self == .denied || self == .expired || self == .executed || self == .failed }
    }

    public let id: Int
    public let call: ToolCall
    public let requester: String
    public let conversation: Int?
    public var state: State
    public var decidedBy: String?
    /// The agent's note, or the reason for a denial.
    public var note: String?
    /// What happened when it ran — never a secret such as a temporary password.
    public var outcome: String?
    public let created: Date
    public var decided: Date?
    public let expires: Date

    public init(
        id: Int, call: ToolCall, requester: String, conversation: Int?, state: State, decidedBy: String?, note: String?,
        outcome: String?, created: Date, decided: Date?, expires: Date
    ) {
        self.id = id
        self.call = call
        self.requester = requester
        self.conversation = conversation
        self.state = state
        self.decidedBy = decidedBy
        self.note = note
        self.outcome = outcome
        self.created = created
        self.decided = decided
        self.expires = expires
    }
}

/// Something that changed, for front ends that show live state: a request, a decision, a
/// ticket. It carries the changed record, so nobody needs to ask for it again.
public struct HelpdeskEvent: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case ticketCreated = "ticket.created"
        case ticketChanged = "ticket.changed"
        case approvalRequested = "approval.requested"
        case approvalDecided = "approval.decided"
        case approvalFinished = "approval.finished"

        public var isAboutTicket: Bool { self == .ticketCreated || self == .ticketChanged }
    }

    public let id: Int
    public let kind: Kind
    /// The ticket or request number.
    public let subject: Int
    /// The requester it concerns.
    public let user: String
    /// The ticket as it is after the change, for ticket events.
    public var ticket: Ticket?
    /// The request as it is after the change, for approval events.
    public var request: ApprovalRequest?

    public init(id: Int, kind: Kind, subject: Int, user: String, ticket: Ticket? = nil, request: ApprovalRequest? = nil) {
        self.id = id
        self.kind = kind
        self.subject = subject
        self.user = user
        self.ticket = ticket
        self.request = request
    }
}
