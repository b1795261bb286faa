/// A `ReportTable` as aligned plain text for a terminal (what `report.table`
/// prints outside a render): a header, a rule of dashes, then the rows; numeric
/// columns right-aligned, others left-aligned, two spaces between columns.
public enum TextTableRenderer {
    public static func render(_ table: ReportTable) -> String {
        let width = table.width
        guard width > 0 else { return "" }
        let numeric = table.numericColumns
        let header = (0..<width).map { table.columnName($0).onOneLine }
        let body = table.rows.map { row in
            (0..<width).map { table.value(row, $0)?.displayText.onOneLine ?? "" }
        }
        let widths = (0..<width).map { column in
            body.reduce(header[column].count) { max($0, $1[column].count) }
        }
        func line(_ cells: [String]) -> String {
            let padded = (0..<width).map { column in
                let padding = String(repeating: " ", count: max(0, widths[column] - cells[column].count))
                return numeric[column] ? padding + cells[column] : cells[column] + padding
            }
            return padded.joined(separator: "  ").trimmedTrailingWhitespace
        }
        let rule = widths.map { String(repeating: "-", count: max($0, 1)) }.joined(separator: "  ")
        return ([line(header), rule] + body.map(line)).joined(separator: "\n") + "\n"
    }
}
