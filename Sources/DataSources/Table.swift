import AlmanacCore
import TimeSeries

/// A table of named columns, for writing to CSV or SQLite: series, panels,
/// forecasts and any list of records become one of these.
public struct Table: Sendable, Equatable {
    public enum Cell: Sendable, Equatable {
        case number(Double)
        case text(String)
        case missing
    }

    public var columns: [String]
    public var rows: [[Cell]]

    public init(columns: [String], rows: [[Cell]]) {
        self.columns = columns
        self.rows = rows
    }

    /// date, value.
    public init(series: Series) {
        columns = ["date", "value"]
        rows = (0..<series.count).map { [.text(series.label(at: $0)), Table.cell(series.values[$0])] }
    }

    /// Long form: date, key, value, then each covariate (sorted by name).
    public init(panel: Panel, keyName: String = "key", valueName: String = "value") {
        let covariateNames = Set(panel.entries.values.flatMap { $0.covariates.keys }).sorted()
        columns = ["date", keyName, valueName] + covariateNames
        rows = []
        for key in panel.keys {
            guard let entry = panel[key] else { continue }
            let s = entry.series
            for i in 0..<s.count {
                var row: [Cell] = [.text(s.label(at: i)), .text(key), Table.cell(s.values[i])]
                for name in covariateNames {
                    let values = entry.covariates[name] ?? []
                    row.append(i < values.count ? Table.cell(values[i]) : .missing)
                }
                rows.append(row)
            }
        }
    }

    /// Records (string-keyed rows): columns in `order`, or all keys sorted.
    public init(records: [[String: Cell]], order: [String]? = nil) {
        let names = order ?? Set(records.flatMap(\.keys)).sorted()
        columns = names
        rows = records.map { record in names.map { record[$0] ?? .missing } }
    }

    static func cell(_ x: Double) -> Cell { x.isNaN ? .missing : .number(x) }

    /// Throws unless every row has one cell per column (writers call it before touching a file).
    public func validate(for destination: String) throws(DataError) {
        guard !columns.isEmpty else { throw DataError("\(destination): the table has no columns") }
        for (i, row) in rows.enumerated() where row.count != columns.count {
            throw DataError(
                "\(destination): row \(i + 1) has \(row.count) values for \(columns.count) columns (\(columns.joined(separator: ", ")))"
            )
        }
    }
}
