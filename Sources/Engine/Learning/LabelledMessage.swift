/// One message of a labelled dialog suite, as the engine's fitted decisions see it: what the
/// answer gate and the tool recogniser measure in it, and what the right reply is.
///
/// The gate and the recogniser are fitted on these one decision at a time; the bars for
/// taking a tool less likely than not need both at once, per message.
public struct LabelledMessage: Sendable {
    /// The answer gate's features of the best article; nil when no article shares a word.
    public let gate: [Double]?
    /// Whether that article answers the message; nil when the message is not a question for
    /// the knowledge base, and the gate is not fitted on it.
    public let answered: Bool?
    /// The tool recogniser's features, for every tool.
    public let tools: [(name: String, features: [Double])]
    /// The tool the message asks for, if any.
    public let askedTool: String?
    /// Whether "not found" is the right reply: the knowledge base does not cover it.
    public let uncovered: Bool
    /// Asks how or why (`MessageCues.asksHowOrWhy`).
    public let asksHowOrWhy: Bool
    /// Plainly asks for something (`MessageCues.asksForAction`).
    public let asksForAction: Bool

    /// The example the answer gate is fitted on, if the message is one.
    var gateExample: LogisticModel.Example? {
        guard let gate, let answered else { return nil }
        return LogisticModel.Example(features: gate, label: answered)
    }

    /// The examples the tool recogniser is fitted on: one per tool.
    var toolExamples: [LogisticModel.Example] {
        tools.map { LogisticModel.Example(features: $0.features, label: $0.name == askedTool) }
    }
}
