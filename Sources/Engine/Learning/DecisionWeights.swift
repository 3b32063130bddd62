/// Every fitted number the engine decides with: the weights of the answer gate and of the
/// tool recogniser, and the bars from which a tool less likely than not is taken.
///
/// They are fitted, not chosen: `LeaveOneCompanyOutTests` fits them on the dialog suites of
/// all but one company and scores the engine on the one left out, for each company in
/// turn. `shipped` is the same fit on every company; that test fails, printing the new
/// values to paste here, when the suites or the features change.
public struct DecisionWeights: Sendable, Equatable {
    /// P(the best passage answers the question), over `AnswerGate.lexicalFeatureNames`.
    public var answer: LogisticModel
    /// The same with a sentence model, over the lexical and semantic features.
    public var semanticAnswer: LogisticModel
    /// P(the message asks for this tool), over `GroundedEngine.toolFeatureNames`.
    public var tool: LogisticModel
    /// The same with a sentence model, over the lexical and semantic features.
    public var semanticTool: LogisticModel
    /// From what probability a tool less likely than not is still taken.
    public var toolBars: ToolBars
    /// The same with a sentence model.
    public var semanticToolBars: ToolBars

    public init(
        answer: LogisticModel, semanticAnswer: LogisticModel, tool: LogisticModel, semanticTool: LogisticModel,
        toolBars: ToolBars = .evenOdds, semanticToolBars: ToolBars = .evenOdds
    ) {
        self.answer = answer
        self.semanticAnswer = semanticAnswer
        self.tool = tool
        self.semanticTool = semanticTool
        self.toolBars = toolBars
        self.semanticToolBars = semanticToolBars
    }

    /// Fits the models on labelled messages grouped by company (from
    /// `GroundedEngine.labelled`, without and with a sentence model).
    ///
    /// How strongly each is regularised, how many wrong answers the gate may risk, and the
    /// bars for taking a tool are chosen the way the result is judged:
    /// leave-one-company-out within the messages. A wrong answer costs the employee more
    /// than a needless ticket, so the gate's choice counts each wrong answer against three
    /// right ones; a tool proposed wrongly is one card to decline, so the recogniser's counts
    /// every decision alike.
    public static func fit(messages: [[LabelledMessage]], semanticMessages: [[LabelledMessage]]) -> DecisionWeights {
        DecisionWeights(
            answer: gate(messages.map { $0.compactMap(\.gateExample) }),
            semanticAnswer: gate(semanticMessages.map { $0.compactMap(\.gateExample) }),
            tool: recogniser(messages.map { $0.flatMap(\.toolExamples) }),
            semanticTool: recogniser(semanticMessages.map { $0.flatMap(\.toolExamples) }),
            toolBars: toolBars(messages), semanticToolBars: toolBars(semanticMessages))
    }

    /// The tool recogniser fitted on every company, with the ridge that judges best on a
    /// company left out.
    static func recogniser(_ companies: [[LogisticModel.Example]]) -> LogisticModel {
        let ridge = chosen(
            among: [0.1, 0.3, 1, 3], for: companies, fit: { LogisticModel.fit($0, ridge: $1) }, merit: recogniserMerit)
        return LogisticModel.fit(companies.flatMap { $0 }, ridge: ridge)
    }

    /// How well the tool recogniser decided: every decision counts alike, so a tool proposed
    /// wrongly costs what a request missed costs.
    static func recogniserMerit(rightYes: Double, wrongYes: Double, rightNo: Double) -> Double { rightYes + rightNo }

    /// The answer gate fitted on every company, with the ridge and false-answer budget that
    /// judge best on a company left out.
    static func gate(_ companies: [[LogisticModel.Example]]) -> LogisticModel {
        let settings = chosen(
            among: [0.1, 0.3, 1, 3].flatMap { ridge in [0.03, 0.05, 0.08, 0.1].map { (ridge: ridge, falseAnswerBudget: $0) } },
            for: companies, fit: { gate($0, ridge: $1.ridge, falseAnswerBudget: $1.falseAnswerBudget) },
            merit: { rightYes, wrongYes, _ in rightYes - 3 * wrongYes })
        return gate(companies.flatMap { $0 }, ridge: settings.ridge, falseAnswerBudget: settings.falseAnswerBudget)
    }

