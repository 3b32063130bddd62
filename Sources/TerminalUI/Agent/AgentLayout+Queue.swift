import Foundation
import HelpdeskCore

/// The queue: pending requests with the conversation they came from, then tickets, most
/// urgent first, with SLA time left (warning under an hour, danger when overdue).
extension AgentLayout {
    private typealias QueueLine = (text: String, style: Screen.Style, row: AgentProgram.Row?)

    static func queue(_ console: AgentProgram, on screen: Screen, room: Int) {
        let lines = approvalLines(console) + [("", .normal, nil)] + ticketLines(console)
        // Keep the selected row in the middle of the screen where the list allows.
        let selectedLine = lines.firstIndex { $0.row != nil && $0.row == console.selection } ?? 0
        let start = max(min(selectedLine - room / 2, lines.count - room), 0)
        for (offset, line) in lines.dropFirst(start).prefix(room).enumerated() {
            let selected = line.row != nil && line.row == console.selection
            screen.put(offset + 1, 0, (selected ? "▶ " : "  ") + line.text, selected ? .reverse : line.style)
        }
    }

    private static func approvalLines(_ console: AgentProgram) -> [QueueLine] {
        let approvals = console.shownApprovals
        var lines: [QueueLine] = [("Pending approvals (\(approvals.count))", .bold, nil)]
        if approvals.isEmpty { lines.append(("  none", .dim, nil)) }
        for request in approvals {
            let age = LocalTime.span(Date().timeIntervalSince(request.created))
            lines.append(
                (
                    "#\(request.id) \(id(request.requester)) · \(AgentPrompt.describe(request)) · \(age) ago", .warning,
                    .approval(request.id)
                ))
            // One line each, cut at the edge: enough to see what the employee asked for.
            for message in console.context[request.id] ?? [] {
                lines.append(("    \(message.role.rawValue): \(TerminalText.sanitize(message.text))", .dim, nil))
            }
        }
        return lines
    }

    private static func ticketLines(_ console: AgentProgram) -> [QueueLine] {
        let tickets = console.shownTickets
        let heading = console.filter.isEmpty && console.search.isEmpty ? "Tickets, most urgent first" : "Tickets shown"
        var lines: [QueueLine] = [("\(heading) (\(tickets.count))", .bold, nil)]
        if tickets.isEmpty {
            let why = console.tickets.isEmpty ? "none" : "none match; Esc shows all"
            lines.append(("  \(why)", .dim, nil))
        }
        for ticket in tickets {
            let due = ticket.status.isActive ? " · \(LocalTime.due(ticket.dueBy))" : ""
            let style = ticket.status.isActive ? AgentTime.urgency(of: ticket.dueBy) : .dim
            let assignee = ticket.assignee.map { " → \(id($0))" } ?? ""
            let text =
                "#\(ticket.id) \(ticket.priority.rawValue) \(ticket.status.rawValue)\(due) · "
                + "\(id(ticket.requester))\(assignee) · \(id(ticket.queue)) · \(id(ticket.title))"
            lines.append((text, style, .ticket(ticket.id)))
        }
        return lines
    }
}
