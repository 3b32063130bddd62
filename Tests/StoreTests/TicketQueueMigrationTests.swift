import Foundation
import GRDB
import HelpdeskCore
import Testing

@testable import Store

/// A database from before queues existed keeps its tickets, each in the default queue.
struct TicketQueueMigrationTests {
    @Test func ticketsFiledBeforeQueuesAreInTheDefaultQueue() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-queues-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("helpdesk.sqlite").path
        let old = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(old, upTo: "4: outcomes")
        try old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO ticket (requester, title, summary, category, priority, status, created, updated, dueBy)
                    VALUES ('ann', 'Printer jams', 'Tray 2', 'printing', 'P3', 'new', 0, 0, 0)
                    """)
        }
        try old.close()

        let database = try HelpdeskDatabase(path: path)
        #expect(try database.ticket(1)?.queue == Routing.fallbackQueue)
        let moved = try database.setQueue(1, to: "print-room", by: "alice")
        #expect(try database.ticket(1) == moved)
        #expect(try database.tickets().map(\.queue) == ["print-room"])
    }
}
