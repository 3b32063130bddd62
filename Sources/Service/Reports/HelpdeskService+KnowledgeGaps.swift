import Foundation
import HelpdeskCore
import Store

extension HelpdeskService {
    /// How long the text of an unanswered question is kept.
    var gapRetention: TimeInterval { Double(configuration.gapRetentionDays ?? 90) * 86_400 }

    /// The question a reply left unanswered, if it did: the knowledge base did not cover it,
    /// or the helpdesk handed it to a person without having cited any article. An
    /// escalation after a "not found" was already counted with it.
    func unansweredQuestion(_ message: String, reply: Reply, before: Conversation, after: Conversation) -> String? {
        switch reply.kind {
        case .notFound: return message
        case .escalate where reply.sources.isEmpty && before.cited.isEmpty && before.pending != .offeringTicket:
            return before.topic ?? after.topic ?? message
        default: return nil
        }
    }

    /// Records an unanswered question and forgets the text of those past the retention.
    /// Losing it loses a figure, not a reply.
    func recordGap(_ question: String, in conversation: Int, at now: Date = Date()) {
        try? database.recordKnowledgeGap(question, in: conversation, user: identity.user, at: now)
        try? database.forgetGapQuestions(before: now.addingTimeInterval(-gapRetention))
    }
}
