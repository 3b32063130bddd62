import Foundation
import HelpdeskCore
import Logging

/// Logs go to `$XDG_STATE_HOME/helpdesk/helpdesk.log` (default `~/.local/state/…`), never
/// to the screen, where they would tear through the chat.
///
/// Every message and value is stripped of control characters, so a user's text cannot
/// forge log lines. Secrets are never logged: callers log records, not tool output.
struct LogFile: LogHandler {
    static func bootstrap(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let path = XDG.stateHome(environment) + "/helpdesk/helpdesk.log"
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        LoggingSystem.bootstrap { label in LogFile(label: label, descriptor: descriptor) }
    }

    let label: String
    /// Opened once with O_APPEND: each line is one write, so processes sharing the file
    /// never interleave within a line.
    let descriptor: Int32
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        guard descriptor >= 0 else { return }
        let values = metadata.merging(event.metadata ?? [:]) { $1 }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\(TerminalText.sanitize("\($0.value)"))" }
        let line =
            ([Date().formatted(.iso8601), "[\(event.level)]", "\(label):", TerminalText.sanitize("\(event.message)")] + values)
            .joined(separator: " ") + "\n"
        var bytes = Array(line.utf8)
        _ = write(descriptor, &bytes, bytes.count)
    }
}
