/// A JSON value that remembers where it was written, so a configuration error can name
/// the file, line, column and field (Foundation's decoders report none of these).
public struct JSONValue: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case null
        case bool(Bool)
        /// Always finite: the parser rejects numbers too large for a `Double`.
        case number(Double)
        case string(String)
        case array([JSONValue])
        /// Members in file order; a duplicate key is a parse error.
        case object([Member])
    }

    /// One `"key": value` of an object, with where the key was written: an unknown key is
    /// reported at the key, not at its value.
    public struct Member: Sendable, Equatable {
        public let key: String
        public let keyLocation: SourceLocation
        public let value: JSONValue

        public init(key: String, keyLocation: SourceLocation, value: JSONValue) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    public let kind: Kind
    public let location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// The member named `key` of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// What kind of value this is, for error messages ("a string", "an array").
    public var typeDescription: String {
        switch kind {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A 1-based line and column (counted in Unicode scalars, which is what editors show for
/// all but combined characters) in a text file.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}
