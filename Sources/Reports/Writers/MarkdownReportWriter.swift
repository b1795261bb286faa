/// A report as GitHub-flavoured Markdown, with the same content as the HTML:
/// code in ```lua fences, printed output in ```text fences, pipe tables, figures
/// as images with SVG data URIs, and the reproducibility table at the end.
///
/// Two renders of the same report are byte-identical except the two volatile
/// lines, the table rows that begin `| Wall time |` and `| Rendered at |`.
public enum MarkdownReportWriter {
    public static func render(_ report: Report) -> String {
        let layout = ReportLayout(report: report)
        var blocks: [String] = ["# " + layout.title.onOneLine]
        if let byline = layout.byline { blocks.append("*" + markdownEscaped(byline) + "*") }
        if let description = report.header.description { blocks.append(description) }
        if let failed = layout.failedCell {
            blocks.append("> **This report is incomplete:** cell \(failed) failed; the cells after it did not run.")
        } else if let message = layout.failureOutsideCells {
            blocks.append("> **This report is incomplete:** the script failed outside its cells.")
            blocks.append(fenced(message, language: "text"))
        }
        for (offset, rendered) in report.cells.enumerated() {
            blocks += cell(rendered, index: offset + 1, layout: layout)
        }
        blocks.append("## Reproducibility")
        blocks.append(reproducibilityTable(layout))
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// `rendered` with each volatile line replaced by a fixed one, for comparing two renders.
    public static func maskingVolatileLines(_ rendered: String) -> String {
        splitLuaLines(rendered).map { line in
            volatilePrefixes.first(where: line.hasPrefix).map { $0 + " … |" } ?? line
        }.joined(separator: "\n")
    }

    static let volatilePrefixes = ["| Wall time |", "| Rendered at |"]

    private static func cell(_ rendered: RenderedCell, index: Int, layout: ReportLayout) -> [String] {
        let cell = rendered.cell
        var blocks: [String] = []
        if cell.kind == .code {
            blocks.append("**Cell \(index)" + (cell.title.map { " · " + markdownEscaped($0.onOneLine) } ?? "") + "**")
            if !cell.text.isBlank { blocks.append(fenced(cell.text, language: "lua")) }
        } else if !cell.text.isBlank {
            blocks.append(cell.text)
        }
        blocks += rendered.outputs.compactMap(output)
        if let message = layout.missingError(forCell: index), let block = output(.error(message)) {
            blocks.append(block)
        }
        if layout.didNotRun(cell: index) { blocks.append("*Not run: an earlier cell failed.*") }
        return blocks
    }

    private static func output(_ output: CellOutput) -> String? {
        switch output {
        case .text(let text):
            let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
            return trimmed.isEmpty ? nil : fenced(trimmed, language: "text")
        case .table(let table):
            return MarkdownTableWriter.render(table)
        case .figure(let svg, let caption):
            return "![\(imageAltEscaped(caption))](\(svg.svgDataURI))"
        case .markdown(let markdown):
            return markdown.isBlank ? nil : markdown
        case .error(let message):
            return "**Error**\n\n" + fenced(message, language: "text")
        }
    }

    private static func reproducibilityTable(_ layout: ReportLayout) -> String {
        var lines = ["| | |", "| --- | --- |"]
        for row in layout.reproducibilityRows {
            var value = markdownEscaped(row.text.onOneLine)
            if let sha = row.sha256 { value += "<br>`sha256 \(sha.onOneLine)`" }
            lines.append("| \(row.label) | \(value) |")
        }
        return lines.joined(separator: "\n")
    }

    /// `text` in a fence longer than any run of backticks inside it, so nothing in it can close the fence.
    static func fenced(_ text: String, language: String) -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + language + "\n" + text + "\n" + fence
    }

    /// Text for a table cell or emphasis: no pipes, HTML or backslash escapes take effect.
    static func markdownEscaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "|": result += "\\|"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "*": result += "\\*"
            case "_": result += "\\_"
            case "`": result += "\\`"
            default: result.append(character)
            }
        }
        return result
    }

    /// A caption as image alt text: brackets cannot end it, HTML shows as text.
    private static func imageAltEscaped(_ caption: String) -> String {
        var result = ""
        for character in caption.onOneLine {
            switch character {
            case "[", "]", "\\": result += "\\" + String(character)
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            default: result.append(character)
            }
        }
        return result
    }
}
