import Foundation
import HelpdeskCore

/// The employee's chat: a transcript with scrollback, replies streaming in, tool and
/// ticket cards that update live, and an input line.
public final class ChatProgram: TerminalProgram {
    enum Message: Sendable {
        case reply(ReplyEvent)
        case replyFailed(line: String, error: HelpdeskError)
        case event(HelpdeskEvent)
        case connectionLost(String)
        case toolFinished(request: Int, result: ToolResult)
        case toolFailed(request: Int, error: String)
    }

    let inbox = Inbox<Message>()
    let api: any HelpdeskAPI
    var conversation: Int
    var entries: [ChatEntry] = []
    var editor = LineEditor()
    /// Lines scrolled up from the bottom; 0 follows new text.
    var scroll = 0
    /// The ticket card whose summary the input line is editing.
    var editingTicket: Int?
    var openTickets = 0
    /// Set while the daemon cannot be reached; cleared by the next call that succeeds.
    var disconnected = false
    /// The newest stored message of the conversation shown; nil until the earlier
    /// conversation is loaded, and news waits for that.
    var lastMessage: Int?
    let history: InputHistory?
    private var lastPage = 10

    /// - Parameters:
    ///   - conversation: the conversation to continue, from `api.resumeConversation()`;
    ///     its recent messages are shown first.
    ///   - history: where input history is kept between sessions; nil keeps none.
    public init(api: any HelpdeskAPI, conversation: Int, historyFile: String? = nil) {
        self.api = api
        self.conversation = conversation
        self.history = historyFile.map(InputHistory.init)
        editor.history = history?.load() ?? []
        entries.append(.notice("Describe your problem, or ask about VPN, passwords, email, printers… F1 or ? for help.", .dim))
        refreshCounts()
        showEarlierConversation()
        runApprovedRequests()
        askAboutResolvedTickets()
    }

    /// Runs the chat until /quit or Ctrl-C; the terminal is restored however it ends.
    public func run() {
        let api = self.api
        EventLoop.runFullScreen(self, changes: { api.changes() }, as: { .event($0) }) {
            .connectionLost(String(describing: $0))
        }
    }

    // MARK: - Keys

    func handle(_ key: Key) -> Bool {
        switch key {
        case .control("c"), .control("q"): return false
        case .function(1): showHelp()
        case .pageUp: scroll += max(lastPage - 2, 1)
        case .pageDown: scroll = max(scroll - max(lastPage - 2, 1), 0)
        case .wheel(let direction): scroll = max(scroll - direction * 3, 0)
        case .home where editor.isEmpty: scroll = Int.max / 2
        case .end where editor.isEmpty: scroll = 0
        case .escape where editingTicket != nil:
            editingTicket = nil
            editor.set("")
        case .character("?") where editor.isEmpty:
            showHelp()
        default:
            switch editor.handle(key) {
            case .submit(let line): return submit(line)
            case .handled, .ignored: break
            }
            if editor.refused > 0 && !editor.pasting { reportRefusedInput() }
        }
        return true
    }

    /// Says that input past the message limit was left out, once per paste.
    private func reportRefusedInput() {
        let count = editor.refused
        editor.refused = 0
        let notice = ChatEntry.notice(
            "A message holds at most \(MessageLimit.described): \(count) more character\(count == 1 ? " was" : "s were") not added. "
                + "Send the rest in another message, or attach it to a ticket.", .warning)
        entries.append(notice)
        scroll = 0
    }

    /// A line that answers the newest card still waiting: y, n or e alone (or yes, no,
    /// edit; "y 4" rates a resolution too). Only a whole line counts, so a sentence that
    /// starts with one of those letters is never eaten. A tool card's question belongs to
    /// the helpdesk, so its answer is sent as a message; ticket and resolution cards are
    /// answered here. Returns whether the line was used up.
    private func answerCard(_ line: String) -> Bool {
        guard let index = entries.lastIndex(where: Self.awaitsAnswer) else { return false }
        let answer = line.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let yes = answer == "y" || answer == "yes"
        let no = answer == "n" || answer == "no"
        switch entries[index] {
        case .ticket(var card) where yes:
            card.state = .filing
            entries[index] = .ticket(card)
            file(card)
        case .ticket(var card) where no:
            card.state = .cancelled
            entries[index] = .ticket(card)
        case .ticket(let card) where answer == "e" || answer == "edit":
            editingTicket = index
            editor.set(card.draft.title)
        case .resolution(var card):
            let words = answer.split(separator: " ")
            let rating = words.count == 2 ? Int(words[1]).flatMap { (1...5).contains($0) ? $0 : nil } : nil
            guard let first = words.first, words.count == 1 || rating != nil else { return false }
            let fixed = first == "y" || first == "yes"
            guard fixed || ((first == "n" || first == "no") && words.count == 1) else { return false }
            card.state = .sending
            entries[index] = .resolution(card)
            confirmResolution(card.ticket, fixed: fixed, rating: rating)
        default:
            return false
        }
        return true
    }

    private static func awaitsAnswer(_ entry: ChatEntry) -> Bool {
        switch entry {
        case .tool(let card): card.state == .proposed
        case .ticket(let card): card.state == .proposed
        case .resolution(let card): card.state == .asking
        default: false
        }
    }

    /// Sends a line: a command, an edited ticket summary, or a message to the helpdesk.
    private func submit(_ line: String) -> Bool {
        scroll = 0
        if let index = editingTicket, case .ticket(var card) = entries[index] {
            editingTicket = nil
            let problem = line.trimmingCharacters(in: .whitespacesAndNewlines)
            card.draft = TicketDraft(
                title: String(problem.prefix(80)), category: card.draft.category, priority: card.draft.priority,
                summary: "Problem: \(problem)\n" + card.draft.summary.split(separator: "\n").dropFirst().joined(separator: "\n"),
                transcript: card.draft.transcript)
            entries[index] = .ticket(card)
            return true
        }
        history?.append(line)
        if line.hasPrefix("/") { return command(line) }
        if answerCard(line) { return true }
        entries.append(.employee(line))
        entries.append(.helpdesk(text: "", sources: [], streaming: true))
        let stream = api.send(line, in: conversation)
        let inbox = self.inbox
        Task.detached {
            do {
                for try await event in stream { inbox.post(.reply(event)) }
            } catch {
                inbox.post(.replyFailed(line: line, error: error as? HelpdeskError ?? HelpdeskError(.unavailable, "\(error)")))
            }
        }
        return true
    }

    /// Counts refresh every second; while the daemon is away, that is the reconnection try.
    func tick() -> Bool {
        refreshCounts()
        return false
    }

    func refreshCounts() {
        let api = self.api
        perform({ try await api.myTickets().filter { $0.status.isActive }.count }) { result in
            guard case .success(let count) = result else { return }
            self.openTickets = count
            if self.disconnected {
                self.disconnected = false
                self.entries.append(.notice("Connected to the helpdesk again.", .success))
                self.runApprovedRequests()
            }
        }
    }

    var pendingRequests: Int {
        entries.reduce(0) { count, entry in
            if case .tool(let card) = entry, case .waiting = card.state { return count + 1 }
            return count
        }
    }

    func draw(on screen: Screen) {
        lastPage = max(screen.rows - 2, 1)
        ChatLayout.draw(self, on: screen)
    }
}
