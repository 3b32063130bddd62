import Foundation
import GRDB
import HelpdeskCore

extension HelpdeskDatabase {
    /// Starts a conversation for `user` and returns its number.
    public func createConversation(for user: String, at now: Date = Date()) throws -> Int {
        let state = String(decoding: try JSONEncoder.sorted.encode(Conversation()), as: UTF8.self)
        return try write { db in
            try db.execute(
                sql: "INSERT INTO conversation (user, state, started, updated) VALUES (?, ?, ?, ?)",
                arguments: [user, state, now.timeIntervalSince1970, now.timeIntervalSince1970])
            return Int(db.lastInsertedRowID)
        }
    }

    /// Whose conversation `id` is; nil when there is none. Reads no state.
    public func owner(ofConversation id: Int) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT user FROM conversation WHERE id = ?", arguments: [id]) }
    }

    /// The conversation's owner and the engine's state.
    public func conversation(_ id: Int) throws -> (user: String, state: Conversation)? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT user, state FROM conversation WHERE id = ?", arguments: [id]) else {
                return nil
            }
            let state = row.text("state")
            return (row.text("user"), (try? JSONDecoder().decode(Conversation.self, from: Data(state.utf8))) ?? Conversation())
        }
    }

    /// Stores one exchange — the employee's message, the reply and the state after it —
    /// in one transaction, so a conversation never holds half a turn.
    public func recordTurn(_ id: Int, message: String, reply: String, state: Conversation, at now: Date = Date()) throws {
        let encoded = String(decoding: try JSONEncoder.sorted.encode(state), as: UTF8.self)
        try write { db in
            for (role, text) in [("employee", message), ("helpdesk", reply)] {
                try db.execute(
                    sql: "INSERT INTO message (conversation, role, text, at) VALUES (?, ?, ?, ?)",
                    arguments: [id, role, text, now.timeIntervalSince1970])
            }
            try db.execute(
                sql: "UPDATE conversation SET state = ?, updated = ? WHERE id = ?",
                arguments: [encoded, now.timeIntervalSince1970, id])
        }
    }

    /// Sets the engine's open question outside a turn — after a tool run, so the next
    /// message can answer "did that solve it?" — in one transaction with reading the state,
    /// so a turn stored meanwhile is not overwritten.
    public func setPending(_ pending: Conversation.Pending?, in id: Int, at now: Date = Date()) throws {
        try write { db in
            guard let stored = try String.fetchOne(db, sql: "SELECT state FROM conversation WHERE id = ?", arguments: [id]),
                var state = try? JSONDecoder().decode(Conversation.self, from: Data(stored.utf8))
            else { return }
            state.pending = pending
            try db.execute(
                sql: "UPDATE conversation SET state = ?, updated = ? WHERE id = ?",
                arguments: [String(decoding: try JSONEncoder.sorted.encode(state), as: UTF8.self), now.timeIntervalSince1970, id])
        }
    }

    /// The user's latest conversation, if they ever chatted.
    public func latestConversation(of user: String) throws -> Int? {
        try read { db in try Int.fetchOne(db, sql: "SELECT MAX(id) FROM conversation WHERE user = ?", arguments: [user]) }
    }

    /// The last `limit` messages of a conversation sent before `before` (any time when
    /// nil), oldest first.
    public func messages(of id: Int, limit: Int = 1000, before: Date? = nil) throws -> [Conversation.Message] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM (SELECT * FROM message WHERE conversation = ? AND at < ? ORDER BY id DESC LIMIT ?)
                    ORDER BY id
                    """,
                arguments: [id, before?.timeIntervalSince1970 ?? .infinity, limit]
            ).map(Self.message)
        }
    }

    /// The messages of a conversation after message `after`, oldest first.
    public func messages(of id: Int, after: Int) throws -> [Conversation.Message] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM message WHERE conversation = ? AND id > ? ORDER BY id LIMIT 1000", arguments: [id, after]
            ).map(Self.message)
        }
    }

    private static func message(_ row: Row) -> Conversation.Message {
        Conversation.Message(
            role: Conversation.Message.Role(rawValue: row.text("role")) ?? .employee, text: row.text("text"),
            id: row.integer("id"), at: row.date("at"))
    }
}
