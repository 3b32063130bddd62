import Engine
import HelpdeskCore
import Knowledge
import Testing

/// Outages and security incidents go to a person first, at P1 or P2; a question about the
/// procedure does not.
struct IncidentTests {
    static let engine = Result { try DialogSuite.engine() }

    @Test(arguments: [
        ("all the files on the shared drive are renamed .locked and there is a ransom note", Priority.p1),
        ("email is down for everyone in the company", .p1),
        ("customers can't log in to our website since 10 minutes", .p1),
        ("I accidentally pushed our database password to a public repo", .p1),
        ("the whole finance team can't print since this morning", .p2),
        ("nobody in the warehouse can log in to the stock system", .p1),
        ("my laptop was stolen from my car last night", .p2),
        ("I clicked a link in an email and typed my password before I realised it was fake", .p2),
        ("I keep getting sign-in approval requests on my phone that I didn't ask for", .p2),
        ("I think I left my work phone in a taxi last night", .p2),
        ("I enabled macros in a weird invoice attachment and now Excel is acting strange", .p2),
        ("every printer on level 2 has gone offline", .p2),
        ("my company phone got nicked at the station", .p2),
        ("I emailed the payroll file to an outside agency instead of HR", .p2),
        ("I tapped approve on a sign-in request while I wasn't signing in to anything", .p2),
        // What was done in the employee's name, what an impostor was given, who else works the machine.
        ("there are files in my onedrive shared with strangers that I never shared", .p2),
        ("a woman called claiming to be from the bank and I read out the code from my authenticator", .p2),
        ("the cursor on my screen is clicking around by itself and opening my email", .p2),
        ("I picked up a memory stick in reception and plugged it into my pc", .p2),
        ("my work phone fell out of my pocket on the bike ride in", .p2),
        ("I forwarded the contracts folder to a journalist by mistake", .p2),
        ("the timesheet app has been spinning for anyone in logistics since lunch", .p2),
        ("I can't open the expenses system, and everyone else in the company can't either", .p1),
    ])
    func anIncidentIsEscalatedAtOnce(message: String, priority: Priority) throws {
        let (reply, _) = try Self.engine.get().respond(to: message, in: Conversation())
        #expect(reply.kind == .escalate, "\(reply.text)")
        #expect(reply.ticket?.priority == priority)
    }

    @Test(arguments: [
        "what do I do if my laptop is stolen?",
        "how do I report a phishing email?",
        "does everyone get a new laptop every three years?",
        // Someone else's failing that is one person's problem, or no failing at all.
        "nobody on my calls can hear me",
        "is there no one who can help me with this spreadsheet?",
        "I left my laptop charger at home, can I borrow one?",
        "how do I open an attachment that Outlook blocked?",
        "outlook freezes every time I open a calendar invite",
        "my vpn drops every 10 minutes",
        "I never set up the authenticator, how do I sign in now?",
        "how do I recall an email I sent by mistake?",
        "if a visitor found a usb stick and plugged it in, what should they do?",
        "I haven't changed anything but my account keeps locking",
        "does a locked account unlock by itself after a while?",
        // One person's problem though others are named, or an incident already dealt with.
        "the scanner on floor 3 shows offline for me but everyone else can scan fine",
        "teams was down for the whole office this morning but it's working again, just so you know",
        "my phone was stolen last month and I have a replacement now, how do I get my old texts back?",
    ])
    func aQuestionOrOnePersonsProblemIsNotAnIncident(message: String) throws {
        let (reply, _) = try Self.engine.get().respond(to: message, in: Conversation())
        #expect(reply.kind != .escalate, "\(reply.text)")
    }

    @Test func aRelevantArticleIsOfferedAsInterimHelp() throws {
        let (reply, _) = try Self.engine.get().respond(to: "my laptop was stolen from my car last night", in: Conversation())
        #expect(reply.kind == .escalate)
        #expect(reply.text.contains("In the meantime"))
        let source = try #require(reply.sources.first)
        // The ticket tells the agent what the employee already has.
        #expect(reply.ticket?.summary.contains("Already suggested: \(source.title) › \(source.section)") == true)
    }

    /// A ticket is already the contact with IT, so the interim help is the section that tells
    /// what to do, not the overview or "when to contact IT"; and nothing at all when the
    /// incident matches "when to contact IT" best.
    @Test func interimHelpIsWhatToDoNotWhomToCall() throws {
        let handsets = Article(
            id: "phones/handsets", title: "Ward handsets", category: "phones", tags: ["handset", "ward phone"],
            passages: [
                Passage(heading: nil, text: "Ward handsets receive nurse call alerts and calls on the ward."),
                Passage(
                    heading: "Charge a handset", text: "Put the handset in the charging rack at the end of your shift."),
                Passage(
                    heading: "When to contact IT about handsets",
                    text: "Call the service desk at once when handsets on a ward show not connected or miss nurse call alerts."),
            ])
        let laptops = Article(
            id: "security/stolen-laptop", title: "Stolen laptop", category: "security", tags: ["stolen", "laptop", "theft"],
            passages: [
                Passage(heading: nil, text: "What to do when a work laptop is stolen, whether from home, a car or a train."),
                Passage(
                    heading: "Report the theft now",
                    text: "Report the stolen laptop to the police and note the crime number; we lock it remotely."),
                Passage(
                    heading: "When to contact IT about a stolen laptop",
                    text: "Contact IT straight away when a laptop is stolen, day or night."),
            ])
        let engine = GroundedEngine(
            index: KnowledgeIndex(articles: [handsets, laptops]),
            tools: try ToolCatalog.parse(#"{"tools": []}"#, file: "tools.json"))
        let stolen = engine.respond(to: "my laptop was stolen from the car", in: Conversation()).0
        #expect(stolen.kind == .escalate)
        #expect(stolen.sources.map(\.section) == ["Report the theft now"])
        let handsetsDown = engine.respond(
            to: "all the handsets on the ward show not connected, nurse call alerts are missed", in: Conversation()
        ).0
        #expect(handsetsDown.kind == .escalate)
        #expect(handsetsDown.sources.isEmpty, "\(handsetsDown.text)")
        #expect(!handsetsDown.text.contains("In the meantime"))
    }

    /// "It was stolen" after a question about a missing laptop, or more detail after an
    /// outage report: the incident is read from the whole problem, and the ticket tells all
    /// of it.
    @Test func aMessageThatCompletesAnIncidentEscalatesIt() throws {
        let replies = try Self.engine.get().replies(to: [
            "where could my work tablet have gone? it's not in my bag", "it was stolen, someone broke into my flat",
        ])
        #expect(replies[0].kind != .escalate)
        #expect(replies[1].kind == .escalate, "\(replies[1].text)")
        #expect(replies[1].ticket?.priority == .p2)
        #expect(replies[1].ticket?.transcript.first == "employee: where could my work tablet have gone? it's not in my bag")
    }

    @Test func theExplanationSaysWhyItWasEscalated() throws {
        let explanation = try Self.engine.get().explain("the VPN is down for everyone")
        #expect(explanation.decision.hasPrefix("an incident"))
        #expect(explanation.cues.contains { $0.hasPrefix("incident") })
    }
}
