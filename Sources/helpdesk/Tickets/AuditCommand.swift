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
        static let configuration = CommandConfiguration(abstract: "Check that no audit entry was changed or removed.")
        @OptionGroup var service: ServiceOptions

        func run() async throws {
            switch try await service.api().verifyAudit() {
            case .intact(let entries):
                Console.out("The audit log is intact: \(entries) entries, each linked to the one before.")
            case .broken(let entry, let reason):
                throw CommandError("the audit log is broken at entry \(entry): \(reason)")
            }
        }
    }
}
