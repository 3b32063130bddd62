import Foundation
import HelpdeskCore

extension ChatProgram {
    /// /help, /tickets, /ticket N, /reply N TEXT, /new, /quit. Returns false to quit.
    func command(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        switch words.first ?? "" {
        case "/quit", "/exit", "/q": return false
        case "/help": showHelp()
        case "/new":
            let api = self.api
            perform({ try await api.startConversation() }) { result in
                switch result {
                case .success(let id):
                    self.conversation = id
                    self.lastMessage = 0
                    self.entries = [.notice("New conversation. What can I help with?", .dim)]
                case .failure(let error):
                    self.entries.append(.notice("Could not start a new conversation: \(error)", .danger))
                }
            }
        case "/tickets":
            let api = self.api
            perform({ try await api.myTickets() }) { result in
                switch result {
                case .success(let tickets):
                    let lines = tickets.map { "#\($0.id)  \($0.priority.rawValue)  \($0.status.rawValue)  \($0.title)" }
                    self.entries.append(
                        .notice(
                            lines.isEmpty ? "You have no tickets." : "Your tickets:\n" + lines.joined(separator: "\n"), .normal))
                case .failure(let error):
                    self.entries.append(.notice(String(describing: error), .danger))
                }
            }
        case "/ticket":
            guard let id = words.dropFirst().first.flatMap({ Int($0.trimmingCharacters(in: CharacterSet(charactersIn: "#"))) })
            else {
                entries.append(.notice("Usage: /ticket N", .warning))
                return true
            }
            let api = self.api
            perform({ try await api.ticket(id) }) { result in
                switch result {
                case .success(let detail):
                    let ticket = detail.ticket
                    var text =
                        "#\(ticket.id) \(ticket.title)\n\(ticket.priority.rawValue) · \(ticket.status.rawValue) · \(ticket.category)"
                    text += ticket.assignee.map { " · assigned to \($0)" } ?? ""
                    text += "\n" + ticket.summary
                    for event in detail.history.dropFirst() {
                        text += "\n  \(event.actor): \(event.kind.rawValue) \(event.detail)"
                    }
                    self.entries.append(.notice(text, .normal))
                case .failure(let error):
                    self.entries.append(.notice(String(describing: error), .danger))
                }
            }
        case "/reply":
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            guard parts.count == 3, let id = Int(parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "#"))) else {
                entries.append(.notice("Usage: /reply N your message — it goes to the agents on ticket #N", .warning))
                return true
            }
            let (api, text) = (self.api, String(parts[2]))
            // Shown once stored: the conversation's notice of it arrives with the change.
            perform({ try await api.comment(on: id, text) }) { result in
                if case .failure(let error) = result { self.entries.append(.notice(String(describing: error), .danger)) }
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
                Cards: type y to confirm or file, n to cancel, e to edit a ticket's title, then Enter
                Resolved tickets: y if fixed (y 5 also rates it 1–5), n if not · /reply N TEXT writes to ticket #N's agents
                Input: ←/→ Ctrl-A/E Ctrl-U/K Ctrl-W · Ctrl-←/→ words · ↑/↓ history · Ctrl-R search · paste keeps newlines
                Transcript: PgUp/PgDn · Home/End (with an empty input line) · mouse wheel
                Commands: /help /tickets /ticket N /reply N TEXT /new /quit · Ctrl-C quits
                """, .dim))
        scroll = 0
    }
}
