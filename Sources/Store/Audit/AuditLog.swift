import CCrypto
import Foundation
import GRDB
import HelpdeskCore

extension HelpdeskDatabase {
    static let genesisHash = String(repeating: "0", count: 64)

    /// Appends an entry inside the caller's write transaction, so the change and its record
    /// commit together — and, under `BEGIN IMMEDIATE`, one writer at a time, so the chain
    /// stays a chain even with many processes writing.
    static func audit(_ db: Database, actor: String, action: String, subject: String, detail: String, at: Date) throws {
        let previous = try String.fetchOne(db, sql: "SELECT hash FROM audit ORDER BY id DESC LIMIT 1") ?? genesisHash
        let hash = entryHash(
            previous: previous, at: at.timeIntervalSince1970, actor: actor, action: action, subject: subject, detail: detail)
        try db.execute(
            sql: "INSERT INTO audit (at, actor, action, subject, detail, previousHash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [at.timeIntervalSince1970, actor, action, subject, detail, previous, hash])
    }

    /// The audit log, oldest first (or the last `limit` entries).
    public func auditEntries(limit: Int? = nil) throws -> [AuditEntry] {
        try read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM (SELECT * FROM audit ORDER BY id DESC LIMIT ?) ORDER BY id", arguments: [limit ?? -1])
            return rows.map { row in
                AuditEntry(
                    id: row.integer("id"), at: row.date("at"), actor: row.text("actor"), action: row.text("action"),
                    subject: row.text("subject"), detail: row.text("detail"), previousHash: row.text("previousHash"),
                    hash: row.text("hash"))
            }
        }
    }

    /// Recomputes every entry's hash and checks each links to the one before.
    public func verifyAudit() throws -> AuditVerification {
        try read { db in
            var previous = Self.genesisHash
            var count = 0
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM audit ORDER BY id")
            while let row = try rows.next() {
                let id = row.integer("id")
                guard row.text("previousHash") == previous else {
                    return .broken(entry: id, reason: "it does not follow entry \(id - 1) (an entry was removed or changed)")
                }
                let hash = Self.entryHash(
                    previous: previous, at: row.date("at").timeIntervalSince1970, actor: row.text("actor"),
                    action: row.text("action"), subject: row.text("subject"), detail: row.text("detail"))
                guard row.text("hash") == hash else {
                    return .broken(entry: id, reason: "its contents do not match its hash (it was edited)")
                }
                previous = hash
                count += 1
            }
            return .intact(entries: count)
        }
    }

    /// SHA-256 over the previous hash and the fields, as a JSON array so no two different
    /// entries can produce the same input.
    static func entryHash(previous: String, at: Double, actor: String, action: String, subject: String, detail: String) -> String
    {
        let fields: [String] = [previous, String(at), actor, action, subject, detail]
        return sha256Hex(String(decoding: (try? JSONEncoder().encode(fields)) ?? Data(), as: UTF8.self))
    }

    /// SHA-256 of the UTF-8 bytes of `text`, as 64 hexadecimal digits (OpenSSL's libcrypto).
    static func sha256Hex(_ text: String) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        var text = text
        text.withUTF8 { bytes in _ = SHA256(bytes.baseAddress, bytes.count, &digest) }
        return digest.map { String(format: "%02x", $0) }.joined()
    }
}
