import GRDB
import HelpdeskCore

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
        migrator.registerMigration("2: approvals, accounts, conversations, events") { db in
            try db.create(table: "approval") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("tool", .text).notNull()
                t.column("arguments", .text).notNull()  // JSON object of validated values
                t.column("requester", .text).notNull().indexed()
                t.column("conversation", .integer)
                t.column("state", .text).notNull().indexed()
                t.column("decidedBy", .text)
                t.column("note", .text)
                t.column("outcome", .text)  // what happened, never a secret
                t.column("created", .double).notNull()
                t.column("decided", .double)
                t.column("expires", .double).notNull()
                t.column("finished", .double)
            }
            // The demo account directory the builtin tools act on.
            try db.create(table: "account") { t in
                t.primaryKey("user", .text)
                t.column("locked", .boolean).notNull().defaults(to: false)
                t.column("failedAttempts", .integer).notNull().defaults(to: 0)
                t.column("passwordHash", .text)
                t.column("mustChangePassword", .boolean).notNull().defaults(to: false)
                t.column("passwordChanged", .double)
            }
            // Demo users, so approvals can be tried on one machine; ann is locked out.
            try db.execute(
                sql: "INSERT INTO account (user, locked, failedAttempts) VALUES ('ann', 1, 10), ('bob', 0, 0), ('carol', 0, 0)")
            try db.create(table: "conversation") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("user", .text).notNull().indexed()
                t.column("state", .text).notNull()  // the engine's Conversation as JSON
                t.column("started", .double).notNull()
                t.column("updated", .double).notNull()
            }
            try db.create(table: "message") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("conversation", .integer).notNull().indexed().references("conversation")
                t.column("role", .text).notNull()
                t.column("text", .text).notNull()
                t.column("at", .double).notNull()
            }
            // What changed, for live updates in every process that shares the file.
            try db.create(table: "event") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .double).notNull()
                t.column("kind", .text).notNull()
                t.column("subject", .integer).notNull()
                t.column("user", .text).notNull()  // whom it concerns: requester of the ticket or request
            }
        }
        // Who runs a claimed request, so a request whose runner died (a dropped ssh session,
        // a crash) is marked failed instead of staying `running` forever. The pid alone
        // could be reused; the start time and the boot tell a reused pid from the runner.
        migrator.registerMigration("3: the process running a claimed request") { db in
            try db.alter(table: "approval") { t in
                t.add(column: "runnerPid", .integer)
                t.add(column: "runnerStarted", .integer)  // clock ticks after boot, field 22 of /proc/PID/stat
                t.add(column: "runnerBoot", .text)  // /proc/sys/kernel/random/boot_id
            }
        }
        // What the employee said when asked "did that solve it?": the self-service record
        // the reports count, with the articles shown or the tool run.
        migrator.registerMigration("4: outcomes") { db in
            try db.create(table: "outcome") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("conversation", .integer).notNull().indexed().references("conversation")
                t.column("user", .text).notNull()
                t.column("solved", .boolean).notNull()
                t.column("articles", .text).notNull()  // JSON array of article ids
                t.column("tool", .text)
                t.column("at", .double).notNull().indexed()
            }
        }
        // Which team works a ticket. Tickets filed before routing existed were all the one
        // team's: the queue a configuration without routing sends everything to.
        migrator.registerMigration("5: ticket queues") { db in
            try db.alter(table: "ticket") { t in
                t.add(column: "queue", .text).notNull().defaults(to: Routing.fallbackQueue)
            }
            try db.create(indexOn: "ticket", columns: ["queue"])
        }
        // Questions the knowledge base could not answer, for the knowledge-gap report. The
        // text is forgotten after the configured retention; the row stays, as a count.
        migrator.registerMigration("6: knowledge gaps") { db in
            try db.create(table: "knowledgeGap") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("conversation", .integer).notNull().references("conversation")
                t.column("user", .text).notNull()
                t.column("question", .text)
                t.column("at", .double).notNull().indexed()
            }
            // The report reads by time; without these it scans every row of every table.
            try db.create(index: "ticket_on_created", on: "ticket", columns: ["created"])
            try db.create(index: "ticketEvent_on_at", on: "ticketEvent", columns: ["at"])
            try db.create(index: "message_on_role_at", on: "message", columns: ["role", "at", "conversation"])
            try db.create(index: "approval_on_created", on: "approval", columns: ["created"])
        }
        return migrator
    }
}
