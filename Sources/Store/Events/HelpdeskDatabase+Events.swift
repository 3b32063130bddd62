import Foundation
import GRDB
import HelpdeskCore

extension HelpdeskDatabase {
    /// Records a change inside the caller's write transaction.
    static func notify(_ db: Database, _ kind: HelpdeskEvent.Kind, subject: Int, user: String, at: Date) throws {
        try db.execute(
            sql: "INSERT INTO event (at, kind, subject, user) VALUES (?, ?, ?, ?)",
            arguments: [at.timeIntervalSince1970, kind.rawValue, subject, user])
    }

    /// Changes after event `id`, oldest first.
    public func events(after id: Int) throws -> [HelpdeskEvent] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM event WHERE id > ? ORDER BY id", arguments: [id]).compactMap { row in
                HelpdeskEvent.Kind(rawValue: row.text("kind")).map {
                    HelpdeskEvent(id: row.integer("id"), kind: $0, subject: row.integer("subject"), user: row.text("user"))
                }
            }
        }
    }

    /// The newest event's number, to start following changes from now.
    public func lastEventID() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT MAX(id) FROM event") ?? 0 }
    }
}
