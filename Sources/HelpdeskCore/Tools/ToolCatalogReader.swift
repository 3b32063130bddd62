import Foundation

/// Turns the JSON tree of a `tools.json` into tool definitions, collecting every problem
/// with the location and path of the field it concerns.
struct ToolCatalogReader {
    let file: String
    private(set) var problems: [ToolCatalogError.Problem] = []

    init(file: String) { self.file = file }

    mutating func read(_ root: JSONValue) -> [ToolDefinition] {
        guard let members = object(root, "", allowed: ["tools"]), let list = members["tools"] else {
            if case .object = root.kind { report(root, "", "missing `tools`, the list of tools") }
            return []
        }
        guard case .array(let entries) = list.kind else {
            report(list, "tools", "expected an array of tools, found \(list.typeDescription)")
            return []
        }
        var tools: [ToolDefinition] = []
        // Where each name was first used: a set, not a scan of `tools`, which took 96 s
        // for 200,000 tools.
        var firstUse: [String: SourceLocation] = [:]
        for (index, entry) in entries.enumerated() {
            if let tool = readTool(entry, "tools[\(index)]") {
                let location = (entry["name"] ?? entry).location
                if let first = firstUse[tool.name] {
                    report(
                        entry["name"] ?? entry, "tools[\(index)].name",
                        "a second tool named `\(JSONParser.excerpt(tool.name))` (the first is at line \(first.line)); names must be unique"
                    )
                } else {
                    firstUse[tool.name] = location
                    tools.append(tool)
                }
            }
        }
        return tools
    }

    private mutating func readTool(_ value: JSONValue, _ path: String) -> ToolDefinition? {
        guard let members = object(value, path, allowed: Self.toolKeys) else { return nil }
        let name = string(members["name"], "\(path).name", in: value, required: true)
        if let name, !Self.isIdentifier(name) {
            report(
                members["name"] ?? value, "\(path).name",
                "`\(JSONParser.excerpt(name))` must be lower-case letters, digits and `_`, starting with a letter")
        }
        let title = string(members["title"], "\(path).title", in: value, required: true)
        let description = string(members["description"], "\(path).description", in: value, required: true)
        let examples = strings(members["examples"], "\(path).examples") ?? []
        let parameters = readParameters(members["parameters"], "\(path).parameters", in: value)
        var approval: ToolDefinition.Approval?
        if let raw = string(members["approval"], "\(path).approval", in: value, required: true) {
            approval = ToolDefinition.Approval(rawValue: raw)
            if approval == nil {
                report(
                    members["approval"] ?? value, "\(path).approval",
                    "expected \"agent\" or \"none\", found \"\(JSONParser.excerpt(raw))\"")
            }
        }
        let run = readRun(members["run"], "\(path).run", in: value, parameters: parameters ?? [])
        guard let name, let title, let description, let parameters, let approval, let run else { return nil }
        return ToolDefinition(
            name: name, title: title, description: description, examples: examples, parameters: parameters,
            approval: approval, run: run)
    }

    private mutating func readParameters(_ value: JSONValue?, _ path: String, in parent: JSONValue) -> [Parameter]? {
        guard let value else { return [] }  // a tool without arguments
        guard let members = object(value, path, allowed: ["type", "properties", "required"]) else { return nil }
        if let type = string(members["type"], "\(path).type", in: value, required: false), type != "object" {
            report(members["type"] ?? value, "\(path).type", "expected \"object\", found \"\(JSONParser.excerpt(type))\"")
        }
        var properties: [(String, JSONValue)] = []
        if let list = members["properties"] {
            if case .object(let entries) = list.kind {
                properties = entries.map { ($0.key, $0.value) }
            } else {
                report(list, "\(path).properties", "expected an object of properties, found \(list.typeDescription)")
            }
        }
        let required = Set(strings(members["required"], "\(path).required") ?? [])
        let names = Set(properties.map(\.0))
        for name in required.sorted() where !names.contains(name) {
            report(
                members["required"] ?? value, "\(path).required",
                "`\(JSONParser.excerpt(name))` is required but not among the properties")
        }
        var parameters: [Parameter] = []
        for (name, property) in properties {
            if let parameter = readProperty(
                property, name: name, "\(path).properties.\(JSONParser.excerpt(name))", required: required.contains(name))
            {
                parameters.append(parameter)
            }
        }
        return parameters.count == properties.count ? parameters : nil
    }

