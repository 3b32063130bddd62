import Foundation
import HelpdeskCore
import Store
import Testing

struct TicketLifecycleTests {
    private func newTicket(_ db: HelpdeskDatabase, priority: Priority = .p3, at date: Date = Date()) throws -> Ticket {
        try db.createTicket(
            .init(title: "VPN drops", category: "network", priority: priority, summary: "Problem: VPN drops every 5 minutes"),
            requester: "ann", at: date)
    }

    @Test func aTicketIsFiledAsNewWithItsHistoryStarted() throws {
        let store = try TemporaryDatabase()
        let ticket = try newTicket(store.database)
        #expect(ticket.id == 1)
        #expect(ticket.status == .new)
        #expect(try store.database.ticket(1) == ticket)
        #expect(try store.database.events(of: 1).map(\.kind) == [.created])
        #expect(try store.database.tickets(requester: "bob").isEmpty)
    }

    @Test func followsTheLifecycleAndRecordsWhoDidWhat() throws {
        let store = try TemporaryDatabase()
        let db = store.database
        _ = try newTicket(db)
        _ = try db.assign(1, to: "alice", by: "alice")
        _ = try db.setStatus(1, to: .open, by: "alice")
        _ = try db.setStatus(1, to: .pending, by: "alice")
        _ = try db.comment(on: 1, by: "ann", text: "Tried the steps, still drops")
        _ = try db.setStatus(1, to: .resolved, by: "alice")
        _ = try db.setStatus(1, to: .closed, by: "alice")
        let reopened = try db.setStatus(1, to: .open, by: "ann")
        #expect(reopened.status == .open)
        #expect(reopened.assignee == "alice")
        let history = try db.events(of: 1)
        #expect(history.map(\.kind) == [.created, .assignment, .status, .status, .comment, .status, .status, .status])
        #expect(history.map(\.detail).suffix(4) == ["Tried the steps, still drops", "resolved", "closed", "open"])
        #expect(history[4].actor == "ann")
    }

    @Test(arguments: [
        (Ticket.Status.new, Ticket.Status.new), (.closed, .resolved), (.closed, .pending), (.resolved, .pending),
    ])
    func illegalTransitionsAreRefusedWithTheAllowedOnes(from: Ticket.Status, to: Ticket.Status) throws {
        let store = try TemporaryDatabase()
        _ = try newTicket(store.database)
        let path: [Ticket.Status] =
            switch from {
            case .new: []
            case .closed: [.closed]
            case .resolved: [.resolved]
            default: []
            }
        for step in path { _ = try store.database.setStatus(1, to: step, by: "alice") }
        let error = #expect(throws: HelpdeskError.self) { try store.database.setStatus(1, to: to, by: "alice") }
        #expect(error?.description.hasPrefix("ticket #1 is \(from.rawValue) and cannot become \(to.rawValue) (allowed: ") == true)
        #expect(try store.database.ticket(1)?.status == from)
    }

    @Test func aMissingTicketIsAClearError() throws {
        let store = try TemporaryDatabase()
        #expect(throws: HelpdeskError.ticketNotFound(7)) { try store.database.comment(on: 7, by: "ann", text: "hello?") }
    }

    @Test func dueDatesFollowTheServiceLevels() throws {
        let store = try TemporaryDatabase()
        // Friday 2026-11-20 10:00 UTC.
        let friday = Date(timeIntervalSince1970: 1_795_168_800)
        let p1 = try newTicket(store.database, priority: .p1, at: friday)
        let p2 = try newTicket(store.database, priority: .p2, at: friday)
        let p3 = try newTicket(store.database, priority: .p3, at: friday)
        let p4 = try newTicket(store.database, priority: .p4, at: friday)
        #expect(p1.dueBy.timeIntervalSince(friday) == 3600)
        #expect(p2.dueBy.timeIntervalSince(friday) == 4 * 3600)
        #expect(p3.dueBy.timeIntervalSince(friday) == 3 * 86_400)  // one working day: Monday
        #expect(p4.dueBy.timeIntervalSince(friday) == 3 * 86_400)
        #expect(ServiceLevels.parse("2 working days") == .workingDays(2))
        #expect(ServiceLevels.parse("4h") == .hours(4))
        #expect(ServiceLevels.parse("soon") == nil)
    }

    /// A pasted megabyte must not become a ticket or a comment: each is refused whole, with
    /// the limit named, and nothing is stored.
    @Test func oversizedTitlesSummariesAndCommentsAreRefused() throws {
        let store = try TemporaryDatabase()
        let huge = String(repeating: "x", count: 1_000_000)
        #expect(throws: HelpdeskError.invalid("a ticket's title holds at most 500 bytes; put the rest in its summary")) {
            try store.database.createTicket(
                .init(title: huge, category: "general", priority: .p3, summary: "s"), requester: "ann")
        }
        #expect(throws: HelpdeskError.invalid("a ticket's summary holds at most 128 KB")) {
            try store.database.createTicket(
                .init(title: "t", category: "general", priority: .p3, summary: huge), requester: "ann")
        }
        let ticket = try newTicket(store.database)
        #expect(throws: HelpdeskError.invalid("a comment holds at most 16 KB; attach longer text elsewhere")) {
            try store.database.comment(on: ticket.id, by: "ann", text: huge)
        }
        #expect(try store.database.tickets().count == 1)
        #expect(try store.database.events(of: ticket.id).map(\.kind) == [.created])
    }
}
