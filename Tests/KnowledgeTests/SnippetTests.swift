import Testing

@testable import Knowledge

struct SnippetTests {
    let analyzer = Analyzer()

    @Test func marksEveryFormOfTheQueryWords() {
        let snippet = Snippet(
            "The VPN **disconnects** when Wi-Fi drops.", terms: ["disconnect", "vpn"], width: 200, analyzer: analyzer)
        #expect(snippet.text == "The VPN disconnects when Wi-Fi drops.")
        #expect(snippet.highlights.map { String(snippet.text[$0]) } == ["VPN", "disconnects"])
        #expect(snippet.marked(open: "[", close: "]") == "The [VPN] [disconnects] when Wi-Fi drops.")
    }

    @Test func centresOnTheWindowWithTheMostDistinctMatches() {
        let filler = String(repeating: "lorem ipsum dolor ", count: 30)
        let text = "Printer mentioned early. " + filler + "To clear a paper jam open the printer tray. " + filler
        let snippet = Snippet(text, terms: ["paper", "jam", "printer"], width: 80, analyzer: analyzer)
        #expect(snippet.text.hasPrefix("…"))
        #expect(snippet.text.hasSuffix("…"))
        #expect(snippet.text.contains("paper jam"))
        #expect(snippet.text.count <= 84)
    }

    @Test func flattensMarkdownToOneLine() {
        #expect(
            Snippet.flatten("1. Open **Settings**\n- Click `Wi-Fi`\n```\ncode\n```\n> Note")
                == "1. Open Settings Click `Wi-Fi` code Note")
    }
}
