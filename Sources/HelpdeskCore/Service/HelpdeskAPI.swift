/// What a front end may ask of the helpdesk. The embedded `HelpdeskService` implements it,
/// and so will the client of `helpdesk serve`: the terminal UI cannot tell which it talks to.
public protocol HelpdeskAPI: Sendable {
    var identity: Identity { get }
    var role: Role { get }

    // Employees
    func startConversation() throws -> Int
    func send(_ message: String, in conversation: Int) throws -> AsyncStream<ReplyEvent>
    func confirm(_ call: ToolCall, in conversation: Int) throws -> ApprovalRequest
    func fileProposedTicket(_ draft: TicketDraft, from conversation: Int) throws -> Ticket
    func myTickets() throws -> [Ticket]
    func ticket(_ id: Int) throws -> (ticket: Ticket, history: [TicketEvent])
    func request(_ id: Int) throws -> ApprovalRequest
    func run(_ id: Int) throws -> ToolResult
    func events(pollEvery interval: Duration) -> AsyncStream<HelpdeskEvent>

    // Agents
    func pendingApprovals() throws -> [ApprovalRequest]
    func decide(_ id: Int, approve: Bool, note: String?) throws -> ApprovalRequest
    func queue(includingFinished: Bool) throws -> [Ticket]
    func comment(on id: Int, _ text: String) throws -> Ticket
    func assign(_ id: Int, to user: String) throws -> Ticket
    func setStatus(_ id: Int, to status: Ticket.Status) throws -> Ticket
    /// The last messages of the conversation a request came from, for the agent deciding it.
    func recentMessages(of conversation: Int, limit: Int) throws -> [Conversation.Message]
}
