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
    public func send(_ message: String, in id: Int) -> AsyncThrowingStream<ReplyEvent, any Error> {
        let database = self.database
        let replies: AsyncStream<ReplyEvent>
        do {
            guard let engine else { throw HelpdeskError.noEngine() }
            guard message.utf8.count <= MessageLimit.bytes else {
                throw HelpdeskError.messageTooLong(bytes: message.utf8.count)
            }
            guard let (owner, state) = try database.conversation(id), owner == identity.user else {
                throw HelpdeskError.notYourConversation(id)
            }
            replies = engine.reply(to: message, in: state)
        } catch {
            return AsyncThrowingStream { $0.finish(throwing: error) }
        }
        return AsyncThrowingStream { continuation in
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
        guard let (owner, _) = try database.conversation(conversation), owner == identity.user else {
            throw HelpdeskError.notYourConversation(conversation)
        }
        return try fileRequest(call.tool, arguments: call.arguments.mapValues(\.description), conversation: conversation)
    }

    /// Files a ticket for the asker; a draft's transcript is kept with its summary.
    public func fileTicket(_ draft: TicketDraft, from conversation: Int?) throws -> Ticket {
        if let conversation {
            guard let (owner, _) = try database.conversation(conversation), owner == identity.user else {
                throw HelpdeskError.notYourConversation(conversation)
            }
        }
        return try database.createTicket(draft, conversation: conversation, requester: identity.user, levels: levels)
    }
}

extension HelpdeskService {
    /// The last messages of a conversation: its owner's, or any for an agent.
    public func recentMessages(of conversation: Int, limit: Int) throws -> [Conversation.Message] {
        guard let (owner, _) = try database.conversation(conversation), owner == identity.user || role == .agent else {
            throw HelpdeskError.notYourConversation(conversation)
        }
        return try database.messages(of: conversation, limit: limit)
    }
}
