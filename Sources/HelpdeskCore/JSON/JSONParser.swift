/// A strict RFC 8259 JSON parser that records the line and column of every value.
///
/// It reads UTF-8 bytes rather than `Unicode.Scalar`s: a 20 MB `tools.json` would otherwise
/// cost 80 MB of scalars before the first brace is read.
public struct JSONParser {
    /// Where and why the text is not JSON.
    public struct Failure: Error, Sendable, Equatable {
        public let location: SourceLocation
        public let message: String

        public init(location: SourceLocation, message: String) {
            self.location = location
            self.message = message
        }
    }

    /// Brackets nest at most this deep, so a hostile file cannot overflow the stack.
    static let maximumDepth = 256

    let bytes: [UInt8]
    private(set) var position = 0
    private var line = 1
    private var column = 1

    private init(utf8 bytes: [UInt8]) {
        self.bytes = bytes
        // Accept a UTF-8 byte-order mark, as most JSON tools do: Windows editors write one
        // and it is invisible, so rejecting it would leave the admin staring at a file
        // that looks right. It takes no column.
        if bytes.starts(with: Self.byteOrderMark) { position = 3 }
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Parses a whole document; anything but whitespace after the value is an error.
    public static func parse(_ text: String) throws(Failure) -> JSONValue {
        try parse(validUTF8: Array(text.utf8))
    }

    /// Parses a file's contents: checks that they are UTF-8 (naming the line and column of
    /// the first bad byte) and skips a leading byte-order mark.
    public static func parse(bytes: [UInt8]) throws(Failure) -> JSONValue {
        // The standard library validates far faster than a loop here; the slow scan runs
        // only to say where the bad byte is.
        if String(validating: bytes, as: UTF8.self) == nil { throw invalidUTF8(in: bytes) }
        return try parse(validUTF8: bytes)
    }

    private static func parse(validUTF8 bytes: [UInt8]) throws(Failure) -> JSONValue {
        var parser = JSONParser(utf8: bytes)
        parser.skipWhitespace()
        if parser.current == nil {
            throw parser.failure("the file is empty; write `{}` for an empty object")
        }
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.current == nil else {
            throw parser.failure("found \(parser.describeCurrent()) after the JSON value; a file holds one value")
        }
        return value
    }

    // MARK: - Reading bytes

    private var here: SourceLocation { SourceLocation(line: line, column: column) }

    private func failure(_ message: String) -> Failure { Failure(location: here, message: message) }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func advance() {
        let byte = bytes[position]
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            // Continuation bytes belong to the scalar whose first byte was counted.
            column += 1
        }
        position += 1
    }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { advance() }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
        guard current == byte else { throw failure("expected \(what), found \(describeCurrent())") }
        advance()
    }

    private static func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    // MARK: - Values

    private mutating func parseValue(depth: Int) throws(Failure) -> JSONValue {
        guard depth < Self.maximumDepth else {
            throw failure("nested more than \(Self.maximumDepth) levels deep")
        }
        let start = here
        switch current {
        case UInt8(ascii: "{"): return JSONValue(.object(try parseObject(depth: depth)), at: start)
        case UInt8(ascii: "["): return JSONValue(.array(try parseArray(depth: depth)), at: start)
        case UInt8(ascii: "\""): return JSONValue(.string(try parseString()), at: start)
        case UInt8(ascii: "t"):
            try parseWord("true")
            return JSONValue(.bool(true), at: start)
        case UInt8(ascii: "f"):
            try parseWord("false")
            return JSONValue(.bool(false), at: start)
        case UInt8(ascii: "n"):
            try parseWord("null")
            return JSONValue(.null, at: start)
        case let byte? where byte == UInt8(ascii: "-") || Self.isDigit(byte):
            return JSONValue(.number(try parseNumber()), at: start)
        case UInt8(ascii: "/"):
            throw failure("JSON has no comments; remove the comment (or keep notes in another file)")
        case UInt8(ascii: "'"):
            throw failure("found `'`; JSON strings are written in double quotes")
        case _?: throw failure("expected a JSON value, found \(describeCurrent())")
        case nil: throw failure("expected a JSON value, found the end of the file")
        }
    }

    private mutating func parseWord(_ word: StaticString) throws(Failure) {
        let start = here
        let expected = word.withUTF8Buffer { Array($0) }
        for byte in expected {
            guard current == byte else {
                throw Failure(location: start, message: "invalid literal; expected `\(word)` (literals are lower-case)")
            }
            advance()
        }
    }

    private mutating func parseObject(depth: Int) throws(Failure) -> [JSONValue.Member] {
        advance()  // {
        var members: [JSONValue.Member] = []
        // Duplicates are found by a scan while the object is small (most have a handful of
        // keys, and hashing each would be the parser's largest cost) and by a set once it
        // is not, so that an object of n keys never costs n² comparisons.
        var seen: Set<String>?
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            advance()
            return members
        }
        while true {
            skipWhitespace()
            let keyStart = here
            guard current == UInt8(ascii: "\"") else {
                if current == UInt8(ascii: "}") && !members.isEmpty {
                    throw failure("a comma before `}`; remove the trailing comma")
                }
                throw failure("expected a member name in double quotes, found \(describeCurrent())")
            }
            let key = try parseString()
            let isDuplicate: Bool
            if let inserted = seen?.insert(key).inserted {
                isDuplicate = !inserted
            } else if members.count >= 16 {
                seen = Set(members.map(\.key))
                isDuplicate = seen?.insert(key).inserted == false
            } else {
                isDuplicate = members.contains { $0.key == key }
            }
            guard !isDuplicate else {
                throw Failure(location: keyStart, message: "duplicate member \"\(Self.excerpt(key))\"; keep only one")
            }
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "`:` after the member name")
            skipWhitespace()
            members.append(JSONValue.Member(key: key, keyLocation: keyStart, value: try parseValue(depth: depth + 1)))
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                advance()
                continue
            }
            try expect(UInt8(ascii: "}"), "`,` or `}`")
            return members
        }
    }

    private mutating func parseArray(depth: Int) throws(Failure) -> [JSONValue] {
        advance()  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            advance()
            return elements
        }
        while true {
            skipWhitespace()
            if current == UInt8(ascii: "]") { throw failure("a comma before `]`; remove the trailing comma") }
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                advance()
                continue
            }
            try expect(UInt8(ascii: "]"), "`,` or `]`")
            return elements
        }
    }

    private mutating func parseString() throws(Failure) -> String {
        let start = here
        advance()  // opening quote
        var result: [UInt8] = []
        while true {
            guard let byte = current else {
                throw Failure(location: start, message: "unterminated string; add the closing `\"`")
            }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return String(decoding: result, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &result)
            case 0x0A:
                throw Failure(location: start, message: "unterminated string: it runs into the end of the line")
            case ..<0x20:
                throw failure("control character U+\(Self.hex(UInt32(byte))) in a string; write it as an escape such as \\t")
            default:
                result.append(byte)
                advance()
            }
        }
    }

    private mutating func parseEscape(into result: inout [UInt8]) throws(Failure) {
        advance()  // backslash
        guard let escape = current else { throw failure("unterminated string; add the closing `\"`") }
        let escapeStart = here
        advance()
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): result.append(escape)
        case UInt8(ascii: "b"): result.append(0x08)
        case UInt8(ascii: "f"): result.append(0x0C)
        case UInt8(ascii: "n"): result.append(0x0A)
        case UInt8(ascii: "r"): result.append(0x0D)
        case UInt8(ascii: "t"): result.append(0x09)
        case UInt8(ascii: "u"):
            var code = try parseHex4()
            if (0xD800...0xDBFF).contains(code) {
                // A surrogate pair: the low half must follow as another \u escape.
                guard current == UInt8(ascii: "\\") else { throw failure("a lone high surrogate in a \\u escape") }
                advance()
                try expect(UInt8(ascii: "u"), "`u` of a low surrogate")
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw failure("invalid low surrogate in a \\u escape") }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let decoded = Unicode.Scalar(code) else { throw failure("a lone low surrogate in a \\u escape") }
            result.append(contentsOf: UTF8.encode(decoded).map(Array.init) ?? [])
        default:
            throw Failure(
                location: escapeStart,
                message: "invalid escape `\\\(Self.describe(escape))`; write \\\\ for a backslash")
        }
    }

    private mutating func parseHex4() throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let digit: UInt32
            switch current {
            case let byte? where Self.isDigit(byte): digit = UInt32(byte - UInt8(ascii: "0"))
            case let byte? where (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte):
                digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case let byte? where (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte):
                digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw failure("expected four hexadecimal digits after \\u")
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    private mutating func parseNumber() throws(Failure) -> Double {
        let start = position
        let location = here
        if current == UInt8(ascii: "-") { advance() }
        guard Self.isDigit(current) else { throw failure("expected a digit, found \(describeCurrent())") }
        if current == UInt8(ascii: "0") {
            advance()
            if Self.isDigit(current) { throw failure("a number must not start with 0; remove the leading zeros") }
        } else {
            while Self.isDigit(current) { advance() }
        }
        if current == UInt8(ascii: ".") {
            advance()
            guard Self.isDigit(current) else { throw failure("expected a digit after `.`") }
            while Self.isDigit(current) { advance() }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            advance()
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
            guard Self.isDigit(current) else { throw failure("expected a digit in the exponent") }
            while Self.isDigit(current) { advance() }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        // `Double("1e999")` is infinity, which no setting means and which traps when
        // converted to an integer; reject it here, once, for every caller.
        guard let value = Double(text), value.isFinite else {
            throw Failure(location: location, message: "the number \(Self.excerpt(text)) is too large")
        }
        return value
    }
}
