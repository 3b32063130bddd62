import Engine
import Foundation
import HelpdeskCore
import Knowledge
import Semantics

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

    /// One company's knowledge base, `tools.json` and dialog suite. The shipped one is the
    /// repository's own; the others live in `Fixtures/companies/NAME/`, each written by
    /// someone who had not seen the engine.
    struct Company: Sendable, CustomStringConvertible {
        let name: String
        let knowledge: URL
        let tools: URL
        /// The folder of its suite and labels:
        /// - `single-turn.jsonl` and `conversations.json`, the dialog suite;
        /// - `section-choice.jsonl`: for each answerable single message, the sections of its
        ///   article a person judged the best to show first;
        /// - `interim-choice.jsonl`: for each incident, the section of an article a person
        ///   judged the best to do while IT takes over, or none;
        /// - `incident-reports.jsonl`: messages that report an incident, at the priority a
        ///   person gave it, and messages that look like one and are not;
        ///   `incident-reports-unread.jsonl` more of the same, whose misses nobody has read;
        /// - `tool-requests.jsonl`: requests for its tools phrased unlike their examples,
        ///   some missing an argument, and questions about the same topics, written after
        ///   the engine by someone who had not seen it.
        let labels: URL

        var description: String { name }

        /// - Parameter semantic: whether the engine reads meaning with the sentence model,
        ///   which must then be installed (`scripts/install-model`).
        func engine(weights: DecisionWeights = .shipped, semantic: Bool = false) throws -> GroundedEngine {
            let base = try KnowledgeBase.load(knowledge.path)
            let semantics = try semantic ? SemanticIndex(index: base.index, encoder: encoder.get(), cacheFile: vectorCache) : nil
            return GroundedEngine(
                index: base.index, tools: try ToolCatalog.load(tools.path), weights: weights, semantics: semantics)
        }

        /// Passage vectors kept between test runs, beside the build.
        private var vectorCache: String { repository.path + "/.build/test-vectors-\(name).bin" }

        func expectations() throws -> [Expectation] { try lines(in: "single-turn.jsonl") }

        func toolRequests() throws -> [Expectation] { try lines(in: "tool-requests.jsonl") }

        struct SectionLabel: Decodable, Sendable {
            let message: String
            let article: String
            let sections: [String]
        }

        func sectionLabels() throws -> [SectionLabel] { try lines(in: "section-choice.jsonl") }

        struct InterimLabel: Decodable, Sendable {
            let message: String
            let article: String?
            let sections: [String]
        }

        func interimLabels() throws -> [InterimLabel] { try lines(in: "interim-choice.jsonl") }

        struct IncidentLabel: Decodable, Sendable {
            let message: String
            let incident: Bool
            let priority: Priority?
        }

        /// - Parameter file: `incident-reports.jsonl`, or `incident-reports-unread.jsonl`.
        func incidentLabels(in file: String = "incident-reports.jsonl") throws -> [IncidentLabel] { try lines(in: file) }

        /// The objects of the JSON Lines file `name` among the labels.
        private func lines<Line: Decodable>(in name: String) throws -> [Line] {
            let text = try String(contentsOf: labels.appendingPathComponent(name), encoding: .utf8)
            return try text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.map {
                try JSONDecoder().decode(Line.self, from: Data($0.utf8))
            }
        }

        func dialogs() throws -> [Dialog] {
            try JSONDecoder().decode([Dialog].self, from: Data(contentsOf: labels.appendingPathComponent("conversations.json")))
        }
    }

    static let shipped = Company(
        name: "shipped", knowledge: repository.appendingPathComponent("knowledge"),
        tools: repository.appendingPathComponent("tools.json"), labels: fixtures)

    /// Every company: the shipped one and each folder under `Fixtures/companies`.
    static func companies() throws -> [Company] {
        let folder = fixtures.appendingPathComponent("companies")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        return [shipped]
            + names.map { name in
                let root = folder.appendingPathComponent(name)
                return Company(
                    name: name, knowledge: root.appendingPathComponent("knowledge"),
                    tools: root.appendingPathComponent("tools.json"), labels: root)
            }
    }

    /// The sentence model where `scripts/install-model` puts it.
    static let encoder = Result {
        guard let directory = SentenceEncoder.installedDirectory else {
            throw SuiteError(
                "no sentence model in \(SentenceEncoder.standardDirectories.joined(separator: " or ")); run scripts/install-model"
            )
        }
        return try SentenceEncoder(directory: URL(fileURLWithPath: directory))
    }

    struct SuiteError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    static func singleTurns() throws -> [Expectation] { try shipped.expectations() }

    static func dialogs() throws -> [Dialog] { try shipped.dialogs() }

    static func engine() throws -> GroundedEngine { try shipped.engine() }

    private static let fixtures = repository.appendingPathComponent("Tests/EngineTests/Fixtures")
}

extension GroundedEngine {
    /// Plays `messages` as one conversation and returns every reply.
    func replies(to messages: [String]) -> [Reply] {
        var conversation = Conversation()
        return messages.map { message in
            let (reply, next) = respond(to: message, in: conversation)
            conversation = next
            return reply
        }
    }
}
