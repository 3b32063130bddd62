import Foundation
import GRDB
import HelpdeskCore

/// What the employee said when asked whether an answer or a tool run solved the problem.
public struct RecordedOutcome: Sendable, Equatable {
    public let conversation: Int
    public let user: String
    public let solved: Bool
    /// The articles shown for the problem, or none after a tool run.
    public let articles: [String]
    public let tool: String?
    public let at: Date
}

extension HelpdeskDatabase {
    public func recordOutcome(
        in conversation: Int, user: String, solved: Bool, articles: [String], tool: String?, at now: Date = Date()
    ) throws {
        let encoded = String(decoding: try JSONEncoder.sorted.encode(articles), as: UTF8.self)
        try write { db in
            try db.execute(
                sql: "INSERT INTO outcome (conversation, user, solved, articles, tool, at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [conversation, user, solved, encoded, tool, now.timeIntervalSince1970])
        }
    }

    /// The outcomes recorded from `since` on, oldest first.
    public func outcomes(since: Date = .distantPast) throws -> [RecordedOutcome] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM outcome WHERE at >= ? ORDER BY id", arguments: [since.timeIntervalSince1970]
            ).map { row in
                RecordedOutcome(
                    conversation: row.integer("conversation"), user: row.text("user"), solved: row.integer("solved") != 0,
                    articles: (try? JSONDecoder().decode([String].self, from: Data(row.text("articles").utf8))) ?? [],
                    tool: row.optionalText("tool"), at: row.date("at"))
            }
        }
    }
}
