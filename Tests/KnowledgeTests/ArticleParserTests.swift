import Testing

@testable import Knowledge

struct ArticleParserTests {
    private func parse(_ text: String, id: String = "network/vpn-drops") -> (Article?, [KnowledgeIssue]) {
        ArticleParser.parse(text, id: id, file: "kb/\(id).md")
    }

    @Test func readsFrontMatterTitleTagsAndCategory() throws {
        let (article, issues) = parse(
            """
            ---
            title: "VPN keeps disconnecting"
            tags: [vpn, disconnect, remote]
            category: network
            ---
            # VPN drops

            Intro text.

            ## Fix it yourself
            1. Restart the client.
            """)
        let vpn = try #require(article)
        #expect(issues.isEmpty)
        #expect(vpn.title == "VPN keeps disconnecting")
        #expect(vpn.tags == ["vpn", "disconnect", "remote"])
        #expect(vpn.category == "network")
        #expect(
            vpn.passages == [
                Passage(heading: nil, text: "Intro text."), Passage(heading: "Fix it yourself", text: "1. Restart the client."),
            ])
    }

    @Test func withoutFrontMatterTakesTitleFromHeadingAndCategoryFromFolder() throws {
        let (article, _) = parse("# Printer jams\n\n## Clear the jam\nOpen tray 2.\n", id: "printing/jams")
        #expect(article?.title == "Printer jams")
        #expect(article?.category == "printing")
        #expect(article?.passages.map(\.heading) == ["Clear the jam"])
    }

    @Test func acceptsYAMLListTags() throws {
        let (article, issues) = parse("---\ntags:\n  - vpn\n  - remote\n---\nBody.\n")
        #expect(issues.isEmpty)
        #expect(article?.tags == ["vpn", "remote"])
        #expect(article?.title == "Vpn drops")  // no title anywhere: from the file name
    }

    @Test func reportsBrokenFrontMatterLinesAndKeepsTheRest() throws {
        let (article, issues) = parse(
            """
            ---
            title: Scanning
            this line has no colon
            tags: [scan, email
            owner: it-team
            ---
            Scan to email from any printer.
            """)
        #expect(article?.title == "Scanning")
        #expect(article?.passages.first?.text == "Scan to email from any printer.")
        #expect(issues.map(\.line) == [3, 4, 5])
        #expect(issues.map(\.file) == Array(repeating: "kb/network/vpn-drops.md", count: 3))
        #expect(issues[0].description.hasPrefix("kb/network/vpn-drops.md:3: expected `key: value`"))
        #expect(issues[1].message.contains("closing `]`"))
        #expect(issues[2].message.contains("unknown key `owner`"))
    }

    @Test func unclosedFrontMatterIsReportedAndTheBodyStillIndexed() throws {
        let (article, issues) = parse("---\ntitle: Half done\n# Wi-Fi at the office\n\nJoin ExampleCorp.\n")
        #expect(issues.count == 1)
        #expect(issues[0].line == 1)
        #expect(issues[0].message.contains("no closing `---`"))
        #expect(article?.title == "Wi-Fi at the office")
        #expect(article?.passages.first?.text.contains("Join ExampleCorp.") == true)
    }

    @Test func headingsInsideCodeBlocksDoNotSplitSections() throws {
        let (article, _) = parse(
            """
            # SSH keys
            ## Generate a key
            ```
            # run this on your laptop
            ## not a heading
            ssh-keygen -t ed25519
            ```
            ## Add it
            Paste it.
            """)
        #expect(article?.passages.map(\.heading) == ["Generate a key", "Add it"])
        #expect(article?.passages.first?.text.contains("ssh-keygen -t ed25519") == true)
    }

    @Test func anArticleWithoutTextIsSkippedWithAReason() {
        let (article, issues) = parse("---\ntitle: Nothing yet\n---\n# Nothing yet\n\n## Empty section\n")
        #expect(article == nil)
        #expect(issues.first?.message.contains("no text") == true)
    }
}
