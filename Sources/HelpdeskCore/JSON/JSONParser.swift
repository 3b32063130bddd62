/// A strict RFC 8259 JSON parser that records the line and column of every value.
public struct JSONParser {
    /// Where and why the text is not JSON.
    public struct Failure: Error, Sendable, Equatable {
        public let location: SourceLocation
        public let message: String
    }

    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var line = 1
    private var column = 1

    private init(_ text: String) { scalars = Array(text.unicodeScalars) }

    /// Parses a whole document; anything but whitespace after the value is an error.
    public static func parse(_ text: String) throws(Failure) -> JSONValue {
        var parser = JSONParser(text)
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.position == parser.scalars.count else { throw parser.failure("unexpected text after the JSON value") }
        return value
    }

    private var here: SourceLocation { SourceLocation(line: line, column: column) }

    private func failure(_ message: String) -> Failure { Failure(location: here, message: message) }

    private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private mutating func advance() {
        if scalars[position] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        position += 1
    }

    private mutating func skipWhitespace() {
        while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { advance() }
    }

    private mutating func expect(_ scalar: Unicode.Scalar, _ what: String) throws(Failure) {
        guard current == scalar else {
            throw failure("expected \(what), found \(current.map { "`\($0)`" } ?? "the end of the file")")
        }
        advance()
    }

    private mutating func parseValue(depth: Int) throws(Failure) -> JSONValue {
        // A hostile file of nested brackets must not overflow the stack.
        guard depth < 256 else { throw failure("nested too deeply") }
        let start = here
        switch current {
        case "{": return JSONValue(.object(try parseObject(depth: depth)), at: start)
        case "[": return JSONValue(.array(try parseArray(depth: depth)), at: start)
        case "\"": return JSONValue(.string(try parseString()), at: start)
        case "t": try parseWord("true"); return JSONValue(.bool(true), at: start)
        case "f": try parseWord("false"); return JSONValue(.bool(false), at: start)
        case "n": try parseWord("null"); return JSONValue(.null, at: start)
        case let scalar? where scalar == "-" || ("0"..."9").contains(scalar):
            return JSONValue(.number(try parseNumber()), at: start)
        case let scalar?: throw failure("unexpected `\(scalar)`; expected a JSON value")
        case nil: throw failure("unexpected end of the file; expected a JSON value")
        }
    }

    private mutating func parseWord(_ word: String) throws(Failure) {
        for expected in word.unicodeScalars {
            guard current == expected else { throw failure("invalid literal; expected `\(word)`") }
            advance()
        }
    }

    private mutating func parseObject(depth: Int) throws(Failure) -> [(key: String, value: JSONValue)] {
        advance()  // {
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if current == "}" {
            advance()
            return members
        }
        while true {
            skipWhitespace()
            let keyStart = here
            guard current == "\"" else { throw failure("expected a member name in double quotes") }
            let key = try parseString()
            if members.contains(where: { $0.key == key }) {
                throw Failure(location: keyStart, message: "duplicate member `\(key)`")
            }
            skipWhitespace()
            try expect(":", "`:` after the member name")
            skipWhitespace()
            members.append((key, try parseValue(depth: depth + 1)))
            skipWhitespace()
            if current == "," {
                advance()
                continue
            }
            try expect("}", "`,` or `}`")
            return members
        }
    }

    private mutating func parseArray(depth: Int) throws(Failure) -> [JSONValue] {
        advance()  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == "]" {
            advance()
            return elements
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            if current == "," {
                advance()
                continue
            }
            try expect("]", "`,` or `]`")
            return elements
        }
    }

    private mutating func parseString() throws(Failure) -> String {
        advance()  // opening quote
        var result = String.UnicodeScalarView()
        while true {
            guard let scalar = current else { throw failure("unterminated string") }
            if scalar == "\"" {
                advance()
                return String(result)
            }
            if scalar.value < 0x20 { throw failure("control character in a string; write it as an escape such as \\n") }
            if scalar != "\\" {
                result.append(scalar)
                advance()
                continue
            }
            advance()
            guard let escape = current else { throw failure("unterminated string") }
            advance()
            switch escape {
            case "\"", "\\", "/": result.append(escape)
            case "b": result.append("\u{08}")
            case "f": result.append("\u{0C}")
            case "n": result.append("\n")
            case "r": result.append("\r")
            case "t": result.append("\t")
            case "u":
                var code = try parseHex4()
                if (0xD800...0xDBFF).contains(code) {
                    // A surrogate pair: the low half must follow as another \u escape.
                    guard current == "\\" else { throw failure("lone surrogate in \\u escape") }
                    advance()
                    try expect("u", "`u` of a low surrogate")
                    let low = try parseHex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw failure("invalid low surrogate") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let decoded = Unicode.Scalar(code) else { throw failure("invalid \\u escape") }
                result.append(decoded)
            default:
                throw failure("invalid escape `\\\(escape)`")
            }
        }
    }

    private mutating func parseHex4() throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let scalar = current, scalar.isASCII, let digit = UInt32(String(scalar), radix: 16) else {
                throw failure("expected four hexadecimal digits after \\u")
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    private mutating func parseNumber() throws(Failure) -> Double {
        let start = position
        if current == "-" { advance() }
        guard let first = current, ("0"..."9").contains(first) else { throw failure("expected a digit") }
        if first == "0" {
            advance()
        } else {
            while let digit = current, ("0"..."9").contains(digit) { advance() }
        }
        if current == "." {
            advance()
            guard let digit = current, ("0"..."9").contains(digit) else { throw failure("expected a digit after `.`") }
            while let digit = current, ("0"..."9").contains(digit) { advance() }
        }
        if current == "e" || current == "E" {
            advance()
            if current == "+" || current == "-" { advance() }
            guard let digit = current, ("0"..."9").contains(digit) else { throw failure("expected a digit in the exponent") }
            while let digit = current, ("0"..."9").contains(digit) { advance() }
        }
        let text = String(String.UnicodeScalarView(scalars[start..<position]))
        guard let value = Double(text) else { throw failure("invalid number `\(text)`") }
        return value
    }
}
