import Engine
import Foundation
import HelpdeskCore
import Service
import Store
import Testing

/// The loop between employee and agent through the service: status answered from the
/// ticket, a ticket per problem, what agents do told in the employee's conversation,
/// internal notes kept from employees, confirming and rating a resolution.
struct ConversationLoopTests {
    private func chat(_ setup: ServiceSetup, as user: String) throws -> HelpdeskService {
        let engine = GroundedEngine(index: try ConversationServiceTests.knowledge.get().index, tools: setup.tools)
        return try HelpdeskService(
            database: setup.database, configuration: setup.configuration, identity: Identity(user: user), tools: setup.tools,
            engine: engine)
    }

    private func reply(_ service: HelpdeskService, _ message: String, in conversation: Int) async throws -> Reply {
        var text = ""
        for try await event in service.send(message, in: conversation) {
            switch event {
            case .text(let chunk): text += chunk
            case .done(let reply, _):
                #expect(text == reply.text, "what streamed is what was stored")
                return reply
            default: break
            }
        }
        throw HelpdeskError(.unavailable, "no reply")
    }

    private func ticket(for user: String, _ setup: ServiceSetup, title: String = "VPN drops every hour") throws -> Ticket {
        try setup.service(user).fileTicket(
            TicketDraft(title: title, category: "network", priority: .p2, summary: "It drops."), from: nil)
    }

    @Test func aStatusQuestionIsAnsweredFromTheTicketItself() async throws {
        let setup = try ServiceSetup()
        let ann = try chat(setup, as: "ann")
        let conversation = try ann.startConversation()
        let filed = try ticket(for: "ann", setup)
        let alice = try setup.service("alice")
        _ = try alice.assign(filed.id, to: "alice")
        _ = try alice.setStatus(filed.id, to: .open)
        _ = try alice.comment(on: filed.id, "Replacing the VPN profile tonight.", internal: false)
        _ = try alice.comment(on: filed.id, "Probably the old client.", internal: true)

        let status = try await reply(ann, "any news on ticket \(filed.id)?", in: conversation)
        #expect(status.kind == .status)
        #expect(status.text.contains("#\(filed.id) “VPN drops every hour” is open (P2), with alice, due "))
        #expect(status.text.contains("Latest from alice"))
        #expect(status.text.contains("Replacing the VPN profile tonight."))
        #expect(!status.text.contains("old client"), "an internal note never reaches the employee")
        #expect(try setup.database.messages(of: conversation).last?.text == status.text)

        let mine = try await reply(ann, "what's the status of my tickets?", in: conversation)
        #expect(mine.text.contains("Your open tickets:\n• #\(filed.id)"))

        let others = try ticket(for: "bob", setup, title: "Bob's printer")
        let refused = try await reply(ann, "any update on ticket \(others.id)?", in: conversation)
        #expect(refused.text.contains("There is no ticket #\(others.id) of yours"))
        #expect(!refused.text.contains("printer"))
    }

    @Test func aTicketCarriesOnlyTheMessagesAboutItsProblem() async throws {
        let setup = try ServiceSetup()
        let ann = try chat(setup, as: "ann")
        let conversation = try ann.startConversation()
        _ = try await reply(ann, "I'm locked out of my laptop, a ThinkPad T14", in: conversation)
        _ = try await reply(ann, "no", in: conversation)
        _ = try await reply(ann, "how do I get a parking badge for the garage?", in: conversation)
        let escalation = try await reply(ann, "I want to talk to a person", in: conversation)
        let draft = try #require(escalation.ticket)
        #expect(draft.title.contains("parking badge"))
        #expect(draft.transcript.first == "employee: how do I get a parking badge for the garage?")
        #expect(!draft.summary.contains("ThinkPad"), "facts from the earlier problem stay out")
        #expect(!draft.transcript.joined().contains("locked out"))
    }

