import Testing

@testable import Engine

/// How the engine's settings are chosen: by how they decide on a company left out of the fit.
struct DecisionWeightsTests {
    /// Says yes from `threshold` on, whatever it is fitted on.
    private static func saysYes(from threshold: Double) -> LogisticModel {
        LogisticModel(weights: [100], bias: -100 * threshold)
    }

    private static func company(right: [Double], wrong: [Double]) -> [LogisticModel.Example] {
        right.map { LogisticModel.Example(features: [$0], label: true) }
            + wrong.map { LogisticModel.Example(features: [$0], label: false) }
    }

    @Test func theChosenSettingDecidesBestOnTheCompaniesLeftOut() {
        let companies = [
            Self.company(right: [0.6, 0.7], wrong: [0.3, 0.4]),
            Self.company(right: [0.55, 0.9], wrong: [0.1, 0.45]),
        ]
        let chosen = DecisionWeights.chosen(
            among: [0.2, 0.5, 0.8], for: companies, fit: { _, threshold in Self.saysYes(from: threshold) },
            merit: { rightYes, wrongYes, _ in rightYes - 3 * wrongYes })
        #expect(chosen == 0.5, "0.2 accepts every wrong answer, 0.8 refuses three of four right ones")
    }

    /// Of a request and a message that asks for nothing, saying yes to both and no to both
    /// are one mistake each.
    @Test func theRecogniserCountsAWrongProposalLikeAMissedRequest() {
        #expect(
            DecisionWeights.recogniserMerit(rightYes: 1, wrongYes: 1, rightNo: 0)
                == DecisionWeights.recogniserMerit(rightYes: 0, wrongYes: 0, rightNo: 1))
        #expect(
            DecisionWeights.recogniserMerit(rightYes: 1, wrongYes: 0, rightNo: 1)
                > DecisionWeights.recogniserMerit(rightYes: 1, wrongYes: 1, rightNo: 0))
    }

    @Test func eachFitSeesOnlyTheOtherCompanies() {
        let companies = [Self.company(right: [1], wrong: []), Self.company(right: [2, 2], wrong: [])]
        var fittedOn: [[Double]] = []
        _ = DecisionWeights.chosen(
            among: [0.5], for: companies,
            fit: { examples, threshold in
                fittedOn.append(examples.map { $0.features[0] })
                return Self.saysYes(from: threshold)
            }, merit: { rightYes, _, _ in rightYes })
        #expect(fittedOn == [[2, 2], [1]])
    }

    @Test func withOneCompanyTheMiddleCandidateIsUsed() {
        let chosen = DecisionWeights.chosen(
            among: [0.1, 0.3, 1, 3], for: [Self.company(right: [1], wrong: [0])], fit: { _, _ in Self.saysYes(from: 0.5) },
            merit: { rightYes, _, _ in rightYes })
        #expect(chosen == 1)
    }

    @Test func theGateKeepsWrongAnswersWithinItsBudgetOnWhatItIsFittedOn() {
        // A wrong answer among the right ones, which a plain fit accepts.
        let examples = (0..<40).map { LogisticModel.Example(features: [Double($0) / 40], label: $0 >= 10 && $0 != 20) }
        #expect(LogisticModel.fit(examples).probability([0.5]) >= LogisticModel.threshold)
        let gate = DecisionWeights.gate(examples, ridge: 1, falseAnswerBudget: 0.05)
        let wrong = examples.filter { !$0.label }
        let accepted = wrong.filter { gate.probability($0.features) >= LogisticModel.threshold }
        #expect(Double(accepted.count) <= 0.05 * Double(wrong.count))
        #expect(examples.contains { $0.label && gate.probability($0.features) >= LogisticModel.threshold })
    }

    /// A company whose gate refuses everything: ten clear requests for tool `t`, ten
    /// messages that ask for nothing, and ten in between, three of them requests for `t`.
    /// The other seven in between are questions nobody covers when `uncovered`.
    private static func refusedCompany(uncovered: Bool) -> [LabelledMessage] {
        func message(_ closeness: Double, asked: Bool, uncovered: Bool = false) -> LabelledMessage {
            LabelledMessage(
                gate: nil, answered: nil, tools: [(name: "t", features: [closeness])], askedTool: asked ? "t" : nil,
                uncovered: uncovered, asksHowOrWhy: false, asksForAction: false)
        }
        return (0..<10).map { _ in message(1, asked: true) } + (0..<10).map { _ in message(0, asked: false) }
            + (0..<3).map { _ in message(0.5, asked: true) }
            + (0..<7).map { _ in message(0.5, asked: false, uncovered: uncovered) }
    }

    /// The bar for offering a tool the gate found no answer for comes down when that turns
    /// refused requests into right replies on a company left out, and stays when it would
    /// offer tools to questions nobody covers.
    @Test func theToolBarWithoutAnAnswerIsChosenOnCompaniesLeftOut() {
        let helped = Array(repeating: Self.refusedCompany(uncovered: false), count: 2)
        #expect(DecisionWeights.toolBars(helped).withoutAnswer < LogisticModel.threshold)
        let harmed = Array(repeating: Self.refusedCompany(uncovered: true), count: 2)
        #expect(DecisionWeights.toolBars(harmed).withoutAnswer == LogisticModel.threshold)
        #expect(DecisionWeights.toolBars([Self.refusedCompany(uncovered: false)]) == .evenOdds)
    }
}
