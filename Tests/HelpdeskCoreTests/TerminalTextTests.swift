import HelpdeskCore
import Testing

struct TerminalTextTests {
    @Test func escapeSequencesInAMessageComeOutInert() {
        // Retitle the window, then clear the screen: neither may reach the terminal.
        #expect(TerminalText.sanitize("hi \u{1B}]0;pwned\u{07}\u{1B}[2Jthere") == "hi there")
    }

    @Test(arguments: [
        ("\u{1B}[31mred\u{1B}[0m", "red"),  // CSI colour
        ("a\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\b", "alinkb"),  // OSC 8 hyperlink, ST-terminated
        ("\u{1B}Pq#0;2;0;0;0\u{1B}\\after", "after"),  // DCS (sixel) string
        ("x\u{9B}1;2Hy", "xy"),  // C1 CSI
        ("bell\u{07}\u{08}\u{7F}", "bell"),  // C0 and DEL
        ("\u{1B}cReset", "Reset"),  // two-character escape
        ("evil\u{202E}txt.exe", "eviltxt.exe"),  // right-to-left override
        ("tab\there", "tab here"),
        ("é 你好 😀", "é 你好 😀"),  // printable text is untouched
    ])
    func stripsControlsAndKeepsText(input: String, expected: String) {
        #expect(TerminalText.sanitize(input) == expected)
    }

    @Test func newlinesAreKeptOnlyWhenAsked() {
        #expect(TerminalText.sanitize("one\ntwo\r\n") == "one two  ")
        #expect(TerminalText.sanitize("one\ntwo", keepNewlines: true) == "one\ntwo")
    }

    @Test func anUnterminatedSequenceSwallowsOnlyItself() {
        #expect(TerminalText.sanitize("ok\u{1B}]0;never ends") == "ok")
        #expect(TerminalText.sanitize("ok\u{1B}") == "ok")
    }
}

/// Characters that draw nothing let two names look alike ("bob" and "b\u{200B}ob") or hide
/// what text says. Prose drops them; names show them.
struct InvisibleCharacterTests {
    static let invisible: [Unicode.Scalar] = [
        "\u{200B}", "\u{200E}", "\u{200F}", "\u{FEFF}", "\u{00AD}", "\u{E0041}", "\u{202E}", "\u{2066}",
    ]

    @Test(arguments: invisible)
    func proseDropsThem(scalar: Unicode.Scalar) {
        #expect(TerminalText.sanitize("b\(scalar)ob") == "bob")
    }

    @Test(arguments: invisible)
    func namesShowThem(scalar: Unicode.Scalar) {
        let shown = TerminalText.identifier("b\(scalar)ob")
        #expect(shown == "b<U+\(String(scalar.value, radix: 16, uppercase: true))>ob")
        #expect(shown != TerminalText.identifier("bob"))
    }

    @Test func joinersStayInProseForEmojiAndScripts() {
        let family = "👩\u{200D}👩\u{200D}👧"
        #expect(TerminalText.sanitize(family) == family)
        #expect(TerminalText.identifier("a\u{200D}b") == "a<U+200D>b")
    }

    @Test func namesAreSanitisedToo() {
        #expect(TerminalText.identifier("ann\u{1B}]0;x\u{07}") == "ann")
    }
}
