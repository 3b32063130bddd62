import Foundation

/// Lays out the chat: transcript, status bar, input line — or "terminal too small".
enum ChatLayout {
    static let minimumRows = 6
    static let minimumColumns = 24

    static func draw(_ chat: ChatProgram, on screen: Screen) {
        guard screen.rows >= minimumRows, screen.columns >= minimumColumns else {
            tooSmall(screen)
            return
        }
        let transcriptRows = screen.rows - 2
        var lines: [(String, Screen.Style)] = []
        for entry in chat.entries {
            if !lines.isEmpty { lines.append(("", .normal)) }
            lines += entry.lines(width: screen.columns - 1)
        }
        chat.scroll = min(chat.scroll, max(lines.count - transcriptRows, 0))
        let end = lines.count - chat.scroll
        let start = max(end - transcriptRows, 0)
        for (row, line) in lines[start..<end].enumerated() {
            screen.put(row, 0, line.0, line.1)
        }
        statusBar(chat, on: screen, row: screen.rows - 2, more: chat.scroll > 0)
        inputLine(chat, on: screen, row: screen.rows - 1)
    }

    private static func statusBar(_ chat: ChatProgram, on screen: Screen, row: Int, more: Bool) {
        var parts = [
            "\(chat.api.identity.user)@\(ProcessInfo.processInfo.hostName)",
            chat.disconnected ? "reconnecting…" : chat.api.connection,
        ]
        parts.append("\(chat.pendingRequests) pending")
        parts.append("\(chat.openTickets) open ticket\(chat.openTickets == 1 ? "" : "s")")
        if more { parts.append("↓ more below (End)") }
        if chat.editingTicket != nil { parts.append("editing the ticket's title: Enter saves, Esc cancels") }
        parts.append("F1 help")
        let text = " " + parts.joined(separator: " · ")
        screen.put(row, 0, text + String(repeating: " ", count: max(screen.columns - DisplayWidth.of(text), 0)), .reverse)
    }

    /// The input line, scrolled sideways so the cursor stays visible; a newline from a
    /// paste shows as ⏎.
    private static func inputLine(_ chat: ChatProgram, on screen: Screen, row: Int) {
        if let search = chat.editor.search {
            screen.put(row, 0, "(search: \(search)) \(chat.editor.searchMatch ?? "")", .accent)
            screen.placeCursor(row, min(10 + DisplayWidth.of(search), screen.columns - 1))
            return
        }
        let prompt = "> "
        let shown = chat.editor.text.map { $0 == "\n" ? "⏎" : $0 }
        let room = max(screen.columns - DisplayWidth.of(prompt) - 1, 1)
        let cursorColumn = DisplayWidth.of(String(shown.prefix(chat.editor.cursor)))
        var skip = 0
        var skippedWidth = 0
        while cursorColumn - skippedWidth > room, skip < shown.count {
            skippedWidth += DisplayWidth.of(shown[skip])
            skip += 1
        }
        screen.put(row, 0, prompt, .bold)
        screen.put(row, DisplayWidth.of(prompt), String(shown.dropFirst(skip)))
        screen.placeCursor(row, DisplayWidth.of(prompt) + cursorColumn - skippedWidth)
    }

    static func tooSmall(_ screen: Screen) {
        let message = screen.columns >= 18 ? "terminal too small" : "too small"
        screen.put(max(screen.rows / 2, 0), max((screen.columns - message.count) / 2, 0), message, .bold)
    }
}
