import Foundation
import Testing

@testable import Knowledge

/// Reading `synonyms.txt`: what an admin writes, and what they are told about lines that
/// cannot be used.
struct SynonymsFileTests {
    /// The words a query word is searched as, as the file writes them.
    private func alternatives(of words: String, in synonyms: Synonyms) -> [String]? {
        synonyms.rule(for: Analyzer().terms(in: words))?.alternatives.map(\.text)
    }

    @Test func equivalentWordsEachFindTheOthersAndAnExplicitMappingGoesOneWay() {
        let synonyms = Synonyms(
            parsing: """
                # Admins edit this file.
                laptop, notebook, computer

                  app store, self service => software catalogue\u{20}\u{20}
                """)
        #expect(synonyms.issues.isEmpty)
        #expect(alternatives(of: "notebook", in: synonyms) == ["laptop", "notebook", "computer"])
        #expect(alternatives(of: "computer", in: synonyms) == ["laptop", "notebook", "computer"])
        #expect(alternatives(of: "app store", in: synonyms) == ["software catalogue"])
        #expect(alternatives(of: "self service", in: synonyms) == ["software catalogue"])
        #expect(alternatives(of: "software catalogue", in: synonyms) == nil)
        #expect(synonyms.count == 5)
    }

    @Test func entriesAreAnalysedLikeArticlesSoInflectionsAndCaseMatch() {
        let synonyms = Synonyms(parsing: "Laptops, Notebooks\n")
        #expect(alternatives(of: "laptop", in: synonyms) == ["Laptops", "Notebooks"])
        #expect(alternatives(of: "NOTEBOOK", in: synonyms) == ["Laptops", "Notebooks"])
    }

    @Test func aWordOnSeveralLinesGetsTheSynonymsOfEach() {
        let synonyms = Synonyms(parsing: "monitor, screen\nmonitor, display\n")
        #expect(alternatives(of: "monitor", in: synonyms) == ["monitor", "screen", "display"])
        #expect(alternatives(of: "screen", in: synonyms) == ["monitor", "screen"])
    }

