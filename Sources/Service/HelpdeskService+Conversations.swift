import Foundation
import HelpdeskCore
import Store

extension HelpdeskService {
    /// Starts a conversation for the asker.
    public func startConversation() throws -> Int {
        try database.createConversation(for: identity.user)
    }

    /// Sends `message` in conversation `id`; the reply streams back, and the exchange is
    /// stored when the reply is complete (before `.done` is delivered).
    public func send(_ message: String, in id: Int) throws -> AsyncStream<ReplyEvent> {
        guard let engine else { throw ServiceError.noEngine() }
        guard message.utf8.count <= MessageLimit.bytes else { throw ServiceError.messageTooLong(bytes: message.utf8.count) }
        guard let (owner, state) = try database.conversation(id), owner == identity.user else {
            throw ServiceError.notYourConversation(id)
        }
        let database = self.database
        let replies = engine.reply(to: message, in: state)
        return AsyncStream { continuation in
            let task = Task {
                for await event in replies {
                    if case .done(let reply, let next) = event {
                        do {
                            try database.recordTurn(id, message: message, reply: reply.text, state: next)
                        } catch {
                            continuation.yield(.text("\n(This exchange could not be saved: \(error).)"))
                        }
                    }
                    continuation.yield(event)
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Files the tool request a reply prepared, once the employee confirmed it.
    public func confirm(_ call: ToolCall, in conversation: Int) throws -> ApprovalRequest {
        let raw = call.arguments.mapValues(\.description)
        return try requestTool(call.tool, arguments: raw, conversation: conversation)
    }

    /// Files the ticket a reply proposed, linked to the conversation.
    public func fileProposedTicket(_ draft: TicketDraft, from conversation: Int) throws -> Ticket {
        let summary = String(draft.summary.prefix(MessageLimit.bytes)) + "\n\nTranscript:\n" + Self.recent(draft.transcript)
        return try fileTicket(
            .init(
                title: draft.title, summary: summary, category: draft.category, priority: draft.priority,
                conversation: conversation))
    }
}

extension HelpdeskService {
    /// The latest transcript lines that fit in six messages' worth, so a long conversation
    /// still files (a ticket's summary is capped) with what the agent needs most.
    static func recent(_ transcript: [String]) -> String {
        var kept: [String] = []
        var size = 0
        for line in transcript.reversed() {
            size += line.utf8.count + 1
            if size > 6 * MessageLimit.bytes { break }
            kept.append(line)
        }
        let left = transcript.count - kept.count
        let note = left > 0 ? ["(\(left) earlier message\(left == 1 ? "" : "s") left out)"] : []
        return (note + kept.reversed()).joined(separator: "\n")
    }

    /// The last messages of a conversation: its owner's, or any for an agent.
    public func recentMessages(of conversation: Int, limit: Int) throws -> [Conversation.Message] {
        guard let (owner, _) = try database.conversation(conversation), owner == identity.user || role == .agent else {
            throw ServiceError.notYourConversation(conversation)
        }
        return try database.messages(of: conversation, limit: limit)
    }
}
