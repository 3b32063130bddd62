import Foundation

/// The whitelist of actions, loaded from `tools.json`.
public struct ToolCatalog: Sendable, Equatable {
    public let tools: [ToolDefinition]

    public init(tools: [ToolDefinition]) { self.tools = tools }

    /// Built-in actions a `{"builtin": NAME}` tool may name.
    public static let builtins: Set<String> = [
        "directory.reset_password", "directory.unlock_account", "directory.account_status",
    ]

    public func tool(named name: String) -> ToolDefinition? { tools.first { $0.name == name } }

    /// Reads and validates `path`.
    /// - Throws: `ToolCatalogError` listing every problem with its line, column and field.
    public static func load(_ path: String) throws(ToolCatalogError) -> ToolCatalog {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ToolCatalogError([.init(file: path, location: nil, field: nil, message: "cannot be read (does it exist?)")])
        }
        return try parse(bytes: [UInt8](data), file: path)
    }

    /// Validates the bytes of a `tools.json`: UTF-8, with or without a byte-order mark;
    /// `file` names it in errors.
    public static func parse(bytes: [UInt8], file: String) throws(ToolCatalogError) -> ToolCatalog {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes: bytes)
        } catch {
            throw ToolCatalogError([.init(file: file, location: error.location, field: nil, message: error.message)])
        }
        return try read(root, file: file)
    }

    /// Validates the text of a `tools.json`; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(ToolCatalogError) -> ToolCatalog {
        let root: JSONValue
        do {
            root = try JSONParser.parse(text)
        } catch {
            throw ToolCatalogError([.init(file: file, location: error.location, field: nil, message: error.message)])
        }
        return try read(root, file: file)
    }

    private static func read(_ root: JSONValue, file: String) throws(ToolCatalogError) -> ToolCatalog {
        var reader = ToolCatalogReader(file: file)
        let tools = reader.read(root)
        guard reader.problems.isEmpty else { throw ToolCatalogError(reader.problems) }
        return ToolCatalog(tools: tools)
    }
}

/// Everything wrong with a `tools.json`, one problem per line.
public struct ToolCatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public let file: String
        public let location: SourceLocation?
        /// Path of the offending field, e.g. `tools[0].parameters.properties.account.type`.
        public let field: String?
        public let message: String

        public var description: String {
            [file, location?.description, field].compactMap { $0 }.joined(separator: ":") + ": " + message
        }
    }

    public let problems: [Problem]

    init(_ problems: [Problem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
