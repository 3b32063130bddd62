import Foundation
import HelpdeskCore

/// Finds tool arguments in what an employee wrote.
enum SlotFiller {
    /// Arguments `message` gives for `tool`: `name=value` written out, or an allowed value
    /// (or one of its synonyms) mentioned by name — only when exactly one is mentioned.
    static func arguments(in message: String, for tool: ToolDefinition) -> [String: String] {
        var found: [String: String] = [:]
        for parameter in tool.parameters {
            if let explicit = explicitValue(of: parameter.name, in: message) {
                found[parameter.name] = explicit
            } else if let mentioned = mentionedValue(of: parameter, in: message) {
                found[parameter.name] = mentioned
            }
        }
        return found
    }

    /// What an answer to "Which account?" means.
    enum Answer {
        case value(String)
        /// Not a usable value; the error says why.
        case invalid(ArgumentError)
        /// Does not look like an answer at all (perhaps a new question).
        case unrelated
    }

    /// Reads `reply` as the answer to the question about `parameter`. A reply that is
    /// not plain words (`email; rm -rf /`, `$(id)`) is validated as typed, so it is refused
    /// with the reason rather than mined for a word that happens to be valid.
    static func answer(_ reply: String, for parameter: Parameter) -> Answer {
        let trimmed = reply.trimmingCharacters(in: .whitespacesAndNewlines)
            .trimmingCharacters(in: CharacterSet(charactersIn: ".!?"))
        let refusal: ArgumentError
        do {
            return .value(try parameter.validate(trimmed).description)
        } catch {
            refusal = error
        }
        let plain = trimmed.allSatisfy { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "'" || $0 == "," }
        if plain, let mentioned = mentionedValue(of: parameter, in: trimmed) { return .value(mentioned) }
        if plain && trimmed.split(separator: " ").count > 4 { return .unrelated }
        return .invalid(refusal)
    }

    /// The value after `name=` or `name:` (up to the end of the message).
    private static func explicitValue(of name: String, in message: String) -> String? {
        for separator in ["=", ":"] {
            guard let range = message.range(of: name + separator, options: .caseInsensitive) else { continue }
            let value = message[range.upperBound...].trimmingCharacters(in: .whitespaces)
            if !value.isEmpty { return value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
        }
        return nil
    }

    /// The one allowed value whose name or synonym appears as whole words in `message`.
    private static func mentionedValue(of parameter: Parameter, in message: String) -> String? {
        guard let allowed = parameter.allowedValues else { return nil }
        let text = normalized(message)
        let mentioned = allowed.filter { value in
            ([value] + (parameter.synonyms[value] ?? [])).contains { text.contains(normalized($0)) }
        }
        return mentioned.count == 1 ? mentioned[0] : nil
    }

    /// Lower-case words separated by single spaces, padded, for whole-word matching.
    private static func normalized(_ text: String) -> String {
        " " + text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ") + " "
    }
}
