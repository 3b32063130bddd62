/// Makes text from people and files safe to draw on a terminal.
public enum TerminalText {
    /// Removes every control character and escape sequence — C0 and C1 controls, CSI
    /// (`ESC [ … final`), OSC/DCS/APC/PM/SOS strings up to their terminator, two-byte
    /// escapes — and bidirectional overrides, which can make text read differently from
    /// what it is. Tabs become spaces; newlines are kept only when `keepNewlines` is set.
    ///
    /// A message holding `ESC ]0;pwned BEL ESC [2J` comes out as plain, inert text instead
    /// of retitling the window and clearing the screen.
    public static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar.value {
            case 0x0A where keepNewlines:
                output.append(scalar)
            case 0x09, 0x0A, 0x0D:
                output.append(" ")
            case 0x1B:
                guard let kind = scalars.next() else { break }
                switch kind {
                case "[": skipControlSequence(&scalars)
                case "]", "P", "X", "^", "_": skipControlString(&scalars)
                default: break  // a two-character escape such as ESC c (reset)
                }
            case 0x9B:
                skipControlSequence(&scalars)
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
                skipControlString(&scalars)
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                break
            default:
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// Skips the parameter and intermediate bytes of a CSI sequence and its final byte.
    private static func skipControlSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
        while let scalar = scalars.next() {
            if (0x40...0x7E).contains(scalar.value) || !(0x20...0x3F).contains(scalar.value) { return }
        }
    }

    /// Skips an OSC/DCS-style string up to BEL, ST (`ESC \`) or the C1 ST.
    private static func skipControlString(_ scalars: inout String.UnicodeScalarView.Iterator) {
        while let scalar = scalars.next() {
            switch scalar.value {
            case 0x07, 0x9C: return
            case 0x1B:
                _ = scalars.next()
                return
            default: continue
            }
        }
    }
}
