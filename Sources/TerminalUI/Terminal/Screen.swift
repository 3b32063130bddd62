import CNcursesw
import Foundation
import HelpdeskCore

/// The terminal, through ncurses: set up on `start`, restored on `stop` — also at exit and
/// on SIGTERM/SIGHUP, so a killed chat does not leave the shell in raw mode.
///
/// Everything drawn goes through `put`, which strips control and escape sequences and
/// cuts the text to the columns left, so no text from a person or a file can move the
/// cursor, retitle the window or run off the edge.
final class Screen {
    enum Style {
        case normal, bold, dim, reverse, accent, warning, danger, success
    }

    private(set) var rows = 0
    private(set) var columns = 0
    private var colours = false

    func start() {
        if setlocale(LC_ALL, "") == nil || String(cString: nl_langinfo(Int32(CODESET))) != "UTF-8" {
            // ssh sessions often arrive without LANG; wide characters need a UTF-8 locale.
            setlocale(LC_ALL, "C.UTF-8")
        }
        initscr()
        raw()
        noecho()
        keypad(cn_stdscr(), true)
        set_escdelay(25)
        define_key("\u{1B}[200~", Key.pasteStartCode)
        define_key("\u{1B}[201~", Key.pasteEndCode)
        define_key("\u{1B}[1;5D", Key.controlLeftCode)
        define_key("\u{1B}[1;5C", Key.controlRightCode)
        cn_mouse_all()
        if ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true, has_colors() {
            start_color()
            use_default_colors()
            init_pair(1, Int16(COLOR_CYAN), -1)
            init_pair(2, Int16(COLOR_YELLOW), -1)
            init_pair(3, Int16(COLOR_RED), -1)
            init_pair(4, Int16(COLOR_GREEN), -1)
            colours = true
        }
        // Bracketed paste: a pasted newline is text, not "send".
        if let enable = tigetstr("BE"), Int(bitPattern: enable) > 0 {
            putp(enable)
        } else {
            print("\u{1B}[?2004h", terminator: "")
        }
        fflush(nil)
        Screen.installRestore()
        updateSize()
    }

    func stop() { Screen.restore() }

    func updateSize() {
        rows = Int(cn_rows_of(cn_stdscr()))
        columns = Int(cn_cols_of(cn_stdscr()))
    }

    /// Asks the terminal for its size and resizes ncurses if it differs. Two resizes in
    /// quick succession can leave ncurses with the first size (the second SIGWINCH may be
    /// handled by another thread while the first is processed), so the loop checks.
    /// Returns whether the size changed.
    @discardableResult
    func syncSize() -> Bool {
        let before = (rows, columns)
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0,
            Int(size.ws_row) != rows || Int(size.ws_col) != columns
        {
            resizeterm(Int32(size.ws_row), Int32(size.ws_col))
        }
        updateSize()
        return before != (rows, columns)
    }

    func clear() { erase() }

    /// Draws `text` at `row`, `column`, cut to `width` columns (default: to the edge).
    func put(_ row: Int, _ column: Int, _ text: String, _ style: Style = .normal, width: Int? = nil) {
        guard row >= 0, row < rows, column < columns else { return }
        let room = min(width ?? columns - column, columns - column)
        let safe = DisplayWidth.truncate(TerminalText.sanitize(text), to: room)
        let attributes = attributes(for: style)
        attron(attributes)
        var wide = Array(safe.unicodeScalars.map { wchar_t(bitPattern: $0.value) }) + [0]
        _ = cn_addwstr(Int32(row), Int32(column), &wide)
        attroff(attributes)
    }

    /// A full-width line of "─".
    func rule(_ row: Int, _ style: Style = .dim) {
        put(row, 0, String(repeating: "─", count: max(columns, 0)), style)
    }

    func placeCursor(_ row: Int, _ column: Int) {
        move(Int32(row), Int32(min(column, max(columns - 1, 0))))
    }

    func refreshScreen() { refresh() }

    private func attributes(for style: Style) -> Int32 {
        let value: UInt32 =
            switch style {
            case .normal: 0
            case .bold: cn_a_bold()
            case .dim: cn_a_dim()
            case .reverse: cn_a_reverse()
            case .accent: colours ? cn_color_pair(1) : cn_a_bold()
            case .warning: colours ? cn_color_pair(2) | cn_a_bold() : cn_a_bold()
            case .danger: colours ? cn_color_pair(3) | cn_a_bold() : cn_a_reverse()
            case .success: colours ? cn_color_pair(4) : cn_a_bold()
            }
        return Int32(bitPattern: value)
    }

    // MARK: - Restoring the terminal

    private static func restore() {
        guard isendwin() == false else { return }
        print("\u{1B}[?2004l", terminator: "")
        endwin()
        fflush(nil)
    }

    private static func installRestore() {
        atexit { Screen.restore() }
        // Termination and crashes alike: a trap or abort must not leave the shell in raw mode.
        let handled = [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGABRT, SIGILL, SIGTRAP, SIGSEGV, SIGBUS]
        for signal in handled {
            Glibc.signal(signal) { number in
                Screen.restore()
                _exit(128 + number)
            }
        }
        // A blocked signal mask is inherited: started by a thread that blocks them (test
        // runners' and thread pools' threads do), the chat would never see `kill`, `timeout`
        // or a hang-up, and would outlive its terminal.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for signal in handled { sigaddset(&unblocked, signal) }
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    }
}
