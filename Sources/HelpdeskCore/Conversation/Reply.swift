/// What the helpdesk made of one employee message.
public struct Reply: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        /// Answered from the knowledge base, with sources.
        case answer
        /// The knowledge base does not cover it; a ticket is offered.
        case notFound = "not_found"
        /// A question back: a missing tool argument, or what the problem is.
        case clarify
        /// A tool request is prepared (arguments complete and valid).
        case tool
        /// Hand over to a person: a ticket is proposed.
        case escalate
        /// A question about a ticket.
        case status
        /// Greetings, thanks, acknowledgements.
        case smalltalk
    }

    public let kind: Kind
    /// Filled in by the service for `status`, from the real ticket.
    public var text: String
    public let sources: [Citation]
    /// The tool being requested, or whose arguments are being collected (`clarify`).
    public let tool: ToolCall?
    /// True once the employee has confirmed the prepared request.
    public let toolConfirmed: Bool
    /// What the request card shows: the tool's title, and whether an agent must approve it.
    public let toolTitle: String?
    public let toolNeedsApproval: Bool
    /// The proposed ticket, for `escalate`.
    public let ticket: TicketDraft?
    /// The ticket asked about, for `status`; nil means "my tickets".
    public let ticketNumber: Int?
    /// How sure the engine is that this is the right reply, 0…1.
    public let confidence: Double
    /// The request the service filed once the employee confirmed it.
    public var request: ApprovalRequest?
    /// The employee's answer to "did that solve it?", which the service records.
    public var outcome: Outcome?

    /// Whether what the helpdesk suggested or ran solved the problem, as the employee said.
    public enum Outcome: String, Sendable, Equatable, Codable {
        case solved
        case notSolved = "not_solved"
    }

    public init(
        kind: Kind, text: String, sources: [Citation] = [], tool: ToolCall? = nil, toolConfirmed: Bool = false,
        toolTitle: String? = nil, toolNeedsApproval: Bool = false, ticket: TicketDraft? = nil, ticketNumber: Int? = nil,
        confidence: Double
    ) {
        self.kind = kind
        self.text = text
        self.sources = sources
        self.tool = tool
        self.toolConfirmed = toolConfirmed
        self.toolTitle = toolTitle
        self.toolNeedsApproval = toolNeedsApproval
        self.ticket = ticket
        self.ticketNumber = ticketNumber
        self.confidence = confidence
    }
}

/// An article section an answer was built from.
public struct Citation: Sendable, Equatable, Hashable, Codable {
    public let article: String
    public let title: String
    public let section: String
    public let score: Double

    public init(article: String, title: String, section: String, score: Double) {
        self.article = article
        self.title = title
        self.section = section
        self.score = score
    }
}

/// A ticket the engine proposes on escalation, written so an agent can act without
/// asking the employee again.
public struct TicketDraft: Sendable, Equatable, Codable {
    public let title: String
    public let category: String
    public let priority: Priority
    /// The problem in one sentence, key facts, and what was already suggested.
    public let summary: String
    /// The conversation so far, one line per message (`employee: …`, `helpdesk: …`).
    public let transcript: [String]

    public init(title: String, category: String, priority: Priority, summary: String, transcript: [String] = []) {
        self.title = title
        self.category = category
        self.priority = priority
        self.summary = summary
        self.transcript = transcript
    }

    /// `transcript` may be left out: a ticket filed outside a conversation has none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            title: try container.decode(String.self, forKey: .title),
            category: try container.decode(String.self, forKey: .category),
            priority: try container.decode(Priority.self, forKey: .priority),
            summary: try container.decode(String.self, forKey: .summary),
            transcript: try container.decodeIfPresent([String].self, forKey: .transcript) ?? [])
    }
}

extension TicketDraft {
    /// The summary a filed ticket keeps: the draft's, then the latest transcript lines that
    /// fit in six messages' worth, so a long conversation still files (a summary is capped)
    /// with what the agent needs most.
    public var filedSummary: String {
        guard !transcript.isEmpty else { return summary }
        var kept: [String] = []
        var size = 0
        for line in transcript.reversed() {
            size += line.utf8.count + 1
            if size > 6 * MessageLimit.bytes { break }
            kept.append(line)
        }
        let left = transcript.count - kept.count
        let note = left > 0 ? ["(\(left) earlier message\(left == 1 ? "" : "s") left out)"] : []
        return String(summary.prefix(MessageLimit.bytes)) + "\n\nTranscript:\n"
            + (note + kept.reversed()).joined(separator: "\n")
    }
}

/// Ticket priority, P1 (most urgent) to P4.
public enum Priority: String, Sendable, Equatable, Comparable, Codable, CaseIterable {
    case p1 = "P1", p2 = "P2", p3 = "P3", p4 = "P4"

    public static func < (a: Priority, b: Priority) -> Bool { a.rawValue < b.rawValue }
}

/// What a front end receives while a reply is produced, in order; `done` comes last.
public enum ReplyEvent: Sendable, Equatable {
    /// The next piece of the reply's text.
    case text(String)
    /// The articles the answer cites.
    case sources([Citation])
    /// A tool request was prepared (or its arguments are being collected).
    case toolRequest(ToolCall)
    /// A ticket is proposed.
    case ticketProposal(TicketDraft)
    /// The whole reply, and the conversation including it (for the next turn).
    case done(Reply, Conversation)
}

/// On the wire: `{"type": "text", "text": …}`, `{"type": "sources", "sources": […]}`,
/// `{"type": "toolRequest", "call": …}`, `{"type": "ticketProposal", "draft": …}` and
/// `{"type": "done", "reply": …, "conversation": …}`.
extension ReplyEvent: Codable {
    private enum Key: String, CodingKey { case type, text, sources, call, draft, reply, conversation }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        switch try container.decode(String.self, forKey: .type) {
        case "text": self = .text(try container.decode(String.self, forKey: .text))
        case "sources": self = .sources(try container.decode([Citation].self, forKey: .sources))
        case "toolRequest": self = .toolRequest(try container.decode(ToolCall.self, forKey: .call))
        case "ticketProposal": self = .ticketProposal(try container.decode(TicketDraft.self, forKey: .draft))
        case "done":
            self = .done(
                try container.decode(Reply.self, forKey: .reply), try container.decode(Conversation.self, forKey: .conversation))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "unknown reply event \(other)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .text(let text):
            try container.encode("text", forKey: .type)
            try container.encode(text, forKey: .text)
        case .sources(let sources):
            try container.encode("sources", forKey: .type)
            try container.encode(sources, forKey: .sources)
        case .toolRequest(let call):
            try container.encode("toolRequest", forKey: .type)
            try container.encode(call, forKey: .call)
        case .ticketProposal(let draft):
            try container.encode("ticketProposal", forKey: .type)
            try container.encode(draft, forKey: .draft)
        case .done(let reply, let conversation):
            try container.encode("done", forKey: .type)
            try container.encode(reply, forKey: .reply)
            try container.encode(conversation, forKey: .conversation)
        }
    }
}
