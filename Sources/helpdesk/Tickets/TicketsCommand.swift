import ArgumentParser
import Foundation
import HelpdeskCore
import Service
import Store

struct TicketsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tickets",
        abstract: "List, read, file and work tickets.",
        subcommands: [
            List.self, Show.self, New.self, Comment.self, Assign.self, Status.self, PriorityCommand.self, Queue.self,
            Confirm.self,
        ],
        defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Your tickets; for agents with --all, the queue.")
        @OptionGroup var service: ServiceOptions
        @Flag(help: "Agents: every ticket still needing work, most urgent first.") var all = false
        @Flag(help: "With --all: include resolved and closed tickets.") var finished = false
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let api = try await service.api()
            let tickets = all ? try await api.queue(includingFinished: finished) : try await api.myTickets()
            json ? Console.json(tickets) : Console.out(TicketOutput.table(tickets))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A ticket with its history.")
        @OptionGroup var service: ServiceOptions
        @Argument(help: "Ticket number.") var id: Int
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let detail = try await service.api().ticket(id)
            json
                ? TicketOutput.json(detail.ticket, history: detail.history)
                : Console.out(TicketOutput.detail(detail.ticket, history: detail.history))
        }
    }

    struct New: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "File a ticket.")
        @OptionGroup var service: ServiceOptions
        @Option(help: "One line saying what is wrong.") var title: String
        @Option(help: "The details an agent needs.") var summary: String
        @Option(help: "P1 (most urgent) to P4.") var priority: Priority = .p3
        @Option(help: "e.g. network, accounts, printing.") var category = "general"
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let ticket = try await service.api().fileTicket(
                .init(title: title, category: category, priority: priority, summary: summary), from: nil)
            json
                ? TicketOutput.json(ticket, history: [])
                : Console.out("Filed ticket #\(ticket.id) (\(ticket.priority.rawValue), due \(TicketOutput.time(ticket.dueBy))).")
        }
    }

    struct Comment: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a comment to a ticket.")
        @OptionGroup var service: ServiceOptions
        @Flag(help: "Agents: an internal note, never shown to the employee.") var `internal` = false
        @Argument(help: "Ticket number.") var id: Int
        @Argument(help: "The comment.") var text: [String]

        func run() async throws {
            _ = try await service.api().comment(on: id, text.joined(separator: " "), internal: `internal`)
            Console.out(`internal` ? "Added an internal note to ticket #\(id)." : "Commented on ticket #\(id).")
        }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Agents: assign a ticket.")
        @OptionGroup var service: ServiceOptions
        @Argument(help: "Ticket number.") var id: Int
        @Argument(help: "User name of the agent.") var user: String

        func run() async throws {
            _ = try await service.api().assign(id, to: user)
            Console.out("Ticket #\(id) is assigned to \(id: user).")
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move a ticket through new, open, pending, resolved, closed.")
        @OptionGroup var service: ServiceOptions
        @Argument(help: "Ticket number.") var id: Int
        @Argument(help: "new, open, pending, resolved or closed.") var status: Ticket.Status

        func run() async throws {
            let ticket = try await service.api().setStatus(id, to: status)
            Console.out("Ticket #\(id) is \(ticket.status.rawValue).")
        }
    }
}

extension TicketsCommand {
    struct PriorityCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "priority", abstract: "Agents: set a ticket's priority; its due time follows.")
        @OptionGroup var service: ServiceOptions
        @Argument(help: "Ticket number.") var id: Int
        @Argument(help: "P1 (most urgent) to P4.") var priority: Priority

        func run() async throws {
            let ticket = try await service.api().setPriority(id, to: priority)
            Console.out("Ticket #\(id) is \(ticket.priority.rawValue), due \(TicketOutput.time(ticket.dueBy)).")
        }
    }

    struct Queue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Agents: move a ticket to another team's queue.")
        @OptionGroup var service: ServiceOptions
        @Argument(help: "Ticket number.") var id: Int
        @Argument(help: "The queue's name, as the configuration's routing and queues name it.") var queue: String

        func run() async throws {
            let ticket = try await service.api().setQueue(id, to: queue)
            Console.out("Ticket #\(id) is in queue \(id: ticket.queue).")
        }
    }

    struct Confirm: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Say whether your resolved ticket is fixed: it closes, or reopens with --not-fixed.")
        @OptionGroup var service: ServiceOptions
        @Argument(help: "Ticket number.") var id: Int
        @Flag(help: "It is not fixed: reopen it.") var notFixed = false
        @Option(help: "How it went, 1 to 5 (5 = great).") var rating: Int?

        func run() async throws {
            let ticket = try await service.api().confirmResolution(of: id, fixed: !notFixed, rating: rating)
            Console.out(ticket.status == .closed ? "Ticket #\(id) is closed. Thank you." : "Ticket #\(id) is open again.")
        }
    }
}

extension Priority: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}

extension Ticket.Status: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}
