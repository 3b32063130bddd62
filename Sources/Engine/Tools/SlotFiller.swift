import Foundation
import HelpdeskCore

/// Finds one tool's arguments in what an employee wrote.
struct SlotFiller: Sendable {
    let tool: ToolDefinition
    private let names: [String: ValueNames]
    private let freeText: [String: FreeTextValue]

    init(tool: ToolDefinition, use: @escaping @Sendable (String) -> FreeTextValue.WordUse) {
        self.tool = tool
        var names: [String: ValueNames] = [:]
        var freeText: [String: FreeTextValue] = [:]
        for parameter in tool.parameters {
            if parameter.allowedValues != nil {
                names[parameter.name] = ValueNames(parameter)
            } else if parameter.isFreeText {
                freeText[parameter.name] = FreeTextValue(parameter: parameter, use: use)
            }
        }
        self.names = names
        self.freeText = freeText
    }

    /// Every name of every allowed value, for telling which words name a value rather
    /// than the tool.
    var valuePhrases: [String] { names.values.flatMap { $0.names.flatMap(\.phrases) } }

    /// Arguments `message` gives: `name=value` written out, the one allowed value it
    /// names, or the one plausible free-text value.
    func arguments(in message: String) -> [String: String] {
        var found: [String: String] = [:]
        for parameter in tool.parameters {
            if let explicit = Self.explicitValue(of: parameter.name, in: message) {
                found[parameter.name] = explicit
            } else if let value = mentionedValue(of: parameter, in: message) {
                found[parameter.name] = value
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
    func answer(_ reply: String, for parameter: Parameter, isNewRequest: Bool) -> Answer {
        let trimmed = reply.trimmingCharacters(in: .whitespacesAndNewlines)
            .trimmingCharacters(in: CharacterSet(charactersIn: ".!?"))
        let refusal: ArgumentError
        let words = trimmed.split(separator: " ").count
        do {
            // A free-text value is taken whole only when short: "the big one near the
            // lifts" is a description, not the name of a printer.
            if freeText[parameter.name] == nil || words <= 3 { return .value(try parameter.validate(trimmed).description) }
            refusal = ArgumentError(parameter: parameter.name, description: "I need its exact name.")
        } catch {
            refusal = error
        }
        let plain = trimmed.allSatisfy { $0.isLetter || $0.isNumber || " -',+._".contains($0) }
        if plain, let mentioned = mentionedValue(of: parameter, in: trimmed) { return .value(mentioned) }
        if isNewRequest { return .unrelated }
        return .invalid(refusal)
    }

    /// The one allowed value `message` names, or the one plausible free-text value.
    private func mentionedValue(of parameter: Parameter, in message: String) -> String? {
        if let freeText = freeText[parameter.name] { return freeText.value(in: message) }
        guard let names = names[parameter.name] else { return nil }
        let named = Self.values(of: names, namedIn: message)
        guard named.count > 1 else { return named.first }
        // "My yubikey is at the office. Please just reset my verify app": the one the
        // sentence that asks names.
        let asking = message.split(whereSeparator: { ".!?\n".contains($0) }).map(String.init)
            .filter { MessageCues($0).isRequest }
        let askedFor = Set(asking.flatMap { Self.values(of: names, namedIn: $0) })
        return askedFor.count == 1 ? askedFor.first : nil
    }

    /// The allowed values `text` names as written (not one it says it is *not* about), or
    /// else in another order: "read-only prod" names `prod_readonly`.
    private static func values(of names: ValueNames, namedIn text: String) -> [String] {
        let normalized = normalized(text)
        let asWritten = names.names.filter { value in
            value.phrases.contains { phrase in
                let phrase = Self.normalized(phrase)
                return normalized.contains(phrase) && !normalized.contains(" not" + phrase)
                    && !normalized.contains(" no" + phrase)
            }
        }
        guard asWritten.isEmpty else { return asWritten.map(\.value) }
        let words = words(text)
        return names.names.filter { value in value.phrases.contains { appearsTogether(Self.words($0), in: words) } }
            .map(\.value)
    }

    /// Lower-case words, with each hyphenated word also joined: "read-only" gives "read",
    /// "only" and "readonly".
    private static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: \.isWhitespace).flatMap { token in
            let parts = token.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            return parts.count > 1 ? parts + [parts.joined()] : parts
        }
    }

    /// Every word of a phrase of several, in any order, within a few words of each other.
    private static func appearsTogether(_ phrase: [String], in words: [String]) -> Bool {
        guard phrase.count > 1 else { return false }
        let window = phrase.count + 3
        return words.indices.contains { start in
            Set(phrase).isSubset(of: words[start..<min(start + window, words.count)])
        }
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

    /// Lower-case words separated by single spaces, padded, for whole-word matching.
    static func normalized(_ text: String) -> String {
        " " + text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ") + " "
    }
}
