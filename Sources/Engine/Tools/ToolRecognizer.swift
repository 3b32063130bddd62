import HelpdeskCore
import Knowledge
import Semantics
import Synchronization

/// Recognises which tool a message asks for, from everything `tools.json` says about each
/// tool: title, description, examples, and each parameter's description, allowed values
/// and synonyms. An admin who adds a tool gets it recognised; nothing about any tool is
/// written in the code.
///
/// For each tool it measures how the message relates to it (`featureNames`):
/// - `example`: the F1 of shared terms with the closest example or the title;
/// - `vocabulary`: the share of the message's words (weighted by their IDF in the
///   knowledge base) that the tool's own text uses;
/// - `title`: the share of the title's words the message has;
/// - `action`: whether it has the tool's verb (the title's first word, or the
///   description's: "Clears a lockout"), or one of its kind (`ActionVerbs`);
/// - `value`: whether it names an argument value ("carechart", "ng-4west-01");
/// - `request`: whether it asks for something to be done ("can you", "please", "hook me
///   up with…");
/// - `opens`: whether its first word is one of the tool's (an imperative: "unlock my…");
/// - `question`: whether it is a question rather than a request ("how often must I
///   change my password?"), and `readOnlyQuestion` the same for a tool that only shows
///   something ("is my account still active?"), which never tells how to do something or
///   why ("how do I see when it expires?", "why does it keep locking?");
/// - with a sentence model, `meaning`: how close the message is in meaning to the
///   closest of the tool's examples, title and description ("could you lift the lockout
///   on my mac" and "unlock my account" share no word).
///
/// The probability that the message asks for the tool is a logistic model of these,
/// fitted leave-one-company-out (see `DecisionWeights`).
final class ToolRecognizer: Sendable {
    static let lexicalFeatureNames = [
        "example", "vocabulary", "title", "action", "value", "request", "opens", "question", "readOnlyQuestion",
    ]

    struct Assessment: Sendable {
        let tool: ToolDefinition
        let features: [Double]
        let probability: Double
    }

    private struct Profile: Sendable {
        let slots: SlotFiller
        let phrasings: [Set<String>]
        let values: Set<String>
        let vocabulary: Set<String>
        let title: Set<String>
        let actions: Set<String>
        let meaning: SemanticIndex.Sentences?
    }

    static let semanticFeatureNames = ["meaning"]

    /// The features `assess` measures, in order: the lexical ones, and `meaning` with a
    /// sentence model.
    let featureNames: [String]

    private let profiles: [Profile]
    private let model: LogisticModel
    private let index: KnowledgeIndex
    private let analyzer: Mutex<Analyzer>
    private let semantics: SemanticIndex?

