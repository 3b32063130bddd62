import Foundation
import HelpdeskCore

/// The agent's console: pending approvals first, then tickets by priority and SLA time
/// left, refreshed live as employees (in any process) file requests and tickets.
public final class AgentProgram: TerminalProgram {
    enum Message: Sendable {
        case changed
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
    var detail: (ticket: Ticket, history: [TicketEvent])?
    var prompt: Prompt?
    var editor = LineEditor()
    var notice: (String, Screen.Style)?

    public init(api: any HelpdeskAPI) {
        self.api = api
        reload()
    }

    /// Runs the console until q or Ctrl-C; the terminal is restored however it ends.
    public func run() {
        EventLoop.runFullScreen(self, events: api.events(pollEvery: .milliseconds(250))) { _ in .changed }
    }

    /// Rows the selection moves over: approvals, then tickets.
    var rowCount: Int { approvals.count + tickets.count }

    func reload() {
        do {
            approvals = try api.pendingApprovals()
            tickets = try api.queue(includingFinished: false)
            for request in approvals where context[request.id] == nil {
                if let conversation = request.conversation {
                    context[request.id] = try? api.recentMessages(of: conversation, limit: 3)
                }
            }
            if let open = detail { detail = try api.ticket(open.ticket.id) }
        } catch {
            notice = (String(describing: error), .danger)
        }
        selected = min(selected, max(rowCount - 1, 0))
    }

    func receive(_ message: Message) { reload() }

    private var shownMinute = 0

    /// Ages and SLA times are shown in minutes: redraw when the minute changes.
    func tick() -> Bool {
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
            if let ticket = selectedTicket { detail = try? api.ticket(ticket.id) }
        case .character("c"):
            if let id = currentTicketID { ask(.comment(id)) }
        case .character("m"):
            if let id = currentTicketID {
                act("Ticket #\(id) is assigned to you.") { _ = try self.api.assign(id, to: self.api.identity.user) }
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
        act("Approved request #\(request.id); \(request.requester)'s chat runs it now.") {
            _ = try self.api.decide(request.id, approve: true, note: nil)
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
        switch prompt {
        case .denyReason(let id):
            act("Denied request #\(id).") { _ = try self.api.decide(id, approve: false, note: text) }
        case .comment(let id):
            act("Commented on ticket #\(id).") { _ = try self.api.comment(on: id, text) }
        case .status(let id):
            guard let status = Ticket.Status(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
                notice = ("“\(text)” is not a status: new, open, pending, resolved or closed", .danger)
                return true
            }
            act("Ticket #\(id) is \(status.rawValue).") { _ = try self.api.setStatus(id, to: status) }
        }
        return true
    }

    /// Does `change`, then reloads; says what happened or why it was refused.
    private func act(_ done: String, _ change: () throws -> Void) {
        do {
            try change()
            notice = (done, .success)
        } catch {
            notice = (String(describing: error), .danger)
        }
        reload()
    }

    func draw(on screen: Screen) {
        AgentLayout.draw(self, on: screen)
    }
}
