import Foundation
import HelpdeskCore

/// The ticket view: what the ticket is, its summary and its history — comments, internal
/// notes, changes — each in its own section, long lines wrapped, scrolled as the agent
/// moves.
extension AgentLayout {
    /// Draws the ticket from `console.detailScroll`, which it keeps in range; returns
    /// where the view is, for the notice line, when the ticket does not fit.
    static func ticket(_ detail: TicketDetail, _ console: AgentProgram, on screen: Screen, room: Int) -> String? {
        let lines = ticketLines(detail, width: screen.columns - 2)
        console.detailScroll = min(max(console.detailScroll, 0), max(lines.count - room, 0))
        for (offset, line) in lines.dropFirst(console.detailScroll).prefix(room).enumerated() {
            screen.put(offset + 1, 1, line.text, line.style)
        }
        guard lines.count > room else { return nil }
        let last = min(console.detailScroll + room, lines.count)
        let position = "lines \(console.detailScroll + 1)–\(last) of \(lines.count)"
        return last < lines.count ? position + " · ↓ \(lines.count - last) more: j, PgDn, End" : position + " · the end"
    }

    /// The ticket's lines at `width` columns: what it is, the summary (often the whole chat),
    /// then the history, so the latest comment is where End goes, as in the chat.
    static func ticketLines(_ detail: TicketDetail, width: Int) -> [Line] {
        let ticket = detail.ticket
        var lines = wrap("#\(ticket.id) \(id(ticket.title))", width: width, .bold)
        let assignee = ticket.assignee.map { "assigned to \(id($0))" } ?? "unassigned"
        let facts = [
            ticket.priority.rawValue, ticket.status.rawValue, id(ticket.category), "queue \(id(ticket.queue))",
            "for \(id(ticket.requester))", assignee,
        ]
        lines += wrap(facts.joined(separator: " · "), width: width, .accent)
        if ticket.status.isActive {
            let due = "\(LocalTime.due(ticket.dueBy)), \(LocalTime.clock(ticket.dueBy))"
            lines += wrap("filed \(LocalTime.clock(ticket.created)) · \(due)", width: width, AgentTime.urgency(of: ticket.dueBy))
        } else {
            lines += wrap("filed \(LocalTime.clock(ticket.created)) · \(ticket.status.rawValue)", width: width, .dim)
        }
        lines.append(section("Summary", width: width))
        lines += wrap(TerminalText.sanitize(ticket.summary, keepNewlines: true), width: width, .normal)
        lines.append(section("History", width: width))
        for event in detail.history { lines += eventLines(event, width: width) }
        return lines
    }

    /// One event: when, who and what, then a comment's or note's text indented below.
    /// Internal notes stand out, and say so, so nobody takes one for what the employee saw.
    private static func eventLines(_ event: TicketEvent, width: Int) -> [Line] {
        let what: String
        var style = Screen.Style.dim
        switch event.kind {
        case .created: what = "filed the ticket"
        case .comment: what = "commented:"
        case .note:
            what = "[internal] note, agents only:"
            style = .warning
        case .status: what = "set the status to \(id(event.detail))"
        case .assignment: what = "assigned it to \(id(event.detail))"
        case .priority: what = "set the priority to \(id(event.detail))"
        case .rating: what = "rated the resolution \(id(event.detail)) of 5"
        case .queue: what = "sent it to queue \(id(event.detail))"
        }
        var lines = wrap("\(LocalTime.clock(event.at)) \(id(event.actor)) \(what)", width: width, style)
        if event.kind == .comment || event.kind == .note {
            let text = TerminalText.sanitize(event.detail, keepNewlines: true)
            lines += wrap(text, width: width - 4, event.kind == .note ? .warning : .normal).map { ("    " + $0.text, $0.style) }
        }
        return lines
    }

    private static func wrap(_ text: String, width: Int, _ style: Screen.Style) -> [Line] {
        DisplayWidth.wrap(text, width: max(width, 10)).map { ($0, style) }
    }

    /// "── History ─────…", a rule that separates the sections.
    private static func section(_ title: String, width: Int) -> Line {
        let head = "── \(title) "
        return (head + String(repeating: "─", count: max(width - DisplayWidth.of(head), 0)), .bold)
    }
}
