import Foundation
import GRDB
import HelpdeskCore

/// The SQLite database every helpdesk process on a host shares: tickets, their history
/// and the audit log.
///
/// Many processes write to one file, so: WAL (readers never block the writer), a busy
/// timeout (without one, concurrent writers lose writes to SQLITE_BUSY), `BEGIN
/// IMMEDIATE` for every write (the write lock is taken up front, so two transactions
/// cannot both read and then deadlock on upgrading), and `synchronous = FULL`, so a
/// ticket reported as created survives a killed process and a power cut.
public final class HelpdeskDatabase: Sendable {
    public let path: String
    let pool: DatabasePool

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// - Throws: `HelpdeskError` saying why the file cannot be used.
    public init(path: String) throws(HelpdeskError) {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            // A bare file name ("tickets.sqlite") lives in the current folder, which exists.
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            // Creating the file, switching it to WAL and migrating race when several processes
            // open a new database at once ("table already exists", "database is locked" on
            // the WAL switch, which ignores the busy timeout): one opener at a time.
            let lock = try OpenLock(path + ".lock")
            defer { lock.release() }
            pool = try DatabasePool(path: path, configuration: configuration)
            try Migrations.migrator.migrate(pool)
        } catch {
            throw .unavailable(path, String(describing: error))
        }
    }

    /// `$XDG_DATA_HOME/helpdesk/helpdesk.sqlite`: the embedded default's own database.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        XDG.dataHome(environment) + "/helpdesk/helpdesk.sqlite"
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction; everything in it commits or nothing does.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            guard let result else { throw HelpdeskError.invalid("the transaction produced no result") }
            return result
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.read(body)
    }

    /// An exclusive `flock` on a file beside the database, held while it is opened. A
    /// separate file: closing any descriptor of the database itself would drop SQLite's
    /// own POSIX locks in this process.
    private struct OpenLock {
        let descriptor: Int32

        init(_ path: String) throws {
            descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { throw HelpdeskError.unavailable(path, String(cString: strerror(errno))) }
            while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        }

        func release() { close(descriptor) }
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    public func integrityCheck() throws -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no result" }
    }
}
