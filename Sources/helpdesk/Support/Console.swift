import Foundation
import HelpdeskCore

/// The one way the command line writes text a person reads. Everything goes through
/// `TerminalString`, whose interpolated values are sanitised, so a user name, a ticket
/// title, an article's file name or a tool's output holding `ESC ]52;…` (a clipboard write)
/// or `ESC [2J` reaches the terminal as inert text, whichever command prints it.
enum Console {
    /// Whether highlights may use terminal attributes: standard output is a terminal and
    /// `NO_COLOR` is unset or empty.
    static let styled =
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true

    static func out(_ text: TerminalString, terminator: String = "\n") {
        write(text.text + terminator, to: .standardOutput)
    }

    static func error(_ text: TerminalString, terminator: String = "\n") {
        write(text.text + terminator, to: .standardError)
    }

    /// Any `--json` output: JSON escapes C0 controls itself; C1 controls and bidirectional
    /// overrides are escaped too, so the line stays the same JSON value and inert on a terminal.
    static func json<T: Encodable>(_ value: T) {
        write(JSONOutput.string(value) + "\n", to: .standardOutput)
    }

    private static func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(text.utf8))
    }
}

/// Text for the terminal: literal parts are the program's own, every interpolated value
/// is sanitised. `\(id: name)` shows invisible characters in a name as `<U+200B>`;
/// `\(lines: text)` keeps newlines; `\(trusted: .bold)` is for the program's own
/// attributes only.
struct TerminalString: ExpressibleByStringInterpolation, Sendable {
    private(set) var text: String

    init(stringLiteral value: String) { text = value }
    init(stringInterpolation: StringInterpolation) { text = stringInterpolation.text }

    struct StringInterpolation: StringInterpolationProtocol {
        var text = ""
        init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity) }
        mutating func appendLiteral(_ literal: String) { text += literal }
        mutating func appendInterpolation(_ value: some Any) { text += TerminalText.sanitize("\(value)") }
        mutating func appendInterpolation(id value: some StringProtocol) { text += TerminalText.identifier(String(value)) }
        mutating func appendInterpolation(lines value: some StringProtocol) {
            text += TerminalText.sanitize(String(value), keepNewlines: true)
        }
        mutating func appendInterpolation(_ value: TerminalString) { text += value.text }
        mutating func appendInterpolation(trusted attribute: Attribute) { text += attribute.rawValue }
    }

    /// The attributes the program itself may emit; empty when output is not styled.
    enum Attribute: String, Sendable {
        case bold = "\u{1B}[1m"
        case normal = "\u{1B}[22m"
        case red = "\u{1B}[31m"
        case defaultColor = "\u{1B}[39m"
    }

    static func + (lhs: TerminalString, rhs: TerminalString) -> TerminalString {
        var joined = lhs
        joined.text += rhs.text
        return joined
    }

    static func += (lhs: inout TerminalString, rhs: TerminalString) { lhs.text += rhs.text }

}

extension Sequence<TerminalString> {
    func joined(separator: TerminalString = "") -> TerminalString {
        var result: TerminalString = ""
        for (index, next) in enumerated() { result += index == 0 ? next : separator + next }
        return result
    }
}

/// `print` would write a value unsanitised; in this module every line goes through
/// `Console`, and this makes a forgotten one a build error rather than an escape hatch.
@available(*, unavailable, message: "write with Console.out or Console.error, which sanitise what they print")
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {}
