import ArgumentParser
import Engine
import Foundation
import HelpdeskCore
import Service
import Synchronization
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
                // Loaded once aloud; reloaded quietly, under the chat's screen, when an
                // article or tools.json changes.
                let catalog = try tools.load()
                let first = Mutex(
                    Optional(
                        HelpdeskService.Loaded(
                            tools: catalog, engine: try knowledge.engine(try knowledge.load().index, tools: catalog))))
                let (toolsFile, articles) = (try tools.path(), try knowledge.directory())
                let loaded = try Reloading(watching: { sourceVersion(knowledge: articles, tools: toolsFile) }) {
                    if let loaded = first.withLock({ $0.take() }) { return loaded }
                    let catalog = try tools.load()
                    let engine = try knowledge.engine(knowledge.load(quiet: true).index, tools: catalog, quiet: true)
                    return HelpdeskService.Loaded(tools: catalog, engine: engine)
                }
                return try service.service(loaded: loaded)
            }
            return (api, try await api.resumeConversation())
        }
        ChatProgram(api: api, conversation: conversation, historyFile: XDG.stateHome() + "/helpdesk/history").run()
    }
}
