import Foundation
import HelpdeskCore
import Store

extension HelpdeskService {
    /// Starts a conversation for the asker.
    public func startConversation() throws -> Int {
        try database.createConversation(for: identity.user)
    }

    /// The asker's latest conversation, or a new one.
    public func resumeConversation() throws -> Int {
        try database.latestConversation(of: identity.user) ?? startConversation()
    }

    /// Sends `message` in conversation `id`; the reply streams back, and the exchange is
    /// stored when the reply is complete (before `.done` is delivered).
    ///
    /// The service acts on what the engine decided, so no front end has to: a question
    /// about a ticket is answered from the ticket, and a request the employee confirmed is
    /// filed here and carried by `.done`'s reply.
    public func send(_ message: String, in id: Int) -> AsyncThrowingStream<ReplyEvent, any Error> {
        let replies: AsyncStream<ReplyEvent>
        let before: Conversation
        do {
            guard let engine else { throw HelpdeskError.noEngine() }
            guard message.utf8.count <= MessageLimit.bytes else {
                throw HelpdeskError.messageTooLong(bytes: message.utf8.count)
            }
            guard let (owner, state) = try database.conversation(id), owner == identity.user else {
                throw HelpdeskError.notYourConversation(id)
            }
            replies = engine.reply(to: message, in: state)
            before = state
        } catch {
            return AsyncThrowingStream { $0.finish(throwing: error) }
        }
        return AsyncThrowingStream { continuation in
            let task = Task {
                for await event in replies {
                    guard case .done(let reply, let next) = event else {
                        continuation.yield(event)
                        continue
                    }
                    let (acted, added) = act(on: reply, to: message, in: id, before: before, after: next)
                    if !added.isEmpty { continuation.yield(.text(added)) }
                    continuation.yield(.done(acted, next))
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Does what the engine decided and stores the exchange: answers a status question
    /// from the ticket, records an outcome or an unanswered question, files a confirmed
    /// request. Returns the reply as it now is, and the text added to what was streamed.
    private func act(on reply: Reply, to message: String, in id: Int, before: Conversation, after: Conversation)
        -> (Reply, added: String)
    {
        var reply = reply
        var added = ""
        if reply.kind == .status {
            reply.text = status(of: reply.ticketNumber)
            added = reply.text
        }
        if let outcome = reply.outcome { record(outcome, in: id, before: before) }
        if let question = unansweredQuestion(message, reply: reply, before: before, after: after) {
            recordGap(question, in: id)
        }
        if reply.toolConfirmed, let call = reply.tool {
            do {
                reply.request = try fileRequest(call.tool, arguments: call.arguments.mapValues(\.description), conversation: id)
            } catch {
                let refusal = "\nThe request could not be filed: \(error)."
                reply.text += refusal
                added += refusal
            }
        }
        do {
            try database.recordTurn(id, message: message, reply: reply.text, state: after)
        } catch {
            added += "\n(This exchange could not be saved: \(error).)"
        }
        return (reply, added)
    }

    /// Files a ticket for the asker, in the queue the routing rules choose (and with their
    /// assignee, if any); a draft's transcript is kept with its summary.
    public func fileTicket(_ draft: TicketDraft, from conversation: Int?) throws -> Ticket {
        if let conversation { try ownConversation(conversation) }
        return try database.createTicket(
            draft, conversation: conversation, requester: identity.user, route: router.route(draft), levels: levels)
    }

    /// The conversation's messages after message `after`: the owner's only.
    public func messages(of conversation: Int, after: Int) throws -> [Conversation.Message] {
        try ownConversation(conversation)
        return try database.messages(of: conversation, after: after)
    }

    /// The last messages of a conversation before a time: its owner's, or any for an agent.
    public func recentMessages(of conversation: Int, limit: Int, before: Date?) throws -> [Conversation.Message] {
        guard let owner = try database.owner(ofConversation: conversation), owner == identity.user || role == .agent else {
            throw HelpdeskError.notYourConversation(conversation)
        }
        return try database.messages(of: conversation, limit: limit, before: before)
    }

    /// The employee's answer to "did that solve it?", with what it was about: the articles
    /// shown for the problem, or the tool that ran. Losing it loses a figure, not a reply.
    private func record(_ outcome: Reply.Outcome, in conversation: Int, before state: Conversation) {
        var tool: String?
        if case .askingIfSolved(let ran) = state.pending { tool = ran }
        try? database.recordOutcome(
            in: conversation, user: identity.user, solved: outcome == .solved,
            articles: tool == nil ? state.cited.map(\.article) : [], tool: tool)
    }

    private func ownConversation(_ id: Int) throws {
        guard try database.owner(ofConversation: id) == identity.user else { throw HelpdeskError.notYourConversation(id) }
    }
}
