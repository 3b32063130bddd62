import Knowledge

/// What the engine's fitted decisions see, for fitting their weights on labelled suites
/// (`DecisionWeights.fit`) and for explaining a decision.
extension GroundedEngine {
    /// What the tool recogniser weighs: `DecisionWeights.tool`'s features, and with a
    /// sentence model `semanticTool`'s.
    public var toolFeatureNames: [String] { recognizer.featureNames }

    /// The article the answer gate would judge for `message`, and its features; nil when
    /// no article shares a word with it.
    public func answerFeatures(for message: String) -> (article: String, features: [Double])? {
        let results = index.search(MessageCues.withoutPreamble(message), limit: 5)
        guard let best = results.hits.first else { return nil }
        return (best.article.id, gate.features(of: best, in: results, index: index))
    }

    /// Every tool with the tool recogniser's features for `message`.
    public func toolFeatures(for message: String) -> [(tool: String, features: [Double])] {
        recognizer.assess(message).map { ($0.tool.name, $0.features) }
    }
}
