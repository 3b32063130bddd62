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
    /// The reply as it is produced; a dropped connection ends it with an error.
    func send(_ message: String, in conversation: Int) -> AsyncThrowingStream<ReplyEvent, any Error>
    /// Files the request a reply prepared, once the employee confirmed it.
    func confirm(_ call: ToolCall, in conversation: Int) async throws -> ApprovalRequest
    /// Files a request for a whitelisted tool, validated as the chat validates it.
    func requestTool(_ name: String, arguments: [String: String]) async throws -> ApprovalRequest
    /// Files a ticket for the asker, linked to the conversation it came from if any.
    func fileTicket(_ draft: TicketDraft, from conversation: Int?) async throws -> Ticket
    func myTickets() async throws -> [Ticket]
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
    func comment(on id: Int, _ text: String) async throws -> Ticket
    func assign(_ id: Int, to user: String) async throws -> Ticket
    func setStatus(_ id: Int, to status: Ticket.Status) async throws -> Ticket
    /// The last messages of the conversation a request came from, for the agent deciding it.
    func recentMessages(of conversation: Int, limit: Int) async throws -> [Conversation.Message]
    func auditEntries(limit: Int?) async throws -> [AuditEntry]
    func verifyAudit() async throws -> AuditVerification
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
