import Foundation
import HelpdeskCore

/// One turn of `helpdesk ask`: readable text, or the stable JSON format admins script against.
struct AskOutput {
    let json: Bool

    func render(_ reply: Reply, turn: Int) -> String {
        json ? jsonLine(reply, turn: turn) : text(reply)
    }

    private func text(_ reply: Reply) -> String {
        var out = "[\(reply.kind.rawValue), confidence \(String(format: "%.2f", reply.confidence))]\n"
        out += TerminalText.sanitize(reply.text, keepNewlines: true) + "\n"
        if let tool = reply.tool {
            let arguments = tool.arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            out += "tool: \(tool.tool) \(TerminalText.sanitize(arguments))\n"
        }
        if let ticket = reply.ticket {
            out += "ticket: \(ticket.priority.rawValue) \(ticket.category) — \(TerminalText.sanitize(ticket.title))\n"
            out += TerminalText.sanitize(ticket.summary, keepNewlines: true).split(separator: "\n").map { "  \($0)\n" }.joined()
        }
        return out
    }

    /// `{"turn":1,"kind":"answer","text":…,"sources":[…],"tool":null,"ticket":null,"confidence":0.82}`
    private struct Line: Encodable {
        struct Source: Encodable {
            let article: String
            let title: String
            let section: String
            let score: Double
        }
        struct Tool: Encodable {
            let name: String
            let arguments: [String: ArgumentValue]
        }
        struct Ticket: Encodable {
            let category: String
            let priority: String
            let title: String
            let summary: String
        }
        let turn: Int
        let kind: String
        let text: String
        let sources: [Source]
        let tool: Tool?
        let ticket: Ticket?
        let confidence: Double

        enum CodingKeys: String, CodingKey { case turn, kind, text, sources, tool, ticket, confidence }

        // Encode nil as null rather than leaving the key out, so every line has every key.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(turn, forKey: .turn)
            try container.encode(kind, forKey: .kind)
            try container.encode(text, forKey: .text)
            try container.encode(sources, forKey: .sources)
            try container.encode(tool, forKey: .tool)
            try container.encode(ticket, forKey: .ticket)
            try container.encode(confidence, forKey: .confidence)
        }
    }

    private func jsonLine(_ reply: Reply, turn: Int) -> String {
        let line = Line(
            turn: turn, kind: reply.kind.rawValue, text: reply.text,
            sources: reply.sources.map { .init(article: $0.article, title: $0.title, section: $0.section, score: $0.score) },
            tool: reply.tool.map { .init(name: $0.tool, arguments: $0.arguments) },
            ticket: reply.ticket.map {
                .init(category: $0.category, priority: $0.priority.rawValue, title: $0.title, summary: $0.summary)
            },
            confidence: reply.confidence)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        // Strings, numbers and nulls always encode.
        return (try? encoder.encode(line)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
