import GRDB

/// The schema, one migration per change; applied in order, each once, at open.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1: tickets, events, audit log") { db in
            try db.create(table: "ticket") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("requester", .text).notNull().indexed()
                t.column("title", .text).notNull()
                t.column("summary", .text).notNull()
                t.column("category", .text).notNull()
                t.column("priority", .text).notNull()
                t.column("status", .text).notNull().indexed()
                t.column("assignee", .text)
                t.column("created", .double).notNull()
                t.column("updated", .double).notNull()
                t.column("dueBy", .double).notNull()
                t.column("conversation", .integer)
            }
            try db.create(table: "ticketEvent") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("ticket", .integer).notNull().indexed().references("ticket")
                t.column("actor", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("detail", .text).notNull()
                t.column("at", .double).notNull()
            }
            // Append-only: every row carries the SHA-256 of the row before it.
            try db.create(table: "audit") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .double).notNull()
                t.column("actor", .text).notNull()
                t.column("action", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("detail", .text).notNull()
                t.column("previousHash", .text).notNull()
                t.column("hash", .text).notNull()
            }
        }
        return migrator
    }
}
