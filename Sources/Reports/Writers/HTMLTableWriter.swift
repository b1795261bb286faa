/// A `ReportTable` as an HTML table: numeric columns right-aligned, missing values muted.
enum HTMLTableWriter {
    static func render(_ table: ReportTable) -> [String] {
        let numeric = table.numericColumns
        let width = table.width
        guard width > 0 else { return [] }
        var html = ["<div class=\"table-wrap\">", "<table>", "<thead>"]
        let headers = (0..<width).map { column in
            "<th\(numeric[column] ? " class=\"num\"" : "")>\(table.columnName(column).htmlEscaped)</th>"
        }
        html.append("<tr>" + headers.joined() + "</tr>")
        html += ["</thead>", "<tbody>"]
        for row in table.rows {
            let cells = (0..<width).map { column -> String in
                guard let value = table.value(row, column) else { return "<td></td>" }
                var classes: [String] = []
                if numeric[column] { classes.append("num") }
                if value.isMissing { classes.append("missing") }
                let attribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                return "<td\(attribute)>\(value.displayText.htmlEscaped)</td>"
            }
            html.append("<tr>" + cells.joined() + "</tr>")
        }
        html += ["</tbody>", "</table>", "</div>"]
        return html
    }
}
