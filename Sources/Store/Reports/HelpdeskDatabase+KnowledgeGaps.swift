import Foundation
import GRDB
import HelpdeskCore

/// A question the knowledge base could not answer; its text is nil once past the retention.
public struct KnowledgeGap: Sendable, Equatable {
    public let conversation: Int
    public let user: String
    public let question: String?
    public let at: Date
}

extension HelpdeskDatabase {
    public func recordKnowledgeGap(_ question: String, in conversation: Int, user: String, at now: Date = Date()) throws {
        try write { db in
            try db.execute(
                sql: "INSERT INTO knowledgeGap (conversation, user, question, at) VALUES (?, ?, ?, ?)",
                arguments: [conversation, user, question, now.timeIntervalSince1970])
        }
    }

    /// Forgets the text of questions asked before `cutoff`, keeping each as a count.
    public func forgetGapQuestions(before cutoff: Date) throws {
        try write { db in
            try db.execute(
                sql: "UPDATE knowledgeGap SET question = NULL WHERE at < ? AND question IS NOT NULL",
                arguments: [cutoff.timeIntervalSince1970])
        }
    }

    /// The unanswered questions of `period`, oldest first.
    public func knowledgeGaps(in period: Range<Date>) throws -> [KnowledgeGap] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM knowledgeGap WHERE at >= ? AND at < ? ORDER BY id",
                arguments: [period.lowerBound.timeIntervalSince1970, period.upperBound.timeIntervalSince1970]
            ).map { row in
                KnowledgeGap(
                    conversation: row.integer("conversation"), user: row.text("user"), question: row.optionalText("question"),
                    at: row.date("at"))
            }
        }
    }
}
