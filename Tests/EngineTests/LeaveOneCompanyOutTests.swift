import Engine
import Foundation
import HelpdeskCore
import Testing

/// Whether the engine decides right for a company it was not fitted on. For each company,
/// the engine's weights are fitted on the other companies' suites and the engine is scored
/// on the one left out: overall, false answers to what it should not answer, tool requests
/// with every argument, incidents escalated at P1/P2, and whole conversations. Printed on
/// every `swift test`.
struct LeaveOneCompanyOutTests {
    /// What one company's suite measured.
    struct Score: CustomStringConvertible {
        var turns = Tally()
        /// Replies that answered a message expected to be `not_found` or `escalate`.
        var falseAnswers = Tally()
        var toolsWithArguments = Tally()
        var incidents = Tally()
        var conversations = Tally()
        /// `tool-requests.jsonl`, kept apart from the suite: written after the engine.
        var toolRequests = Tally()

        struct Tally {
            var hits = 0
            var total = 0
            var rate: Double { total == 0 ? 1 : Double(hits) / Double(total) }
            mutating func count(_ hit: Bool) {
                total += 1
                if hit { hits += 1 }
            }
            var text: String { "\(hits)/\(total) (\(String(format: "%.2f", rate)))" }

            /// The 95% Wilson interval of the rate: how far another suite of the same size,
            /// written the same way, could put it. Two figures inside each other's interval
            /// do not show that one engine decides better.
            var interval: String {
                guard total > 0 else { return "" }
                let (n, p, z) = (Double(total), rate, 1.96)
                let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
                let spread = z / (1 + z * z / n) * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
                return String(format: "95%% %.2f–%.2f", centre - spread, centre + spread)
            }
        }

        mutating func record(_ expected: DialogSuite.Expectation, _ reply: Reply) {
            let right = expected.mismatches(reply).isEmpty
            turns.count(right)
            if expected.kind == "not_found" || expected.kind == "escalate" { falseAnswers.count(reply.kind == .answer) }
            if expected.kind == "tool" { toolsWithArguments.count(right) }
            if expected.kind == "escalate", let priority = expected.priority, priority == "P1" || priority == "P2" {
                incidents.count(reply.kind == .escalate && [.p1, .p2].contains(reply.ticket?.priority))
            }
        }

        var description: String {
            "overall \(turns.text), \(turns.interval) · false answers \(falseAnswers.text), \(falseAnswers.interval) · tool with every argument \(toolsWithArguments.text)"
                + " · incidents at P1/P2 \(incidents.text) · conversations right throughout \(conversations.text)"
                + " · tool requests and questions written after the engine \(toolRequests.text)"
        }
    }

    /// The company's score; with `ENGINE_MISSES=1` in the environment, every wrong turn is
    /// printed too, for whoever works on the engine.
    static func score(_ company: DialogSuite.Company, weights: DecisionWeights, semantic: Bool) throws -> Score {
        let engine = try company.engine(weights: weights, semantic: semantic)
        let verbose = ProcessInfo.processInfo.environment["ENGINE_MISSES"] != nil
        var score = Score()
        /// Whether `reply` is what `expectation` says, printing what differs when verbose.
        func judge(_ expectation: DialogSuite.Expectation, _ reply: Reply, _ context: String) -> Bool {
            let wrong = expectation.mismatches(reply)
            if verbose && !wrong.isEmpty {
                print(
                    "✗ \(company.name)\(semantic ? " (semantic)" : "") [\(context)] \"\(expectation.message)\": \(wrong.joined(separator: "; "))"
                )
            }
            return wrong.isEmpty
        }
        func record(_ expectation: DialogSuite.Expectation, _ reply: Reply, _ context: String) -> Bool {
            score.record(expectation, reply)
            return judge(expectation, reply, context)
        }
        for expectation in try company.expectations() {
            _ = record(expectation, engine.respond(to: expectation.message, in: Conversation()).0, "single")
        }
        // Kept apart from the suite's figures: these were written after the engine.
        for expectation in try company.toolRequests() {
            let reply = engine.respond(to: expectation.message, in: Conversation()).0
            score.toolRequests.count(judge(expectation, reply, "tool request"))
        }
        for dialog in try company.dialogs() {
            var conversation = Conversation()
            var allRight = true
            for (number, expectation) in dialog.turns.enumerated() {
                let (reply, next) = engine.respond(to: expectation.message, in: conversation)
                conversation = next
                allRight = record(expectation, reply, "\(dialog.name) #\(number + 1)") && allRight
            }
            score.conversations.count(allRight)
        }
        return score
    }

    /// Floors under the held-out figures, so a change that makes the engine worse on a
    /// company it was not fitted on fails here. They are not the goal: the goal, on each
    /// held-out company, is overall ≥ 0.90, false answers ≤ 0.02, tools ≥ 0.90 and
    /// incidents ≥ 0.90.
    static let floors: [String: Double] = ["shipped": 0.70, "harborview": 0.70, "quillstack": 0.70]

