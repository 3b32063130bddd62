import Foundation
import Testing

@testable import Knowledge

/// One enormous "word" in an article (a pasted key, base64 without spaces) once made every
/// misspelled query take 15 s at 3,000 characters and minutes beyond. It is now reported,
/// still searchable, and never fed to the spelling corrector (`helpdesk-bench` measures
/// query times; a test only shows the word is kept out).
struct LongWordTests {
    @Test(arguments: [3_000, 100_000])
    func aHugeWordIsReportedAndMisspellingsAreStillCorrected(length: Int) throws {
        let kb = try KnowledgeBaseTests.Folder()
        let word = String(repeating: "ab", count: length / 2)
        try kb.write("printing/jams.md", "# Printer jams\n\n## Clear a jam\nOpen the printer tray.\n\(word)\n")
        let base = try KnowledgeBase.load(kb.path)
        #expect(
            base.issues.map(\.description) == [
                "\(kb.path)/printing/jams.md:5: has a \(length)-character word; words over 64 characters are searched but never used to correct a misspelling"
            ])

        let results = base.index.search("pritner jam", limit: 3)
        #expect(results.corrections.map(\.corrected) == ["printer"])
        #expect(results.hits.first?.article.id == "printing/jams")
        // The long word is still a word of the index.
        #expect(base.index.search(word, limit: 1).hits.first?.article.id == "printing/jams")
    }

    /// What made the query slow: a word over the limit is not in the corrector at all, so
    /// it is never offered, even one deletion away.
    @Test func aWordOverTheLimitIsNeverACorrection() {
        let long = String(repeating: "k", count: SpellingCorrector.maxWordLength + 1)
        let corrector = SpellingCorrector(vocabulary: [long: 1, "printer": 1])
        #expect(corrector.correction(for: String(long.dropLast())) == nil)
        #expect(corrector.correction(for: "pritner") == "printer")
    }

    @Test func aTypedWordLongerThanAnyCorrectableOneIsLeftAsTyped() {
        let corrector = SpellingCorrector(vocabulary: ["password": 3])
        #expect(corrector.correction(for: String(repeating: "x", count: 50_000)) == nil)
        #expect(corrector.correction(for: "pasword") == "password")
    }
}
