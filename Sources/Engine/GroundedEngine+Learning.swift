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

    /// `message` as the fitted decisions see it, labelled with the right reply: the article
    /// that answers it, the tool it asks for, or neither because nobody covers it. A message
    /// with neither an article nor "uncovered" is not one the gate is fitted on.
    public func labelled(_ message: String, article: String?, tool: String?, uncovered: Bool) -> LabelledMessage {
        let judged = answerFeatures(for: message)
        let cues = MessageCues(message)
        let isQuestion = article != nil || uncovered
        return LabelledMessage(
            gate: judged?.features, answered: isQuestion ? judged.map { $0.article == article } : nil,
            tools: toolFeatures(for: message).map { (name: $0.tool, features: $0.features) }, askedTool: tool,
            uncovered: uncovered, asksHowOrWhy: cues.asksHowOrWhy, asksForAction: cues.asksForAction)
    }
}
