import Foundation
import HelpdeskCore

/// Tickets as a table or detail for people, or JSON for scripts.
enum TicketOutput {
    static func table(_ tickets: [Ticket]) -> TerminalString {
        guard !tickets.isEmpty else { return "No tickets." }
        let rows = tickets.map { ticket -> TerminalString in
            let id = "#\(ticket.id)".padding(toLength: 6, withPad: " ", startingAt: 0)
            let status = ticket.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            let due = (ticket.status.isActive ? LocalTime.due(ticket.dueBy) : "").padding(
                toLength: 14, withPad: " ", startingAt: 0)
            let queue = TerminalText.identifier(ticket.queue).padding(toLength: 14, withPad: " ", startingAt: 0)
            return "\(id)\(ticket.priority.rawValue)  \(status)\(due)\(queue) \(id: ticket.title)"
        }
        return rows.joined(separator: "\n")
    }

    static func detail(_ ticket: Ticket, history: [TicketEvent]) -> TerminalString {
        var out: TerminalString = "#\(ticket.id) \(id: ticket.title)\n"
        out += "\(ticket.priority.rawValue) · \(ticket.status.rawValue) · \(id: ticket.category) · queue \(id: ticket.queue)"
        out += " · for \(id: ticket.requester)"
        out += ticket.assignee.map { " · assigned to \(id: $0)" } ?? ""
        out += "\nfiled \(time(ticket.created)) · due \(time(ticket.dueBy))\n\n"
        out += "\(lines: ticket.summary)\n"
        if history.count > 1 {
            out += "\nHistory:\n"
            for event in history.dropFirst() {
                out += "  \(time(event.at))  \(id: event.actor) \(describe(event))\n"
            }
        }
        return out
    }

    static func json(_ ticket: Ticket, history: [TicketEvent]) {
        struct Detail: Encodable {
            let ticket: Ticket
            let history: [TicketEvent]
        }
        Console.json(Detail(ticket: ticket, history: history))
    }

    static func time(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    private static func describe(_ event: TicketEvent) -> TerminalString {
        switch event.kind {
        case .created: "filed it"
        case .comment: "commented: \(event.detail)"
        case .status: "set it \(event.detail)"
        case .assignment: "assigned it to \(id: event.detail)"
        case .priority: "set its priority to \(event.detail)"
        case .note: "noted (internal): \(event.detail)"
        case .rating: "rated it \(event.detail) of 5"
        case .queue: "sent it to queue \(id: event.detail)"
        }
    }
}
