import Foundation
import HelpdeskCore
import Knowledge
import Semantics
import Synchronization

/// The offline engine: every answer is a passage of the knowledge base, cited; requests
/// for actions are recognised from `tools.json`; what it cannot help with becomes a
/// ticket. No language model, so it runs anywhere and never makes anything up.
public final class GroundedEngine: ConversationEngine {
    public let index: KnowledgeIndex
    let catalog: ToolCatalog
    let gate: AnswerGate
    let recognizer: ToolRecognizer
    /// From what probability a tool less likely than not is still taken.
    let toolBars: ToolBars
    let analyzer: Mutex<Analyzer>

    /// - Parameter semantics: the passages' meanings, when a sentence model is installed;
    ///   without one, the engine judges by shared words alone.
    public init(
        index: KnowledgeIndex, tools: ToolCatalog, weights: DecisionWeights = .shipped, semantics: SemanticIndex? = nil
    ) {
        self.index = index
        self.catalog = tools
        self.gate = AnswerGate(weights, semantics: semantics)
        self.recognizer = ToolRecognizer(
            catalog: tools, index: index, model: semantics == nil ? weights.tool : weights.semanticTool, semantics: semantics)
        self.toolBars = semantics == nil ? weights.toolBars : weights.semanticToolBars
        self.analyzer = Mutex(Analyzer())
    }

    /// The passages' meanings, when the engine was given a sentence model.
    public var semantics: SemanticIndex? { gate.semantics }

