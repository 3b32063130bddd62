/// Every fitted number the engine decides with: the weights of the answer gate and of the
/// tool recogniser.
///
/// They are fitted, not chosen: `LeaveOneCompanyOutTests` fits them on the dialog suites of
/// all but one company and scores the engine on the one left out, for each company in
/// turn. `shipped` is the same fit on every company; that test fails, printing the new
/// values to paste here, when the suites or the features change.
public struct DecisionWeights: Sendable, Equatable {
    /// P(the best passage answers the question), over `AnswerGate.featureNames`.
    public var answer: LogisticModel
    /// P(the message asks for this tool), over `GroundedEngine.toolFeatureNames`.
    public var tool: LogisticModel

    public init(answer: LogisticModel, tool: LogisticModel) {
        self.answer = answer
        self.tool = tool
    }

    /// Fits both models on labelled examples (features from `GroundedEngine.answerFeatures`
    /// and `toolFeatures`).
    ///
    /// A wrong answer costs more than a ticket, so wrong answers count `cost` times in the
    /// gate's fit, with `cost` the smallest of a few that keeps false answers within
    /// `falseAnswerBudget` on the examples. The gate's confidence is then the probability
    /// that the answer is right with wrong answers weighed `cost` times: 0.5 is where
    /// answering and handing over cost the same.
    public static func fit(
        answers: [LogisticModel.Example], tools: [LogisticModel.Example], falseAnswerBudget: Double = 0.05
    ) -> DecisionWeights {
        let negatives = answers.filter { !$0.label }
        var gate = LogisticModel.fit(answers)
        for cost in [1.0, 1.5, 2, 3, 4, 6, 8, 12] {
            let weighted = answers.map {
                LogisticModel.Example(features: $0.features, label: $0.label, weight: $0.label ? 1 : cost)
            }
            gate = LogisticModel.fit(weighted)
            let accepted = negatives.filter { gate.probability($0.features) >= LogisticModel.threshold }.count
            if Double(accepted) <= falseAnswerBudget * Double(max(negatives.count, 1)) { break }
        }
        return DecisionWeights(answer: gate, tool: LogisticModel.fit(tools))
    }

    public static let shipped = DecisionWeights(
        answer: LogisticModel(weights: [0.7629, 3.9547, -0.5226, 1.7660, 3.7799, 2.9139, -1.1377, 3.0135], bias: -9.2938),
        tool: LogisticModel(weights: [3.4886, 2.8951, 1.9022, 1.7172, 1.4733, 1.6272, 1.2607, -1.5063, 2.2205], bias: -7.7395))
}
