/// A table for a report: column names and rows of values. Rows shorter or longer
/// than the header are shown as they are (missing cells empty, extra ones under
/// an unnamed column), never refused.
public struct ReportTable: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[TableValue]]

    public init(columns: [String], rows: [[TableValue]]) {
        self.columns = columns
        self.rows = rows
    }

    /// The number of columns shown: the header's, or the longest row's if longer.
    var width: Int { rows.reduce(columns.count) { max($0, $1.count) } }

    /// The column name at `index`, "" past the header.
    func columnName(_ index: Int) -> String { columns.indices.contains(index) ? columns[index] : "" }

    /// The value at (`row`, `column`), nil when the row is shorter.
    func value(_ row: [TableValue], _ column: Int) -> TableValue? { row.indices.contains(column) ? row[column] : nil }

    /// For each column, whether it holds numbers (every value present is a number
    /// or an integer, and there is at least one): such columns are right-aligned.
    var numericColumns: [Bool] {
        (0..<width).map { column in
            var sawNumber = false
            for row in rows {
                switch value(row, column) {
                case .number?, .integer?: sawNumber = true
                case .missing?, nil: continue
                case .string?, .bool?: return false
                }
            }
            return sawNumber
        }
    }
}

public enum TableValue: Sendable, Equatable {
    case number(Double)
    case integer(Int)
    case string(String)
    case bool(Bool)
    case missing
}
