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
    public let text: String
    public let sources: [Citation]
    /// The tool being requested, or whose arguments are being collected (`clarify`).
    public let tool: ToolCall?
    /// True once the employee has confirmed the prepared request.
    public let toolConfirmed: Bool
    /// The proposed ticket, for `escalate`.
    public let ticket: TicketDraft?
    /// The ticket asked about, for `status`; nil means "my tickets".
    public let ticketNumber: Int?
    /// How sure the engine is that this is the right reply, 0…1.
    public let confidence: Double

    public init(
        kind: Kind, text: String, sources: [Citation] = [], tool: ToolCall? = nil, toolConfirmed: Bool = false,
        ticket: TicketDraft? = nil, ticketNumber: Int? = nil, confidence: Double
    ) {
        self.kind = kind
        self.text = text
        self.sources = sources
        self.tool = tool
        self.toolConfirmed = toolConfirmed
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

    public init(title: String, category: String, priority: Priority, summary: String, transcript: [String]) {
        self.title = title
        self.category = category
        self.priority = priority
        self.summary = summary
        self.transcript = transcript
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
