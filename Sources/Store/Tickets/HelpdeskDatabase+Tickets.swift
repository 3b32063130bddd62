import Foundation
import GRDB
import HelpdeskCore

extension HelpdeskDatabase {
    /// Files a ticket for `requester`, linked to the conversation it came from, in the queue
    /// (and with the assignee) `route` says; when this returns, it is on disk.
    public func createTicket(
        _ new: TicketDraft, conversation: Int? = nil, requester: String, route: Route = Route(queue: Routing.fallbackQueue),
        levels: ServiceLevels = ServiceLevels(), at now: Date = Date()
    ) throws -> Ticket {
        let summary = new.filedSummary
        let title = new.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw HelpdeskError.invalid("a ticket needs a title") }
        guard title.utf8.count <= 500 else {
            throw HelpdeskError.invalid("a ticket's title holds at most 500 bytes; put the rest in its summary")
        }
        // A summary quotes the conversation: a few messages of up to `MessageLimit.bytes` each.
        guard summary.utf8.count <= 8 * MessageLimit.bytes else {
            throw HelpdeskError.invalid("a ticket's summary holds at most \(8 * MessageLimit.bytes / 1024) KB")
        }
        // As stored (seconds since 1970), so the ticket returned equals the ticket read back.
        let now = Date(timeIntervalSince1970: now.timeIntervalSince1970)
        let due = Date(timeIntervalSince1970: levels.dueDate(for: new.priority, from: now).timeIntervalSince1970)
        return try write { db in
            try db.execute(
                sql: """
                    INSERT INTO ticket (requester, title, summary, category, priority, status, queue, assignee, created, updated,
                                        dueBy, conversation)
                    VALUES (?, ?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    requester, title, summary, new.category, new.priority.rawValue, route.queue, route.assignee,
                    now.timeIntervalSince1970, now.timeIntervalSince1970, due.timeIntervalSince1970, conversation,
                ])
            let id = Int(db.lastInsertedRowID)
            try Self.record(db, TicketEvent(ticket: id, actor: requester, kind: .created, detail: title, at: now))
            try Self.audit(
                db, actor: requester, action: "ticket.created", subject: "ticket/\(id)",
                detail: "\(new.priority.rawValue) \(new.category): \(title)", at: now)
            try Self.recordRouting(db, route, ticket: id, at: now)
            try Self.notify(db, .ticketCreated, subject: id, user: requester, at: now)
            return Ticket(
                id: id, requester: requester, title: title, summary: summary, category: new.category,
                priority: new.priority, status: .new, queue: route.queue, assignee: route.assignee, created: now, updated: now,
                dueBy: due)
        }
    }

    public func ticket(_ id: Int) throws -> Ticket? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM ticket WHERE id = ?", arguments: [id]).map(Self.ticket) }
    }

    /// Tickets, newest first: all of them, or one requester's; optionally only some statuses.
    public func tickets(requester: String? = nil, statuses: Set<Ticket.Status>? = nil) throws -> [Ticket] {
        try read { db in
            var sql = "SELECT * FROM ticket WHERE 1"
            var arguments: StatementArguments = []
            if let requester {
                sql += " AND requester = ?"
                arguments += [requester]
            }
            if let statuses {
                sql += " AND status IN (\(statuses.map { _ in "?" }.joined(separator: ", ")))"
                arguments += StatementArguments(statuses.map(\.rawValue))
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY id DESC", arguments: arguments).map(Self.ticket)
        }
    }

    /// The ticket's history, oldest first; internal notes only when `includingNotes`.
    public func events(of ticket: Int, includingNotes: Bool = true) throws -> [TicketEvent] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM ticketEvent WHERE ticket = ? AND (? OR kind != 'note') ORDER BY id",
                arguments: [ticket, includingNotes]
            ).map { row in
                TicketEvent(
                    ticket: row.integer("ticket"), actor: row.text("actor"),
                    kind: TicketEvent.Kind(rawValue: row.text("kind")) ?? .comment, detail: row.text("detail"), at: row.date("at")
                )
            }
        }
    }

    /// A comment the employee sees, or an internal note only agents see.
    public func comment(on id: Int, by actor: String, text: String, internal: Bool = false, at now: Date = Date()) throws
        -> Ticket
    {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw HelpdeskError.invalid("a comment needs text")
        }
        guard text.utf8.count <= MessageLimit.bytes else {
            throw HelpdeskError.invalid("a comment holds at most \(MessageLimit.described); attach longer text elsewhere")
        }
        return try change(id, by: actor, at: now, event: `internal` ? .note : .comment, detail: text) { _ in }
    }

    /// Sets the priority; the due time becomes the new priority's SLA from when it opened.
    public func setPriority(
        _ id: Int, to priority: Priority, by actor: String, levels: ServiceLevels = ServiceLevels(), at now: Date = Date()
    ) throws -> Ticket {
        try change(id, by: actor, at: now, event: .priority, detail: priority.rawValue) { ticket in
            ticket.priority = priority
            ticket.dueBy = Date(timeIntervalSince1970: levels.dueDate(for: priority, from: ticket.created).timeIntervalSince1970)
        }
    }

    /// The employee's rating, 1 to 5, of how their ticket was resolved.
    public func rate(_ id: Int, _ rating: Int, by actor: String, at now: Date = Date()) throws -> Ticket {
        guard (1...5).contains(rating) else { throw HelpdeskError.invalid("a rating is a whole number from 1 to 5") }
        return try change(id, by: actor, at: now, event: .rating, detail: String(rating)) { _ in }
    }

    public func assign(_ id: Int, to assignee: String, by actor: String, at now: Date = Date()) throws -> Ticket {
        try change(id, by: actor, at: now, event: .assignment, detail: assignee) { $0.assignee = assignee }
    }

    /// Moves the ticket to `status` if its lifecycle allows it.
    /// - Throws: `HelpdeskError.illegalTransition` naming the statuses it could move to.
    public func setStatus(_ id: Int, to status: Ticket.Status, by actor: String, at now: Date = Date()) throws -> Ticket {
        try change(id, by: actor, at: now, event: .status, detail: status.rawValue) { ticket in
            guard ticket.status.next.contains(status) else {
                throw HelpdeskError.illegalTransition(
                    id, from: ticket.status.rawValue, to: status.rawValue, allowed: ticket.status.next.map(\.rawValue).sorted())
            }
            ticket.status = status
        }
    }

    /// Reads, modifies and writes back one ticket with its history, audit entry and the
    /// notice its requester is told, in one transaction.
    func change(
        _ id: Int, by actor: String, at now: Date, event: TicketEvent.Kind, detail: String,
        _ modify: (inout Ticket) throws -> Void
    ) throws -> Ticket {
        try write { db in
            guard var ticket = try Row.fetchOne(db, sql: "SELECT * FROM ticket WHERE id = ?", arguments: [id]).map(Self.ticket)
            else {
                throw HelpdeskError.ticketNotFound(id)
            }
            try modify(&ticket)
            ticket.updated = Date(timeIntervalSince1970: now.timeIntervalSince1970)
            try db.execute(
                sql: "UPDATE ticket SET status = ?, queue = ?, assignee = ?, priority = ?, dueBy = ?, updated = ? WHERE id = ?",
                arguments: [
                    ticket.status.rawValue, ticket.queue, ticket.assignee, ticket.priority.rawValue,
                    ticket.dueBy.timeIntervalSince1970, now.timeIntervalSince1970, id,
                ])
            let record = TicketEvent(ticket: id, actor: actor, kind: event, detail: detail, at: now)
            try Self.record(db, record)
            if let notice = Self.notice(of: record, on: ticket) { try Self.tell(db, ticket.requester, notice, at: now) }
            try Self.audit(db, actor: actor, action: "ticket.\(event.rawValue)", subject: "ticket/\(id)", detail: detail, at: now)
            try Self.notify(db, .ticketChanged, subject: id, user: ticket.requester, at: now)
            return ticket
        }
    }

    static func record(_ db: Database, _ event: TicketEvent) throws {
        try db.execute(
            sql: "INSERT INTO ticketEvent (ticket, actor, kind, detail, at) VALUES (?, ?, ?, ?, ?)",
            arguments: [event.ticket, event.actor, event.kind.rawValue, event.detail, event.at.timeIntervalSince1970])
    }

    private static func ticket(_ row: Row) -> Ticket {
        Ticket(
            id: row.integer("id"), requester: row.text("requester"), title: row.text("title"), summary: row.text("summary"),
            category: row.text("category"), priority: Priority(rawValue: row.text("priority")) ?? .p3,
            status: Ticket.Status(rawValue: row.text("status")) ?? .open, queue: row.text("queue"),
            assignee: row.optionalText("assignee"),
            created: row.date("created"), updated: row.date("updated"), dueBy: row.date("dueBy"))
    }
}
