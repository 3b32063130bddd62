import Foundation
import HelpdeskCore

/// Every method of the protocol, with its parameters. The README documents each.
enum Method: String, CaseIterable {
    case hello
    case conversationStart = "conversation.start"
    case conversationResume = "conversation.resume"
    case conversationSend = "conversation.send"
    case conversationMessages = "conversation.messages"
    case conversationRecent = "conversation.recent"
    case requestsFile = "requests.file"
    case requestsGet = "requests.get"
    case requestsApproved = "requests.approved"
    case requestsRun = "requests.run"
    case approvalsPending = "approvals.pending"
    case approvalsDecide = "approvals.decide"
    case ticketsFile = "tickets.file"
    case ticketsMine = "tickets.mine"
    case ticketsGet = "tickets.get"
    case ticketsConfirmResolution = "tickets.confirmResolution"
    case ticketsQueue = "tickets.queue"
    case ticketsComment = "tickets.comment"
    case ticketsAssign = "tickets.assign"
    case ticketsSetStatus = "tickets.setStatus"
    case ticketsSetPriority = "tickets.setPriority"
    case ticketsSetQueue = "tickets.setQueue"
    case queuesMine = "queues.mine"
    case agentsList = "agents.list"
    case auditEntries = "audit.entries"
    case auditVerify = "audit.verify"
    case reportsGet = "reports.get"
    case changesSubscribe = "changes.subscribe"
}

/// Server-pushed notifications.
enum Pushed {
    /// A piece of a reply: `{"call": <id of the conversation.send request>, "event": ReplyEvent}`.
    static let reply = "reply"
    /// A change after `changes.subscribe`: `{"event": HelpdeskEvent}`.
    static let change = "change"
}

enum Params {
    struct Hello: Codable, Sendable { let version: Int }
    struct ID: Codable, Sendable { let id: Int }
    struct Send: Codable, Sendable {
        let conversation: Int
        let message: String
    }
    struct Messages: Codable, Sendable {
        let conversation: Int
        let after: Int
    }
    struct Recent: Codable, Sendable {
        let conversation: Int
        let limit: Int
        let before: Date?
    }
    struct FileRequest: Codable, Sendable {
        let tool: String
        let arguments: [String: String]
    }
    struct Decide: Codable, Sendable {
        let id: Int
        let approve: Bool
        let note: String?
    }
    struct FileTicket: Codable, Sendable {
        let draft: TicketDraft
        let conversation: Int?
    }
    struct Queue: Codable, Sendable { let includingFinished: Bool }
    struct Comment: Codable, Sendable {
        let id: Int
        let text: String
        let `internal`: Bool?
    }
    struct ConfirmResolution: Codable, Sendable {
        let id: Int
        let fixed: Bool
        let rating: Int?
    }
    struct Assign: Codable, Sendable {
        let id: Int
        let user: String
    }
    struct SetStatus: Codable, Sendable {
        let id: Int
        let status: Ticket.Status
    }
    struct SetPriority: Codable, Sendable {
        let id: Int
        let priority: Priority
    }
    struct SetQueue: Codable, Sendable {
        let id: Int
        let queue: String
    }
    struct Limit: Codable, Sendable { let limit: Int? }
    struct Period: Codable, Sendable {
        let since: Date
        let until: Date
    }
}

enum Results {
    /// Who the daemon says the caller is.
    struct Hello: Codable, Sendable {
        let version: Int
        let identity: Identity
        let role: Role
        let host: String
    }
    struct Conversation: Codable, Sendable { let conversation: Int }
}

/// Pushed parameters.
enum Pushes {
    struct Reply: Codable, Sendable {
        let call: RPCID
        let event: ReplyEvent
    }
    struct Change: Codable, Sendable { let event: HelpdeskEvent }
}