    /// Scored twice: by shared words alone (the embedded default, no model), and with the
    /// sentence model reading meaning too.
    @Test(arguments: try DialogSuite.companies())
    func heldOutCompany(company: DialogSuite.Company) throws {
        let suite = try company.expectations()
        #expect(suite.count >= 150, "a company's suite has at least 150 single messages")
        #expect(try company.dialogs().count >= 25, "and at least 25 conversations")
        let others = try DialogSuite.companies().filter { $0.name != company.name }
        let weights = try Fitting.weights(fittedOn: others)
        for semantic in [false, true] {
            let score = try Self.score(company, weights: weights, semantic: semantic)
            let auc = try Fitting.gateAUC(on: company, weights: weights, semantic: semantic)
            print(
                "held out \(company.name)\(semantic ? ", with the sentence model" : "")"
                    + " (fitted on \(others.map(\.name).joined(separator: ", "))): \(score)"
                    + " · AUC of confidence \(String(format: "%.2f", auc))"
                    + " · \(Fitting.describe(semantic ? weights.semanticToolBars : weights.toolBars))"
            )
            #expect(score.turns.rate >= Self.floors[company.name] ?? 0.9, "\(company.name): \(score)")
        }
    }

    /// The weights the engine ships with are the same fit on every company.
    @Test func shippedWeightsAreTheFitOnEveryCompany() throws {
        let fitted = try Fitting.weights(fittedOn: DialogSuite.companies())
        let same =
            Fitting.close(fitted.answer, DecisionWeights.shipped.answer)
            && Fitting.close(fitted.semanticAnswer, DecisionWeights.shipped.semanticAnswer)
            && Fitting.close(fitted.tool, DecisionWeights.shipped.tool)
            && Fitting.close(fitted.semanticTool, DecisionWeights.shipped.semanticTool)
            && fitted.toolBars == DecisionWeights.shipped.toolBars
            && fitted.semanticToolBars == DecisionWeights.shipped.semanticToolBars
        #expect(same, "refit: paste into DecisionWeights.shipped\n\(Fitting.literal(fitted))")
    }
}

/// Fits the engine's weights on companies' dialog suites.
enum Fitting {
    static func weights(fittedOn companies: [DialogSuite.Company]) throws -> DecisionWeights {
        var messages: [[LabelledMessage]] = []
        var semanticMessages: [[LabelledMessage]] = []
        for company in companies {
            let engines = (words: try company.engine(), meaning: try company.engine(semantic: true))
            let suite = try company.expectations() + company.toolRequests()
            func labelled(_ engine: GroundedEngine) -> [LabelledMessage] {
                suite.map { expectation in
                    let asksForTool = expectation.kind == "tool" || expectation.kind == "clarify"
                    return engine.labelled(
                        expectation.message, article: expectation.kind == "answer" ? expectation.article : nil,
                        tool: asksForTool ? expectation.tool : nil, uncovered: expectation.kind == "not_found")
                }
            }
            messages.append(labelled(engines.words))
            semanticMessages.append(labelled(engines.meaning))
        }
        return DecisionWeights.fit(messages: messages, semanticMessages: semanticMessages)
    }

    /// The area under the ROC curve of the gate's confidence on the company's questions:
    /// the chance that a right answer is more confident than a wrong one or one the
    /// knowledge base does not have.
    static func gateAUC(on company: DialogSuite.Company, weights: DecisionWeights, semantic: Bool) throws -> Double {
        let engine = try company.engine(weights: weights, semantic: semantic)
        let gate = semantic ? weights.semanticAnswer : weights.answer
        var right: [Double] = []
        var wrong: [Double] = []
        for expectation in try company.expectations() where expectation.kind == "answer" || expectation.kind == "not_found" {
            guard let (article, features) = engine.answerFeatures(for: expectation.message) else { continue }
            let confidence = gate.probability(features)
            if expectation.kind == "answer" && article == expectation.article {
                right.append(confidence)
            } else {
                wrong.append(confidence)
            }
        }
        var pairs = 0.0
        for r in right { for w in wrong { pairs += r > w ? 1 : r == w ? 0.5 : 0 } }
        return pairs / Double(max(right.count * wrong.count, 1))
    }

    static func close(_ a: LogisticModel, _ b: LogisticModel) -> Bool {
        a.weights.count == b.weights.count && abs(a.bias - b.bias) < 1e-3
            && zip(a.weights, b.weights).allSatisfy { abs($0 - $1) < 1e-3 }
    }

    static func describe(_ bars: ToolBars) -> String {
        "tool bars \(bars.request) for a request, \(bars.withoutAnswer) without an answer"
    }

    /// The Swift source of `weights`, to paste into `DecisionWeights.shipped`.
    static func literal(_ weights: DecisionWeights) -> String {
        func bars(_ bars: ToolBars) -> String { "ToolBars(request: \(bars.request), withoutAnswer: \(bars.withoutAnswer))" }
        func model(_ model: LogisticModel) -> String {
            let numbers = model.weights.map { String(format: "%.4f", $0) }.joined(separator: ", ")
            return "LogisticModel(weights: [\(numbers)], bias: \(String(format: "%.4f", model.bias)))"
        }
        return
            "answer: \(model(weights.answer)),\nsemanticAnswer: \(model(weights.semanticAnswer)),\ntool: \(model(weights.tool)),\nsemanticTool: \(model(weights.semanticTool)),\ntoolBars: \(bars(weights.toolBars)), semanticToolBars: \(bars(weights.semanticToolBars))"
    }
}
