import CSQLite
import Knowledge

/// A failed SQLite call, with SQLite's own explanation.
struct SQLiteError: Error, CustomStringConvertible {
    let description: String

    init(_ action: String, _ database: OpaquePointer?) {
        let message = database.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "out of memory"
        description = "SQLite: \(action) failed: \(message)"
    }
}

/// The same passages in an in-memory SQLite FTS5 table: the baseline to beat, because it
/// is what "just use SQLite" would give (Porter stemming, BM25 with column weights).
final class FTS5Baseline {
    /// SQLite's "copy the bytes now" destructor; the macro does not import into Swift.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private let database: OpaquePointer
    private let searchStatement: OpaquePointer

    /// Creates the table and inserts every passage (title and tags, heading, body) in one
    /// transaction through one prepared statement, the fastest way to bulk-load FTS5.
    init(articles: [Article]) throws(SQLiteError) {
        var handle: OpaquePointer?
        guard sqlite3_open(":memory:", &handle) == SQLITE_OK, let handle else {
            let error = SQLiteError("opening an in-memory database", handle)
            sqlite3_close(handle)
            throw error
        }
        database = handle
        do throws(SQLiteError) {
            try Self.execute(
                """
                CREATE VIRTUAL TABLE p USING fts5(title, heading, body,
                    tokenize='porter unicode61 remove_diacritics 2')
                """, in: handle)
            try Self.execute("BEGIN", in: handle)
            let insert = try Self.prepare("INSERT INTO p(title, heading, body) VALUES (?1, ?2, ?3)", in: handle)
            defer { sqlite3_finalize(insert) }
            for article in articles {
                let title = ([article.title] + article.tags).joined(separator: " ")
                for passage in article.passages {
                    guard sqlite3_bind_text(insert, 1, title, -1, Self.transient) == SQLITE_OK,
                        sqlite3_bind_text(insert, 2, passage.heading ?? "", -1, Self.transient) == SQLITE_OK,
                        sqlite3_bind_text(insert, 3, passage.text, -1, Self.transient) == SQLITE_OK,
                        sqlite3_step(insert) == SQLITE_DONE,
                        sqlite3_reset(insert) == SQLITE_OK
                    else { throw SQLiteError("inserting passage of \(article.id)", handle) }
                }
            }
            try Self.execute("COMMIT", in: handle)
            searchStatement = try Self.prepare(
                """
                SELECT rowid, bm25(p, 2.5, 2.0, 1.0) FROM p WHERE p MATCH ?1
                ORDER BY bm25(p, 2.5, 2.0, 1.0) LIMIT 10
                """, in: handle)
        } catch {
            sqlite3_close(handle)
            throw error
        }
    }

    deinit {
        sqlite3_finalize(searchStatement)
        sqlite3_close(database)
    }

    /// Runs one FTS5 MATCH expression and steps through every row; returns the row count.
    func search(_ match: String) throws(SQLiteError) -> Int {
        guard sqlite3_reset(searchStatement) == SQLITE_OK,
            sqlite3_bind_text(searchStatement, 1, match, -1, Self.transient) == SQLITE_OK
        else { throw SQLiteError("binding query \(match)", database) }
        var rows = 0
        while true {
            switch sqlite3_step(searchStatement) {
            case SQLITE_ROW: rows += 1
            case SQLITE_DONE: return rows
            default: throw SQLiteError("searching for \(match)", database)
            }
        }
    }

    /// The query's words, lower-cased, each quoted so FTS5 reads none as an operator, and
    /// joined by OR: the same "any word may match" semantics as helpdesk's BM25.
    /// Nil when the query has no words.
    static func matchExpression(for query: String) -> String? {
        let words = query.lowercased()
            .split { !($0.isLetter || $0.isNumber) }
            .map { "\"\($0)\"" }
        return words.isEmpty ? nil : words.joined(separator: " OR ")
    }

    private static func execute(_ sql: String, in database: OpaquePointer) throws(SQLiteError) {
        guard sqlite3_exec(database, sql, nil, nil, nil) == SQLITE_OK else {
            throw SQLiteError("running \(sql.prefix(40))", database)
        }
    }

    private static func prepare(_ sql: String, in database: OpaquePointer) throws(SQLiteError) -> OpaquePointer {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw SQLiteError("preparing \(sql.prefix(40))", database)
        }
        return statement
    }
}
