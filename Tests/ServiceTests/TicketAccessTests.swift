import Foundation
import HelpdeskCore
import Service
import Store
import Testing

/// Who may see and change which tickets, with identities as the OS would report them.
struct TicketAccessTests {
    final class Setup {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-service-\(UUID().uuidString)")
        let database: HelpdeskDatabase
        let configuration = Configuration(agents: ["alice"], agentGroups: ["helpdesk"])

        init() throws { database = try HelpdeskDatabase(path: folder.appendingPathComponent("db.sqlite").path) }
        deinit { try? FileManager.default.removeItem(at: folder) }

        func service(_ user: String, groups: [String] = []) throws -> HelpdeskService {
            try HelpdeskService(database: database, configuration: configuration, identity: Identity(user: user, groups: groups))
        }
    }

    private let printer = TicketDraft(title: "Printer jam", category: "printing", priority: .p3, summary: "Tray 2")

    @Test func rolesComeFromUserNamesAndGroups() throws {
        let setup = try Setup()
        #expect(try setup.service("alice").role == .agent)
        #expect(try setup.service("carol", groups: ["staff", "helpdesk"]).role == .agent)
        #expect(try setup.service("ann", groups: ["staff"]).role == .employee)
    }

    @Test func employeesSeeOnlyTheirOwnTicketsAndCannotProbeOthers() throws {
        let setup = try Setup()
        let ann = try setup.service("ann")
        let bob = try setup.service("bob")
        let mine = try ann.fileTicket(printer, from: nil)
        _ = try bob.fileTicket(printer, from: nil)
        #expect(try ann.myTickets().map(\.id) == [mine.id])
        #expect(throws: HelpdeskError.notYours(2)) { try ann.ticket(2) }
        #expect(throws: HelpdeskError.notYours(99)) { try ann.ticket(99) }
        #expect(throws: HelpdeskError.notYours(2)) { try ann.comment(on: 2, "me too", internal: false) }
        #expect(throws: HelpdeskError.agentsOnly("see the ticket queue")) { try ann.queue() }
    }

    @Test func onlyAgentsAssignAndMoveTicketsButEmployeesMayCloseOrReopenResolvedOnes() throws {
        let setup = try Setup()
        let ann = try setup.service("ann")
        let alice = try setup.service("alice")
        let ticket = try ann.fileTicket(printer, from: nil)
        #expect(throws: HelpdeskError.agentsOnly("assign tickets")) { try ann.assign(ticket.id, to: "ann") }
        #expect(throws: HelpdeskError.agentsOnly("change a ticket's status")) { try ann.setStatus(ticket.id, to: .resolved) }
        _ = try alice.assign(ticket.id, to: "alice")
        _ = try alice.setStatus(ticket.id, to: .resolved)
        #expect(try ann.setStatus(ticket.id, to: .open).status == .open)
        #expect(try ann.ticket(ticket.id).history.last?.actor == "ann")
    }

    @Test func theQueueIsMostUrgentFirst() throws {
        let setup = try Setup()
        let ann = try setup.service("ann")
        for priority in [Priority.p3, .p1, .p4, .p2] {
            _ = try ann.fileTicket(.init(title: "t", category: "general", priority: priority, summary: "s"), from: nil)
        }
        _ = try setup.service("alice").setStatus(1, to: .resolved)
        #expect(try setup.service("alice").queue().map(\.priority) == [.p1, .p2, .p4])
    }

    @Test func theDemoAgentExistsOnlyWithoutConfiguredAgents() throws {
        let setup = try Setup()
        #expect(throws: HelpdeskError.demoAgentDisabled()) {
            try HelpdeskService(database: setup.database, configuration: setup.configuration, identity: .demoAgent)
        }
        let embedded = try HelpdeskService(database: setup.database, configuration: Configuration(), identity: .demoAgent)
        #expect(embedded.role == .agent)
        // A real account named like the demo agent gets no agent powers from the name.
        let impostor = try HelpdeskService(
            database: setup.database, configuration: Configuration(), identity: Identity(user: "demo-agent"))
        #expect(impostor.role == .employee)
    }

    @Test func employeesCannotReadTheAuditLog() throws {
        let setup = try Setup()
        #expect(throws: HelpdeskError.agentsOnly("read the audit log")) { try setup.service("ann").auditEntries(limit: 10) }
        #expect(try setup.service("alice").verifyAudit() == .intact(entries: 0))
    }
}
