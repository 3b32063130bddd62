import Foundation
import HelpdeskCore
import Service
import Store
import Testing

struct LiveEventTests {
    @Test func changesFromAnotherConnectionArriveWithoutAsking() async throws {
        let setup = try ServiceSetup()
        let agentView = try setup.service("alice").changes(pollEvery: .milliseconds(20))
        // A second database handle on the same file: what another process would have.
        let elsewhere = try HelpdeskDatabase(path: setup.path)
        let other = try HelpdeskService(
            database: elsewhere, configuration: setup.configuration, identity: Identity(user: "ann"), tools: setup.tools)
        Task {
            try await Task.sleep(for: .milliseconds(100))
            _ = try other.requestTool("unlock_account", arguments: ["account": "vpn"])
            _ = try other.fileTicket(.init(title: "Printer", category: "printing", priority: .p3, summary: "jam"), from: nil)
        }
        var seen: [HelpdeskEvent.Kind] = []
        for try await event in agentView {
            seen.append(event.kind)
            if seen.count == 2 { break }
        }
        #expect(seen == [.approvalRequested, .ticketCreated])
    }

    @Test func employeesHearOnlyAboutTheirOwnThings() async throws {
        let setup = try ServiceSetup()
        let annView = try setup.service("ann").changes(pollEvery: .milliseconds(20))
        Task {
            try await Task.sleep(for: .milliseconds(100))
            _ = try setup.service("bob").fileTicket(
                .init(title: "bob's", category: "general", priority: .p3, summary: "s"), from: nil)
            let mine = try setup.service("ann").requestTool("unlock_account", arguments: ["account": "vpn"])
            _ = try setup.service("alice").decide(mine.id, approve: true, note: nil)
        }
        var seen: [HelpdeskEvent] = []
        for try await event in annView {
            seen.append(event)
            if seen.count == 2 { break }
        }
        #expect(seen.map(\.kind) == [.approvalRequested, .approvalDecided])
        #expect(seen.allSatisfy { $0.user == "ann" })
        // Each change carries the record as it is now: nobody has to ask again.
        #expect(seen.last?.request?.state == .approved)
        #expect(seen.last?.request?.decidedBy == "alice")
    }
}
