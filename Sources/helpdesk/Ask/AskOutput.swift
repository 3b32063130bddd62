import Engine
import Foundation
import HelpdeskCore

/// One turn of `helpdesk ask`: readable text, or the stable JSON format admins script against.
struct AskOutput {
    let json: Bool

    func render(_ reply: Reply, turn: Int, explanation: Explanation? = nil) -> TerminalString {
        if json { return "\(jsonLine(reply, turn: turn, explanation: explanation))" }
        return text(reply) + (explanation.map(text) ?? "")
    }

    private func text(_ explanation: Explanation) -> TerminalString {
        func figures(_ features: [Explanation.Feature]) -> String {
            features.map { "\($0.name) \(String(format: "%.2f", $0.value))" }.joined(separator: " · ")
        }
        var out: TerminalString = "why: \(explanation.decision)\n"
        out += "cues: \(explanation.cues.isEmpty ? "none" : explanation.cues.joined(separator: ", "))\n"
        if let gate = explanation.gate {
            let verdict = gate.probability >= gate.threshold ? "accepts" : "refuses"
            out += "answer gate: \(id: gate.article) › \(gate.section): \(String(format: "%.2f", gate.probability)) "
            out += "(\(verdict); accepts at \(String(format: "%.2f", gate.threshold)))\n  \(figures(gate.features))\n"
        } else {
            out += "answer gate: no article shares a word with the message\n"
        }
        for tool in explanation.tools.prefix(3) {
            out +=
                "tool \(id: tool.tool): \(String(format: "%.2f", tool.probability)) (asks at \(String(format: "%.2f", tool.threshold)))\n"
            out += "  \(figures(tool.features))\n"
        }
        return out
    }

    private func text(_ reply: Reply) -> TerminalString {
        var out: TerminalString = "[\(reply.kind.rawValue), confidence \(String(format: "%.2f", reply.confidence))]\n"
        out += "\(lines: reply.text)\n"
        if let tool = reply.tool {
            let arguments = tool.arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            out += "tool: \(id: tool.tool)\(arguments.isEmpty ? "" : " \(arguments)")\n"
        }
        if let ticket = reply.ticket {
            out += "ticket: \(ticket.priority.rawValue) \(id: ticket.category) — \(id: ticket.title)\n"
            for line in ticket.summary.split(separator: "\n") { out += "  \(line)\n" }
        }
        return out
    }

    /// `{"turn":1,"kind":"answer","text":…,"sources":[…],"tool":null,"ticket":null,"confidence":0.82}`,
    /// keys always present and always in this order, so the format stays stable.
    private func jsonLine(_ reply: Reply, turn: Int, explanation: Explanation?) -> String {
        var fields: [(String, any Encodable)] = [
            ("turn", turn),
            ("kind", reply.kind.rawValue),
            ("text", reply.text),
            ("sources", reply.sources.map { Source(article: $0.article, title: $0.title, section: $0.section, score: $0.score) }),
            ("tool", reply.tool.map { Tool(name: $0.tool, arguments: $0.arguments) }),
            (
                "ticket",
                reply.ticket.map {
                    Ticket(category: $0.category, priority: $0.priority.rawValue, title: $0.title, summary: $0.summary)
                }
            ),
            ("confidence", reply.confidence),
        ]
        if let explanation { fields.append(("explanation", explanation)) }
        let members = fields.map { key, value in
            "\"\(key)\":" + JSONOutput.string(value)
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    private struct Source: Encodable {
        let article: String
        let title: String
        let section: String
        let score: Double
    }

    private struct Tool: Encodable {
        let name: String
        let arguments: [String: ArgumentValue]
    }

    private struct Ticket: Encodable {
        let category: String
        let priority: String
        let title: String
        let summary: String
    }
}
