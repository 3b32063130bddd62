import Foundation
import HelpdeskCore

/// The one JSON style of every `--json` output: sorted keys, plain slashes, ISO 8601 dates.
enum JSONOutput {
    static func string<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // Only our own Codable types reach here; they always encode.
        let json = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
        return escapingTerminalControls(json)
    }

    /// JSON escapes C0 controls but passes C1 controls (U+009B is CSI to some terminals),
    /// bidirectional overrides and invisible characters through. They can only occur inside
    /// string literals, where `\uXXXX` means the same character, so escaping them keeps the
    /// value and makes the line inert on a terminal.
    private static func escapingTerminalControls(_ json: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard TerminalText.isUnsafe(scalar) else {
                out.append(scalar)
                continue
            }
            for unit in String(scalar).utf16 {
                out.append(contentsOf: "\\u\(String(format: "%04x", unit))".unicodeScalars)
            }
        }
        return String(out)
    }
}
