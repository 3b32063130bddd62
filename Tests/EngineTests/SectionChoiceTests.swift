import Engine
import HelpdeskCore
import Knowledge
import Testing

/// Which section of an article an answer quotes: someone with a problem gets the section
/// that tells them what to do, not the overview or "when to contact IT", and "still doesn't
/// work" walks through the rest of the same article before anything else.
struct SectionChoiceTests {
    static let plotter = Article(
        id: "printing/plotter-offline", title: "Plotter shows offline", category: "printing", tags: ["plotter", "offline"],
        passages: [
            Passage(heading: nil, text: "For people whose plotter shows as offline or does not plot."),
            Passage(
                heading: "Why plotters go offline",
                text: "A plotter goes offline when the print server cannot reach it, usually after a power cut."),
            Passage(
                heading: "Bring the plotter back online",
                text: "1. Check that the plotter display shows Ready.\n2. Switch the plotter off and on again."),
            Passage(
                heading: "Clear stuck plot jobs", text: "1. Open the queue on the plotter's touch screen.\n2. Delete every job."),
            Passage(
                heading: "Plotting from a Mac", text: "1. Open System Settings > Printers & Scanners.\n2. Remove and add it."),
            Passage(
                heading: "When to contact IT about the plotter",
                text: "Call the service desk on 4357 if the plotter stays offline after a restart."),
        ])
    static let wifi = Article(
        id: "network/wifi", title: "Office Wi-Fi", category: "network", tags: ["wifi", "wireless"],
        passages: [
            Passage(heading: nil, text: "Which Wi-Fi network to use in the office."),
            Passage(
                heading: "Connect to the office Wi-Fi", text: "1. Choose the network Corp-WiFi.\n2. Sign in with your email."),
        ])

    private func chat(_ messages: String...) throws -> [Reply] {
        let index = KnowledgeIndex(articles: [Self.plotter, Self.wifi])
        let engine = GroundedEngine(index: index, tools: try ToolCatalog.parse(#"{"tools": []}"#, file: "tools.json"))
        return engine.replies(to: messages)
    }

    @Test func aProblemGetsTheStepsNotTheOverview() throws {
        let reply = try chat("the plotter shows offline")[0]
        #expect(reply.kind == .answer)
        #expect(reply.sources.map(\.section) == ["Bring the plotter back online"])
    }

    @Test func aQuestionForAFactOrForWhomToCallGetsTheSectionThatSaysIt() throws {
        #expect(try chat("why do plotters go offline?")[0].sources.map(\.section) == ["Why plotters go offline"])
        #expect(
            try chat("how do I contact IT about the plotter")[0].sources.map(\.section) == [
                "When to contact IT about the plotter"
            ])
    }

    @Test func stillNotWorkingWalksTheRestOfTheArticleThenHandsOver() throws {
        let replies = try chat("the plotter shows offline", "still offline", "didn't help", "still nothing")
        let shown = replies.prefix(3).flatMap(\.sources)
        #expect(shown.allSatisfy { $0.article == "printing/plotter-offline" })
        #expect(Set(shown.map(\.section)).count == 3)
        #expect(!shown.contains { $0.section == "Overview" || $0.section.hasPrefix("When to contact") })
        #expect(replies[3].kind == .escalate)
        #expect(replies[3].ticket?.summary.contains("Already suggested: Plotter shows offline") == true)
    }

    @Test func moreDetailAfterNothingWasFoundSearchesAgainWithAllOfIt() throws {
        let replies = try chat("the thing by the window is acting up", "still nothing, the plotter says offline")
        #expect(replies[0].kind == .notFound)
        #expect(replies[1].kind == .answer, "\(replies[1].text)")
        #expect(replies[1].sources.first?.article == "printing/plotter-offline")
    }

    @Test func anotherDeviceIsAnsweredFromTheSameArticle() throws {
        let replies = try chat("the plotter shows offline", "and on my mac?")
        #expect(replies[1].kind == .answer)
        #expect(replies[1].sources.map(\.section) == ["Plotting from a Mac"])
    }

    @Test func aFollowUpTheArticleDoesNotCoverIsAskedAfreshNotEscalated() throws {
        let replies = try chat("the plotter shows offline", "what about the wifi?", "and on a blackberry?", "yes")
        #expect(replies[1].kind == .answer)
        #expect(replies[1].sources.map(\.article) == ["network/wifi"])
        #expect(replies[2].kind == .notFound)
        // The ticket still tells the whole problem, not just the last follow-up.
        #expect(replies[3].kind == .escalate)
        #expect(replies[3].ticket?.summary.hasPrefix("Problem: the plotter shows offline") == true)
    }

    @Test func overviewsAndHandoversAreToldApartByTheirHeadings() {
        #expect(Passage(heading: nil, text: "…").role == .overview)
        #expect(Passage(heading: "Overview", text: "…").role == .overview)
        #expect(Passage(heading: "About shared drives", text: "…").role == .overview)
        #expect(Passage(heading: "When to contact IT about ssh", text: "…").role == .handover)
        #expect(Passage(heading: "Escalation", text: "…").role == .handover)
        #expect(Passage(heading: "Getting help", text: "…").role == .handover)
        #expect(Passage(heading: "Contacts in your address book", text: "…").role == .content)
        #expect(Passage(heading: "Why accounts get locked", text: "…").role == .content)
        #expect(Passage(heading: "Help with printing", text: "…").role == .content)
    }
}
