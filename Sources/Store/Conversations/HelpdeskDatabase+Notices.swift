import Foundation
import GRDB
import HelpdeskCore

extension HelpdeskDatabase {
    /// Tells `user`, in their latest conversation, what happened elsewhere: an agent's
    /// comment, a decision, a status change. Written in the caller's transaction, so a chat
    /// open now picks it up with the change, and a chat reopened later shows it in place.
    /// Someone who never chatted has no conversation to tell; the ticket keeps the record.
    static func tell(_ db: Database, _ user: String, _ text: String, at now: Date) throws {
        guard
            let conversation = try Int.fetchOne(
                db, sql: "SELECT MAX(id) FROM conversation WHERE user = ?", arguments: [user])
        else { return }
        try db.execute(
            sql: "INSERT INTO message (conversation, role, text, at) VALUES (?, 'notice', ?, ?)",
            arguments: [conversation, text, now.timeIntervalSince1970])
    }

    /// What the employee is told about a change to their ticket, if anything: nothing of
    /// internal notes or priorities, nor of what they did themselves besides their replies.
    static func notice(of event: TicketEvent, on ticket: Ticket) -> String? {
        let mine = event.actor == ticket.requester
        let about = "ticket #\(ticket.id) “\(ticket.title)”"
        switch event.kind {
        case .comment:
            return mine ? "You wrote on ticket #\(ticket.id): \(event.detail)" : "\(event.actor) on \(about): \(event.detail)"
        case .status where !mine:
            return event.detail == Ticket.Status.resolved.rawValue
                ? "\(event.actor) resolved \(about)." : "\(event.actor) set \(about) to \(event.detail)."
        case .assignment where !mine: return "\(event.detail) is working on \(about)."
        // Which team's queue a ticket is in is the helpdesk's business, not the employee's.
        case .created, .status, .assignment, .priority, .note, .rating, .queue: return nil
        }
    }
}
