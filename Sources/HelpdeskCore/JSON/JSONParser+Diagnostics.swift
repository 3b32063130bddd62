extension JSONParser {
    /// Where the first byte that is not UTF-8 is, for a file the standard library refused.
    static func invalidUTF8(in bytes: [UInt8]) -> Failure {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1
        var column = 1
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1 && encoded.first == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                offset += encoded.count
            case .error:
                let byte = offset < bytes.count ? "byte 0x\(hex(UInt32(bytes[offset]), digits: 2)) " : ""
                return Failure(
                    location: SourceLocation(line: line, column: column),
                    message: "\(byte)is not UTF-8; re-save the file as UTF-8 (\"Unicode (UTF-8)\" in most editors)")
            case .emptyInput:
                return Failure(location: SourceLocation(line: 1, column: 1), message: "is not UTF-8; re-save the file as UTF-8")
            }
        }
    }

    /// The character at the current position, named so that an invisible one can be seen,
    /// with what to do about it when that is not obvious.
    func describeCurrent() -> String {
        guard position < bytes.count else { return "the end of the file" }
        var iterator = bytes[position...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else {
            return "byte 0x\(Self.hex(UInt32(bytes[position]), digits: 2))"
        }
        return Self.describe(scalar)
    }

    static func describe(_ byte: UInt8) -> String { describe(Unicode.Scalar(byte)) }

    /// "`x`" for a visible character; a name, code and remedy for one that draws nothing or
    /// is easily mistaken for JSON syntax.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x21...0x7E: return "`\(scalar)`"
        case 0x20: return "a space"
        case 0x00: return "a NUL byte (U+0000)"
        case 0xFEFF: return "a byte-order mark (U+FEFF, invisible; delete it)"
        case 0xA0: return "a no-break space (U+00A0; replace it with a plain space)"
        case 0x2018, 0x2019, 0x201C, 0x201D:
            return "a curly quote `\(scalar)` (U+\(hex(scalar.value)); write a straight `\"`)"
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .surrogate, .privateUse, .unassigned, .spaceSeparator, .lineSeparator,
                .paragraphSeparator, .nonspacingMark, .enclosingMark, .spacingMark:
                return "U+\(hex(scalar.value))"
            default:
                return "`\(scalar)` (U+\(hex(scalar.value)))"
            }
        }
    }

    static func hex(_ value: UInt32, digits: Int = 4) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// `text`, cut to a length that fits in a message: a 1 MB key must not make a 1 MB error.
    static func excerpt(_ text: String, limit: Int = 60) -> String {
        text.unicodeScalars.count <= limit ? text : String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit))) + "…"
    }
}
