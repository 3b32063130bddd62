/// One whitelisted action from `tools.json`.
public struct ToolDefinition: Sendable, Equatable {
    /// Identifier used in requests and the audit log, e.g. `reset_password`.
    public let name: String
    /// What a person calls it: "Reset a password".
    public let title: String
    public let description: String
    /// Phrasings employees use; the engine recognises requests from these, the title and
    /// the description — never from phrases written into the code.
    public let examples: [String]
    public let parameters: [Parameter]
    public let approval: Approval
    public let run: Run

    public init(
        name: String, title: String, description: String, examples: [String], parameters: [Parameter],
        approval: Approval, run: Run
    ) {
        self.name = name
        self.title = title
        self.description = description
        self.examples = examples
        self.parameters = parameters
        self.approval = approval
        self.run = run
    }

    /// Who must agree before the tool runs.
    public enum Approval: String, Sendable, Equatable {
        /// A human agent other than the requester approves each request.
        case agent
        /// Runs once the employee confirms; for read-only tools.
        case none
    }

    /// How the tool runs.
    public enum Run: Sendable, Equatable {
        /// Code built into helpdesk, e.g. `directory.reset_password`.
        case builtin(String)
        /// A program run directly (never through a shell); `{name}` elements are replaced by
        /// validated argument values and `{requester}` by the requester's user name.
        case argv([String], timeoutSeconds: Double)

        /// How long an `argv` tool may run when `timeout_seconds` is left out.
        public static let defaultTimeoutSeconds = 10.0
        /// What `timeout_seconds` may be: at least a second, at most ten minutes, so a
        /// typo such as `1e300` cannot leave a hung program holding a request forever.
        public static let timeoutSecondsRange = 1.0...600.0
    }

    public var requiredParameters: [Parameter] { parameters.filter(\.isRequired) }

    public func parameter(named name: String) -> Parameter? { parameters.first { $0.name == name } }
}

/// One argument of a tool: a JSON Schema subset.
public struct Parameter: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case string, integer, boolean
    }

    public let name: String
    public let kind: Kind
    public let description: String?
    public let isRequired: Bool
    /// Allowed values (strings), if the schema lists them.
    public let allowedValues: [String]?
    /// Other words for each allowed value ("laptop" → "workstation"), so employees can
    /// answer in their own words; an extension of JSON Schema that admins write.
    public let synonyms: [String: [String]]
    /// A regular expression the whole value must match.
    public let pattern: String?
    public let minLength: Int?
    public let maxLength: Int?

    public init(
        name: String, kind: Kind, description: String? = nil, isRequired: Bool = false, allowedValues: [String]? = nil,
        synonyms: [String: [String]] = [:], pattern: String? = nil, minLength: Int? = nil, maxLength: Int? = nil
    ) {
        self.name = name
        self.kind = kind
        self.description = description
        self.isRequired = isRequired
        self.allowedValues = allowedValues
        self.synonyms = synonyms
        self.pattern = pattern
        self.minLength = minLength
        self.maxLength = maxLength
    }

    /// How to ask an employee for this argument, listing the valid choices.
    public var question: String {
        // A description written as a question ("Which GitHub team? Use its short name") is asked as written.
        if let description, description.contains("?") || description.lowercased().hasPrefix("which ") {
            let asked = description.trimmingCharacters(in: .whitespaces)
            let ending = asked.last.map { ".?!".contains($0) } == true ? "" : (allowedValues == nil ? "." : "?")
            return asked + ending + (allowedValues.map { asked.contains("?") ? "" : " Choose \(Self.list($0))." } ?? "")
        }
        let what = description.map { $0.prefix(1).lowercased() + $0.dropFirst() } ?? name.replacingOccurrences(of: "_", with: " ")
        if let allowedValues {
            return "Which \(what.hasPrefix("which ") ? String(what.dropFirst(6)) : what)? "
                + "Choose \(Self.list(allowedValues))."
        }
        switch kind {
        case .boolean: return "\(what.prefix(1).uppercased() + what.dropFirst())? (yes or no)"
        case .integer: return "What is the \(what)? (a whole number)"
        case .string: return "What is the \(what)?"
        }
    }

    /// "a, b or c".
    static func list(_ values: [String]) -> String {
        guard values.count > 1, let last = values.last else { return values.first ?? "" }
        return values.dropLast().joined(separator: ", ") + " or " + last
    }
}
