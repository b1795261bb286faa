/// A `ReportTable` as a GitHub pipe table: numeric columns right-aligned (`---:`).
enum MarkdownTableWriter {
    static func render(_ table: ReportTable) -> String? {
        let width = table.width
        guard width > 0 else { return nil }
        let numeric = table.numericColumns
        // A pipe table needs a header; unnamed columns get an empty one.
        var lines = [row((0..<width).map { MarkdownReportWriter.markdownEscaped(table.columnName($0).onOneLine) })]
        lines.append(row((0..<width).map { numeric[$0] ? "---:" : "---" }))
        for values in table.rows {
            lines.append(
                row(
                    (0..<width).map { column in
                        table.value(values, column).map {
                            MarkdownReportWriter.markdownEscaped($0.displayText.onOneLine)
                        } ?? ""
                    }))
        }
        return lines.joined(separator: "\n")
    }

    private static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }
}
