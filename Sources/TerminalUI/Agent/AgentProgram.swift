import Foundation
import HelpdeskCore

/// The agent's console: pending approvals first, then tickets by priority and SLA time
/// left, refreshed live as employees (in any process) file requests and tickets; a ticket
/// opens in a scrollable view with its history. A new request or P1 ticket rings the bell.
public final class AgentProgram: TerminalProgram {
    enum Message: Sendable {
        case changed
        case connectionLost(String)
    }

    /// A row of the queue, by what it shows rather than where: a request arriving above
    /// must not slide the selection onto another row, and `a` then approve the wrong one.
    enum Row: Equatable {
        case approval(Int)
        case ticket(Int)
    }

    let inbox = Inbox<Message>()
    let api: any HelpdeskAPI
    var approvals: [ApprovalRequest] = []
    /// The queue as loaded; `filter` and `search` choose the tickets shown.
    var tickets: [Ticket] = []
    /// The last lines of the conversation each pending request came from, as they were when
    /// it was made.
    var context: [Int: [Conversation.Message]] = [:]
    var selection: Row?
    /// The ticket open in detail, with its history.
    var detail: TicketDetail?
    /// The first line of the ticket view on screen; the layout keeps it in range.
    var detailScroll = 0
    /// Rows the content area had when last drawn: how far PgUp and PgDn go.
    var page = 10
    var filter = QueueFilter()
    var search = ""
    var prompt: AgentPrompt?
    /// What was wrong with the last answer to the prompt, shown in place of its question.
    var promptProblem: String?
    var editor = LineEditor()
    var notice: (String, Screen.Style)?
    /// The list of every key, shown instead of the queue or ticket.
    var showingKeys = false
    /// The configured agents, offered when assigning.
    var agentNames: [String] = []
    /// The queues the agent belongs to, for the `queues` filter; nil until the first load.
    var myQueues: [String]?

    /// Set while the daemon cannot be reached; cleared by the next call that succeeds.
    var disconnected = false

    var arrivals = ArrivalWatch()
    /// A bell waiting for the next draw, which has the screen.
    var bellPending = false
    /// The window title the terminal has, so it is written only when it changes.
    var shownTitle: String?
    /// Loads are numbered so that one finishing late never replaces a newer one.
    private var loadsStarted = 0
    private var loadShown = 0

    public init(api: any HelpdeskAPI) {
        self.api = api
        reload()
    }

    /// Runs the console until q or Ctrl-C; the terminal, and its title, are restored
    /// however it ends.
    public func run() {
        let api = self.api
        Screen.saveTitle()
        defer { Screen.restoreTitle() }
        EventLoop.runFullScreen(self, changes: { api.changes() }, as: { _ in .changed }) {
            .connectionLost(String(describing: $0))
        }
    }

    /// What the console shows, fetched in one go.
    private struct Snapshot: Sendable {
        var approvals: [ApprovalRequest]
        var tickets: [Ticket]
        var context: [Int: [Conversation.Message]]
        var detail: TicketDetail?
        var myQueues: [String]?
    }

    /// Fetches the queue again; `then` runs once it is shown (or failed), so an action's
    /// notice never sits beside the queue as it was before the action.
    func reload(then: (() -> Void)? = nil) {
        let api = self.api
        let open = detail?.ticket.id
        let known = Set(context.keys)
        let includingFinished = filter.includesFinished
        let queuesKnown = myQueues != nil
        loadsStarted += 1
        let load = loadsStarted
        perform({
            let approvals = try await api.pendingApprovals()
            let tickets = try await api.queue(includingFinished: includingFinished)
            var context: [Int: [Conversation.Message]] = [:]
            for request in approvals where !known.contains(request.id) {
                if let conversation = request.conversation {
                    context[request.id] = try? await api.recentMessages(of: conversation, limit: 3, before: request.created)
                }
            }
            let detail: TicketDetail? = if let open { try await api.ticket(open) } else { nil }
            let myQueues = queuesKnown ? nil : try await api.myQueues()
            return Snapshot(approvals: approvals, tickets: tickets, context: context, detail: detail, myQueues: myQueues)
        }) { result in
            switch result {
            case .success(let snapshot) where load > self.loadShown:
                self.loadShown = load
                if let queues = snapshot.myQueues, self.myQueues == nil { self.startInOwnQueues(queues) }
                self.show(snapshot.approvals, snapshot.tickets)
                self.context.merge(snapshot.context) { $1 }
                if self.detail != nil { self.detail = snapshot.detail }
                if self.disconnected {
                    self.disconnected = false
                    self.notice = ("Connected again.", .success)
                }
            case .success: break
            case .failure(let error):
                self.notice = (String(describing: error), .danger)
            }
            then?()
        }
    }

    /// Takes in the queue: keeps the selection on the same row where it still is, notices
    /// arrivals, and drops a question about a request someone else has decided meanwhile.
    private func show(_ approvals: [ApprovalRequest], _ tickets: [Ticket]) {
        let before = rows
        let index = selection.flatMap { before.firstIndex(of: $0) } ?? 0
        self.approvals = approvals
        self.tickets = tickets
        keepSelection(near: index)
        if arrivals.update(approvals: approvals, tickets: tickets) { bellPending = true }
        if let request = prompt?.request, !approvals.contains(where: { $0.id == request.id }) {
            prompt = nil
            notice = ("Request #\(request.id) is no longer waiting: it was decided or expired.", .warning)
        }
    }

    /// An agent who belongs to queues starts with them (the header says so); `all` or Esc
    /// shows every ticket.
    private func startInOwnQueues(_ queues: [String]) {
        myQueues = queues
        if !queues.isEmpty && filter.isEmpty { filter.myQueues = true }
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

    /// Draws the console, then rings and retitles the window if a load asked for it: both
    /// go to the terminal, so they belong to drawing, on the loop's thread.
    func draw(on screen: Screen) {
        AgentLayout.draw(self, on: screen)
        if bellPending {
            bellPending = false
            screen.ring()
        }
        let title = ArrivalWatch.title(approvals: approvals, tickets: tickets)
        if loadShown > 0 && title != shownTitle {
            shownTitle = title
            screen.setTitle(title)
        }
    }
}
