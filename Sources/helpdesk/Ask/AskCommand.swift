import ArgumentParser
import Engine
import Foundation
import HelpdeskCore
import Service

struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Show what the helpdesk would reply, without the chat. Changes nothing.",
        discussion: """
            With MESSAGE, one turn; without it, each line of standard input is one turn of \
            one conversation. A message holds at most 16 KB, as in the chat. `ask` never \
            runs a tool or files a ticket. With --json it prints one JSON object per turn \
            (the format is in the README).
            """)

    @OptionGroup var knowledge: KnowledgeOptions
    @OptionGroup var tools: ToolOptions

    @Flag(help: "Print one JSON object per turn.")
    var json = false

    @Flag(help: "Also print why: the step that decided, the answer gate's features and the tool scores.")
    var explain = false

    @Argument(help: "The message; omit it to read one message per line from standard input.")
    var message: [String] = []

    func run() async throws {
        let engine = try knowledge.engine(try knowledge.load().index, tools: try tools.load())
        var conversation = Conversation()
        var turn = 0
        let output = AskOutput(json: json)
        for line in message.isEmpty ? Self.standardInputLines() : AnySequence([message.joined(separator: " ")]) {
            turn += 1
            // The limit the chat and the service keep to: the engine reads every message
            // whole, and a megabyte line would take seconds per cue.
            guard line.utf8.count <= MessageLimit.bytes else { throw HelpdeskError.messageTooLong(bytes: line.utf8.count) }
            let explanation = explain ? engine.explain(line, in: conversation) : nil
            for await event in engine.reply(to: line, in: conversation) {
                if case .done(let reply, let next) = event {
                    conversation = next
                    Console.out(output.render(reply, turn: turn, explanation: explanation))
                }
            }
        }
    }

    private static func standardInputLines() -> AnySequence<String> {
        AnySequence(AnyIterator { readLine(strippingNewline: true) })
    }
}
