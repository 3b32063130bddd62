import HelpdeskCore

/// The input line: editing keys as in readline, history with Up/Down and Ctrl-R, and
/// multi-line text from a bracketed paste.
struct LineEditor {
    private(set) var text: [Character] = []
    private(set) var cursor = 0
    /// Earlier lines, oldest first, for Up/Down and Ctrl-R.
    var history: [String] = []
    private var browsing: Int?
    /// The search typed after Ctrl-R, while searching history.
    private(set) var search: String?
    /// Inside a bracketed paste, Enter is a newline, not "send".
    private(set) var pasting = false
    /// The line's size in UTF-8, kept within `MessageLimit.bytes`, the most the helpdesk
    /// accepts in one message.
    private(set) var byteCount = 0
    /// Characters typed or pasted that did not fit; the chat says so, then resets it.
    var refused = 0

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
            byteCount -= text.remove(at: cursor - 1).utf8.count
            cursor -= 1
        case .delete, .control("d"):
            if cursor < text.count { byteCount -= text.remove(at: cursor).utf8.count }
        case .left, .control("b"): cursor = max(cursor - 1, 0)
        case .right, .control("f"): cursor = min(cursor + 1, text.count)
        case .control("a"): cursor = 0
        case .control("e"): cursor = text.count
        case .home where !text.isEmpty: cursor = 0
        case .end where !text.isEmpty: cursor = text.count
        case .control("u"):
            remove(0..<cursor)
        case .control("k"): remove(cursor..<text.count)
        case .control("w"): remove(wordStart(before: cursor)..<cursor)
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
        byteCount = line.utf8.count
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

    /// Adds a character at the cursor, unless the line is full: a 1 MB paste then costs one
    /// comparison per further character instead of growing the line, the transcript and the
    /// stored conversation.
    private mutating func insert(_ character: Character) {
        let size = character.utf8.count
        guard byteCount + size <= MessageLimit.bytes else {
            refused += 1
            return
        }
        text.insert(character, at: cursor)
        cursor += 1
        byteCount += size
    }

    /// Removes `range`, leaving the cursor at its start.
    private mutating func remove(_ range: Range<Int>) {
        byteCount -= text[range].reduce(0) { $0 + $1.utf8.count }
        text.removeSubrange(range)
        cursor = range.lowerBound
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
