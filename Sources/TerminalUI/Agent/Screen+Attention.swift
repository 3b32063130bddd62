import CNcursesw
import Foundation
import HelpdeskCore

/// Getting an agent's attention when they are in another window: the bell, and the title
/// their terminal or tmux shows for the window.
extension Screen {
    /// Rings the terminal's bell (ncurses flashes the screen where there is none).
    func ring() { beep() }

    /// Sets the window title with OSC 0. Written straight to the terminal: ncurses has no
    /// call for it, and its own output has been flushed by the previous refresh. The title
    /// is sanitised so no caller can pass an escape sequence through.
    func setTitle(_ title: String) {
        Self.write("\u{1B}]0;\(TerminalText.sanitize(title))\u{07}")
    }

    /// Saves the terminal's title on xterm's title stack, for `restoreTitle` at exit.
    static func saveTitle() { write("\u{1B}[22;0t") }

    static func restoreTitle() { write("\u{1B}[23;0t") }

    private static func write(_ sequence: String) {
        let bytes = Array(sequence.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }
}
