import ArgumentParser
import Foundation
import HelpdeskCore
import TerminalUI

struct AgentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent", abstract: "Agents: pending approvals and the ticket queue, live.")

    @OptionGroup var service: ServiceOptions

    func run() throws {
        let api = try service.service()
        guard api.role == .agent else {
            throw CommandError(
                "\(api.identity.user) is not an agent; agents are listed in config.json (`agents`, `agentGroups`)"
                    + (try Configuration.load().0.allowsDemoAgent ? ", or try the agent side here with --demo-agent" : ""))
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandError("the agent console needs a terminal; for scripts use `helpdesk approvals` and `helpdesk tickets`")
        }
        AgentProgram(api: api).run()
    }
}
