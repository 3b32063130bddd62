import ArgumentParser
import Foundation
import HelpdeskCore
import Service

struct ApprovalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approvals", abstract: "Agents: decide tool requests.",
        subcommands: [List.self, Approve.self, Deny.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Requests waiting for a decision, oldest first.")
        @OptionGroup var service: ServiceOptions
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let pending = try await service.api().pendingApprovals()
            if json {
                Console.json(pending)
            } else if pending.isEmpty {
                Console.out("No requests are waiting.")
            } else {
                for request in pending {
                    let age = Int(Date().timeIntervalSince(request.created) / 60)
                    Console.out(
                        "#\(request.id)  \(id: request.requester)  \(id: request.call.tool) \(RequestCommand.describe(request.call))  \(age) min ago"
                    )
                }
            }
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Approve someone else's request.")
        @OptionGroup var service: ServiceOptions
        @Argument(help: "Request number.") var id: Int
        @Option(help: "A note for the record and the employee.") var note: String?

        func run() async throws {
            let request = try await service.api().decide(id, approve: true, note: note)
            Console.out("Approved request #\(request.id) (\(id: request.call.tool) for \(id: request.requester)).")
        }
    }

    struct Deny: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Deny a request, saying why.")
        @OptionGroup var service: ServiceOptions
        @Argument(help: "Request number.") var id: Int
        @Option(help: "Why; the employee is told.") var reason: String

        func run() async throws {
            let request = try await service.api().decide(id, approve: false, note: reason)
            Console.out("Denied request #\(request.id).")
        }
    }
}
