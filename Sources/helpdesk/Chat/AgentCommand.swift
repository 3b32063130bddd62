import ArgumentParser
import Foundation
import HelpdeskCore
import TerminalUI

struct AgentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent", abstract: "Agents: pending approvals and the ticket queue, live.")

    @OptionGroup var service: ServiceOptions

    func run() throws {
        let api = try Blocking.wait { try await service.api() }
        guard api.role == .agent else {
            let demo = try api.connection == "embedded" && Configuration.load().0.allowsDemoAgent
            throw CommandError(
                "\(api.identity.user) is not an agent; agents are listed in the helpdesk's configuration (`agents`, `agentGroups`)"
                    + (demo ? ", or try the agent side here with --demo-agent" : ""))
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandError("the agent console needs a terminal; for scripts use `helpdesk approvals` and `helpdesk tickets`")
        }
        AgentProgram(api: api).run()
    }
}
