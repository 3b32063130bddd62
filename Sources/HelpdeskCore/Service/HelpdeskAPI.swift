import Foundation

/// What a front end may ask of the helpdesk. The embedded `HelpdeskService` implements it
/// in-process; on a shared host the daemon's socket client implements it over JSON-RPC.
/// The front ends cannot tell which: every call is `async` (a round trip never blocks
/// drawing), every refusal is a `HelpdeskError` with a code, and only Codable Core types
/// cross it.
public protocol HelpdeskAPI: Sendable {
    /// Who is asking, as the operating system says (the process, or the socket's peer).
    var identity: Identity { get }
    var role: Role { get }
    /// Where the helpdesk runs, for the status bar: "embedded", or "daemon on HOST".
    var connection: String { get }

    // Employees
    func startConversation() async throws -> Int
    /// The asker's latest conversation, or a new one: the chat carries on where it was.
    func resumeConversation() async throws -> Int
    /// The reply as it is produced; a dropped connection ends it with an error. A request
    /// the employee confirms is filed by the helpdesk, and `done`'s reply carries it.
    func send(_ message: String, in conversation: Int) -> AsyncThrowingStream<ReplyEvent, any Error>
    /// The conversation's messages after message `after`, oldest first: what a reopened or
    /// live chat has not shown yet, notices of what happened elsewhere included.
    func messages(of conversation: Int, after: Int) async throws -> [Conversation.Message]
    /// Files a request for a whitelisted tool, validated as the chat validates it.
    func requestTool(_ name: String, arguments: [String: String]) async throws -> ApprovalRequest
    /// Files a ticket for the asker, linked to the conversation it came from if any.
    func fileTicket(_ draft: TicketDraft, from conversation: Int?) async throws -> Ticket
    func myTickets() async throws -> [Ticket]
    /// The requester of a resolved ticket confirms it (fixed: closed, with an optional 1–5
    /// rating) or says it is not fixed (reopened).
    func confirmResolution(of id: Int, fixed: Bool, rating: Int?) async throws -> Ticket
    func ticket(_ id: Int) async throws -> TicketDetail
    func request(_ id: Int) async throws -> ApprovalRequest
    /// The asker's approved requests that have not run yet: decided while they were away.
    func approvedRequests() async throws -> [ApprovalRequest]
    /// Runs the asker's approved request, once; a temporary password comes back here only.
    func run(_ id: Int) async throws -> ToolResult
    /// Changes as they happen, each carrying the changed record: everything for agents,
    /// what concerns them for employees.
    func changes() -> AsyncThrowingStream<HelpdeskEvent, any Error>

    // Agents
    func pendingApprovals() async throws -> [ApprovalRequest]
    func decide(_ id: Int, approve: Bool, note: String?) async throws -> ApprovalRequest
    func queue(includingFinished: Bool) async throws -> [Ticket]
    /// A comment: employees on their own tickets, agents on any. An internal note (agents
    /// only) is never shown to the employee.
    func comment(on id: Int, _ text: String, internal: Bool) async throws -> Ticket
    func assign(_ id: Int, to user: String) async throws -> Ticket
    func setStatus(_ id: Int, to status: Ticket.Status) async throws -> Ticket
    /// Sets the priority; the SLA due time follows it.
    func setPriority(_ id: Int, to priority: Priority) async throws -> Ticket
    /// Moves the ticket to another team's queue, one the configuration knows.
    func setQueue(_ id: Int, to queue: String) async throws -> Ticket
    /// The queues the asker works, by user name or Unix group: the console's "my queues".
    func myQueues() async throws -> [String]
    /// The agents the configuration names, for assignment.
    func agents() async throws -> [String]
    /// The last `limit` messages of a conversation sent before `before` (up to now when
    /// nil): for the agent deciding a request, the lines from when it was made.
    func recentMessages(of conversation: Int, limit: Int, before: Date?) async throws -> [Conversation.Message]
    func auditEntries(limit: Int?) async throws -> [AuditEntry]
    func verifyAudit() async throws -> AuditVerification
    /// The report over `since` up to, not including, `until`: self-service, tickets, times in
    /// business hours, SLA, satisfaction, articles and knowledge gaps.
    func report(since: Date, until: Date) async throws -> Report
}

extension HelpdeskAPI {
    /// A public comment, seen by the employee and the agents.
    public func comment(on id: Int, _ text: String) async throws -> Ticket {
        try await comment(on: id, text, internal: false)
    }
}

/// A ticket with its history, oldest event first.
public struct TicketDetail: Sendable, Equatable, Codable {
    public let ticket: Ticket
    public let history: [TicketEvent]

    public init(ticket: Ticket, history: [TicketEvent]) {
        self.ticket = ticket
        self.history = history
    }
}
