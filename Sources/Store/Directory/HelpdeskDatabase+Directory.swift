import Foundation
import GRDB
import HelpdeskCore

extension HelpdeskDatabase {
    /// An account in the demo directory the built-in tools act on, so the embedded default
    /// does something real and visible. A company points `argv` tools at its real directory.
    public struct Account: Sendable, Equatable {
        public let user: String
        public let locked: Bool
        public let mustChangePassword: Bool
        public let passwordChanged: Date?
    }

    public func account(_ user: String) throws -> Account? {
        try read { db in try Self.account(db, user) }
    }

    /// Sets a new password (stored only as a salted hash), requires a change at next
    /// sign-in, and unlocks the account — as a reset does.
    public func resetPassword(of user: String, to password: String, at now: Date = Date()) throws {
        let hash = Self.passwordHash(password)
        try write { db in
            try Self.ensureAccount(db, user)
            try db.execute(
                sql: """
                    UPDATE account SET passwordHash = ?, mustChangePassword = 1, locked = 0, failedAttempts = 0,
                    passwordChanged = ? WHERE user = ?
                    """,
                arguments: [hash, now.timeIntervalSince1970, user])
        }
    }

    public func unlock(_ user: String) throws {
        try write { db in
            try Self.ensureAccount(db, user)
            try db.execute(sql: "UPDATE account SET locked = 0, failedAttempts = 0 WHERE user = ?", arguments: [user])
        }
    }

    /// The account, created unlocked if the directory does not know the user yet.
    public func ensuredAccount(_ user: String) throws -> Account {
        try write { db in
            try Self.ensureAccount(db, user)
            guard let account = try Self.account(db, user) else { throw HelpdeskError.invalid("account \(user) vanished") }
            return account
        }
    }

    private static func ensureAccount(_ db: Database, _ user: String) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO account (user) VALUES (?)", arguments: [user])
    }

    private static func account(_ db: Database, _ user: String) throws -> Account? {
        try Row.fetchOne(db, sql: "SELECT * FROM account WHERE user = ?", arguments: [user]).map { row in
            Account(
                user: row.text("user"), locked: row.integer("locked") != 0,
                mustChangePassword: row.integer("mustChangePassword") != 0,
                passwordChanged: row.optionalDate("passwordChanged"))
        }
    }

    /// `sha256$SALT$HEX`: enough for a demo directory, whose passwords are temporary
    /// anyway; a real directory has its own scheme.
    static func passwordHash(_ password: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        return "sha256$\(salt)$\(sha256Hex(salt + password))"
    }
}