    private mutating func readProperty(_ value: JSONValue, name: String, _ path: String, required: Bool) -> Parameter? {
        guard let members = object(value, path, allowed: Self.propertyKeys) else { return nil }
        guard let typeName = string(members["type"], "\(path).type", in: value, required: true) else { return nil }
        guard let kind = Parameter.Kind(rawValue: typeName) else {
            report(
                members["type"] ?? value, "\(path).type",
                "expected \"string\", \"integer\" or \"boolean\", found \"\(JSONParser.excerpt(typeName))\""
            )
            return nil
        }
        let allowed = strings(members["enum"], "\(path).enum")
        if allowed != nil, kind != .string {
            report(members["enum"] ?? value, "\(path).enum", "`enum` is supported for strings only")
        }
        var synonyms: [String: [String]] = [:]
        if let list = members["synonyms"] {
            if case .object(let entries) = list.kind {
                let allowedSet = Set(allowed ?? [])
                for entry in entries {
                    let (key, words) = (entry.key, entry.value)
                    if !allowedSet.contains(key) {
                        report(
                            words, "\(path).synonyms.\(JSONParser.excerpt(key))",
                            "`\(JSONParser.excerpt(key))` is not one of the `enum` values")
                    }
                    synonyms[key] = strings(words, "\(path).synonyms.\(JSONParser.excerpt(key))") ?? []
                }
            } else {
                report(list, "\(path).synonyms", "expected an object of value → [words], found \(list.typeDescription)")
            }
        }
        let pattern = string(members["pattern"], "\(path).pattern", in: value, required: false)
        if let pattern, (try? NSRegularExpression(pattern: pattern)) == nil {
            report(
                members["pattern"] ?? value, "\(path).pattern",
                "`\(JSONParser.excerpt(pattern))` is not a valid regular expression")
        }
        return Parameter(
            name: name, kind: kind,
            description: string(members["description"], "\(path).description", in: value, required: false),
            isRequired: required, allowedValues: allowed, synonyms: synonyms, pattern: pattern,
            minLength: count(members["minLength"], "\(path).minLength"),
            maxLength: count(members["maxLength"], "\(path).maxLength"))
    }

    private mutating func readRun(_ value: JSONValue?, _ path: String, in parent: JSONValue, parameters: [Parameter])
        -> ToolDefinition.Run?
    {
        guard let value else {
            report(parent, path, "missing `run`: {\"builtin\": NAME} or {\"argv\": [PROGRAM, …]}")
            return nil
        }
        guard let members = object(value, path, allowed: Self.runKeys) else { return nil }
        if let builtin = members["builtin"] {
            guard let name = string(builtin, "\(path).builtin", in: value, required: true) else { return nil }
            guard ToolCatalog.builtins.contains(name) else {
                report(
                    builtin, "\(path).builtin",
                    "unknown builtin `\(JSONParser.excerpt(name))`; known: \(ToolCatalog.builtins.sorted().joined(separator: ", "))"
                )
                return nil
            }
            return .builtin(name)
        }
        guard let argvValue = members["argv"], let argv = strings(argvValue, "\(path).argv") else {
            if members["argv"] == nil { report(value, path, "expected `builtin` or `argv`") }
            return nil
        }
        guard let program = argv.first, program.hasPrefix("/") else {
            report(argvValue, "\(path).argv", "the first element must be the program's absolute path (no shell, no PATH lookup)")
            return nil
        }
        let known = Set(parameters.map(\.name) + ["requester"])
        for element in argv {
            for placeholder in Self.placeholders(in: element) where !known.contains(placeholder) {
                report(argvValue, "\(path).argv", "`{\(JSONParser.excerpt(placeholder))}` is neither a parameter nor {requester}")
            }
        }
        var timeout = ToolDefinition.Run.defaultTimeoutSeconds
        if let limit = members["timeout_seconds"] {
            let range = ToolDefinition.Run.timeoutSecondsRange
            if case .number(let seconds) = limit.kind, range.contains(seconds) {
                timeout = seconds
            } else {
                let found = if case .number(let seconds) = limit.kind { "\(Self.format(seconds))" } else { limit.typeDescription }
                report(
                    limit, "\(path).timeout_seconds",
                    "expected a number of seconds from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound)) "
                        + "(leave it out for \(Self.format(timeout))), found \(found)")
            }
        }
        return .argv(argv, timeoutSeconds: timeout)
    }

