import Foundation
import HelpdeskCore

/// Draws the agent console: header, approvals with their context, the ticket queue with SLA
/// time left (warning under an hour, danger when overdue), the ticket in detail, and the
/// key help or the prompt at the bottom.
enum AgentLayout {
    /// Names an agent acts on — users, titles, tools — with invisible characters shown, so
    /// `b<U+200B>ob` never passes for `bob`.
    private static func id(_ name: String) -> String { TerminalText.identifier(name) }

    static func draw(_ console: AgentProgram, on screen: Screen) {
        guard screen.rows >= ChatLayout.minimumRows, screen.columns >= ChatLayout.minimumColumns else {
            ChatLayout.tooSmall(screen)
            return
        }
        let header =
            " Agent console · \(console.api.identity.user)@\(ProcessInfo.processInfo.hostName) · "
            + (console.disconnected ? "reconnecting… · " : "\(console.api.connection) · ")
            + "\(console.approvals.count) pending · \(console.tickets.count) open tickets"
        screen.put(0, 0, header + String(repeating: " ", count: max(screen.columns - DisplayWidth.of(header), 0)), .reverse)
        var lines: [(String, Screen.Style, Bool)] = []  // text, style, selected
        if let detail = console.detail {
            lines = detailLines(detail.ticket, detail.history, width: screen.columns)
        } else {
            lines = queueLines(console, width: screen.columns)
        }
        let room = screen.rows - 3
        let selectedLine = lines.firstIndex { $0.2 } ?? 0
        let start = max(min(selectedLine - room / 2, lines.count - room), 0)
        for (row, line) in lines.dropFirst(start).prefix(room).enumerated() {
            let text = line.2 ? "▶ " + line.0 : "  " + line.0
            screen.put(row + 1, 0, text, line.2 ? .reverse : line.1)
        }
        bottom(console, on: screen)
    }

    private static func queueLines(_ console: AgentProgram, width: Int) -> [(String, Screen.Style, Bool)] {
        var lines: [(String, Screen.Style, Bool)] = [("Pending approvals", .bold, false)]
        if console.approvals.isEmpty { lines.append(("  none", .dim, false)) }
        for (index, request) in console.approvals.enumerated() {
            let arguments = request.call.arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
                separator: " ")
            let age = Int(Date().timeIntervalSince(request.created) / 60)
            lines.append(
                (
                    "#\(request.id) \(id(request.requester)) · \(id(request.call.tool)) \(arguments) · \(age) min ago", .warning,
                    index == console.selected
                ))
            for message in console.context[request.id] ?? [] {
                let text = message.text.replacingOccurrences(of: "\n", with: " ")
                lines.append(
                    ("    \(message.role.rawValue): \(DisplayWidth.truncate(text, to: max(width - 20, 10)))", .dim, false))
            }
        }
        lines.append(("", .normal, false))
        lines.append(("Tickets, most urgent first", .bold, false))
        if console.tickets.isEmpty { lines.append(("  none", .dim, false)) }
        for (index, ticket) in console.tickets.enumerated() {
            let left = ticket.dueBy.timeIntervalSinceNow
            let style: Screen.Style = left < 0 ? .danger : left < 3600 ? .warning : .normal
            let due = left < 0 ? "overdue \(duration(-left))" : "due in \(duration(left))"
            let assignee = ticket.assignee.map { " → \(id($0))" } ?? ""
            let text =
                "#\(ticket.id) \(ticket.priority.rawValue) \(ticket.status.rawValue) · \(due) · \(id(ticket.requester))\(assignee) · \(id(ticket.title))"
            lines.append((text, style, console.approvals.count + index == console.selected))
        }
        return lines
    }

    private static func detailLines(_ ticket: Ticket, _ history: [TicketEvent], width: Int) -> [(String, Screen.Style, Bool)] {
        var lines: [(String, Screen.Style, Bool)] = [("#\(ticket.id) \(id(ticket.title))", .bold, false)]
        let assignee = ticket.assignee.map { " · assigned to \(id($0))" } ?? ""
        lines.append(
            (
                "\(ticket.priority.rawValue) · \(ticket.status.rawValue) · \(ticket.category) · for \(id(ticket.requester))\(assignee)",
                .accent, false
            ))
        lines.append(("due \(ticket.dueBy.formatted(.iso8601))", .dim, false))
        lines.append(("", .normal, false))
        for line in DisplayWidth.wrap(ticket.summary, width: max(width - 4, 10)) { lines.append((line, .normal, false)) }
        lines.append(("", .normal, false))
        for event in history {
            lines.append(("\(event.at.formatted(.iso8601)) \(event.actor) \(event.kind.rawValue): \(event.detail)", .dim, false))
        }
        return lines
    }

    private static func bottom(_ console: AgentProgram, on screen: Screen) {
        let row = screen.rows - 1
        if let prompt = console.prompt {
            let label =
                switch prompt {
                case .denyReason(let id): "Why deny #\(id)? "
                case .comment(let id): "Comment on #\(id): "
                case .status(let id): "Status for #\(id) (new/open/pending/resolved/closed): "
                }
            screen.put(row, 0, label + console.editor.string, .accent)
            screen.placeCursor(
                row, DisplayWidth.of(label) + DisplayWidth.of(String(console.editor.text.prefix(console.editor.cursor))))
            return
        }
        if let notice = console.notice { screen.put(row - 1, 0, notice.0, notice.1) }
        let help =
            console.detail == nil
            ? "a approve · d deny · Enter open ticket · c comment · m assign to me · s status · q quit"
            : "c comment · m assign to me · s status · Esc back · q back"
        screen.put(row, 0, help, .dim)
    }

    private static func duration(_ seconds: TimeInterval) -> String {
        let minutes = Int(seconds / 60)
        return minutes >= 1440 ? "\(minutes / 1440)d" : minutes >= 60 ? "\(minutes / 60)h" : "\(minutes)m"
    }
}
