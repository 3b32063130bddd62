import HelpdeskCore

extension GroundedEngine {
    /// Starts a request for `tool` with what `message` already says about its arguments.
    /// - Parameter earlier: messages the request refers back to, newest first; a choice
    ///   among named values that `message` leaves open is taken from them.
    func prepare(
        _ tool: ToolDefinition, from message: String, earlier: [String] = [], similarity: Double,
        _ conversation: inout Conversation
    ) -> Reply {
        let slots = recognizer.slots(for: tool)
        var arguments = slots?.arguments(in: message) ?? [:]
        for parameter in tool.parameters where arguments[parameter.name] == nil && !parameter.isFreeText {
            arguments[parameter.name] = earlier.lazy.compactMap { slots?.arguments(in: $0)[parameter.name] }.first
        }
        var note: String?
        for (name, value) in arguments {
            guard let parameter = tool.parameter(named: name) else { continue }
            do {
                _ = try parameter.validate(value)
            } catch {
                note = error.description
                arguments[name] = nil
            }
        }
        return collect(tool, arguments: arguments, note: note, similarity: similarity, &conversation)
    }

    /// Asks for the next missing argument, or presents the complete request for the
    /// employee to confirm. Never prepares a request with an invalid argument.
    func collect(
        _ tool: ToolDefinition, arguments: [String: String], note: String?, similarity: Double, _ conversation: inout Conversation
    ) -> Reply {
        let prefix = note.map { "\($0)\n\n" } ?? ""
        if let missing = tool.requiredParameters.first(where: { arguments[$0.name] == nil }) {
            conversation.pending = .collecting(tool: tool.name, arguments: arguments, asked: missing.name)
            let partial = (try? tool.call(with: arguments.filter { tool.parameter(named: $0.key) != nil }))
            let known = ToolCall(tool: tool.name, arguments: partial?.arguments ?? Self.typed(arguments, for: tool))
            return Reply(
                kind: .clarify, text: "\(prefix)I can help with that: \(tool.title). \(missing.question)", tool: known,
                confidence: similarity)
        }
        let call: ToolCall
        do {
            call = try tool.call(with: arguments)
        } catch {
            // Unreachable while every value was validated on the way in; say so rather than guess.
            return Reply(kind: .clarify, text: error.description, confidence: similarity)
        }
        conversation.pending = .confirming(call)
        let details = call.arguments.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        let approval = tool.approval == .agent ? "This needs an agent's approval." : "This runs straight away."
        let text =
            "\(prefix)I can do that: \(tool.title) — \(tool.description)"
            + (details.isEmpty ? "" : " (\(details))") + "\n\(approval) Shall I send the request? (yes/no)"
        return Reply(
            kind: .tool, text: text, tool: call, toolTitle: tool.title, toolNeedsApproval: tool.approval == .agent,
            confidence: similarity)
    }

    /// The arguments that validate, typed; the rest are left out.
    private static func typed(_ arguments: [String: String], for tool: ToolDefinition) -> [String: ArgumentValue] {
        var typed: [String: ArgumentValue] = [:]
        for (name, value) in arguments {
            if let parameter = tool.parameter(named: name), let valid = try? parameter.validate(value) { typed[name] = valid }
        }
        return typed
    }
}
