import ArgumentParser
import Foundation

@main
struct Helpdesk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helpdesk",
        abstract: "An IT helpdesk in your terminal: answers from the knowledge base, approved actions, tickets.",
        version: "0.1.0",
        subcommands: [
            ChatCommand.self, AgentCommand.self, AskCommand.self, SearchCommand.self, TicketsCommand.self, RequestCommand.self,
            ApprovalsCommand.self,
            AuditCommand.self, ReportCommand.self, CheckCommand.self, ServeCommand.self,
        ],
        defaultSubcommand: ChatCommand.self
    )

    /// Sends logs to their file before any command runs, then runs the command.
    static func main() async {
        LogFile.bootstrap()
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            // Not `exit(withError:)`: it prints the message raw, and an error can quote a
            // user name, a reason or an argument someone else typed.
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                code == .success ? Console.out("\(lines: message)") : Console.error("\(lines: message)")
            }
            Foundation.exit(code.rawValue)
        }
    }
}
