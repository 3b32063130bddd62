import Foundation
import HelpdeskCore

extension HelpdeskService {
    /// Where the asker's ticket `number` stands — or all their open tickets when nil —
    /// read from the tickets themselves: status, priority, who works on it, when it is
    /// due, and the latest public word from an agent.
    func status(of number: Int?, now: Date = Date()) -> String {
        do {
            guard let number else {
                let open = try myTickets().filter(\.status.isActive)
                guard !open.isEmpty else { return "You have no open tickets. `/tickets` lists the earlier ones." }
                let lines = open.prefix(5).map { "• " + Self.line(for: $0, now: now) }
                let more = open.count > 5 ? "\n…and \(open.count - 5) more: `/tickets` lists them all." : ""
                return "Your open tickets:\n" + lines.joined(separator: "\n") + more
            }
            let detail = try ticket(number)
            guard detail.ticket.requester == identity.user else { throw HelpdeskError.notYours(number) }
            var text = Self.line(for: detail.ticket, now: now) + "."
            let word = detail.history.last { $0.kind == .comment && $0.actor != detail.ticket.requester }
            if let word { text += "\nLatest from \(word.actor) (\(LocalTime.clock(word.at, now: now))): “\(word.detail)”" }
            if detail.ticket.status == .resolved { text += "\nIs it fixed? Answer the card below, or say so here." }
            return text
        } catch let error as HelpdeskError where error.code == .notFound {
            return "There is no ticket #\(number ?? 0) of yours. `/tickets` lists yours."
        } catch {
            return "I could not read your tickets just now (\(error)). Try again in a moment."
        }
    }

    /// "#3 “VPN drops” is open (P2), with alice, due 15:00".
    private static func line(for ticket: Ticket, now: Date) -> String {
        let who = ticket.assignee.map { "with \($0)" } ?? "not yet picked up"
        let due =
            ticket.status.isActive
            ? (ticket.dueBy < now
                ? ", overdue since \(LocalTime.clock(ticket.dueBy, now: now))"
                : ", due \(LocalTime.clock(ticket.dueBy, now: now))")
            : ""
        return "#\(ticket.id) “\(ticket.title)” is \(ticket.status.rawValue) (\(ticket.priority.rawValue)), \(who)\(due)"
    }
}