    init(catalog: ToolCatalog, index: KnowledgeIndex, model: LogisticModel, semantics: SemanticIndex?) {
        featureNames = Self.lexicalFeatureNames + (semantics == nil ? [] : Self.semanticFeatureNames)
        precondition(model.weights.count == featureNames.count)
        let analyzer = Analyzer()
        func terms(_ text: String) -> Set<String> { Set(analyzer.terms(in: text)) }
        let frequent = 0.6 * index.maximumIDF
        let common = Mutex(Analyzer())
        let meanings = semantics?.sentences(catalog.tools.map { $0.examples + [$0.title, $0.description] })
        var profiles: [Profile] = []
        for (number, tool) in catalog.tools.enumerated() {
            // The tool's own words. Names a free-text parameter's description gives ("like
            // payments-api", "for example Inkscape or Notepad++") are examples of values,
            // not words of the tool's, unless the title or description uses them too.
            let own = [tool.title, tool.description] + tool.parameters.filter { !$0.isFreeText }.compactMap(\.description)
            let examplesOfValues = tool.parameters.filter(\.isFreeText).compactMap(\.description)
            let wording = terms((own + examplesOfValues.map(FreeTextValue.withoutNames)).joined(separator: " "))
            // Ordinary vocabulary is never a program's or a group's name; a word no article
            // uses may be one.
            let slots = SlotFiller(tool: tool) { word in
                guard let term = common.withLock({ $0.terms(in: word) }).first,
                    !wording.contains(term), !MessageCues.conversational.contains(word), !MessageCues.devices.contains(word)
                else { return .common }
                guard let idf = index.idf(of: term) else { return .unseen }
                return idf < frequent ? .common : .rare
            }
            // Words that name a value ("carechart", "voicemail"), not the tool's own ("password").
            let values = slots.valuePhrases.reduce(into: Set<String>()) { $0.formUnion(terms($1)) }
                .subtracting(terms(tool.title))
            let examples = tool.examples + [tool.title]
            let vocabulary = examples.reduce(wording) { $0.union(terms($1)) }.union(values)
            profiles.append(
                Profile(
                    slots: slots, phrasings: examples.map { terms($0).subtracting(values) }.filter { !$0.isEmpty },
                    values: values, vocabulary: vocabulary, title: terms(tool.title).subtracting(values),
                    actions: ActionVerbs.ofTheSameKind(
                        as: Set([tool.title, tool.description].compactMap { analyzer.terms(in: $0).first }),
                        analyzer: analyzer),
                    meaning: meanings?[number]))
        }
        self.profiles = profiles
        self.model = model
        self.index = index
        self.analyzer = Mutex(analyzer)
        self.semantics = semantics
    }

    /// Every tool with the message's features and the probability it asks for it, most
    /// likely first.
    func assess(_ message: String) -> [Assessment] {
        let terms = analyzer.withLock { $0.terms(in: message) }
        let cues = MessageCues(message)
        return profiles.map { profile in
            // The words that fill one of its parameters ("RStudio", "ng-pharm-02") are the
            // tool's words for this message, however rare they are in the knowledge base.
            let arguments = profile.slots.arguments(in: message)
            let filling = analyzer.withLock { analyzer in
                Set(arguments.values.flatMap { analyzer.terms(in: $0) })
            }
            var features = Self.features(
                terms: terms, filling: filling, filled: !arguments.isEmpty, cues: cues, profile: profile, index: index)
            if let semantics, let meaning = profile.meaning {
                features.append(semantics.closeness(of: message, to: meaning))
            }
            return Assessment(tool: profile.slots.tool, features: features, probability: model.probability(features))
        }.sorted { $0.probability > $1.probability }
    }

    /// The argument reader of `tool`.
    func slots(for tool: ToolDefinition) -> SlotFiller? { profiles.first { $0.slots.tool.name == tool.name }?.slots }

    private static func features(
        terms: [String], filling: Set<String>, filled: Bool, cues: MessageCues, profile: Profile, index: KnowledgeIndex
    ) -> [Double] {
        let asked = Set(terms)
        let withoutValues = asked.subtracting(profile.values)
        var example = 0.0
        for phrasing in profile.phrasings {
            let shared = Double(withoutValues.intersection(phrasing).count)
            guard shared > 0 else { continue }
            let precision = shared / Double(withoutValues.count)
            let recall = shared / Double(phrasing.count)
            example = max(example, 2 * precision * recall / (precision + recall))
        }
        var weight = 0.0
        var known = 0.0
        for term in asked {
            let idf = index.idf(of: term) ?? index.maximumIDF
            weight += idf
            if profile.vocabulary.contains(term) || filling.contains(term) { known += idf }
        }
        let title = profile.title.isEmpty ? 0 : Double(profile.title.intersection(asked).count) / Double(profile.title.count)
        let question = cues.isQuestion && !cues.isRequest
        return [
            example,
            weight > 0 ? known / weight : 0,
            title,
            asked.isDisjoint(with: profile.actions) ? 0 : 1,
            filled ? 1 : 0,
            cues.isRequest ? 1 : 0,
            terms.first.map(profile.vocabulary.contains) == true ? 1 : 0,
            question ? 1 : 0,
            question && profile.slots.tool.approval == .none && !cues.asksHowOrWhy ? 1 : 0,
        ]
    }
}
