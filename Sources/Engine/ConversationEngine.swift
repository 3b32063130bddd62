import HelpdeskCore

/// Decides how to reply to each employee message: answer from the knowledge base, say it
/// is not covered, ask back, prepare a tool request, or escalate with a ticket.
///
/// The offline `GroundedEngine` is the default; an LLM-backed engine can sit behind the
/// same protocol.
public protocol ConversationEngine: Sendable {
    /// Streams the reply to `message`; the last event is `.done` with the whole reply
    /// and the conversation to pass to the next call.
    func reply(to message: String, in conversation: Conversation) -> AsyncStream<ReplyEvent>
}
