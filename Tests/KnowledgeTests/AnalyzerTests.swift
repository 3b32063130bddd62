import Testing

@testable import Knowledge

struct AnalyzerTests {
    let analyzer = Analyzer()

    @Test func stemsAndDropsStopWords() {
        #expect(analyzer.terms(in: "My VPN keeps disconnecting from the network") == ["vpn", "keep", "disconnect", "network"])
    }

    @Test func foldsCaseAndDiacritics() {
        #expect(analyzer.terms(in: "CAFÉ Résumé naïve") == analyzer.terms(in: "cafe resume naive"))
    }

    @Test func normalisesCompatibilityCharacters() {
        // NFKC: the "ﬁ" ligature and full-width letters become plain letters.
        #expect(analyzer.terms(in: "conﬁgure") == ["configur"])
        #expect(analyzer.terms(in: "ＶＰＮ") == ["vpn"])
    }

    @Test func dropsPossessives() {
        #expect(analyzer.terms(in: "the printer's queue") == ["printer", "queue"])
        #expect(analyzer.terms(in: "the printer\u{2019}s queue") == ["printer", "queue"])
    }

    @Test func hyphenatedWordsYieldPartsAndJoinedForm() {
        #expect(analyzer.terms(in: "Wi-Fi") == ["wi", "fi", "wifi"])
        #expect(analyzer.terms(in: "wifi").allSatisfy(analyzer.terms(in: "Wi-Fi").contains))
    }

    @Test func keepsNumbersAndCodesAsWords() {
        #expect(analyzer.terms(in: "error 0x80070005 on 802.1X") == ["error", "0x80070005", "802", "1x"])
    }

    @Test func splitsOnPunctuationAndKeepsNonLatinWords() {
        #expect(analyzer.terms(in: "vpn.example.com/help?x=1") == ["vpn", "exampl", "com", "help", "x", "1"])
        #expect(analyzer.terms(in: "打印机 не работает") == ["打印机", "не", "работает"])
    }

    @Test func wordsCarryTheirRangeForHighlighting() {
        let text = "Reset the VPN password"
        let words = analyzer.words(in: text)
        #expect(words.map { String(text[$0.range]) } == ["Reset", "the", "VPN", "password"])
        #expect(words.map(\.terms) == [["reset"], [], ["vpn"], ["password"]])
    }
}
