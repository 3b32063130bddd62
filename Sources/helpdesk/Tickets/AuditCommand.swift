import ArgumentParser
import Foundation
import HelpdeskCore
import Store

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Agents: read and verify the hash-chained audit log.",
        subcommands: [List.self, Verify.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The latest audit entries.")
        @OptionGroup var service: ServiceOptions
        @Option(help: "How many of the latest entries.") var limit = 50
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let entries = try await service.api().auditEntries(limit: limit)
            if json {
                Console.json(entries)
                return
            }
            for entry in entries {
                Console.out(
                    "\(entry.id)\t\(TicketOutput.time(entry.at))\t\(id: entry.actor)\t\(id: entry.action)\t\(id: entry.subject)\t\(entry.detail)"
                )
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that no audit entry was changed or removed.",
            discussion: """
                With --against-journal, also compare each entry's hash with the one the daemon wrote \
                to the system journal when the entry was made (`journalctl -t helpdesk-audit`): a \
                rewrite of the database that recomputed the whole chain still differs from it.
                """)
        @OptionGroup var service: ServiceOptions

        @Flag(help: "Also compare with the hashes the daemon anchored in the system journal.")
        var againstJournal = false

        @Argument(
            help: ArgumentHelp(
                "With --against-journal: saved journal lines instead of running journalctl; `-` reads standard input.",
                discussion:
                    "`journalctl -t helpdesk-audit -o cat` output, or a syslog file such as /var/log/auth.log.",
                valueName: "file"))
        var file: String?

        @Option(help: "With --against-journal: the database's path as the daemon named it (default: the only one there).")
        var journalDatabase: String?

        func validate() throws {
            if !againstJournal && (file != nil || journalDatabase != nil) {
                throw ValidationError("a journal file and --journal-database go with --against-journal")
            }
        }

        func run() async throws {
            let api = try await service.api()
            guard againstJournal else {
                switch try await api.verifyAudit() {
                case .intact(let entries):
                    Console.out("The audit log is intact: \(entries) entries, each linked to the one before.")
                case .broken(let entry, let reason):
                    throw CommandError("the audit log is broken at entry \(entry): \(reason)")
                }
                return
            }
            // The database first: an entry made meanwhile is then in the journal too.
            let entries = try await api.auditEntries(limit: nil)
            let chain = try await api.verifyAudit()
            let anchors = try ownAnchors(in: AuditJournalSource(file).anchors())
            try AuditJournalReport(chain: chain, comparison: AuditJournalComparison(entries: entries, journal: anchors))
                .print()
        }

        /// This database's lines: those naming --journal-database (or embedded, --database),
        /// else the only database the journal names.
        private func ownAnchors(in anchors: [AuditAnchor]) throws -> [AuditAnchor] {
            let names = Set(anchors.map(\.database)).sorted()
            let named = (journalDatabase ?? service.database).map(AuditAnchor.databaseName)
            guard let name = named ?? (names.count == 1 ? names.first : nil) else {
                throw CommandError(
                    "the journal holds audit lines of \(names.count) databases (\(names.joined(separator: ", "))): name this one with --journal-database PATH"
                )
            }
            let own = anchors.filter { $0.database == name }
            if own.isEmpty {
                throw CommandError(
                    "the journal holds no audit line for the database \(name); it names \(names.joined(separator: ", "))")
            }
            return own
        }
    }
}
