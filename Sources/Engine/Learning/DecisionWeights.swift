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
        answer: LogisticModel(weights: [0.7855, 3.9915, -0.5333, 1.7989, 3.7937, 2.9116, -1.1472, 3.0106], bias: -9.3175),
        tool: LogisticModel(weights: [3.4269, 2.8321, 1.9003, 1.6898, 1.4705, 1.5310, 1.2671, -1.3383, 2.0153], bias: -7.5755))
}
