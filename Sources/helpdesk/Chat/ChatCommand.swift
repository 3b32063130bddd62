import ArgumentParser
import Engine
import Foundation
import HelpdeskCore
import TerminalUI

struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat", abstract: "Chat with the helpdesk (the default command).")

    @OptionGroup var knowledge: KnowledgeOptions
    @OptionGroup var tools: ToolOptions
    @OptionGroup var service: ServiceOptions

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandError("the chat needs a terminal; for scripts use `helpdesk ask`")
        }
        let (api, conversation) = try Blocking.wait {
            let api = try await service.api {
                let catalog = try tools.load()
                let engine = GroundedEngine(index: try knowledge.load().index, tools: catalog)
                return try service.service(tools: catalog, engine: engine)
            }
            return (api, try await api.resumeConversation())
        }
        ChatProgram(api: api, conversation: conversation, historyFile: XDG.stateHome() + "/helpdesk/history").run()
    }
}
