import Foundation
import HelpdeskCore

/// Tickets as a table or detail for people, or JSON for scripts. Every text field came
/// from a person, so it is sanitised before it reaches the terminal.
enum TicketOutput {
    static func table(_ tickets: [Ticket]) -> String {
        guard !tickets.isEmpty else { return "No tickets." }
        let rows = tickets.map { ticket in
            let id = "#\(ticket.id)".padding(toLength: 6, withPad: " ", startingAt: 0)
            let status = ticket.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            let due = ticket.status.isActive ? dueText(ticket.dueBy) : ""
            return
                "\(id)\(ticket.priority.rawValue)  \(status)\(due.padding(toLength: 14, withPad: " ", startingAt: 0))\(clean(ticket.title))"
        }
        return rows.joined(separator: "\n")
    }

    static func detail(_ ticket: Ticket, history: [TicketEvent]) -> String {
        var out = "#\(ticket.id) \(clean(ticket.title))\n"
        out +=
            "\(ticket.priority.rawValue) · \(ticket.status.rawValue) · \(clean(ticket.category)) · for \(clean(ticket.requester))"
        out += ticket.assignee.map { " · assigned to \(clean($0))" } ?? ""
        out += "\nfiled \(time(ticket.created)) · due \(time(ticket.dueBy))\n\n"
        out += TerminalText.sanitize(ticket.summary, keepNewlines: true) + "\n"
        if history.count > 1 {
            out += "\nHistory:\n"
            for event in history.dropFirst() {
                out += "  \(time(event.at))  \(clean(event.actor)) \(describe(event))\n"
            }
        }
        return out
    }

    static func json(_ tickets: [Ticket]) -> String {
        JSONOutput.string(tickets)
    }

    static func json(_ ticket: Ticket, history: [TicketEvent]) -> String {
        struct Detail: Encodable {
            let ticket: Ticket
            let history: [TicketEvent]
        }
        return JSONOutput.string(Detail(ticket: ticket, history: history))
    }

    static func time(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// "in 3h", "overdue 20m".
    private static func dueText(_ due: Date, now: Date = Date()) -> String {
        let minutes = Int(due.timeIntervalSince(now) / 60)
        let amount =
            abs(minutes) >= 1440 ? "\(abs(minutes) / 1440)d" : abs(minutes) >= 60 ? "\(abs(minutes) / 60)h" : "\(abs(minutes))m"
        return minutes < 0 ? "overdue \(amount)" : "due in \(amount)"
    }

    private static func describe(_ event: TicketEvent) -> String {
        switch event.kind {
        case .created: "filed it"
        case .comment: "commented: \(TerminalText.sanitize(event.detail))"
        case .status: "set it \(clean(event.detail))"
        case .assignment: "assigned it to \(clean(event.detail))"
        }
    }

    private static func clean(_ text: String) -> String { TerminalText.sanitize(text) }

}
