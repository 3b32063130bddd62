import Foundation

/// The chat's input history, kept between sessions in a file only its user can read
/// (`$XDG_STATE_HOME/helpdesk/history`, mode 0600): one JSON string per line, so a pasted
/// message with newlines stays one entry.
struct InputHistory {
    let path: String
    /// Entries kept; the file is rewritten to this many when it grows to twice as many.
    static let limit = 500

    /// The saved entries, oldest first; none when the file is missing or unreadable.
    func load() -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let entries = String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            try? JSONDecoder().decode(String.self, from: Data(line.utf8))
        }
        if entries.count >= 2 * Self.limit { rewrite(Array(entries.suffix(Self.limit))) }
        return Array(entries.suffix(Self.limit))
    }

    /// Adds an entry. A history that cannot be written is not worth interrupting the chat.
    func append(_ entry: String) {
        guard let line = try? JSONEncoder().encode(entry) else { return }
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = Array(line) + [UInt8(ascii: "\n")]
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    private func rewrite(_ entries: [String]) {
        let lines = entries.compactMap { try? JSONEncoder().encode($0) }.map { String(decoding: $0, as: UTF8.self) }
        let temporary = path + ".new"
        guard
            FileManager.default.createFile(
                atPath: temporary, contents: Data((lines.joined(separator: "\n") + "\n").utf8),
                attributes: [.posixPermissions: 0o600])
        else { return }
        _ = rename(temporary, path)
    }
}
