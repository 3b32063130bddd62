import HelpdeskCore
import Testing

@testable import Knowledge

struct SpellingCorrectorTests {
    let corrector = SpellingCorrector(vocabulary: [
        "password": 40, "passwords": 5, "vpn": 30, "printer": 20, "printers": 3, "quota": 4, "quote": 9, "outlook": 12,
    ])

    @Test(arguments: [
        ("pasword", "password"),  // deletion
        ("passwrod", "password"),  // transposition
        ("vnp", "vpn"),  // transposition in a short word
        ("pritner", "printer"),
        ("outlok", "outlook"),
        ("quotaa", "quota"),
    ])
    func correctsCommonTypos(typed: String, expected: String) {
        #expect(corrector.correction(for: typed) == expected)
    }

    @Test func prefersTheMoreCommonWordAtEqualDistance() {
        // "quot" is one edit from both; "quote" is more common in this vocabulary.
        #expect(corrector.correction(for: "quot") == "quote")
    }

    @Test func shortWordsAllowOneEditAndLongWordsTwo() {
        #expect(corrector.correction(for: "vxx") == nil)  // two edits from "vpn"
        #expect(corrector.correction(for: "pswrd") == nil)  // three edits from "password"
        #expect(corrector.correction(for: "pasword") == "password")
    }

    @Test func twoEditsOnlyWhenTheFirstLetterAgrees() {
        #expect(corrector.correction(for: "pssword") == "password")  // one edit
        #expect(corrector.correction(for: "paswrod") == "password")  // two edits, same first letter
        #expect(corrector.correction(for: "uotlok") == nil)  // two edits, first letter differs
    }

    @Test func optimalStringAlignmentDistance() {
        #expect(EditDistance.optimalStringAlignment(Array("vnp".unicodeScalars), Array("vpn".unicodeScalars), limit: 3) == 1)
        #expect(
            EditDistance.optimalStringAlignment(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars), limit: 5) == 3)
        #expect(EditDistance.optimalStringAlignment(Array("".unicodeScalars), Array("abc".unicodeScalars), limit: 5) == 3)
    }

    @Test func theIndexCorrectsMisspelledQueryWordsAndSaysSo() {
        let index = KnowledgeIndex(articles: [
            Article(
                id: "vpn", title: "VPN keeps disconnecting", category: nil, tags: [],
                passages: [Passage(heading: nil, text: "The tunnel drops.")]),
            Article(
                id: "password", title: "Reset your password", category: nil, tags: [],
                passages: [Passage(heading: nil, text: "Use the portal.")]),
        ])
        let results = index.search("pasword vnp")
        #expect(
            results.corrections == [
                SpellingCorrection(typed: "pasword", corrected: "password"), SpellingCorrection(typed: "vnp", corrected: "vpn"),
            ])
        #expect(Set(results.hits.map(\.article.id)) == ["vpn", "password"])
        #expect(index.search("xyzzy").hits.isEmpty)
    }
}
