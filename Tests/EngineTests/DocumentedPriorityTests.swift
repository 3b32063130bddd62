import HelpdeskCore
import Knowledge
import Testing

@testable import Engine

/// An incident's priority is the one the company's articles give the situation, where they
/// give one: how urgent a stolen laptop or a department's outage is, is policy, and
/// companies differ.
struct DocumentedPriorityTests {
    @Test func aStatementIsTheSentenceThatNamesAPriorityOrTheOneItPointsBackTo() {
        let markdown = """
            1. If **several people on the ward** are affected, call the clinical line (ext. 4357, option 1). This is a P1. The nurse in charge decides.
            A lost or stolen device is handled as a P2.
            This is handled as a P2 security incident, or P1 if your computer behaves strangely.
            | P3 – Normal | A fault affecting one person where a workaround exists. | 1 working day |
            Printer P100 and room P4B are not priorities; priority 4 is.
            If a P1 or P2 ticket has had no response, call again.
            """
        let found = DocumentedPriority.statements(in: markdown).map { "\($0.0.rawValue): \($0.1)" }
        #expect(
            found == [
                "P1: If several people on the ward are affected, call the clinical line (ext. 4357, option 1). This is a P1.",
                "P2: A lost or stolen device is handled as a P2.",
                "P2: This is handled as a P2 security incident",
                "P1: or P1 if your computer behaves strangely.",
                "P3: P3 – Normal; A fault affecting one person where a workaround exists.; 1 working day",
                "P4: Printer P100 and room P4B are not priorities; priority 4 is.",
            ])
    }

    static let articles = [
        Article(
            id: "apps/dictation", title: "Dictation", category: "apps", tags: ["dictation"],
            passages: [
                Passage(heading: nil, text: "Dictation turns speech into typed letters."),
                Passage(
                    heading: "When to call",
                    text:
                        "Log a P3 for a faulty microphone. If dictation is unavailable for a whole department, call the service desk (P1)."
                ),
            ]),
        Article(
            id: "network/drives", title: "Network drives", category: "network", tags: ["drive", "share"],
            passages: [
                Passage(heading: nil, text: "The S: drive holds your department's shared files."),
                Passage(heading: "When to call", text: "Call the service desk if the drive is missing for a whole department."),
            ]),
    ]

    private func ticket(for message: String) throws -> TicketDraft? {
        let engine = GroundedEngine(
            index: KnowledgeIndex(articles: Self.articles), tools: try ToolCatalog.parse(#"{"tools": []}"#, file: "tools.json"))
        return engine.respond(to: message, in: Conversation()).0.ticket
    }

    /// Read by words alone, a department's outage is P2; this company's article says P1,
    /// and the ticket quotes it so the agent sees why.
    @Test func anOutageGetsThePriorityItsArticleGivesIt() throws {
        let ticket = try #require(try ticket(for: "dictation has been down for the whole radiology department since 7am"))
        #expect(ticket.priority == .p1)
        #expect(
            ticket.summary.contains(
                "P1 as apps/dictation says: “If dictation is unavailable for a whole department, call the service desk (P1).”"))
    }

    /// The dictation article's P1 shares "whole department" with this report, but it is
    /// about dictation: the drive's article gives no priority, so the words decide.
    @Test func aStatementAboutAnotherSystemDoesNotApply() throws {
        let ticket = try #require(try ticket(for: "the S drive is down for the whole finance department"))
        #expect(ticket.priority == .p2)
        #expect(!ticket.summary.contains(" says: "))
    }
}
