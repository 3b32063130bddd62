import Foundation
import GRDB
import HelpdeskCore

extension HelpdeskDatabase {
    /// Moves a ticket to another team's queue; the history says who moved it.
    public func setQueue(_ id: Int, to queue: String, by actor: String, at now: Date = Date()) throws -> Ticket {
        try change(id, by: actor, at: now, event: .queue, detail: queue) { $0.queue = queue }
    }

    /// What the routing did to a ticket just filed, in its history as the helpdesk's doing —
    /// so an agent sees it was a rule, not a person — and in the audit log with the rule.
    static func recordRouting(_ db: Database, _ route: Route, ticket id: Int, at now: Date) throws {
        guard let reason = route.reason else { return }
        try record(db, TicketEvent(ticket: id, actor: "helpdesk", kind: .queue, detail: route.queue, at: now))
        if let assignee = route.assignee {
            try record(db, TicketEvent(ticket: id, actor: "helpdesk", kind: .assignment, detail: assignee, at: now))
        }
        let assigned = route.assignee.map { ", assigned to \($0)" } ?? ""
        try audit(
            db, actor: "helpdesk", action: "ticket.routed", subject: "ticket/\(id)",
            detail: "\(route.queue)\(assigned) by \(reason)", at: now)
    }
}