    /// The candidate setting whose fit decides best on a company it was not fitted on, each
    /// company left out in turn: `merit(right yeses, wrong yeses, right noes)` per example
    /// of the company left out, summed. With one company there is nothing to leave out, and
    /// the middle candidate is used.
    static func chosen<Setting>(
        among candidates: [Setting], for companies: [[LogisticModel.Example]],
        fit: ([LogisticModel.Example], Setting) -> LogisticModel, merit: (Double, Double, Double) -> Double
    ) -> Setting {
        guard companies.count > 1 else { return candidates[candidates.count / 2] }
        func score(_ setting: Setting) -> Double {
            companies.indices.reduce(0) { sum, left in
                let model = fit(companies.indices.filter { $0 != left }.flatMap { companies[$0] }, setting)
                var (rightYes, wrongYes, rightNo) = (0.0, 0.0, 0.0)
                for example in companies[left] {
                    switch (model.probability(example.features) >= LogisticModel.threshold, example.label) {
                    case (true, true): rightYes += 1
                    case (true, false): wrongYes += 1
                    case (false, false): rightNo += 1
                    case (false, true): break
                    }
                }
                return sum + merit(rightYes, wrongYes, rightNo) / Double(max(companies[left].count, 1))
            }
        }
        // Of equals, the first listed.
        var best = (setting: candidates[0], score: -Double.infinity)
        for candidate in candidates {
            let candidateScore = score(candidate)
            if candidateScore > best.score { best = (candidate, candidateScore) }
        }
        return best.setting
    }

    /// The gate fitted with wrong answers counted `cost` times, `cost` the smallest of a
    /// few that keeps wrong answers within the budget on the examples. Its confidence is then
    /// the probability that the answer is right with wrong answers weighed `cost` times:
    /// 0.5 is where answering and handing over cost the same.
    static func gate(_ examples: [LogisticModel.Example], ridge: Double, falseAnswerBudget: Double) -> LogisticModel {
        let negatives = examples.filter { !$0.label }
        var gate = LogisticModel.fit(examples, ridge: ridge)
        for cost in [1.0, 1.5, 2, 3, 4, 6, 8, 12] {
            let weighted = examples.map {
                LogisticModel.Example(features: $0.features, label: $0.label, weight: $0.label ? 1 : cost)
            }
            gate = LogisticModel.fit(weighted, ridge: ridge)
            let accepted = negatives.filter { gate.probability($0.features) >= LogisticModel.threshold }.count
            if Double(accepted) <= falseAnswerBudget * Double(max(negatives.count, 1)) { break }
        }
        return gate
    }

    public static let shipped = DecisionWeights(
        answer: LogisticModel(
            weights: [1.2501, 1.9390, -0.4344, 0.8788, 1.5459, 2.2464, -0.5971, 0.8502, 2.2564], bias: -6.1700),
        semanticAnswer: LogisticModel(
            weights: [1.0380, 1.7984, -0.1128, 0.1433, 0.9068, 1.3564, -0.6553, 0.7336, 1.8124, 1.6142, 1.3529, 1.0266, 1.6648],
            bias: -7.1631),
        tool: LogisticModel(weights: [7.5325, 1.8877, 2.6350, 2.9285, 1.6960, 3.2066, 0.6691, -5.0623, 8.2822], bias: -10.2688),
        semanticTool: LogisticModel(
            weights: [4.3144, 1.8409, 2.0603, 3.2586, 1.8430, 3.3705, 0.6090, -4.7393, 8.0544, 8.2166], bias: -13.8719),
        toolBars: ToolBars(request: 0.4, withoutAnswer: 0.1), semanticToolBars: ToolBars(request: 0.3, withoutAnswer: 0.1))
}
