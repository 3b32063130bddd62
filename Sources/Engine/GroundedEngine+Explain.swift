import Foundation
import HelpdeskCore
import Knowledge

/// Why the engine decided as it did, for an admin asking why a question was refused or a
/// request not recognised (`helpdesk ask --explain`).
public struct Explanation: Sendable, Equatable, Codable {
    /// The step that decided, in words.
    public let decision: String
    /// What the message says about itself: "question", "request", "incident: …".
    public let cues: [String]
    /// What the answer gate saw in the best passage; nil when no article shares a word.
    public let gate: Gate?
    /// The tools, most likely first.
    public let tools: [ToolScore]

    public struct Feature: Sendable, Equatable, Codable {
        public let name: String
        public let value: Double
    }

    public struct Gate: Sendable, Equatable, Codable {
        public let article: String
        public let section: String
        public let probability: Double
        public let threshold: Double
        public let features: [Feature]
    }

    public struct ToolScore: Sendable, Equatable, Codable {
        public let tool: String
        public let probability: Double
        /// The bar for this message: lower when it plainly asks for something, or when no
        /// article answers it and it asks neither how nor why (`ToolBars`).
        public let threshold: Double
        public let features: [Feature]
    }
}

extension GroundedEngine {
    func explanation(of message: String, decision: String) -> Explanation {
        let cues = MessageCues(message)
        var named: [String] = []
        if cues.isQuestion { named.append("question") }
        if cues.isRequest { named.append("request") }
        if cues.isSmallTalk { named.append("small talk") }
        if cues.wantsPerson { named.append("asks for a person") }
        if let incident = Incident(message) { named.append("incident: \(incident.reason), \(incident.priority.rawValue)") }
        func features(_ names: [String], _ values: [Double]) -> [Explanation.Feature] {
            zip(names, values).map { Explanation.Feature(name: $0, value: ($1 * 1000).rounded() / 1000) }
        }
        let results = index.search(MessageCues.withoutPreamble(message), limit: 5)
        let judged = results.hits.first.map { hit in
            Explanation.Gate(
                article: hit.article.id, section: hit.section, probability: gate.probability(of: hit, in: results, index: index),
                threshold: LogisticModel.threshold,
                features: features(gate.featureNames, gate.features(of: hit, in: results, index: index)))
        }
        let answered = judged.map { $0.probability >= $0.threshold } ?? false
        let bar = toolBar(cues: cues, answered: answered, vague: isVague(message))
        let tools = recognizer.assess(message).map {
            Explanation.ToolScore(
                tool: $0.tool.name, probability: $0.probability, threshold: bar,
                features: features(recognizer.featureNames, $0.features))
        }
        return Explanation(decision: decision, cues: named, gate: judged, tools: tools)
    }

    static func describe(_ pending: Conversation.Pending) -> String {
        switch pending {
        case .collecting(let tool, _, let asked): "\(tool) needs \(asked)"
        case .confirming(let call): "send the \(call.tool) request?"
        case .offeringTicket: "file a ticket?"
        case .askingIfSolved(let tool): "did \(tool ?? "the answer") solve it?"
        }
    }
}
