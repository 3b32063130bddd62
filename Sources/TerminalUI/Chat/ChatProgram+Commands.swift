import Foundation
import HelpdeskCore

extension ChatProgram {
    /// /help, /tickets, /ticket N, /new, /quit. Returns false to quit.
    func command(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        switch words.first ?? "" {
        case "/quit", "/exit", "/q": return false
        case "/help": showHelp()
        case "/new":
            do {
                conversation = try api.startConversation()
                entries = [.notice("New conversation. What can I help with?", .dim)]
            } catch {
                entries.append(.notice("Could not start a new conversation: \(error)", .danger))
            }
        case "/tickets":
            do {
                let tickets = try api.myTickets()
                let lines = tickets.map { "#\($0.id)  \($0.priority.rawValue)  \($0.status.rawValue)  \($0.title)" }
                entries.append(
                    .notice(lines.isEmpty ? "You have no tickets." : "Your tickets:\n" + lines.joined(separator: "\n"), .normal))
            } catch {
                entries.append(.notice(String(describing: error), .danger))
            }
        case "/ticket":
            guard let id = words.dropFirst().first.flatMap({ Int($0.trimmingCharacters(in: CharacterSet(charactersIn: "#"))) })
            else {
                entries.append(.notice("Usage: /ticket N", .warning))
                return true
            }
            do {
                let (ticket, history) = try api.ticket(id)
                var text =
                    "#\(ticket.id) \(ticket.title)\n\(ticket.priority.rawValue) · \(ticket.status.rawValue) · \(ticket.category)"
                text += ticket.assignee.map { " · assigned to \($0)" } ?? ""
                text += "\n" + ticket.summary
                for event in history.dropFirst() { text += "\n  \(event.actor): \(event.kind.rawValue) \(event.detail)" }
                entries.append(.notice(text, .normal))
            } catch {
                entries.append(.notice(String(describing: error), .danger))
            }
        default:
            entries.append(.notice("Unknown command \(words.first ?? ""). Try /help.", .warning))
        }
        return true
    }

    func showHelp() {
        entries.append(
            .notice(
                """
                Type a question or describe a problem; Enter sends it.
                Cards: y confirm or file · n cancel · e edit a ticket (when the input line is empty)
                Input: ←/→ Ctrl-A/E Ctrl-U/K Ctrl-W · Ctrl-←/→ words · ↑/↓ history · Ctrl-R search · paste keeps newlines
                Transcript: PgUp/PgDn · Home/End (with an empty input line) · mouse wheel
                Commands: /help /tickets /ticket N /new /quit · Ctrl-C quits
                """, .dim))
        scroll = 0
    }
}
