/// The probability from which the likeliest tool is taken, when it is less than even: for
/// a message that plainly asks for something, and for one no article answers. Fitted like
/// the weights (`DecisionWeights.toolBars`); `LogisticModel.threshold` lowers nothing.
public struct ToolBars: Sendable, Equatable {
    /// For a message that asks for something and asks no question ("look up my password
    /// expiry date please"), even when an article matches it.
    public var request: Double
    /// For a message no article answers ("hook me up with Zoom"), unless it asks how or why.
    public var withoutAnswer: Double

    public init(request: Double, withoutAnswer: Double) {
        self.request = request
        self.withoutAnswer = withoutAnswer
    }

    /// No bar lowered: a tool is taken only when it is more likely than not.
    public static let evenOdds = ToolBars(request: LogisticModel.threshold, withoutAnswer: LogisticModel.threshold)

    /// The bar for a message: the lowest that applies to it.
    func bar(asksForAction: Bool, answered: Bool, asksHowOrWhy: Bool) -> Double {
        var bar = LogisticModel.threshold
        if asksForAction { bar = min(bar, request) }
        if !answered && !asksHowOrWhy { bar = min(bar, withoutAnswer) }
        return bar
    }
}

extension DecisionWeights {
    /// The bars, chosen together among a few by how they decide on each company left out,
    /// with the gate and the recogniser fitted on the others. Taking the tool a message asks
    /// for gains a right reply. Taking another loses one where the reply without it was
    /// right: the article that answers the message, or "not found" for a question nobody
    /// covers; any other message was answered wrongly either way. With one company there
    /// is nothing to leave out, and no bar is lowered.
    static func toolBars(_ companies: [[LabelledMessage]]) -> ToolBars {
        let candidates = [LogisticModel.threshold, 0.4, 0.3, 0.2].flatMap { request in
            [LogisticModel.threshold, 0.4, 0.3, 0.2, 0.15, 0.1].map { ToolBars(request: request, withoutAnswer: $0) }
        }
        guard companies.count > 1 else { return .evenOdds }
        var merit = candidates.map { _ in 0.0 }
        for left in companies.indices {
            let others = companies.indices.filter { $0 != left }.map { companies[$0] }
            let answer = gate(others.map { $0.compactMap(\.gateExample) })
            let tool = recogniser(others.map { $0.flatMap(\.toolExamples) })
            for message in companies[left] {
                guard
                    let likeliest = message.tools.map({ (name: $0.name, probability: tool.probability($0.features)) })
                        .max(by: { $0.probability < $1.probability }),
                    likeliest.probability < LogisticModel.threshold
                else { continue }
                let answered = (message.gate.map(answer.probability) ?? 0) >= LogisticModel.threshold
                let withoutTool = answered ? message.answered == true : message.uncovered
                let gain: Double = likeliest.name == message.askedTool ? 1 : withoutTool ? -1 : 0
                for (index, bars) in candidates.enumerated()
                where likeliest.probability
                    >= bars.bar(asksForAction: message.asksForAction, answered: answered, asksHowOrWhy: message.asksHowOrWhy)
                {
                    merit[index] += gain / Double(companies[left].count)
                }
            }
        }
        // Of equals, the first listed: the higher bars.
        var best = 0
        for index in candidates.indices where merit[index] > merit[best] { best = index }
        return candidates[best]
    }
}