    public func reply(to message: String, in conversation: Conversation) -> AsyncStream<ReplyEvent> {
        let (reply, next) = respond(to: message, in: conversation)
        return AsyncStream { continuation in
            // A question about a ticket is answered by the service, which can read tickets.
            if reply.kind != .status {
                for chunk in Self.chunks(of: reply.text) { continuation.yield(.text(chunk)) }
            }
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
        var why = ""
        let reply = decide(message.trimmingCharacters(in: .whitespacesAndNewlines), &conversation, because: &why)
        conversation.append(.helpdesk, reply.text)
        return (reply, conversation)
    }

    /// Why the engine would reply to `message` as it does, in `conversation`: the step that
    /// decided, and what the answer gate and the tool recogniser saw.
    public func explain(_ message: String, in conversation: Conversation = Conversation()) -> Explanation {
        var copy = conversation
        copy.append(.employee, message)
        var why = ""
        let trimmed = message.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = decide(trimmed, &copy, because: &why)
        return explanation(of: trimmed, decision: why)
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

    private func decide(_ message: String, _ conversation: inout Conversation, because why: inout String) -> Reply {
        let cues = MessageCues(message)
        guard !cues.words.isEmpty else {
            why = "an empty message"
            return Reply(
                kind: .clarify, text: "What can I help you with? Describe the problem, and any error message you see.",
                confidence: 1)
        }
        if let pending = conversation.pending {
            conversation.pending = nil
            if let reply = resolve(pending, message: message, cues: cues, &conversation) {
                why = "the reply to the open question (\(Self.describe(pending)))"
                return reply
            }
        }
        if cues.isSmallTalk {
            why = "small talk: only conversational words"
            return smallTalk(cues)
        }
        if let status = cues.ticketStatus {
            why = "a question about a ticket"
            // The service answers from the ticket itself; the engine cannot see tickets.
            let text =
                status.number.map { "`helpdesk tickets show \($0)` shows where ticket #\($0) stands." }
                ?? "`helpdesk tickets` lists your tickets and where they stand."
            return Reply(kind: .status, text: text, ticketNumber: status.number, confidence: 1)
        }
        if cues.wantsPerson {
            why = "the employee asked for a person or a ticket"
            return escalate(&conversation, reason: "the employee asked for a person")
        }
        if let topic = conversation.topic, cues.saysItDidNotHelp {
            guard !conversation.shown.isEmpty else {
                // Nothing was shown to have not helped: "still nothing, the light never comes
                // on" tells more about the problem, so search again, with all of it or with
                // the new words alone, whichever the answer gate trusts more.
                why = "more about a problem nothing was found for yet: the answer gate decides again"
                conversation.failedAttempts += 1
                conversation.topic = topic + "\n" + message
                return answer(mostAnswerable([topic + "\n" + message, message]), newProblem: false, &conversation)
            }
            why = "the last answer did not help: the next passage on the same topic"
            return followUp(&conversation, refinement: nil)
        }
        if conversation.topic != nil, cues.isRefinement {
            why = "the same topic in another setting"
            return followUp(&conversation, refinement: message)
        }
        // "Give me a temporary password" resembles no example closely enough for a tool to
        // be more likely than not, and yet it is the likeliest reading (`ToolBars`).
        let likeliest = recognizer.assess(message).first
        let undecided = likeliest.map { $0.probability < LogisticModel.threshold } ?? false
        // Judged once, for the bar and for the answer below.
        let judged = undecided ? judge(message) : nil
        let answered = (judged?.probability ?? 0) >= LogisticModel.threshold
        let vague = isVague(message)
        let bar = toolBar(cues: cues, answered: answered, vague: vague)
        let tool = likeliest.flatMap { $0.probability >= bar ? $0 : nil }
        // "It was definitely stolen": a message that points back may complete an incident
        // the earlier ones began, and the ticket then tells all of them.
        let reported = Incident(message)
        let incident = reported ?? (cues.refersBack ? Incident(conversation.employeeMessages.joined(separator: "\n")) : nil)
        // An incident goes to a person first, unless the employee asks for a tool outright
        // ("I lost my phone, please reset my authenticator"), not on a lowered bar.
        let outright = tool.map { $0.probability >= LogisticModel.threshold } ?? false
        if let incident, !(outright && cues.isRequest && incident.kind == .lostDevice) {
            if reported != nil { conversation.beginProblem() }
            return escalate(incident, message: message, &conversation, because: &why)
        }
        if let tool {
            let lowered = bar == toolBars.request && cues.asksForAction ? "it asks plainly" : "no article answers it"
            why =
                "a request for \(tool.tool.name) (probability \(Self.format(tool.probability)) ≥ \(Self.format(bar))"
                + (bar < LogisticModel.threshold ? ", the bar when \(lowered))" : ")")
            // "can you unlock it for me?" after a question about a locked Windows login: "it"
            // is what the problem so far was about.
            let earlier = cues.refersBack ? Array(conversation.employeeMessages.dropLast().reversed()) : []
            conversation.beginProblem()
            return prepare(tool.tool, from: message, earlier: earlier, similarity: tool.probability, &conversation)
        }
        if vague {
            why = "too vague: no word says what is wrong"
            return Reply(
                kind: .clarify,
                text:
                    "Could you tell me a bit more? What are you trying to do, on which device, and what happens — any error message?",
                confidence: 1)
        }
        why = "a question for the knowledge base: the answer gate decides"
        return answer(message, judged: judged, &conversation)
    }

    private static func format(_ probability: Double) -> String { String(format: "%.2f", probability) }

    /// The probability the likeliest tool must reach for a message: lower when it plainly
    /// asks for something, or when no article answers it and it asks neither how nor why;
    /// even odds when it is too vague to say what is wrong ("help me with my laptop").
    func toolBar(cues: MessageCues, answered: Bool, vague: Bool) -> Double {
        guard !vague else { return LogisticModel.threshold }
        return toolBars.bar(asksForAction: cues.asksForAction, answered: answered, asksHowOrWhy: cues.asksHowOrWhy)
    }

    /// Handles the reply to an open question; nil when the message is about something else.
    private func resolve(_ pending: Conversation.Pending, message: String, cues: MessageCues, _ conversation: inout Conversation)
        -> Reply?
    {
        switch pending {
        case .collecting(let name, let arguments, let asked):
            guard let tool = catalog.tool(named: name), let parameter = tool.parameter(named: asked),
                let slots = recognizer.slots(for: tool)
            else { return nil }
            if cues.isCancel {
                return Reply(kind: .smalltalk, text: "OK, I've cancelled that request. Anything else?", confidence: 1)
            }
            // "actually, I'd rather talk to a human" is never the argument.
            if cues.wantsPerson { return nil }
            let isNewRequest = cues.isQuestion || requestedTool(message).map { $0.tool.name != name } == true
            switch slots.answer(message, for: parameter, isNewRequest: isNewRequest) {
            case .value where cues.isYes && MessageCues.withoutAssent(message).isEmpty:
                // "yep, go ahead" names nothing, though a free-text parameter would take it.
                return collect(tool, arguments: arguments, note: nil, similarity: 1, &conversation)
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
            // "wait, make that ng-icu-02 instead": the same request with another value.
            if let tool = catalog.tool(named: call.tool), let slots = recognizer.slots(for: tool) {
                let named = cues.isYes || cues.isNo ? MessageCues.withoutAssent(message) : message
                let changed = slots.arguments(in: named).filter { call.arguments[$0.key]?.description != $0.value }
                if !changed.isEmpty {
                    var arguments = call.arguments.mapValues(\.description)
                    arguments.merge(changed) { $1 }
                    return collect(tool, arguments: arguments, note: nil, similarity: 1, &conversation)
                }
            }
            if cues.isYes {
                let tool = catalog.tool(named: call.tool)
                let next =
                    tool?.approval == .agent
                    ? "It goes to an agent for approval now; I'll tell you when they decide." : "Running it now."
                return Reply(
                    kind: .tool, text: "Confirmed. \(next)", tool: call, toolConfirmed: true, toolTitle: tool?.title,
                    toolNeedsApproval: tool?.approval == .agent, confidence: 1)
            }
            if cues.isNo || cues.isCancel {
                return Reply(kind: .smalltalk, text: "OK, I won't send that request. Anything else?", confidence: 1)
            }
            return nil
        case .askingIfSolved:
            // "yes please open a ticket", "ok, now reset my vpn password": the employee moved on.
            guard !cues.wantsPerson, !cues.isQuestion, requestedTool(message) == nil else { return nil }
            if cues.isYes || cues.isThanks {
                var reply = Reply(kind: .smalltalk, text: "Glad that solved it! Anything else?", confidence: 1)
                reply.outcome = .solved
                return reply
            }
            guard cues.isNo || cues.saysItDidNotHelp else { return nil }
            var reply =
                conversation.topic != nil
                ? followUp(&conversation, refinement: nil)
                : Reply(
                    kind: .smalltalk,
                    text: "Sorry it didn't. Tell me what happens now, or say \"talk to a person\" and I'll file a ticket.",
                    confidence: 1)
            reply.outcome = .notSolved
            return reply
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

    /// The tool `message` most likely asks for, if that is more likely than not.
    func requestedTool(_ message: String) -> ToolRecognizer.Assessment? {
        recognizer.assess(message).first.flatMap { $0.probability >= LogisticModel.threshold ? $0 : nil }
    }

    /// Nothing in the message says what is wrong, beyond perhaps the device: "help",
    /// "it doesn't work", "something is wrong with my computer".
    func isVague(_ message: String) -> Bool {
        let generic: Set = [
            "help", "problem", "issu", "work", "broken", "fix", "thing", "stuff", "need", "want", "urgent", "someth",
            "anyth", "pleas", "wrong", "comput", "laptop", "pc", "machin", "devic", "phone", "strang", "weird",
        ]
        return analyzer.withLock { $0.terms(in: message) }.allSatisfy(generic.contains)
    }
}
