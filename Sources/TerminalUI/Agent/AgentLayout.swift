import Foundation
import HelpdeskCore

/// Draws the agent console: the header with the counts and the active filter, the queue or
/// the ticket open (or the list of keys), a notice line, and the key help or the prompt at
/// the bottom.
enum AgentLayout {
    typealias Line = (text: String, style: Screen.Style)

    /// Names an agent acts on — users, titles, tools — with invisible characters shown, so
    /// `b<U+200B>ob` never passes for `bob`.
    static func id(_ name: String) -> String { TerminalText.identifier(name) }

    static func draw(_ console: AgentProgram, on screen: Screen) {
        guard screen.rows >= ChatLayout.minimumRows, screen.columns >= ChatLayout.minimumColumns else {
            ChatLayout.tooSmall(screen)
            return
        }
        header(console, on: screen)
        // Between the header and the notice and help lines.
        let room = screen.rows - 3
        console.page = room
        var position: String?
        if console.showingKeys {
            keys(on: screen, room: room)
        } else if let detail = console.detail {
            position = ticket(detail, console, on: screen, room: room)
        } else {
            queue(console, on: screen, room: room)
        }
        bottom(console, on: screen, position: position)
    }

    private static func header(_ console: AgentProgram, on screen: Screen) {
        var parts = ["Agent console"]
        if console.disconnected { parts.append("reconnecting…") }
        parts.append("\(console.approvals.count) pending")
        if console.filter.isEmpty && console.search.isEmpty {
            let count = console.activeTicketCount
            parts.append("\(count) open ticket\(count == 1 ? "" : "s")")
        } else {
            var narrowed = "\(console.shownTickets.count) of \(console.tickets.count) tickets"
            if !console.filter.isEmpty { narrowed += " · filter: \(console.filter.description)" }
            if console.filter.myQueues {
                let queues = (console.myQueues ?? []).map(id).joined(separator: ", ")
                narrowed += queues.isEmpty ? " (you are in none)" : " (\(queues))"
            }
            if !console.search.isEmpty { narrowed += " · search: “\(console.search)”" }
            parts.append(narrowed)
        }
        parts.append("\(id(console.api.identity.user))@\(ProcessInfo.processInfo.hostName)")
        if !console.disconnected { parts.append(console.api.connection) }
        let text = " " + parts.joined(separator: " · ")
        screen.put(0, 0, text + String(repeating: " ", count: max(screen.columns - DisplayWidth.of(text), 0)), .reverse)
    }

    private static func keys(on screen: Screen, room: Int) {
        var lines: [Line] = [("Keys", .bold)]
        let width = AgentKeys.all.map { DisplayWidth.of($0.key) }.max() ?? 0
        for item in AgentKeys.all {
            let gap = String(repeating: " ", count: width - DisplayWidth.of(item.key) + 2)
            lines.append(("  \(item.key)\(gap)\(item.action)", .normal))
        }
        for (row, line) in lines.prefix(room).enumerated() { screen.put(row + 1, 1, line.text, line.style) }
    }

    /// The notice line (or where the ticket view is), then the prompt or the key help.
    private static func bottom(_ console: AgentProgram, on screen: Screen, position: String?) {
        let row = screen.rows - 1
        if let prompt = console.prompt {
            if let problem = console.promptProblem {
                screen.put(row - 1, 0, problem, .danger)
            } else {
                screen.put(row - 1, 0, prompt.question(agents: console.agentNames), .bold)
            }
            input(prompt.label, console.editor, on: screen, row: row)
            return
        }
        if let notice = console.notice {
            screen.put(row - 1, 0, notice.0, notice.1)
        } else if let position {
            screen.put(row - 1, 0, position, .dim)
        }
        helpLine(AgentKeys.help(for: console), on: screen, row: row)
    }

    /// The prompt's label and input, the input's start cut off when the cursor would pass
    /// the edge.
    private static func input(_ label: String, _ editor: LineEditor, on screen: Screen, row: Int) {
        let room = max(screen.columns - DisplayWidth.of(label) - 1, 1)
        var before = editor.text.prefix(editor.cursor)
        var cut = false
        while DisplayWidth.of(String(before)) + (cut ? 1 : 0) > room, !before.isEmpty {
            before.removeFirst()
            cut = true
        }
        let shown = (cut ? "…" : "") + String(before) + String(editor.text.dropFirst(editor.cursor))
        screen.put(row, 0, label, .accent)
        screen.put(row, DisplayWidth.of(label), shown)
        screen.placeCursor(row, DisplayWidth.of(label) + (cut ? 1 : 0) + DisplayWidth.of(String(before)))
    }

    /// "key action" pairs, the keys bold, as many as fit, then "? all keys" if some did not.
    private static func helpLine(_ items: [AgentKeys.Item], on screen: Screen, row: Int) {
        func width(_ item: AgentKeys.Item) -> Int { DisplayWidth.of(item.key) + 1 + DisplayWidth.of(item.action) + 2 }
        let all = items.reduce(0) { $0 + width($1) }
        var shown = items
        if all > screen.columns {
            let room = screen.columns - width(AgentKeys.more)
            var used = 0
            shown =
                Array(
                    items.prefix { item in
                        used += width(item)
                        return used <= room
                    }) + [AgentKeys.more]
        }
        var column = 0
        for item in shown {
            screen.put(row, column, item.key, .bold)
            screen.put(row, column + DisplayWidth.of(item.key) + 1, item.action, .dim)
            column += width(item)
        }
    }
}
