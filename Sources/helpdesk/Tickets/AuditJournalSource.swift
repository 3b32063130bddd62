import Foundation
import Store

/// Where `helpdesk audit verify --against-journal` reads the daemon's anchored lines: a
/// saved file, standard input, or the journal itself through journalctl.
enum AuditJournalSource {
    case file(String)
    case standardInput
    case journalctl

    /// `-` is standard input; no file at all means the system journal.
    init(_ file: String?) {
        switch file {
        case nil: self = .journalctl
        case "-": self = .standardInput
        case let path?: self = .file(path)
        }
    }

    /// Every anchor it holds, of any database.
    /// - Throws: `CommandError` when it cannot be read or holds no anchor at all.
    func anchors() throws -> [AuditAnchor] {
        let (text, name, hint) = try read()
        let anchors = AuditAnchor.anchors(in: text)
        if anchors.isEmpty {
            throw CommandError("\(name) holds no line of the form `audit entry=N hash=… database=…`\(hint)")
        }
        return anchors
    }

    /// The text, a name for it in messages, and what to try when it holds nothing.
    private func read() throws -> (String, String, String) {
        switch self {
        case .file(let path):
            do {
                return (String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self), path, "")
            } catch {
                throw CommandError("cannot read \(path): \(error.localizedDescription)")
            }
        case .standardInput:
            return (String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self), "standard input", "")
        case .journalctl:
            return try Self.journalctl()
        }
    }

    /// `journalctl -t helpdesk-audit -o cat --no-pager`, run directly (argv, no shell).
    private static func journalctl() throws -> (String, String, String) {
        guard let executable = executable(named: "journalctl") else {
            throw CommandError(
                "journalctl is not installed (no systemd journal on this host): pass the syslog file the daemon's lines went to, e.g. `helpdesk audit verify --against-journal /var/log/auth.log`"
            )
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-t", AuditAnchor.identifier.description, "-o", "cat", "--no-pager"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read before waiting: a journal of years fills a pipe many times over. Its errors
        // are a line or two, so reading them second cannot block journalctl.
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandError("journalctl failed (exit status \(process.terminationStatus)): \(lines: said)")
        }
        let hint =
            "; reading the whole system journal takes root or the group systemd-journal or adm"
            + (said.isEmpty ? "" : " (journalctl said: \(said))")
        return (text, "journalctl -t \(AuditAnchor.identifier)", hint)
    }

    /// The first `name` on `PATH` that is executable, as a shell would find it.
    private static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return (path.split(separator: ":") + ["/usr/bin", "/bin"]).map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
