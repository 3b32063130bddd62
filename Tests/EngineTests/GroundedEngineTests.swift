import Engine
import HelpdeskCore
import Testing

/// Behaviours an employee notices, on the shipped knowledge base and tools.
struct GroundedEngineTests {
    static let engine = Result { try DialogSuite.engine() }

    /// Plays `messages` as one conversation and returns every reply.
    private func chat(_ messages: String...) throws -> [Reply] {
        let engine = try Self.engine.get()
        return engine.replies(to: messages)
    }

    @Test func aQuestionAboutAToolsTopicIsAnsweredNotActedOn() throws {
        let reply = try chat("how often must I change my password?")[0]
        #expect(reply.kind == .answer)
        #expect(reply.sources.first?.article == "accounts/password-policy")
        #expect(reply.text.contains("Source: Password rules and expiry"))
        #expect(reply.tool == nil)
    }

    @Test func aRequestAsksForTheMissingArgumentListingTheChoices() throws {
        let reply = try chat("I forgot my password")[0]
        #expect(reply.kind == .clarify)
        #expect(reply.tool == ToolCall(tool: "reset_password", arguments: [:]))
        #expect(reply.text.hasSuffix("Which account? Choose email, vpn or workstation."))
    }

    @Test func anInjectedArgumentIsRefusedWithTheReasonAndAskedAgain() throws {
        let replies = try chat("reset my password", "email; rm -rf /", "the vpn one")
        #expect(replies[1].kind == .clarify)
        #expect(replies[1].text.hasPrefix("“email; rm -rf /” is not a valid account: choose email, vpn or workstation"))
        #expect(replies[1].tool?.arguments == [:])
        #expect(replies[2].kind == .tool)
        #expect(replies[2].tool == ToolCall(tool: "reset_password", arguments: ["account": .string("vpn")]))
        #expect(replies[2].text.contains("This needs an agent's approval."))
    }

    @Test func synonymsFillArgumentsAndYesConfirms() throws {
        let replies = try chat("I'm locked out of my laptop", "yes")
        #expect(replies[0].tool == ToolCall(tool: "unlock_account", arguments: ["account": .string("workstation")]))
        #expect(replies[1].kind == .tool)
        #expect(replies[1].toolConfirmed)
    }

    @Test func aToolAnAdminAddsIsRecognisedFromItsExamples() throws {
        let catalog = try ToolCatalog.parse(
            """
            {"tools": [{"name": "clear_print_queue", "title": "Clear my print queue",
              "description": "Cancels print jobs that are stuck.", "examples": ["my print job is stuck, clear it", "cancel my stuck print jobs"],
              "approval": "none", "run": {"argv": ["/usr/bin/cancel", "-u", "{requester}"]}}]}
            """, file: "tools.json")
        let base = try DialogSuite.engine()
        let engine = GroundedEngine(index: base.index, tools: catalog)
        let (reply, _) = engine.respond(to: "please cancel the stuck print jobs", in: Conversation())
        #expect(reply.kind == .tool)
        #expect(reply.tool?.tool == "clear_print_queue")
        #expect(reply.text.contains("This runs straight away."))
    }

    /// `tools.json` says "Reset", "Unlock", "Shows"; employees say "wipe", "lift", "look up".
    @Test(arguments: [
        ("please wipe my vpn password and give me a temporary one", "reset_password", ["account": "vpn"]),
        ("lift the lock on my vpn please", "unlock_account", ["account": "vpn"]),
        ("can you look up when my password expires", "check_account_status", [:]),
    ])
    func aRequestWithAnotherVerbOfTheToolsKindIsRecognised(message: String, tool: String, arguments: [String: String])
        throws
    {
        let reply = try chat(message)[0]
        #expect(reply.kind == .tool)
        #expect(reply.tool == ToolCall(tool: tool, arguments: arguments.mapValues { .string($0) }))
    }

