import Engine
import Foundation
import HelpdeskCore
import Service
import Testing

/// Questions the knowledge base cannot answer, asked in the chat, come back as topics.
struct KnowledgeGapTests {
    private func ask(_ questions: [String], as user: String, _ setup: ServiceSetup) async throws {
        let engine = GroundedEngine(index: try ConversationServiceTests.knowledge.get().index, tools: setup.tools)
        let service = try HelpdeskService(
            database: setup.database, configuration: setup.configuration, identity: Identity(user: user), tools: setup.tools,
            engine: engine)
        let conversation = try service.startConversation()
        for question in questions {
            for try await event in service.send(question, in: conversation) {
                if case .done(let reply, _) = event { #expect(reply.kind == .notFound, "\(question)") }
            }
        }
    }

    @Test func differentlyWordedQuestionsOnOneTopicAreOneGap() async throws {
        let setup = try ServiceSetup()
        let parking = [
            "how do I book a parking spot", "where can I reserve parking for tomorrow", "is there a car park booking system",
        ]
        try await ask(Array(parking.prefix(2)), as: "ann", setup)
        try await ask(["can I bring my dog to the office", parking[2]], as: "bob", setup)

        let agent = try HelpdeskService(
            database: setup.database, configuration: setup.configuration, identity: Identity(user: "alice"),
            engine: GroundedEngine(index: try ConversationServiceTests.knowledge.get().index, tools: setup.tools))
        let report = try agent.report(since: Date().addingTimeInterval(-3600), until: Date().addingTimeInterval(60))
        #expect(report.unansweredQuestions == 4)
        let topics = report.knowledgeGaps.topics
        #expect(topics.map(\.count) == [3, 1])
        #expect(Set(topics.first?.examples ?? []) == Set(parking))
        #expect(topics.first?.words.first == "parking", "named by the word the questions used for `park`")
        #expect(topics.last?.examples == ["can I bring my dog to the office"])
    }

    @Test func questionTextIsForgottenAfterTheRetention() async throws {
        let setup = try ServiceSetup()
        try await ask(["how do I book a parking spot"], as: "ann", setup)
        try setup.database.forgetGapQuestions(before: Date().addingTimeInterval(1))
        let gaps = try setup.database.knowledgeGaps(in: Date().addingTimeInterval(-60)..<Date().addingTimeInterval(60))
        #expect(gaps.count == 1)
        #expect(gaps.first?.question == nil)
    }
}
