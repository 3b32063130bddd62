import Foundation
import HelpdeskCore
import Testing

/// Queues the same through the embedded service and the daemon's socket.
@Suite(.serialized)
struct QueueConformanceTests {
    @Test(arguments: Helpdesks.Kind.allCases)
    func agentsMoveTicketsBetweenKnownQueuesAndEmployeesMayNot(_ kind: Helpdesks.Kind) async throws {
        try await Helpdesks.with(kind) { helpdesks in
            let ann = try await helpdesks.api(as: "ann")
            let alice = try await helpdesks.api(as: "alice")
            let draft = TicketDraft(title: "Printer jam", category: "printing", priority: .p3, summary: "Tray 2")
            let ticket = try await ann.fileTicket(draft, from: nil)
            // Without routing, every ticket is in the one default queue, and nobody belongs to it.
            #expect(ticket.queue == Routing.fallbackQueue)
            #expect(try await alice.myQueues() == [])

            let employee = await #expect(throws: HelpdeskError.self) { try await ann.setQueue(ticket.id, to: "service-desk") }
            #expect(employee?.code == .forbidden)
            #expect((await #expect(throws: HelpdeskError.self) { try await ann.myQueues() })?.code == .forbidden)
            let unknown = await #expect(throws: HelpdeskError.self) { try await alice.setQueue(ticket.id, to: "netops") }
            #expect(unknown?.code == .invalid)
            #expect(try await alice.setQueue(ticket.id, to: "service-desk").queue == "service-desk")
            #expect(try await alice.ticket(ticket.id).history.last?.kind == .queue)
        }
    }
}