    /// A tool that only shows something answers "when does…?", not "how do I…?" or
    /// "why…?", which the knowledge base answers.
    @Test func aHowToOrWhyQuestionIsNotAskingAReadOnlyToolToLook() throws {
        let howTo = try chat("how do I see when my password expires?")[0]
        #expect(howTo.kind == .answer)
        #expect(howTo.sources.first?.article == "accounts/password-policy")
        let why = try chat("why does my account keep locking me out?")[0]
        #expect(why.kind == .answer)
        #expect(why.sources.first?.article == "accounts/account-lockout")
        let when = try chat("when does my password expire?")[0]
        #expect(when.tool == ToolCall(tool: "check_account_status", arguments: [:]))
    }

    /// A request phrased unlike any example, which no article answers, is offered the tool
    /// it most likely asks for; a how-to question or a request for what no tool does is not.
    @Test func whenNoArticleAnswersTheLikeliestToolIsOffered() throws {
        let temporary = try chat("give me a temporary password")[0]
        #expect(temporary.kind == .clarify)
        #expect(temporary.tool == ToolCall(tool: "reset_password", arguments: [:]))
        let fresh = try chat("I'd like a fresh password on my mail")[0]
        #expect(fresh.tool == ToolCall(tool: "reset_password", arguments: ["account": .string("email")]))
        #expect(try chat("How do I reset my Salesforce password?")[0].kind == .notFound)
        #expect(try chat("can I get a parking badge")[0].kind == .notFound)
        // --explain gives the bar that applied.
        let engine = try Self.engine.get()
        #expect(
            engine.explain("give me a temporary password").tools.first?.threshold
                == DecisionWeights.shipped.toolBars.withoutAnswer)
        #expect(engine.explain("How do I reset my Salesforce password?").tools.first?.threshold == LogisticModel.threshold)
    }

    /// A message that plainly asks for something takes a tool from the lower bar fitted for
    /// requests, even where an article matches it; a question with the same words does not.
    @Test func aPlainRequestHasItsOwnBar() throws {
        var weights = DecisionWeights.shipped
        weights.toolBars = ToolBars(request: 0.1, withoutAnswer: LogisticModel.threshold)
        let lowered = try DialogSuite.shipped.engine(weights: weights)
        weights.toolBars = .evenOdds
        let even = try DialogSuite.shipped.engine(weights: weights)
        let request = "look up my password expiry date please"
        #expect(lowered.replies(to: [request])[0].tool == ToolCall(tool: "check_account_status", arguments: [:]))
        #expect(even.replies(to: [request])[0].kind == .answer)
        let question = "could you tell me how to look up my password expiry date?"
        #expect(lowered.replies(to: [question])[0].tool == nil)
    }

    /// A lost device goes to a person, unless the employee asks for a tool outright: a tool
    /// taken on a lowered bar is a guess, and does not keep the incident from a person.
    @Test func aLoweredBarNeverKeepsALostDeviceFromAPerson() throws {
        var weights = DecisionWeights.shipped
        weights.toolBars = ToolBars(request: 0, withoutAnswer: 0)
        let engine = try DialogSuite.shipped.engine(weights: weights)
        let reply = engine.replies(to: ["I lost my work phone on the train this morning, please help"])[0]
        #expect(reply.kind == .escalate)
        #expect(reply.tool == nil)
    }

    /// An instruction asks as plainly as "can you": "hook me up with…", "sort out…". "Set
    /// up email on my phone" asks how, and is answered.
    @Test func anInstructionIsARequestWithoutPleaseOrCanYou() throws {
        let hooked = try chat("hook me up with a new email password")[0]
        #expect(hooked.tool == ToolCall(tool: "reset_password", arguments: ["account": .string("email")]))
        let sorted = try chat("sort out a new vpn password for me, mine expired while I was away")[0]
        #expect(sorted.tool == ToolCall(tool: "reset_password", arguments: ["account": .string("vpn")]))
        let howTo = try chat("set up email on my phone")[0]
        #expect(howTo.kind == .answer)
        #expect(howTo.tool == nil)
    }

    /// "lift the lockout" shares no word with "Unlock an account" or its examples; with the
    /// sentence model the recogniser sees that it means the same.
    @Test func withTheSentenceModelARequestIsClosestInMeaningToItsTool() throws {
        let quillstack = try #require(try DialogSuite.companies().first { $0.name == "quillstack" })
        let engine = try quillstack.engine(semantic: true)
        let meaning = try #require(engine.toolFeatureNames.firstIndex(of: "meaning"))
        let closeness = engine.toolFeatures(for: "could you lift the lockout on my mac?").map { ($0.tool, $0.features[meaning]) }
        #expect(closeness.max { $0.1 < $1.1 }?.0 == "unlock_account")
        #expect(try DialogSuite.engine().toolFeatureNames.contains("meaning") == false)
    }

    @Test func anUncoveredQuestionIsNotAnsweredAndYesFilesATicket() throws {
        let replies = try chat("how do I reset my Salesforce password?", "yes please")
        #expect(replies[0].kind == .notFound)
        #expect(replies[0].sources.isEmpty)
        #expect(replies[0].confidence < 0.5)
        #expect(replies[1].kind == .escalate)
        let ticket = try #require(replies[1].ticket)
        #expect(ticket.summary.hasPrefix("Problem: how do I reset my Salesforce password?"))
        #expect(ticket.summary.contains("Already suggested: nothing"))
        #expect(ticket.transcript.first == "employee: how do I reset my Salesforce password?")
    }

    @Test func followUpsOfferSomethingNewThenEscalateWithWhatWasTried() throws {
        let replies = try chat("my vpn keeps disconnecting", "still drops", "didn't help", "still not working")
        #expect(replies[0].kind == .answer)
        #expect(replies[1].kind == .answer)
        #expect(replies[1].sources != replies[0].sources)
        let last = try #require(replies.last)
        #expect(last.kind == .escalate)
        let ticket = try #require(last.ticket)
        #expect(ticket.category == "network")
        #expect(ticket.summary.contains("Already suggested: VPN keeps disconnecting"))
        #expect(ticket.summary.contains("Why escalated: the suggestions from the knowledge base did not help"))
    }

    @Test(arguments: [
        ("the whole office has no internet and nobody can work, get me a person", Priority.p1),
        ("URGENT!!! laptop won't start and my presentation is in 10 minutes, send a technician", .p2),
        ("please open a ticket, I'd like a second monitor when you have time", .p4),
        ("I want to talk to a human about my printer", .p3),
        ("could somebody give me a call about my printer?", .p3),
    ])
    func triageSetsPriorityFromUrgencyAndImpact(message: String, priority: Priority) throws {
        let reply = try chat(message)[0]
        #expect(reply.kind == .escalate)
        #expect(reply.ticket?.priority == priority)
    }

    @Test func theTicketQuotesErrorMessagesAndDevices() throws {
        let replies = try chat(
            "Company Portal on my Windows laptop says \"error 0x87D1041C\" for every install", "let me talk to a person")
        let summary = try #require(replies[1].ticket?.summary)
        #expect(summary.contains("“error 0x87D1041C”"))
        #expect(summary.contains("device: Windows, laptop"))
    }

    @Test(arguments: [("any news on ticket 42?", 42 as Int?), ("has anyone looked at my ticket yet", nil)])
    func ticketStatusQuestions(message: String, number: Int?) throws {
        let reply = try chat(message)[0]
        #expect(reply.kind == .status)
        #expect(reply.ticketNumber == number)
    }

    @Test func repliesStreamAsTextChunksThenSourcesThenDone() async throws {
        let engine = try Self.engine.get()
        var chunks: [String] = []
        var order: [String] = []
        var final: Reply?
        for await event in engine.reply(to: "printer shows offline", in: Conversation()) {
            switch event {
            case .text(let chunk):
                chunks.append(chunk)
                if order.last != "text" { order.append("text") }
            case .sources: order.append("sources")
            case .done(let reply, let conversation):
                order.append("done")
                final = reply
                #expect(conversation.messages.count == 2)
            default: order.append("other")
            }
        }
        #expect(order == ["text", "sources", "done"])
        #expect(chunks.count > 3)
        #expect(chunks.joined() == final?.text)
    }
}