    @Test func whatAgentsDoIsToldInTheEmployeesLatestConversation() async throws {
        let setup = try ServiceSetup()
        let ann = try chat(setup, as: "ann")
        _ = try ann.startConversation()
        let latest = try ann.startConversation()
        #expect(try ann.resumeConversation() == latest)
        let filed = try ticket(for: "ann", setup)
        let alice = try setup.service("alice")
        _ = try alice.comment(on: filed.id, "Can you try the new profile?", internal: false)
        _ = try alice.comment(on: filed.id, "User seems to be on hotel wifi.", internal: true)
        _ = try alice.setPriority(filed.id, to: .p1)
        _ = try alice.setStatus(filed.id, to: .resolved)
        _ = try ann.comment(on: filed.id, "Thanks, trying now.", internal: false)

        let told = try ann.messages(of: latest, after: 0)
        #expect(told.allSatisfy { $0.role == .notice })
        #expect(
            told.map(\.text) == [
                "alice on ticket #\(filed.id) “VPN drops every hour”: Can you try the new profile?",
                "alice resolved ticket #\(filed.id) “VPN drops every hour”.",
                "You wrote on ticket #\(filed.id): Thanks, trying now.",
            ])
        #expect(try ann.ticket(filed.id).history.allSatisfy { $0.kind != .note })
        #expect(try alice.ticket(filed.id).history.contains { $0.kind == .note && $0.detail.contains("hotel wifi") })
        #expect(throws: HelpdeskError.self) { try ann.comment(on: filed.id, "sneaky", internal: true) }
        #expect(throws: HelpdeskError.self) { try setup.service("bob").messages(of: latest, after: 0) }
    }

    @Test func priorityMovesTheDueTimeAndOnlyAgentsSetIt() throws {
        let setup = try ServiceSetup()
        let filed = try ticket(for: "ann", setup)
        let raised = try setup.service("alice").setPriority(filed.id, to: .p1)
        #expect(raised.priority == .p1)
        #expect(raised.dueBy == filed.created.addingTimeInterval(3600))
        #expect(try setup.database.ticket(filed.id)?.dueBy == raised.dueBy)
        #expect(throws: HelpdeskError.self) { try setup.service("ann").setPriority(filed.id, to: .p1) }
        #expect(throws: HelpdeskError.self) { try setup.service("alice").assign(filed.id, to: "ann") }
        #expect(try setup.service("alice").assign(filed.id, to: "dave").assignee == "dave")
        #expect(try setup.service("alice").agents() == ["alice", "dave"])
    }

    @Test func theRequesterConfirmsAResolutionWithARatingOrReopensIt() throws {
        let setup = try ServiceSetup()
        let alice = try setup.service("alice")
        let ann = try setup.service("ann")
        let fixed = try ticket(for: "ann", setup)
        #expect(throws: HelpdeskError.self) { try ann.confirmResolution(of: fixed.id, fixed: true, rating: nil) }
        _ = try alice.setStatus(fixed.id, to: .resolved)
        #expect(throws: HelpdeskError.self) { try setup.service("bob").confirmResolution(of: fixed.id, fixed: true, rating: 5) }
        #expect(throws: HelpdeskError.self) { try ann.confirmResolution(of: fixed.id, fixed: true, rating: 6) }
        #expect(try ann.confirmResolution(of: fixed.id, fixed: true, rating: 4).status == .closed)
        let last = try #require(try ann.ticket(fixed.id).history.last)
        #expect(last.kind == .rating && last.detail == "4")

        let notFixed = try ticket(for: "ann", setup, title: "Printer jams")
        _ = try alice.setStatus(notFixed.id, to: .resolved)
        #expect(try ann.confirmResolution(of: notFixed.id, fixed: false, rating: nil).status == .open)
        #expect(try alice.queue().map(\.id).contains(notFixed.id))
    }

    @Test func didThatSolveItIsRecordedForAnswersAndToolRuns() async throws {
        let setup = try ServiceSetup()
        let ann = try chat(setup, as: "ann")
        let conversation = try ann.startConversation()
        let answer = try await reply(ann, "vpn keeps disconnecting", in: conversation)
        #expect(answer.kind == .answer)
        #expect(answer.text.hasSuffix("Did that solve it? (yes/no)"))
        let solved = try await reply(ann, "yes, thanks", in: conversation)
        #expect(solved.outcome == .solved)

        _ = try await reply(ann, "printer is offline", in: conversation)
        let notSolved = try await reply(ann, "no", in: conversation)
        #expect(notSolved.outcome == .notSolved)
        #expect(notSolved.kind == .answer || notSolved.kind == .escalate, "no moves on to the next step or a ticket")

        _ = try await reply(ann, "I am locked out of my laptop", in: conversation)
        let filed = try #require(try await reply(ann, "yes", in: conversation).request)
        _ = try setup.service("alice").decide(filed.id, approve: true, note: nil)
        #expect(try ann.run(filed.id).succeeded)
        let toolSolved = try await reply(ann, "yes", in: conversation)
        #expect(toolSolved.outcome == .solved)

        let outcomes = try setup.database.outcomes()
        #expect(outcomes.map(\.solved) == [true, false, true])
        #expect(outcomes[0].articles == [try #require(answer.sources.first).article])
        #expect(outcomes[2].tool == "unlock_account" && outcomes[2].articles.isEmpty)
    }

    @Test func movingOnIsNotAnAnswerToDidThatSolveIt() async throws {
        let setup = try ServiceSetup()
        let ann = try chat(setup, as: "ann")
        let conversation = try ann.startConversation()
        _ = try await reply(ann, "vpn keeps disconnecting", in: conversation)
        let moved = try await reply(ann, "yes please, I want to talk to a person", in: conversation)
        #expect(moved.kind == .escalate)
        #expect(moved.outcome == nil)
        #expect(try setup.database.outcomes().isEmpty)
    }
}