    static let toolKeys: Set = ["name", "title", "description", "examples", "parameters", "approval", "run"]
    static let propertyKeys: Set = ["type", "enum", "synonyms", "pattern", "minLength", "maxLength", "description"]
    static let runKeys: Set = ["builtin", "argv", "timeout_seconds"]

    /// `^[a-z][a-z0-9_]*$`, checked by hand: compiling a regular expression costs more
    /// than the rest of loading the file.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// The `name`s of the `{name}` placeholders in an argv element.
    static func placeholders(in element: String) -> [String] {
        var names: [String] = []
        var rest = element[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    // MARK: - Field readers

    private mutating func report(_ value: JSONValue, _ path: String, _ message: String) {
        problems.append(.init(file: file, location: value.location, field: path.isEmpty ? nil : path, message: message))
    }

    /// The members of an object, reporting any key outside `allowed` (usually a typo) at
    /// the key, with the known key it is closest to.
    private mutating func object(_ value: JSONValue, _ path: String, allowed: Set<String>) -> [String: JSONValue]? {
        guard case .object(let entries) = value.kind else {
            report(value, path, "expected an object, found \(value.typeDescription)")
            return nil
        }
        for entry in entries where !allowed.contains(entry.key) {
            let key = JSONParser.excerpt(entry.key)
            let hint =
                KeySuggestion.nearest(to: entry.key, among: allowed.sorted()).map { "did you mean `\($0)`?" }
                ?? "expected \(allowed.sorted().joined(separator: ", "))"
            problems.append(
                .init(
                    file: file, location: entry.keyLocation, field: path.isEmpty ? key : "\(path).\(key)",
                    message: "unknown field `\(key)`; \(hint)"))
        }
        return Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    private mutating func string(_ value: JSONValue?, _ path: String, in parent: JSONValue, required: Bool) -> String? {
        guard let value else {
            if required { report(parent, path, "missing `\(path.split(separator: ".").last ?? "")`") }
            return nil
        }
        guard case .string(let text) = value.kind else {
            report(value, path, "expected a string, found \(value.typeDescription)")
            return nil
        }
        if text.isEmpty && required {
            report(value, path, "must not be empty")
            return nil
        }
        return text
    }

    private mutating func strings(_ value: JSONValue?, _ path: String) -> [String]? {
        guard let value else { return nil }
        guard case .array(let elements) = value.kind else {
            report(value, path, "expected an array of strings, found \(value.typeDescription)")
            return nil
        }
        var result: [String] = []
        for (index, element) in elements.enumerated() {
            if case .string(let text) = element.kind {
                result.append(text)
            } else {
                report(element, "\(path)[\(index)]", "expected a string, found \(element.typeDescription)")
            }
        }
        return result
    }

    private mutating func count(_ value: JSONValue?, _ path: String) -> Int? {
        guard let value else { return nil }
        // `Int(exactly:)`, not `Int(_:)`, which traps on 1e300.
        guard case .number(let number) = value.kind, number >= 0, let whole = Int(exactly: number), whole <= 1_000_000 else {
            let found = if case .number(let number) = value.kind { Self.format(number) } else { value.typeDescription }
            report(value, path, "expected a whole number from 0 to 1000000, found \(found)")
            return nil
        }
        return whole
    }

    /// `10` rather than `10.0`, for messages.
    static func format(_ number: Double) -> String {
        if let whole = Int(exactly: number) { return String(whole) }
        return String(number)
    }
}
