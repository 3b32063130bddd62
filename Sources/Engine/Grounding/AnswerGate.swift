import Foundation
import Knowledge
import Semantics

/// Decides whether the best passage answers the question, or whether the honest reply is
/// "I can't find this in our knowledge base".
///
/// Its confidence is the probability that the passage is the right answer, from
/// features that mean the same in any knowledge base, large or small:
///
/// - `covered`: the share of the question's IDF mass the passage contains (a word in no
///   article counts with the largest IDF the knowledge base can give);
/// - `inArticle`: the same share for the whole article, whose other sections often hold
///   the rest of the question's words;
/// - `missed`: the IDF of the rarest known question word the passage lacks, in units of
///   that largest IDF;
/// - `heading`: the share of the question's IDF mass in the article's title or the
///   section's heading, which say what a passage is about;
/// - `margin`: how far the passage's article leads the next one;
/// - `evidence`: its BM25F score per question word, in units of the largest IDF;
/// - `unknown`: how many words are in no article (numbers aside): "How do I reset my
///   Salesforce password?" matches "reset" and "password" perfectly and still misses the
///   one word that says what it is about;
/// - `length`: how many words the question has;
/// - `agreement`: how many of the question's words, each left out in turn, still find the
///   passage's article on top.
///
/// With a sentence model (`SemanticIndex`), four more say how close the question is in
/// meaning, which shared words miss ("I forgot my login" and "Reset your password"):
///
/// - `meaning`: the cosine similarity of the question and the passage;
/// - `meaningInArticle`: of the question and the article's closest passage;
/// - `meaningMargin`: how far that leads the closest passage of any other article;
/// - `meaningAgrees`: 1 when the closest passage of all is in the passage's article.
///
/// The weights are fitted leave-one-company-out (see `DecisionWeights`); the gate
/// accepts at 0.5: more likely right than wrong.
public struct AnswerGate: Sendable {
    public static let lexicalFeatureNames = [
        "covered", "inArticle", "missed", "heading", "margin", "evidence", "unknown", "length", "agreement",
    ]
    public static let semanticFeatureNames = ["meaning", "meaningInArticle", "meaningMargin", "meaningAgrees"]

    let model: LogisticModel
    let semantics: SemanticIndex?

    /// The gate of `weights` that reads what `semantics` can give.
    init(_ weights: DecisionWeights, semantics: SemanticIndex?) {
        self.model = semantics == nil ? weights.answer : weights.semanticAnswer
        self.semantics = semantics
        precondition(model.weights.count == featureNames.count)
    }

    var featureNames: [String] { Self.lexicalFeatureNames + (semantics == nil ? [] : Self.semanticFeatureNames) }

    /// 0…1, the probability that `hit` answers the question; the gate accepts it from
    /// `LogisticModel.threshold` on.
    ///
    /// `leaders` (from `leaders(of:index:)`) can be given when judging several hits of one
    /// search, which all share them.
    func probability(of hit: SearchHit, in results: SearchResults, index: KnowledgeIndex, leaders: [String?]? = nil)
        -> Double
    {
        model.probability(features(of: hit, in: results, index: index, leaders: leaders))
    }

    /// The features, in the order of `featureNames`, each roughly within 0…1.
    func features(of hit: SearchHit, in results: SearchResults, index: KnowledgeIndex, leaders: [String?]? = nil) -> [Double] {
        let lexical = Self.lexicalFeatures(of: hit, in: results, index: index, leaders: leaders)
        guard let semantics else { return lexical }
        guard let closeness = semantics.closeness(of: results.query, toPassage: hit.passageIndex, of: hit.article.id) else {
            return lexical + [0, 0, 0, 0]
        }
        return lexical + [
            closeness.passage, closeness.article, closeness.article - closeness.otherArticles,
            closeness.article >= closeness.otherArticles ? 1 : 0,
        ]
    }

    public static func lexicalFeatures(
        of hit: SearchHit, in results: SearchResults, index: KnowledgeIndex, leaders: [String?]? = nil
    ) -> [Double] {
        let largest = index.maximumIDF
        let unknown = Double(results.unknownWords.filter { !$0.contains(where: \.isNumber) }.count)
        let matched = Set(hit.matchedTerms)
        let heading = index.headingTerms(of: hit)
        let inArticle = index.termsInArticle(of: hit, among: results.terms)
        var total = unknown * largest
        var covered = 0.0
        var articleCovered = 0.0
        var inHeading = 0.0
        var missed = 0.0
        for term in results.terms {
            let idf = index.idf(of: term) ?? largest
            total += idf
            if matched.contains(term) { covered += idf } else { missed = max(missed, idf) }
            if heading.contains(term) { inHeading += idf }
            if inArticle.contains(term) { articleCovered += idf }
        }
        let runnerUp = results.hits.first { $0.article.id != hit.article.id }?.score ?? 0
        let words = Double(max(results.terms.count + Int(unknown), 1))
        return [
            total > 0 ? covered / total : 0,
            total > 0 ? articleCovered / total : 0,
            missed / largest,
            total > 0 ? inHeading / total : 0,
            hit.score > 0 ? (hit.score - runnerUp) / hit.score : 0,
            hit.score / (largest * pow(words, 0.3)) / 2,
            min(unknown, 3) / 3,
            log2(words) / 4,
            agreement(with: hit, leaders: leaders ?? Self.leaders(of: results, index: index)),
        ]
    }

    /// The article on top with each of the question's words left out in turn (nil when
    /// none is found); words whose omission changes nothing, stop words, are skipped.
    /// Only the first `leaderWords` are left out: each omission is a search of the whole
    /// message, so a pasted log would cost the square of its length.
    static func leaders(of results: SearchResults, index: KnowledgeIndex) -> [String?] {
        let words = results.query.split { !$0.isLetter && !$0.isNumber && $0 != "'" }
        return words.indices.prefix(leaderWords).compactMap { omitted in
            var rest = words
            rest.remove(at: omitted)
            let search = index.search(rest.joined(separator: " "), limit: 1)
            return search.terms == results.terms ? nil : .some(search.hits.first?.article.id)
        }
    }

    /// Longer than any question in the dialog suites (58 words), far shorter than a paste.
    static let leaderWords = 64

    /// The share of `leaders` that are `hit`'s article: an answer that hangs on one word of
    /// the question is less likely to be right than one every word agrees on.
    static func agreement(with hit: SearchHit, leaders: [String?]) -> Double {
        leaders.isEmpty ? 1 : Double(leaders.filter { $0 == hit.article.id }.count) / Double(leaders.count)
    }
}
