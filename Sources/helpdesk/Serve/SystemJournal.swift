import Foundation
import Store

/// The system journal through syslog(3): where the daemon anchors each audit entry's hash,
/// outside the database, so a rewrite of the database that recomputes the chain no longer
/// matches (`helpdesk audit verify --against-journal`).
enum SystemJournal {
    /// glibc sends syslog(3) here and nowhere else; journald or rsyslog listens on it.
    static let socket = "/dev/log"

    /// From now on, writes one line per audit entry this process commits to `database`.
    /// Only the daemon does: embedded, the user owns the database and could rewrite it
    /// anyway, and every employee's process writing to the journal would only add noise.
    static func anchor(_ database: HelpdeskDatabase) {
        if !FileManager.default.fileExists(atPath: socket) {
            Console.error(
                "warning: \(socket) is missing (no journald or syslog daemon): audit entries are not anchored outside the database"
            )
        }
        // authpriv: Debian's rsyslog files it in /var/log/auth.log, readable by adm only.
        let identifier = UnsafeRawPointer(AuditAnchor.identifier.utf8Start).assumingMemoryBound(to: CChar.self)
        openlog(identifier, LOG_PID, LOG_AUTHPRIV)
        database.anchorAudit { anchors in
            for anchor in anchors { write(anchor.message) }
        }
    }

    /// One message at notice level. syslog(3) is variadic, which Swift cannot call:
    /// vsyslog with a "%s" format, so a `%` in the message is never read as a conversion.
    private static func write(_ message: String) {
        message.withCString { text in
            withVaList([text]) { arguments in vsyslog(LOG_NOTICE, "%s", arguments) }
        }
    }
}
