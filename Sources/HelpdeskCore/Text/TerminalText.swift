/// Makes text from people and files safe to draw on a terminal.
public enum TerminalText {
    /// Characters that draw nothing, so two different names can look the same or text can
    /// hide what it says: zero-width space, left-to-right and right-to-left marks, the
    /// byte-order mark, the soft hyphen and the Unicode tag characters. The zero-width
    /// (non-)joiners are not here: emoji sequences and Indic and Persian writing need them.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B, 0x200E, 0x200F, 0xFEFF, 0x00AD, 0xE0000...0xE007F: true
        default: false
        }
    }

    /// Bidirectional overrides and isolates, which make text read differently from what it is.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// Whether `scalar` is a control character, a bidirectional control or invisible: what
    /// must never reach a terminal as itself.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: isInvisible(scalar) || isBidiControl(scalar)
        }
    }

    /// A name a person must be able to tell apart from others — a user, a ticket title, an
    /// article id, a tool: sanitised, with every invisible or bidirectional character shown
    /// as `<U+200B>`, so `bob` and `b<U+200B>ob` never look alike.
    public static func identifier(_ text: String) -> String {
        var marked = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            // In a name the joiners are shown too: they are invisible there as well.
            if isInvisible(scalar) || isBidiControl(scalar) || scalar == "\u{200C}" || scalar == "\u{200D}" {
                marked.append(contentsOf: "<U+\(String(scalar.value, radix: 16, uppercase: true))>".unicodeScalars)
            } else {
                marked.append(scalar)
            }
        }
        return sanitize(String(marked))
    }

    /// Removes every control character and escape sequence — C0 and C1 controls, CSI
    /// (`ESC [ … final`), OSC/DCS/APC/PM/SOS strings up to their terminator, two-byte
    /// escapes — bidirectional overrides, which can make text read differently from what it
    /// is, and the invisible characters of `isInvisible`.
    /// Tabs become spaces; newlines are kept only when `keepNewlines` is set.
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
            case 0x00...0x1F, 0x7F...0x9F:
                break
            case _ where isInvisible(scalar) || isBidiControl(scalar):
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
