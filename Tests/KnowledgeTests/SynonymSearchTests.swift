import Foundation
import Testing

@testable import Knowledge

/// Searching with synonyms: the words employees use find the articles written in IT's words,
/// without making the search look surer than it is.
struct SynonymSearchTests {
    private func article(_ id: String, _ title: String, _ text: String) -> Article {
        Article(id: id, title: title, category: nil, tags: [], passages: [Passage(heading: nil, text: text)])
    }

    private var articles: [Article] {
        [
            article("battery", "Battery problems", "Charge the laptop overnight with the original charger."),
            article("catalogue", "Request software", "Pick the tool from the software catalogue and submit."),
            article("mac-apps", "Apps on a Mac", "The App Store needs an Apple ID, not a company account."),
            article("netbook", "Old netbook models", "Netbook models are no longer supported."),
            article("wifi", "Office Wi-Fi", "Join the wireless network with your badge."),
        ]
    }

    private func index(_ synonyms: String) -> KnowledgeIndex {
        KnowledgeIndex(articles: articles, synonyms: Synonyms(parsing: synonyms))
    }

    @Test func aWordInNoArticleFindsTheArticleThatUsesItsSynonym() {
        let results = index("laptop, notebook, computer").search("notebook battery")
        #expect(results.hits.first?.article.id == "battery")
        #expect(results.terms == ["notebook", "batteri"])
        #expect(results.hits.first?.matchedTerms == ["notebook", "batteri"])
        #expect(
            results.expansions == [SynonymExpansion(words: "notebook", synonyms: ["laptop", "computer"], replacesWords: false)])
        #expect(results.searchedTerms.contains("laptop"))
    }

    @Test func equivalenceWorksInEveryDirectionAndAcrossInflections() {
        let index = index("wlan, wireless")
        #expect(index.search("WLANs").hits.map(\.article.id) == ["wifi"])
        #expect(index.search("wireless").expansions.map(\.synonyms) == [["wlan"]])
        #expect(self.index("").search("WLANs").hits.isEmpty)
    }

    @Test func anExplicitMappingReplacesItsWordsAndGoesOneWayOnly() {
        let index = index("app store, self service => software catalogue")
        let results = index.search("App Store")
        // "App Store" is read as "software catalogue": the Mac article that says "App Store"
        // is no longer what it finds.
        #expect(results.hits.map(\.article.id) == ["catalogue"])
        #expect(
            results.expansions == [SynonymExpansion(words: "App Store", synonyms: ["software catalogue"], replacesWords: true)])
        #expect(results.terms == ["app", "store"])
        #expect(results.hits.first?.matchedTerms == ["app", "store"])
        #expect(!results.searchedTerms.contains("app"))
        // One way: the right-hand side is not read as the left.
        #expect(index.search("software catalogue").expansions.isEmpty)
        #expect(index.search("software catalogue").hits.map(\.article.id) == ["catalogue"])
    }

    @Test func aPhraseMatchesOnlyConsecutiveWordsOfTheQuery() {
        let index = index("app store => software catalogue")
        #expect(index.search("the app store").expansions.map(\.words) == ["app store"])
        #expect(index.search("store app").expansions.isEmpty)
        #expect(index.search("store app").hits.first?.article.id == "mac-apps")
    }

    @Test func aPassageWithTwoSynonymsOfOneWordScoresTheSameAsWithOne() {
        // "laptop" and "notebook" are each in two passages of the same length, so they have
        // the same IDF and each alone scores the same.
        let index = KnowledgeIndex(
            articles: [
                article("one", "Help", "laptop charger broken"),
                article("both", "Help", "laptop notebook broken"),
                article("other", "Help", "notebook screen broken"),
                article("unrelated", "Help", "printer toner empty"),
            ],
            synonyms: Synonyms(parsing: "laptop, notebook"))
        for query in ["laptop", "notebook", "laptop notebook"] {
            let scores = Dictionary(uniqueKeysWithValues: index.search(query).hits.map { ($0.article.id, $0.score) })
            #expect(scores.count == 3)
            #expect(scores["both"] == scores["one"], "\(query): \(scores)")
            #expect(scores["other"] == scores["one"], "\(query): \(scores)")
        }
        // Without synonyms the passage with both words would lead for "laptop notebook".
        let plain = KnowledgeIndex(articles: [
            article("one", "Help", "laptop charger broken"), article("both", "Help", "laptop notebook broken"),
        ])
        #expect(plain.search("laptop notebook").hits.first?.article.id == "both")
    }

    @Test func aWordTypedAlongsideTheWordItIsReadAsCountsOnce() {
        let index = index("notebook => laptop")
        let both = index.search("laptop notebook battery")
        let one = index.search("laptop battery")
        #expect(both.hits.map(\.score) == one.hits.map(\.score))
        #expect(both.terms == ["laptop", "notebook", "batteri"])
        #expect(both.hits.first?.matchedTerms == ["laptop", "notebook", "batteri"])
        #expect(index.search("notebook laptop battery").hits.map(\.score) == one.hits.map(\.score))
    }

    @Test func aSynonymPhraseCountsOnlyWhereAllItsWordsAre() {
        let index = KnowledgeIndex(
            articles: [
                article("mfa", "Two factor sign-in", "Approve the two factor prompt."),
                article("monitors", "Two monitors", "Arrange two monitors side by side."),
            ],
            synonyms: Synonyms(parsing: "mfa => two factor"))
        let results = index.search("mfa")
        #expect(results.hits.map(\.article.id) == ["mfa"])
        #expect(results.hits.first?.matchedTerms == ["mfa"])
        // The words a person typed still count one by one, as without synonyms.
        #expect(index.search("two factor").hits.map(\.article.id) == ["mfa", "monitors"])
    }

    @Test func aWordWithASynonymInTheArticlesIsNeitherUnknownNorCorrected() {
        // "notebook" is two edits from "netbook", a word of the articles.
        let without = index("").search("notebook")
        #expect(without.corrections == [SpellingCorrection(typed: "notebook", corrected: "netbook")])

        let with = index("laptop, notebook").search("notebook")
        #expect(with.corrections.isEmpty)
        #expect(with.unknownWords.isEmpty)
        #expect(with.hits.map(\.article.id) == ["battery"])

        // A synonym that no article has either does not count: the word is corrected as before.
        let useless = index("tablet, notebook").search("notebook")
        #expect(useless.corrections.map(\.corrected) == ["netbook"])
        #expect(useless.expansions.isEmpty)
        #expect(index("tablet, slate").search("slate").unknownWords == ["slate"])
    }

    @Test func aCorrectedWordIsSearchedWithItsSynonymsToo() {
        let results = index("laptop, notebook").search("labtop")
        #expect(results.corrections == [SpellingCorrection(typed: "labtop", corrected: "laptop")])
        #expect(results.expansions == [SynonymExpansion(words: "laptop", synonyms: ["notebook"], replacesWords: false)])
        #expect(results.hits.first?.article.id == "battery")
    }

    @Test func aWordFoundOnlyThroughItsSynonymWeighsWhatItsSynonymWeighs() {
        let index = index("laptop, notebook\nhandbook => laptop charger")
        #expect(index.idf(of: "notebook") == index.idf(of: "laptop"))
        let phrase = (index.idf(of: "laptop") ?? 0) + (index.idf(of: "charger") ?? 0)
        #expect(abs((index.idf(of: "handbook") ?? 0) - phrase) < 1e-5)
        #expect(index.idf(of: "nowhere") == nil)
    }

    @Test func aHostileSynonymsFileKeepsQueriesCheap() {
        // Thousands of phrases starting with the word a query repeats, and a word with the
        // most alternatives allowed.
        var text = (0..<5_000).map { "laptop model\($0) => charger\n" }.joined()
        text += "laptop, " + (0..<100).map { "alias\($0)x" }.joined(separator: ", ") + "\n"
        let index = KnowledgeIndex(articles: articles, synonyms: Synonyms(parsing: text))
        let query = Array(repeating: "laptop", count: 200).joined(separator: " ")
        let results = index.search(query)
        // The cost is bounded by what is searched: the repeated word once, with at most the
        // allowed alternatives, and none of the thousands of phrases it could start.
        #expect(results.terms.count <= 1 + SynonymsFile.maxAlternatives, "searched \(results.terms.count) terms")
        #expect(results.hits.first?.article.id == "battery")
        #expect(results.expansions.count == 1)
        #expect(index.synonyms.rule(for: ["laptop"])?.alternatives.count == SynonymsFile.maxAlternatives)
    }

    @Test func theSameQueryWithoutSynonymsRanksAndScoresExactlyAsBefore() {
        let with = index("laptop, notebook").search("charge printer")
        let without = KnowledgeIndex(articles: articles).search("charge printer")
        #expect(with.hits.map(\.score) == without.hits.map(\.score))
        #expect(with.expansions.isEmpty)
        #expect(with.searchedTerms == with.terms)
    }
}
