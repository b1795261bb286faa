import CSQLite
import DataSources
import Foundation
import TestSupport
import Testing
import TimeSeries

@Suite struct WritersTests {
    let panel: Panel = {
        var p = Panel()
        p["B, the second"] = Panel.Entry(
            series: Series(
                name: "B, the second", values: [1.5, .nan], index: TimeIndex(frequency: .month, start: 2024 * 12)),
            covariates: ["price": [2, 2.25]])
        p["A"] = Panel.Entry(
            series: Series(name: "A", values: [3, 4], index: TimeIndex(frequency: .month, start: 2024 * 12 + 1)),
            covariates: ["price": [1, 1]])
        return p
    }()

    @Test func csvRoundTripsAPanel() throws {
        let path = temporaryFolder("write") + "/panel.csv"
        try CSVWriter.write(Table(panel: panel), to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            text
                == "date,key,value,price\n2024-02,A,3,1\n2024-03,A,4,1\n2024-01,\"B, the second\",1.5,2\n2024-02,\"B, the second\",,2.25\n"
        )
        var options = TableOptions()
        options.key = "key"
        options.covariates = ["price"]
        options.value = "value"
        guard case .panel(let back) = try CSVReader.read(path: path, options: options) else {
            Issue.record("expected a panel"); return
        }
        #expect(back.keys == panel.keys)
        #expect(back.series("A") == panel.series("A"))
        #expect(back["B, the second"]?.covariates["price"] == [2, 2.25])
    }

    @Test func aFailedWriteLeavesNoFile() throws {
        let folder = temporaryFolder("write")
        #expect(throws: DataError.self) {
            try CSVWriter.write(Table(series: Series(values: [1])), to: folder + "/missing/x.csv")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        // Overwriting replaces the whole file at once.
        let path = folder + "/x.csv"
        try CSVWriter.write(Table(series: Series(values: [1, 2, 3])), to: path)
        try CSVWriter.write(Table(series: Series(values: [9])), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "date,value\n1,9\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["x.csv"])
    }

    @Test func recordsBecomeColumns() throws {
        let path = temporaryFolder("write") + "/r.csv"
        let records: [[String: Table.Cell]] = [
            ["sku": .text("A"), "q": .number(304.0468)], ["sku": .text("B"), "note": .text("x")],
        ]
        try CSVWriter.write(Table(records: records), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "note,q,sku\n,304.0468,A\nx,,B\n")
    }

    @Test func sqliteRoundTripsAndFailuresChangeNothing() throws {
        let path = temporaryFolder("sqlite") + "/sales.sqlite"
        try SQLite.write(Table(panel: panel), to: path, table: "sales")
        var options = TableOptions()
        options.key = "key"
        options.value = "value"
        options.covariates = ["price"]
        guard
            case .panel(let back) = try SQLite.read(
                path: path, sql: "SELECT * FROM sales ORDER BY key, date", options: options)
        else {
            Issue.record("expected a panel"); return
        }
        #expect(back.series("A") == panel.series("A"))
        #expect(back["B, the second"]?.series.values[1].isNaN == true)
        // Appending rows that do not fit the table's columns fails and leaves it as it was.
        let wrong = Table(columns: ["date", "key", "other"], rows: [[.text("2024-05"), .text("C"), .number(1)]])
        #expect(throws: DataError.self) { try SQLite.write(wrong, to: path, table: "sales", mode: .append) }
        // A ragged table is refused before the database is touched.
        let ragged = Table(
            columns: ["date", "key", "value", "price"],
            rows: [[.text("x"), .text("y"), .number(1), .number(2)], [.text("x")]])
        do { try SQLite.write(ragged, to: path, table: "sales") } catch {
            #expect(error.message.hasSuffix("row 2 has 1 values for 4 columns (date, key, value, price)"))
        }
        // A failure halfway through (a CHECK constraint refusing the second row) leaves the table as it was:
        // the first row, already inserted, is rolled back too.
        var db: OpaquePointer?
        sqlite3_open(path, &db)
        sqlite3_exec(
            db, "CREATE TABLE strict (date INTEGER, value REAL CHECK (value > 0)); INSERT INTO strict VALUES (2001, 1)",
            nil, nil, nil)
        sqlite3_close(db)
        let rows = Table(
            columns: ["date", "value"], rows: [[.number(2002), .number(2)], [.number(2003), .number(-1)]])
        do { try SQLite.write(rows, to: path, table: "strict", mode: .append) } catch {
            #expect(error.message.contains("row 2 could not be written to 'strict': CHECK constraint failed"))
            #expect(error.message.hasSuffix("nothing was changed"))
        }
        guard case .series(let strict) = try SQLite.read(path: path, sql: "SELECT date, value FROM strict") else {
            return
        }
        #expect(strict.values == [1])
        guard case .panel(let again) = try SQLite.read(path: path, sql: "SELECT * FROM sales", options: options) else {
            return
        }
        #expect(again.keys == panel.keys)
        // Query errors are reported with SQLite's reason.
        do { _ = try SQLite.read(path: path, sql: "SELEC * FROM sales") } catch {
            #expect(error.message.contains("the query failed: near \"SELEC\": syntax error"))
        }
        #expect(throws: DataError.self) { try SQLite.read(path: path + ".missing", sql: "SELECT 1") }
    }
}
