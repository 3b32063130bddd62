import ArgumentParser
import Foundation
import HelpdeskCore
import Service

struct ApprovalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approvals", abstract: "Agents: decide tool requests.",
        subcommands: [List.self, Approve.self, Deny.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Requests waiting for a decision, oldest first.")
        @OptionGroup var service: ServiceOptions
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let pending = try service.service().pendingApprovals()
            if json {
                print(JSONOutput.string(pending))
            } else if pending.isEmpty {
                print("No requests are waiting.")
            } else {
                for request in pending {
                    let age = Int(Date().timeIntervalSince(request.created) / 60)
                    print(
                        "#\(request.id)  \(TerminalText.sanitize(request.requester))  \(request.call.tool) \(RequestCommand.describe(request.call))  \(age) min ago"
                    )
                }
            }
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Approve someone else's request.")
        @OptionGroup var service: ServiceOptions
        @Argument(help: "Request number.") var id: Int
        @Option(help: "A note for the record and the employee.") var note: String?

        func run() throws {
            let request = try service.service().decide(id, approve: true, note: note)
            print("Approved request #\(request.id) (\(request.call.tool) for \(TerminalText.sanitize(request.requester))).")
        }
    }

    struct Deny: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Deny a request, saying why.")
        @OptionGroup var service: ServiceOptions
        @Argument(help: "Request number.") var id: Int
        @Option(help: "Why; the employee is told.") var reason: String

        func run() throws {
            let request = try service.service().decide(id, approve: false, note: reason)
            print("Denied request #\(request.id).")
        }
    }
}
