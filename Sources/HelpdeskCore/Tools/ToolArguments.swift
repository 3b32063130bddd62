import Foundation

/// A validated argument value, typed as the tool's schema says.
public enum ArgumentValue: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    case string(String)
    case integer(Int)
    case boolean(Bool)

    /// The value as a program receives it in argv.
    public var description: String {
        switch self {
        case .string(let value): value
        case .integer(let value): String(value)
        case .boolean(let value): value ? "true" : "false"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .boolean(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .boolean(let value): try container.encode(value)
        }
    }
}

/// A request to run a tool with validated arguments.
public struct ToolCall: Sendable, Equatable, Codable {
    public let tool: String
    public let arguments: [String: ArgumentValue]

    public init(tool: String, arguments: [String: ArgumentValue]) {
        self.tool = tool
        self.arguments = arguments
    }
}

/// Why an argument value was refused, in words an employee can act on.
public struct ArgumentError: Error, Sendable, Equatable, CustomStringConvertible {
    public let parameter: String
    public let description: String

    public init(parameter: String, description: String) {
        self.parameter = parameter
        self.description = description
    }
}

extension Parameter {
    /// Checks `raw` against the schema and types it.
    /// - Throws: `ArgumentError` saying what is wrong and what would be accepted.
    public func validate(_ raw: String) throws(ArgumentError) -> ArgumentValue {
        let shown = "“\(TerminalText.sanitize(raw))”"
        func refuse(_ why: String) -> ArgumentError {
            ArgumentError(parameter: name, description: "\(shown) is not a valid \(label): \(why)")
        }
        if raw.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw refuse("it contains control characters")
        }
        switch kind {
        case .boolean:
            switch raw.lowercased() {
            case "true", "yes": return .boolean(true)
            case "false", "no": return .boolean(false)
            default: throw refuse("answer yes or no")
            }
        case .integer:
            guard let value = Int(raw) else { throw refuse("it must be a whole number") }
            return .integer(value)
        case .string:
            if let allowedValues, !allowedValues.contains(raw) {
                throw refuse("choose \(Parameter.list(allowedValues))")
            }
            if let minLength, raw.count < minLength { throw refuse("it must be at least \(minLength) characters") }
            if let maxLength, raw.count > maxLength { throw refuse("it must be at most \(maxLength) characters") }
            if let pattern, !Self.matchesWhole(raw, pattern) {
                // The pattern is for admins; an employee is told what to give instead.
                throw refuse("it is not in the form expected")
            }
            return .string(raw)
        }
    }

    /// What the value is called: a short description ("account"), else the name.
    private var label: String {
        let plain = name.replacingOccurrences(of: "_", with: " ")
        guard let description, description.count <= 40 else { return plain }
        return description.lowercased().replacingOccurrences(of: "which ", with: "")
    }

    /// Whether `pattern` matches all of `value`, not just part of it: a pattern written
    /// `[a-z]+` must not let `abc; rm -rf /` through.
    static func matchesWhole(_ value: String, _ pattern: String) -> Bool {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return false }
        let range = NSRange(value.startIndex..., in: value)
        return expression.firstMatch(in: value, options: [.anchored], range: range)?.range == range
    }
}

extension ToolDefinition {
    /// Validates every argument and checks that the required ones are present.
    /// - Throws: `ArgumentError` for the first unknown, invalid or missing argument.
    public func call(with raw: [String: String]) throws(ArgumentError) -> ToolCall {
        var arguments: [String: ArgumentValue] = [:]
        for (name, value) in raw.sorted(by: { $0.key < $1.key }) {
            guard let parameter = parameter(named: name) else {
                let known = parameters.isEmpty ? "it takes none" : "it takes \(Parameter.list(parameters.map(\.name)))"
                throw ArgumentError(parameter: name, description: "\(self.name) has no argument “\(name)”: \(known)")
            }
            arguments[name] = try parameter.validate(value)
        }
        if let missing = requiredParameters.first(where: { arguments[$0.name] == nil }) {
            throw ArgumentError(parameter: missing.name, description: "\(name) needs “\(missing.name)”: \(missing.question)")
        }
        return ToolCall(tool: name, arguments: arguments)
    }
}
