import Foundation
import HelpdeskCore

/// The agent's console: pending approvals first, then tickets by priority and SLA time
/// left, refreshed live as employees (in any process) file requests and tickets.
public final class AgentProgram: TerminalProgram {
    enum Message: Sendable {
        case changed
        case connectionLost(String)
    }

    enum Prompt {
        case denyReason(Int)
        case comment(Int)
        case status(Int)
    }

    let inbox = Inbox<Message>()
    let api: any HelpdeskAPI
    var approvals: [ApprovalRequest] = []
    var tickets: [Ticket] = []
    /// The last lines of the conversation each pending request came from.
    var context: [Int: [Conversation.Message]] = [:]
    var selected = 0
    /// The ticket open in detail, with its history.
    var detail: TicketDetail?
    var prompt: Prompt?
    var editor = LineEditor()
    var notice: (String, Screen.Style)?

    /// Set while the daemon cannot be reached; cleared by the next call that succeeds.
    var disconnected = false

    public init(api: any HelpdeskAPI) {
        self.api = api
        reload()
    }

    /// Runs the console until q or Ctrl-C; the terminal is restored however it ends.
    public func run() {
        let api = self.api
        EventLoop.runFullScreen(self, changes: { api.changes() }, as: { _ in .changed }) {
            .connectionLost(String(describing: $0))
        }
    }

    /// Rows the selection moves over: approvals, then tickets.
    var rowCount: Int { approvals.count + tickets.count }

    /// What the console shows, fetched in one go.
    private struct Snapshot: Sendable {
        var approvals: [ApprovalRequest]
        var tickets: [Ticket]
        var context: [Int: [Conversation.Message]]
        var detail: TicketDetail?
    }

    func reload() {
        let api = self.api
        let open = detail?.ticket.id
        let known = Set(context.keys)
        perform({
            let approvals = try await api.pendingApprovals()
            let tickets = try await api.queue(includingFinished: false)
            var context: [Int: [Conversation.Message]] = [:]
            for request in approvals where !known.contains(request.id) {
                if let conversation = request.conversation {
                    context[request.id] = try? await api.recentMessages(of: conversation, limit: 3)
                }
            }
            let detail: TicketDetail? = if let open { try await api.ticket(open) } else { nil }
            return Snapshot(approvals: approvals, tickets: tickets, context: context, detail: detail)
        }) { result in
            switch result {
            case .success(let snapshot):
                self.approvals = snapshot.approvals
                self.tickets = snapshot.tickets
                self.context.merge(snapshot.context) { $1 }
                if self.detail != nil { self.detail = snapshot.detail }
                if self.disconnected {
                    self.disconnected = false
                    self.notice = ("Connected again.", .success)
                }
            case .failure(let error):
                self.notice = (String(describing: error), .danger)
            }
            self.selected = min(self.selected, max(self.rowCount - 1, 0))
        }
    }

    func receive(_ message: Message) {
        switch message {
        case .changed: reload()
        case .connectionLost(let error):
            disconnected = true
            notice = ("Lost the helpdesk (\(error)); reconnecting…", .danger)
        }
    }

    private var shownMinute = 0

    /// Ages and SLA times are shown in minutes: redraw when the minute changes. While the
    /// daemon is away, try it again every second.
    func tick() -> Bool {
        if disconnected { reload() }
        let minute = Int(Date().timeIntervalSince1970 / 60)
        defer { shownMinute = minute }
        return minute != shownMinute
    }

    func handle(_ key: Key) -> Bool {
        if prompt != nil { return handlePrompt(key) }
        switch key {
        case .control("c"), .character("q"):
            if detail != nil && key == .character("q") {
                detail = nil
                return true
            }
            return false
        case .escape: detail = nil
        case .up, .character("k"): selected = max(selected - 1, 0)
        case .down, .character("j"): selected = min(selected + 1, max(rowCount - 1, 0))
        case .character("r"): reload()
        case .character("a"): approveSelected()
        case .character("d"):
            if let request = selectedApproval { ask(.denyReason(request.id)) }
        case .enter:
            if let ticket = selectedTicket { open(ticket.id) }
        case .character("c"):
            if let id = currentTicketID { ask(.comment(id)) }
        case .character("m"):
            if let id = currentTicketID {
                let api = self.api
                act("Ticket #\(id) is assigned to you.") { _ = try await api.assign(id, to: api.identity.user) }
            }
        case .character("s"):
            if let id = currentTicketID { ask(.status(id)) }
        default: break
        }
        return true
    }

    var selectedApproval: ApprovalRequest? {
        detail == nil && selected < approvals.count ? approvals[selected] : nil
    }

    var selectedTicket: Ticket? {
        detail == nil && selected >= approvals.count && selected - approvals.count < tickets.count
            ? tickets[selected - approvals.count] : nil
    }

    private var currentTicketID: Int? { detail?.ticket.id ?? selectedTicket?.id }

    private func approveSelected() {
        guard let request = selectedApproval else { return }
        let api = self.api
        act("Approved request #\(request.id); \(request.requester)'s chat runs it now.") {
            _ = try await api.decide(request.id, approve: true, note: nil)
        }
    }

    private func ask(_ prompt: Prompt) {
        self.prompt = prompt
        editor.set("")
    }

    private func handlePrompt(_ key: Key) -> Bool {
        if key == .escape || key == .control("c") {
            prompt = nil
            return true
        }
        guard case .submit(let text) = editor.handle(key), let prompt else { return true }
        self.prompt = nil
        let api = self.api
        switch prompt {
        case .denyReason(let id):
            act("Denied request #\(id).") { _ = try await api.decide(id, approve: false, note: text) }
        case .comment(let id):
            act("Commented on ticket #\(id).") { _ = try await api.comment(on: id, text) }
        case .status(let id):
            guard let status = Ticket.Status(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
                notice = ("“\(text)” is not a status: new, open, pending, resolved or closed", .danger)
                return true
            }
            act("Ticket #\(id) is \(status.rawValue).") { _ = try await api.setStatus(id, to: status) }
        }
        return true
    }

    /// Does `change`, then reloads; says what happened or why it was refused.
    private func act(_ done: String, _ change: @escaping @Sendable () async throws -> Void) {
        perform(change) { result in
            switch result {
            case .success: self.notice = (done, .success)
            case .failure(let error): self.notice = (String(describing: error), .danger)
            }
            self.reload()
        }
    }

    /// Opens ticket `id` in detail, with its history.
    private func open(_ id: Int) {
        let api = self.api
        perform({ try await api.ticket(id) }) { result in
            switch result {
            case .success(let detail): self.detail = detail
            case .failure(let error): self.notice = (String(describing: error), .danger)
            }
        }
    }

    func draw(on screen: Screen) {
        AgentLayout.draw(self, on: screen)
    }
}
