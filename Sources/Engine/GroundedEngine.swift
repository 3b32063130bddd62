import HelpdeskCore
import Knowledge
import Synchronization

/// The offline engine: every answer is a passage of the knowledge base, cited; requests
/// for actions are recognised from `tools.json`; what it cannot help with becomes a
/// ticket. No language model, so it runs anywhere and never makes anything up.
public final class GroundedEngine: ConversationEngine {
    public let index: KnowledgeIndex
    let catalog: ToolCatalog
    let gate: ConfidenceGate
    /// A request must share at least this much with a tool's phrasing (F1 of terms).
    let toolThreshold: Double
    private let matcher: ToolMatcher
    private let analyzer: Mutex<Analyzer>

    public init(index: KnowledgeIndex, tools: ToolCatalog, gate: ConfidenceGate = ConfidenceGate(), toolThreshold: Double = 0.6) {
        self.index = index
        self.catalog = tools
        self.gate = gate
        self.toolThreshold = toolThreshold
        self.matcher = ToolMatcher(catalog: tools)
        self.analyzer = Mutex(Analyzer())
    }

    public func reply(to message: String, in conversation: Conversation) -> AsyncStream<ReplyEvent> {
        let (reply, next) = respond(to: message, in: conversation)
        return AsyncStream { continuation in
            for chunk in Self.chunks(of: reply.text) { continuation.yield(.text(chunk)) }
            if !reply.sources.isEmpty { continuation.yield(.sources(reply.sources)) }
            if let tool = reply.tool { continuation.yield(.toolRequest(tool)) }
            if let ticket = reply.ticket { continuation.yield(.ticketProposal(ticket)) }
            continuation.yield(.done(reply, next))
            continuation.finish()
        }
    }

    /// The reply to `message` and the conversation after it, all at once.
    public func respond(to message: String, in conversation: Conversation) -> (Reply, Conversation) {
        var conversation = conversation
        conversation.append(.employee, message)
        let reply = decide(message.trimmingCharacters(in: .whitespacesAndNewlines), &conversation)
        conversation.append(.helpdesk, reply.text)
        return (reply, conversation)
    }

    /// The text in pieces of a few words, as a front end would draw it while it streams.
    static func chunks(of text: String) -> [String] {
        var chunks: [String] = []
        var current = ""
        var words = 0
        for character in text {
            current.append(character)
            if character == " " || character == "\n" {
                words += 1
                if words == 4 || character == "\n" {
                    chunks.append(current)
                    current = ""
                    words = 0
                }
            }
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }

    // MARK: - Deciding

    private func decide(_ message: String, _ conversation: inout Conversation) -> Reply {
        let cues = MessageCues(message)
        guard !cues.words.isEmpty else {
            return Reply(
                kind: .clarify, text: "What can I help you with? Describe the problem, and any error message you see.",
                confidence: 1)
        }
        if let pending = conversation.pending {
            conversation.pending = nil
            if let reply = resolve(pending, message: message, cues: cues, &conversation) { return reply }
        }
        if cues.isSmallTalk { return smallTalk(cues) }
        if let status = cues.ticketStatus {
            let text = status.number.map { "Let me look up ticket #\($0)." } ?? "Let me look up your open tickets."
            return Reply(kind: .status, text: text, ticketNumber: status.number, confidence: 1)
        }
        if cues.wantsPerson {
            return escalate(&conversation, reason: "the employee asked for a person")
        }
        if conversation.topic != nil, cues.saysItDidNotHelp {
            return followUp(&conversation, refinement: nil)
        }
        if conversation.topic != nil, cues.isRefinement {
            return followUp(&conversation, refinement: message)
        }
        if let match = requestedTool(message, cues) {
            return prepare(match.tool, from: message, similarity: match.similarity, &conversation)
        }
        if isVague(message) {
            return Reply(
                kind: .clarify,
                text:
                    "Could you tell me a bit more? What are you trying to do, on which device, and what happens — any error message?",
                confidence: 1)
        }
        return answer(message, &conversation)
    }

    /// Handles the reply to an open question; nil when the message is about something else.
    private func resolve(_ pending: Conversation.Pending, message: String, cues: MessageCues, _ conversation: inout Conversation)
        -> Reply?
    {
        switch pending {
        case .collecting(let name, let arguments, let asked):
            guard let tool = catalog.tool(named: name), let parameter = tool.parameter(named: asked) else { return nil }
            if cues.isCancel {
                return Reply(kind: .smalltalk, text: "OK, I've cancelled that request. Anything else?", confidence: 1)
            }
            switch SlotFiller.answer(message, for: parameter) {
            case .value(let value):
                var arguments = arguments
                arguments[asked] = value
                return collect(tool, arguments: arguments, note: nil, similarity: 1, &conversation)
            case .invalid(let error):
                return collect(tool, arguments: arguments, note: error.description, similarity: 1, &conversation)
            case .unrelated:
                return nil
            }
        case .confirming(let call):
            if cues.isYes {
                let tool = catalog.tool(named: call.tool)
                let next =
                    tool?.approval == .agent
                    ? "It goes to an agent for approval now; I'll tell you when they decide." : "Running it now."
                return Reply(kind: .tool, text: "Confirmed. \(next)", tool: call, toolConfirmed: true, confidence: 1)
            }
            if cues.isNo || cues.isCancel {
                return Reply(kind: .smalltalk, text: "OK, I won't send that request. Anything else?", confidence: 1)
            }
            return nil
        case .offeringTicket:
            if cues.isYes { return escalate(&conversation, reason: "the knowledge base does not cover it") }
            if cues.isNo { return Reply(kind: .smalltalk, text: "All right. Anything else I can help with?", confidence: 1) }
            return nil
        }
    }

    private func smallTalk(_ cues: MessageCues) -> Reply {
        let text: String
        if cues.isThanks {
            text = "You're welcome! Anything else?"
        } else if cues.isGoodbye {
            text = "Bye! Come back any time."
        } else if cues.isGreeting {
            text = "Hello! Tell me what isn't working, or ask about VPN, passwords, email, printers, files and more."
        } else {
            text = "OK. Anything else I can help with?"
        }
        return Reply(kind: .smalltalk, text: text, confidence: 1)
    }

    /// The tool `message` asks for, if it asks for one. A question that merely mentions a
    /// tool's topic ("how often must I change my password?") is not a request, unless the
    /// tool's own phrasings ask the same way ("when does my password expire").
    private func requestedTool(_ message: String, _ cues: MessageCues) -> ToolMatcher.Match? {
        guard let match = matcher.bestMatch(for: message), match.similarity >= toolThreshold else { return nil }
        if cues.isQuestion {
            return match.openingQuestionWord == cues.openingQuestionWord && match.similarity >= 0.75 ? match : nil
        }
        return match
    }

    /// Nothing in the message says what it is about: "help", "it doesn't work".
    /// Nothing in the message says what is wrong, beyond perhaps the device: "help",
    /// "it doesn't work", "something is wrong with my computer".
    private func isVague(_ message: String) -> Bool {
        let generic: Set = [
            "help", "problem", "issu", "work", "broken", "fix", "thing", "stuff", "need", "want", "urgent", "someth",
            "anyth", "pleas", "wrong", "comput", "laptop", "pc", "machin", "devic", "phone", "strang", "weird",
        ]
        return analyzer.withLock { $0.terms(in: message) }.allSatisfy(generic.contains)
    }
}