    @Test func eachUnusableLineIsReportedWithItsLineAndTheRestStillApplies() {
        let long = String(repeating: "word ", count: 300)
        let synonyms = Synonyms(
            parsing: """
                wifi, wireless
                => software catalogue
                vpn =>
                a => b => c
                the, of, printer
                laptop
                \(long)
                mfa, 2fa # two-factor
                Laptop, laptop
                monitor, screen
                """,
            file: "kb/synonyms.txt")
        #expect(
            synonyms.issues.map(\.description) == [
                "kb/synonyms.txt:2: `=>` needs words on both sides, as in `app store => software catalog`; ignored",
                "kb/synonyms.txt:3: `=>` needs words on both sides, as in `app store => software catalog`; ignored",
                "kb/synonyms.txt:4: has more than one `=>`; write one mapping per line. Ignored",
                "kb/synonyms.txt:5: “the” has no word that is searched (stop words and punctuation are not); entry ignored",
                "kb/synonyms.txt:5: “of” has no word that is searched (stop words and punctuation are not); entry ignored",
                "kb/synonyms.txt:6: has one entry and no `=>`: list equivalent words separated by commas (`laptop, notebook`) "
                    + "or map with `=>`; ignored",
                "kb/synonyms.txt:7: is \(long.count - 1) characters long, more than the 1000 allowed; ignored",
                "kb/synonyms.txt:8: “2fa # two-factor” contains `#`: a comment must be a line of its own; entry ignored",
                "kb/synonyms.txt:9: its entries (“Laptop”, “laptop”) are searched the same way already; ignored",
            ])
        #expect(alternatives(of: "wireless", in: synonyms) == ["wifi", "wireless"])
        #expect(alternatives(of: "screen", in: synonyms) == ["monitor", "screen"])
        #expect(alternatives(of: "laptop", in: synonyms) == nil)
        #expect(synonyms.count == 4)
    }

    @Test func aWordGetsAtMostThirtyTwoAlternativesAndTheFileSaysSo() {
        let many = (1...40).map { "word\($0)x" }.joined(separator: ", ")
        let synonyms = Synonyms(parsing: "# many\nhub => \(many)\n")
        #expect(alternatives(of: "hub", in: synonyms)?.count == 32)
        #expect(
            synonyms.issues.map(\.description) == [
                "synonyms.txt:2: “hub” would have more than 32 alternatives, the most allowed; the rest are ignored"
            ])
    }

    @Test func windowsLineEndingsAndAByteOrderMarkAreRead() {
        let synonyms = Synonyms(parsing: "\u{FEFF}laptop, notebook\r\nvpn, tunnel\r\n")
        #expect(synonyms.issues.isEmpty)
        #expect(alternatives(of: "laptop", in: synonyms) == ["laptop", "notebook"])
        #expect(alternatives(of: "tunnel", in: synonyms) == ["vpn", "tunnel"])
    }

    @Test func aMissingOrEmptyFileMeansNoSynonymsAndNoWarning() throws {
        let kb = try KnowledgeBaseTests.Folder()
        let missing = SynonymsFile.load(inFolder: kb.path)
        #expect(missing.isEmpty)
        #expect(missing.issues.isEmpty)
        try kb.write(Synonyms.fileName, "")
        let empty = SynonymsFile.load(inFolder: kb.path)
        #expect(empty.isEmpty)
        #expect(empty.issues.isEmpty)
    }

    @Test func aLineThatIsNotUTF8IsReportedAndTheOthersApply() throws {
        let kb = try KnowledgeBaseTests.Folder()
        try kb.write(Synonyms.fileName, Data("laptop, notebook\ncaf".utf8) + Data([0xE9]) + Data(", coffee\nvpn, tunnel\n".utf8))
        let synonyms = SynonymsFile.load(inFolder: kb.path)
        #expect(
            synonyms.issues.map(\.description) == [
                "\(kb.path)/synonyms.txt:2: is not valid UTF-8; re-save the file as UTF-8. Line ignored"
            ])
        #expect(alternatives(of: "notebook", in: synonyms) == ["laptop", "notebook"])
        #expect(alternatives(of: "vpn", in: synonyms) == ["vpn", "tunnel"])
    }

    @Test func aHugeFileIsReadOnlyAsFarAsTheLimitAndTheWarningSaysHowFar() throws {
        let kb = try KnowledgeBaseTests.Folder()
        let line = "laptop, notebook\n"
        let lines = SynonymsFile.maxBytes / line.utf8.count + 100
        try kb.write(Synonyms.fileName, String(repeating: line, count: lines))
        let synonyms = SynonymsFile.load(inFolder: kb.path)
        let used = SynonymsFile.maxBytes / line.utf8.count
        #expect(
            synonyms.issues.map(\.description) == [
                "\(kb.path)/synonyms.txt: is larger than 256 KiB, the most that is read; only its first \(used) lines are used"
            ])
        #expect(alternatives(of: "laptop", in: synonyms) == ["laptop", "notebook"])
    }

    @Test func theKnowledgeBaseReportsSynonymProblemsWithArticleProblemsAndNeverIndexesTheFile() throws {
        let kb = try KnowledgeBaseTests.Folder()
        try kb.write("hardware/battery.md", "# Laptop battery\n\nCharge the laptop overnight.\n")
        try kb.write(Synonyms.fileName, "notebook, laptop\nlaptop =>\n")
        let base = try KnowledgeBase.load(kb.path)
        #expect(base.index.articles.map(\.id) == ["hardware/battery"])
        #expect(
            base.issues.map(\.description) == [
                "\(kb.path)/synonyms.txt:2: `=>` needs words on both sides, as in `app store => software catalog`; ignored"
            ])
        #expect(base.index.search("notebook").hits.first?.article.id == "hardware/battery")
    }
}

/// The `knowledge/synonyms.txt` helpdesk ships.
struct ShippedSynonymsTests {
    @Test func theShippedFileHasNoProblemAndEveryRuleReachesAnArticle() throws {
        let base = try EmployeeQueryTests.shipped.get()
        #expect(base.issues.filter { $0.file.hasSuffix(Synonyms.fileName) }.isEmpty)
        #expect(base.index.synonyms.count >= 40)
        for rule in base.index.synonyms.allRules {
            let reaches = rule.alternatives.contains { $0.terms.allSatisfy { base.index.corpus.termID(of: $0) != nil } }
            #expect(reaches, "“\(rule.key.text)” is searched as nothing any article says")
        }
    }

    @Test(arguments: [
        ("my notebook won't turn on", "hardware/laptop-wont-start"),
        ("set up two factor authentication", "accounts/mfa-enrolment"),
        ("wireless network in the office", "network/wifi-office"),
        ("install from software center", "software/software-install-windows"),
    ])
    func employeeWordsFindTheArticleWrittenInITWords(query: String, article: String) throws {
        let results = try EmployeeQueryTests.shipped.get().index.search(query, limit: 1)
        #expect(!results.expansions.isEmpty)
        #expect(results.hits.first?.article.id == article)
    }
}
