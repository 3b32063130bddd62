import Foundation
import HelpdeskCore
import Testing

/// The same calls, the same answers and the same refusals from the embedded service and
/// from the daemon over its socket: a front end cannot tell which it talks to.
@Suite(.serialized)
struct ConformanceTests {
    @Test(arguments: Helpdesks.Kind.allCases)
    func aReplyStreamsInPiecesAndEndsWithTheWholeReply(_ kind: Helpdesks.Kind) async throws {
        try await Helpdesks.with(kind) { helpdesks in
            let ann = try await helpdesks.api(as: "ann")
            #expect(ann.identity.user == "ann")
            #expect(ann.role == .employee)
            let conversation = try await ann.startConversation()
            let (pieces, reply) = try await ann.reply(to: "my printer is jammed", in: conversation)
            #expect(pieces > 1)
            #expect(reply?.text.isEmpty == false)
            // The service kept the exchange: the conversation is the same whoever asks.
            #expect(try await ann.recentMessages(of: conversation, limit: 10, before: nil).map(\.role) == [.employee, .helpdesk])
        }
    }

    @Test(arguments: Helpdesks.Kind.allCases)
    func employeesSeeTheirOwnTicketsOnly(_ kind: Helpdesks.Kind) async throws {
        try await Helpdesks.with(kind) { helpdesks in
            let ann = try await helpdesks.api(as: "ann")
            let bob = try await helpdesks.api(as: "bob")
            let draft = TicketDraft(title: "Printer jam", category: "printing", priority: .p3, summary: "Tray 2")
            let mine = try await ann.fileTicket(draft, from: nil)
            _ = try await bob.fileTicket(draft, from: nil)
            #expect(try await ann.myTickets().map(\.id) == [mine.id])
            let refused = await #expect(throws: HelpdeskError.self) { try await bob.ticket(mine.id) }
            #expect(refused?.code == .notFound)
            let detail = try await ann.ticket(mine.id)
            #expect(detail.ticket == mine)
            #expect(detail.history.map(\.kind) == [.created])
        }
    }

    @Test(arguments: Helpdesks.Kind.allCases)
    func refusalsCarryTheirCode(_ kind: Helpdesks.Kind) async throws {
        try await Helpdesks.with(kind) { helpdesks in
            let ann = try await helpdesks.api(as: "ann")
            let forbidden = await #expect(throws: HelpdeskError.self) { try await ann.pendingApprovals() }
            #expect(forbidden?.code == .forbidden)
            let invalid = await #expect(throws: HelpdeskError.self) {
                try await ann.requestTool("reset_password", arguments: ["account": "email; rm -rf /"])
            }
            #expect(invalid?.code == .invalid)
            let missing = await #expect(throws: HelpdeskError.self) { try await ann.request(9999) }
            #expect(missing?.code == .notFound)
            let conversation = try await ann.startConversation()
            let tooLarge = await #expect(throws: HelpdeskError.self) {
                _ = try await ann.reply(to: String(repeating: "x", count: MessageLimit.bytes + 1), in: conversation)
            }
            #expect(tooLarge?.code == .tooLarge)
            let notYours = await #expect(throws: HelpdeskError.self) {
                _ = try await helpdesks.api(as: "bob").reply(to: "hello", in: conversation)
            }
            #expect(notYours?.code == .notFound)
        }
    }

    @Test(arguments: Helpdesks.Kind.allCases)
    func anApprovalReachesTheRequesterLiveAndTheResultComesOnce(_ kind: Helpdesks.Kind) async throws {
        try await Helpdesks.with(kind) { helpdesks in
            let ann = try await helpdesks.api(as: "ann")
            let alice = try await helpdesks.api(as: "alice")
            let changes = ann.changes()
            let request = try await ann.requestTool("unlock_account", arguments: ["account": "vpn"])
            #expect(request.state == .pending)
            #expect(try await alice.pendingApprovals().map(\.id) == [request.id])
            let own = try await alice.requestTool("unlock_account", arguments: ["account": "vpn"])
            let selfApproval = await #expect(throws: HelpdeskError.self) {
                try await alice.decide(own.id, approve: true, note: nil)
            }
            #expect(selfApproval?.code == .forbidden)
            _ = try await alice.decide(request.id, approve: true, note: "checked with the employee")
            var decided: ApprovalRequest?
            for try await event in changes where event.kind == .approvalDecided {
                decided = event.request
                break
            }
            #expect(decided?.state == .approved)
            #expect(decided?.decidedBy == "alice")
            #expect(try await ann.approvedRequests().map(\.id) == [request.id])
            let result = try await ann.run(request.id)
            #expect(result.succeeded)
            let again = await #expect(throws: HelpdeskError.self) { try await ann.run(request.id) }
            #expect(again?.code == .conflict)
            #expect(try await ann.approvedRequests().isEmpty)
            guard case .intact = try await alice.verifyAudit() else {
                Issue.record("the audit log does not verify")
                return
            }
        }
    }
}

/// What only the socket has: a daemon that goes away and comes back.
@Suite(.serialized)
struct ReconnectionTests {
    @Test func callsFailWithUnavailableWhileTheDaemonIsAwayAndWorkAgainWhenItIsBack() async throws {
        try await Helpdesks.with(.socket) { helpdesks in
            let ann = try await helpdesks.api(as: "ann")
            let changes = ann.changes()
            _ = try await ann.myTickets()
            await helpdesks.stopDaemon(of: "ann")
            let away = await #expect(throws: HelpdeskError.self) { try await ann.myTickets() }
            #expect(away?.code == .unavailable)
            // The change stream ends with an error too, so a front end can say so.
            let ended = await #expect(throws: HelpdeskError.self) { for try await _ in changes {} }
            #expect(ended?.code == .unavailable)
            _ = try await helpdesks.api(as: "ann")  // starts ann's daemon again
            #expect(try await ann.myTickets().isEmpty)
        }
    }
}
