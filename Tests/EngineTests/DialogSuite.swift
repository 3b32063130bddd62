import Engine
import Foundation
import HelpdeskCore
import Knowledge

/// The dialog suite in `Fixtures/`: employee messages with the reply a service-desk agent
/// would expect, run against the shipped knowledge base and `tools.json`.
enum DialogSuite {
    /// What one turn should produce; absent fields are not checked.
    struct Expectation: Decodable, Sendable {
        let message: String
        let kind: String
        let article: String?
        let tool: String?
        let arguments: [String: ArgumentValue]?
        /// Present for `status`: the ticket number, or nil for "my tickets".
        let ticket: Int??
        let category: String?
        let priority: String?

        enum CodingKeys: String, CodingKey { case message, kind, article, tool, arguments, ticket, category, priority }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            message = try container.decode(String.self, forKey: .message)
            kind = try container.decode(String.self, forKey: .kind)
            article = try container.decodeIfPresent(String.self, forKey: .article)
            tool = try container.decodeIfPresent(String.self, forKey: .tool)
            arguments = try container.decodeIfPresent([String: ArgumentValue].self, forKey: .arguments)
            ticket = container.contains(.ticket) ? .some(try container.decodeIfPresent(Int.self, forKey: .ticket)) : nil
            category = try container.decodeIfPresent(String.self, forKey: .category)
            priority = try container.decodeIfPresent(String.self, forKey: .priority)
        }

        /// What differs between `reply` and this expectation; empty when it matches.
        func mismatches(_ reply: Reply) -> [String] {
            var wrong: [String] = []
            if reply.kind.rawValue != kind { wrong.append("kind \(reply.kind.rawValue), expected \(kind)") }
            if let article, reply.sources.first?.article != article {
                wrong.append("article \(reply.sources.first?.article ?? "none"), expected \(article)")
            }
            if let tool, reply.tool?.tool != tool { wrong.append("tool \(reply.tool?.tool ?? "none"), expected \(tool)") }
            if let arguments, (reply.tool?.arguments ?? [:]) != arguments {
                wrong.append("arguments \(reply.tool?.arguments ?? [:]), expected \(arguments)")
            }
            if let ticket, reply.ticketNumber != ticket {
                wrong.append(
                    "ticket \(reply.ticketNumber.map(String.init) ?? "nil"), expected \(ticket.map(String.init) ?? "nil")")
            }
            if let category, reply.ticket?.category != category {
                wrong.append("category \(reply.ticket?.category ?? "none"), expected \(category)")
            }
            if let priority, reply.ticket?.priority.rawValue != priority {
                wrong.append("priority \(reply.ticket?.priority.rawValue ?? "none"), expected \(priority)")
            }
            return wrong
        }
    }

    struct Dialog: Decodable, Sendable {
        let name: String
        let turns: [Expectation]
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func singleTurns() throws -> [Expectation] {
        let text = try String(contentsOf: fixture("single-turn", "jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.map {
            try JSONDecoder().decode(Expectation.self, from: Data($0.utf8))
        }
    }

    static func dialogs() throws -> [Dialog] {
        try JSONDecoder().decode([Dialog].self, from: Data(contentsOf: fixture("conversations", "json")))
    }

    static func engine() throws -> GroundedEngine {
        let base = try KnowledgeBase.load(repository.appendingPathComponent("knowledge").path)
        let tools = try ToolCatalog.load(repository.appendingPathComponent("tools.json").path)
        return GroundedEngine(index: base.index, tools: tools)
    }

    private static func fixture(_ name: String, _ type: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: type) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return url
    }
}
