import CSQLite
import Foundation

/// Reading series from a query on a SQLite file, and writing tables back in one
/// transaction (a failure leaves the database as it was).
public enum SQLite {
    /// Runs `sql` on the database at `path` (opened read-only) and reads the
    /// result like a CSV file with the same options.
    public static func read(path: String, sql: String, options: TableOptions = TableOptions()) throws(DataError)
        -> TableContents
    {
        guard FileManager.default.fileExists(atPath: path) else { throw DataError("\(path): no such file") }
        let db = try open(path, flags: SQLITE_OPEN_READONLY)
        defer { sqlite3_close_v2(db) }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw DataError("\(path): the query failed: \(message(db))")
        }
        defer { sqlite3_finalize(statement) }
        let count = Int(sqlite3_column_count(statement))
        guard count > 0 else { throw DataError("\(path): the query returns no columns") }
        let columns = (0..<count).map { String(cString: sqlite3_column_name(statement, Int32($0))) }
        var assembler = try TableAssembler(columns: columns, options: options, source: "\(path) (query row)")
        var row = 0
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else { throw DataError("\(path): the query failed: \(message(db))") }
            row += 1
            try assembler.add(SQLiteRow(statement: statement), line: row)
        }
        return try assembler.finish()
    }

    public enum WriteMode: String, Sendable, CaseIterable {
        /// Drop the table if it exists and create it anew.
        case replace
        /// Add rows to the table (created if missing).
        case append
    }

    /// Writes `table` into table `name` of the database at `path` (created if
    /// missing), all in one transaction.
    public static func write(_ table: Table, to path: String, table name: String, mode: WriteMode = .replace)
        throws(DataError)
    {
        guard !name.isEmpty else { throw DataError("\(path): the table name is empty") }
        try table.validate(for: path)
        let db = try open(path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        defer { sqlite3_close_v2(db) }
        let quotedName = identifier(name)
        let numeric = table.columns.indices.map { c in
            table.rows.allSatisfy { row in
                switch row[c] {
                case .number, .missing: return true
                case .text: return false
                }
            }
        }
        let definition = table.columns.indices.map {
            "\(identifier(table.columns[$0])) \(numeric[$0] ? "REAL" : "TEXT")"
        }
        try execute(db, "BEGIN IMMEDIATE", path)
        do throws(DataError) {
            if mode == .replace { try execute(db, "DROP TABLE IF EXISTS \(quotedName)", path) }
            try execute(db, "CREATE TABLE IF NOT EXISTS \(quotedName) (\(definition.joined(separator: ", ")))", path)
            let placeholders = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
            let columnList = table.columns.map(identifier).joined(separator: ", ")
            var insert: OpaquePointer?
            guard
                sqlite3_prepare_v2(
                    db, "INSERT INTO \(quotedName) (\(columnList)) VALUES (\(placeholders))", -1, &insert, nil)
                    == SQLITE_OK,
                let insert
            else {
                throw DataError("\(path): cannot insert into '\(name)': \(message(db))")
            }
            defer { sqlite3_finalize(insert) }
            for (r, row) in table.rows.enumerated() {
                sqlite3_reset(insert)
                for (c, cell) in row.enumerated() {
                    let i = Int32(c + 1)
                    switch cell {
                    case .number(let x): sqlite3_bind_double(insert, i, x)
                    case .text(let s): sqlite3_bind_text(insert, i, s, -1, almanac_sqlite_transient())
                    case .missing: sqlite3_bind_null(insert, i)
                    }
                }
                guard sqlite3_step(insert) == SQLITE_DONE else {
                    throw DataError(
                        "\(path): row \(r + 1) could not be written to '\(name)': \(message(db)); nothing was changed")
                }
            }
            try execute(db, "COMMIT", path)
        } catch {
            sqlite3_exec(db, "ROLLBACK", nil, nil, nil)
            throw error
        }
    }

    static func open(_ path: String, flags: Int32) throws(DataError) -> OpaquePointer {
        var db: OpaquePointer?
        let status = sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let reason = db.map(message) ?? String(cString: sqlite3_errstr(status))
            if let db { sqlite3_close_v2(db) }
            throw DataError("\(path): cannot open the database: \(reason)")
        }
        sqlite3_busy_timeout(db, 5000)
        return db
    }

    static func execute(_ db: OpaquePointer, _ sql: String, _ path: String) throws(DataError) {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
            throw DataError("\(path): \(message(db))")
        }
    }

    static func message(_ db: OpaquePointer) -> String { String(cString: sqlite3_errmsg(db)) }

    /// A quoted SQL identifier ("name", with " doubled).
    static func identifier(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}

struct SQLiteRow: RowSource {
    let statement: OpaquePointer

    func withBytes<R>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let c = Int32(column)
        guard let text = sqlite3_column_text(statement, c) else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        return try body(UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, c))))
    }

    func number(_ column: Int) -> Double? {
        let c = Int32(column)
        switch sqlite3_column_type(statement, c) {
        case SQLITE_INTEGER, SQLITE_FLOAT: return sqlite3_column_double(statement, c)
        case SQLITE_NULL: return .nan
        default: return withBytes(column) { NumberParser.parse($0) }
        }
    }

    func text(_ column: Int) -> String {
        guard let text = sqlite3_column_text(statement, Int32(column)) else { return "" }
        return String(cString: text)
    }
}
