import ArgumentParser

@main
struct Helpdesk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helpdesk",
        abstract: "An IT helpdesk in your terminal: answers from the knowledge base, approved actions, tickets.",
        version: "0.1.0",
        subcommands: [
            ChatCommand.self, AgentCommand.self, AskCommand.self, SearchCommand.self, TicketsCommand.self, RequestCommand.self,
            ApprovalsCommand.self,
            AuditCommand.self, CheckCommand.self,
        ],
        defaultSubcommand: ChatCommand.self
    )
}
