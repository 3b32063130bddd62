import Foundation
import HelpdeskCore

/// The helpdesk as `helpdesk serve` offers it over its Unix socket: the same calls as
/// the embedded service, each a JSON-RPC round trip. Who the caller is, the daemon
/// learns from the kernel; the client only ever hears it back.
///
/// When the daemon goes away, calls fail with `unavailable`; the next call connects
/// again, so a front end reconnects by carrying on.
public final class SocketClient: HelpdeskAPI {
    public let path: String
    public let identity: Identity
    public let role: Role
    public let connection: String
    private let links: Links

    /// Connects to the daemon at `path`.
    /// - Throws: `HelpdeskError.unavailable` when nothing answers there.
    public static func connect(to path: String) async throws -> SocketClient {
        let link = try await Link.open(path)
        return SocketClient(path: path, link: link)
    }

    /// Whether a daemon answers at `path`.
    static func probe(_ path: String) async throws -> Bool {
        let link = try await Link.open(path)
        link.close()
        return true
    }

    private init(path: String, link: Link) {
        self.path = path
        identity = link.hello.identity
        role = link.hello.role
        connection = "daemon on \(link.hello.host)"
        links = Links(path: path, link: link)
    }

    /// The connection calls share, opened again if the last one closed.
    private actor Links {
        let path: String
        var link: Link

        init(path: String, link: Link) {
            self.path = path
            self.link = link
        }

        func current() async throws -> Link {
            if !link.isOpen { link = try await Link.open(path) }
            return link
        }
    }

    private func call<P: Codable & Sendable, R: Codable & Sendable>(_ method: Method, _ params: P) async throws -> R {
        try await links.current().call(method, params)
    }

    // MARK: - Employees

    public func startConversation() async throws -> Int {
        let result: Results.Conversation = try await call(.conversationStart, Empty())
        return result.conversation
    }

    public func resumeConversation() async throws -> Int {
        let result: Results.Conversation = try await call(.conversationResume, Empty())
        return result.conversation
    }

    public func messages(of conversation: Int, after: Int) async throws -> [Conversation.Message] {
        try await call(.conversationMessages, Params.Messages(conversation: conversation, after: after))
    }

    public func send(_ message: String, in conversation: Int) -> AsyncThrowingStream<ReplyEvent, any Error> {
        let links = self.links
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    let link = try await links.current()
                    let id = link.nextID()
                    let key = Link.replyKey(id)
                    link.listen(for: key) { line in
                        guard let line else { return }
                        if let push = try? Wire.decoder.decode(Notification<Pushes.Reply>.self, from: line) {
                            continuation.yield(push.params.event)
                        }
                    }
                    defer { link.stopListening(for: key) }
                    let answer = try await link.call(
                        .conversationSend, Params.Send(conversation: conversation, message: message), id: id)
                    let _: Empty = try Link.result(from: answer)
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    public func requestTool(_ name: String, arguments: [String: String]) async throws -> ApprovalRequest {
        try await call(.requestsFile, Params.FileRequest(tool: name, arguments: arguments))
    }

    public func fileTicket(_ draft: TicketDraft, from conversation: Int?) async throws -> Ticket {
        try await call(.ticketsFile, Params.FileTicket(draft: draft, conversation: conversation))
    }

    public func myTickets() async throws -> [Ticket] { try await call(.ticketsMine, Empty()) }
    public func ticket(_ id: Int) async throws -> TicketDetail { try await call(.ticketsGet, Params.ID(id: id)) }
    public func confirmResolution(of id: Int, fixed: Bool, rating: Int?) async throws -> Ticket {
        try await call(.ticketsConfirmResolution, Params.ConfirmResolution(id: id, fixed: fixed, rating: rating))
    }
    public func request(_ id: Int) async throws -> ApprovalRequest { try await call(.requestsGet, Params.ID(id: id)) }
    public func approvedRequests() async throws -> [ApprovalRequest] { try await call(.requestsApproved, Empty()) }
    public func run(_ id: Int) async throws -> ToolResult { try await call(.requestsRun, Params.ID(id: id)) }

    /// Changes over a connection of their own, which lives as long as the stream: when the
    /// daemon goes away, the stream ends with `unavailable`.
    public func changes() -> AsyncThrowingStream<HelpdeskEvent, any Error> {
        let path = self.path
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    let link = try await Link.open(path)
                    link.listen(for: Pushed.change) { line in
                        guard let line else {
                            return continuation.finish(
                                throwing: HelpdeskError(.unavailable, "the helpdesk daemon closed the connection"))
                        }
                        if let push = try? Wire.decoder.decode(Notification<Pushes.Change>.self, from: line) {
                            continuation.yield(push.params.event)
                        }
                    }
                    let _: Empty = try await link.call(.changesSubscribe, Empty())
                    await withTaskCancellationHandler {
                        while link.isOpen && !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
                    } onCancel: {
                        link.close()
                    }
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    // MARK: - Agents

    public func pendingApprovals() async throws -> [ApprovalRequest] { try await call(.approvalsPending, Empty()) }

    public func decide(_ id: Int, approve: Bool, note: String?) async throws -> ApprovalRequest {
        try await call(.approvalsDecide, Params.Decide(id: id, approve: approve, note: note))
    }

    public func queue(includingFinished: Bool) async throws -> [Ticket] {
        try await call(.ticketsQueue, Params.Queue(includingFinished: includingFinished))
    }

    public func comment(on id: Int, _ text: String, internal: Bool) async throws -> Ticket {
        try await call(.ticketsComment, Params.Comment(id: id, text: text, internal: `internal`))
    }

    public func assign(_ id: Int, to user: String) async throws -> Ticket {
        try await call(.ticketsAssign, Params.Assign(id: id, user: user))
    }

    public func setStatus(_ id: Int, to status: Ticket.Status) async throws -> Ticket {
        try await call(.ticketsSetStatus, Params.SetStatus(id: id, status: status))
    }

    public func setPriority(_ id: Int, to priority: Priority) async throws -> Ticket {
        try await call(.ticketsSetPriority, Params.SetPriority(id: id, priority: priority))
    }

    public func setQueue(_ id: Int, to queue: String) async throws -> Ticket {
        try await call(.ticketsSetQueue, Params.SetQueue(id: id, queue: queue))
    }

    public func myQueues() async throws -> [String] { try await call(.queuesMine, Empty()) }

    public func agents() async throws -> [String] { try await call(.agentsList, Empty()) }

    public func recentMessages(of conversation: Int, limit: Int, before: Date?) async throws -> [Conversation.Message] {
        try await call(.conversationRecent, Params.Recent(conversation: conversation, limit: limit, before: before))
    }

    public func auditEntries(limit: Int?) async throws -> [AuditEntry] {
        try await call(.auditEntries, Params.Limit(limit: limit))
    }
    public func verifyAudit() async throws -> AuditVerification { try await call(.auditVerify, Empty()) }

    public func report(since: Date, until: Date) async throws -> Report {
        try await call(.reportsGet, Params.Period(since: since, until: until))
    }
}
