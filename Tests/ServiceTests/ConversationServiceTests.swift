import Engine
import Foundation
import HelpdeskCore
import Knowledge
import Service
import Store
import Testing

/// The chat's path through the service: messages stored, requests and tickets filed from replies.
struct ConversationServiceTests {
    static let knowledge = Result {
        try KnowledgeBase.load(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("knowledge").path)
    }

    private func chat(_ setup: ServiceSetup, as user: String) throws -> HelpdeskService {
        let engine = GroundedEngine(index: try Self.knowledge.get().index, tools: setup.tools)
        return try HelpdeskService(
            database: setup.database, configuration: setup.configuration, identity: Identity(user: user), tools: setup.tools,
            engine: engine)
    }

    private func reply(_ service: HelpdeskService, _ message: String, in conversation: Int) async throws -> Reply? {
        for try await event in service.send(message, in: conversation) {
            if case .done(let reply, _) = event { return reply }
        }
        return nil
    }

    @Test func theServiceFilesARequestOnceTheEmployeeSaysYesAndNotBefore() async throws {
        let setup = try ServiceSetup()
        let ann = try chat(setup, as: "ann")
        let conversation = try ann.startConversation()
        let prepared = try #require(try await reply(ann, "I'm locked out of my laptop", in: conversation))
        #expect(prepared.kind == .tool)
        #expect(prepared.request == nil)
        // The exchange survives: a restarted chat finds the messages and the open question.
        #expect(try setup.database.messages(of: conversation).map(\.role) == [.employee, .helpdesk])
        #expect(try setup.database.conversation(conversation)?.state.pending != nil)
        #expect(try setup.database.approvals().isEmpty)

        let confirmed = try #require(try await reply(ann, "yes", in: conversation))
        let request = try #require(confirmed.request)
        #expect(request.conversation == conversation)
        #expect(request.state == .pending)
        #expect(try setup.database.approvals().map(\.id) == [request.id])
        // "no" afterwards files nothing more and leaves the request pending.
        _ = try await reply(ann, "no", in: conversation)
        #expect(try setup.database.approvals().map(\.state) == [.pending])
    }

    @Test func anEscalationFilesTheProposedTicketWithTheTranscript() async throws {
        let setup = try ServiceSetup()
        let ann = try chat(setup, as: "ann")
        let conversation = try ann.startConversation()
        _ = try await reply(ann, "how do I get a parking badge", in: conversation)
        let escalation = try #require(try await reply(ann, "yes", in: conversation))
        let ticket = try ann.fileTicket(try #require(escalation.ticket), from: conversation)
        #expect(ticket.requester == "ann")
        #expect(ticket.summary.contains("Transcript:\nemployee: how do I get a parking badge"))
        #expect(try ann.myTickets().map(\.id) == [ticket.id])
    }

    @Test func nobodyWritesIntoSomeoneElsesConversation() async throws {
        let setup = try ServiceSetup()
        let conversation = try chat(setup, as: "ann").startConversation()
        await #expect(throws: HelpdeskError.notYourConversation(conversation)) {
            _ = try await reply(chat(setup, as: "bob"), "hi", in: conversation)
        }
    }

    @Test func aMessageOverTheLimitIsRefusedAndNothingIsStored() async throws {
        let setup = try ServiceSetup()
        let ann = try chat(setup, as: "ann")
        let conversation = try ann.startConversation()
        let paste = String(repeating: "printer jam ", count: 100_000)
        let error = await #expect(throws: HelpdeskError.self) { _ = try await reply(ann, paste, in: conversation) }
        #expect(error?.code == .tooLarge)
        #expect(error?.description.contains("at most 16 KB") == true)
        #expect(try ann.recentMessages(of: conversation, limit: 10, before: nil).isEmpty)
        let fits = String(paste.prefix(MessageLimit.bytes))
        #expect(try await reply(ann, fits, in: conversation) != nil)
    }

    /// Messages are capped and so is a ticket's summary; a draft quoting a long problem
    /// still files, keeping its latest messages.
    @Test func aLongTranscriptStillFilesATicketWithItsLatestMessages() throws {
        let setup = try ServiceSetup()
        let ann = try chat(setup, as: "ann")
        let conversation = try ann.startConversation()
        let long = String(
            String(repeating: "the plotter on floor 3 shows error 59 again ", count: 400).prefix(MessageLimit.bytes - 10))
        let transcript = Array(repeating: "employee: " + long, count: 9) + ["employee: I want to talk to a person"]
        let draft = TicketDraft(
            title: "Plotter error 59", category: "printing", priority: .p3, summary: "Problem: plotter", transcript: transcript)
        let ticket = try ann.fileTicket(draft, from: conversation)
        #expect(ticket.summary.contains("earlier messages left out)"))
        #expect(ticket.summary.contains("employee: I want to talk to a person"))
    }
}
