/// The input line: editing keys as in readline, history with Up/Down and Ctrl-R, and
/// multi-line text from a bracketed paste.
struct LineEditor {
    private(set) var text: [Character] = []
    private(set) var cursor = 0
    private var history: [String] = []
    private var browsing: Int?
    /// The search typed after Ctrl-R, while searching history.
    private(set) var search: String?
    /// Inside a bracketed paste, Enter is a newline, not "send".
    private(set) var pasting = false

    var string: String { String(text) }
    var isEmpty: Bool { text.isEmpty }

    enum Outcome {
        case handled
        case submit(String)
        /// A key the editor does not use (the screen may).
        case ignored
    }

    mutating func handle(_ key: Key) -> Outcome {
        if search != nil { return handleSearch(key) }
        switch key {
        case .pasteStart: pasting = true
        case .pasteEnd: pasting = false
        case .enter where pasting: insert("\n")
        case .enter:
            let line = string
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return .handled }
            if history.last != line { history.append(line) }
            set("")
            browsing = nil
            return .submit(line)
        case .character(let character): insert(character)
        case .tab where pasting: insert(" ")
        case .backspace:
            guard cursor > 0 else { return .handled }
            text.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .control("d"):
            if cursor < text.count { text.remove(at: cursor) }
        case .left, .control("b"): cursor = max(cursor - 1, 0)
        case .right, .control("f"): cursor = min(cursor + 1, text.count)
        case .control("a"): cursor = 0
        case .control("e"): cursor = text.count
        case .home where !text.isEmpty: cursor = 0
        case .end where !text.isEmpty: cursor = text.count
        case .control("u"):
            text.removeFirst(cursor)
            cursor = 0
        case .control("k"): text.removeLast(text.count - cursor)
        case .control("w"):
            let start = wordStart(before: cursor)
            text.removeSubrange(start..<cursor)
            cursor = start
        case .wordLeft: cursor = wordStart(before: cursor)
        case .wordRight: cursor = wordEnd(after: cursor)
        case .up:
            guard !history.isEmpty else { return .handled }
            browsing = max((browsing ?? history.count) - 1, 0)
            set(history[browsing ?? 0])
        case .down:
            guard let index = browsing else { return .ignored }
            browsing = index + 1 < history.count ? index + 1 : nil
            set(browsing.map { history[$0] } ?? "")
        case .control("r"): search = ""
        default: return .ignored
        }
        return .handled
    }

    /// Replaces the whole line, cursor at the end.
    mutating func set(_ line: String) {
        text = Array(line)
        cursor = text.count
    }

    /// The newest history entry containing `search`.
    var searchMatch: String? {
        guard let search, !search.isEmpty else { return nil }
        return history.last { $0.localizedCaseInsensitiveContains(search) }
    }

    private mutating func handleSearch(_ key: Key) -> Outcome {
        switch key {
        case .character(let character): search?.append(character)
        case .backspace: if search?.isEmpty == false { search?.removeLast() }
        case .enter, .right, .control("e"):
            if let match = searchMatch { set(match) }
            search = nil
        case .escape, .control("g"), .control("c"): search = nil
        default: break
        }
        return .handled
    }

    private mutating func insert(_ character: Character) {
        text.insert(character, at: cursor)
        cursor += 1
    }

    private func wordStart(before index: Int) -> Int {
        var i = index
        while i > 0, text[i - 1] == " " { i -= 1 }
        while i > 0, text[i - 1] != " " { i -= 1 }
        return i
    }

    private func wordEnd(after index: Int) -> Int {
        var i = index
        while i < text.count, text[i] == " " { i += 1 }
        while i < text.count, text[i] != " " { i += 1 }
        return i
    }
}
