/// A report as one self-contained HTML5 file: inline CSS, figures as data URIs,
/// no scripts, fonts or links to load. Everything from the script (code, output,
/// table cells, captions) is escaped, and raw HTML in Markdown shows as text.
///
/// Two renders of the same report are byte-identical except the two volatile
/// lines (wall time, rendered at), each a single `<tr class="volatile">` line.
public enum HTMLReportWriter {
    public static func render(_ report: Report) -> String {
        let layout = ReportLayout(report: report)
        var html: [String] = [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<meta name=\"generator\" content=\"Almanac \(report.reproducibility.almanacVersion.onOneLine.htmlEscaped)\">",
            "<title>\(layout.title.onOneLine.htmlEscaped)</title>",
            "<style>",
            HTMLStyle.css,
            "</style>",
            "</head>",
            "<body>",
            "<main>",
        ]
        html += banner(layout)
        html += titleBlock(layout)
        for (offset, rendered) in report.cells.enumerated() {
            html += cell(rendered, index: offset + 1, layout: layout)
        }
        html += reproducibilityPanel(layout)
        html += ["</main>", "</body>", "</html>", ""]
        return html.joined(separator: "\n")
    }

    /// `rendered` with each volatile line replaced by a fixed one, for comparing two renders.
    public static func maskingVolatileLines(_ rendered: String) -> String {
        splitLuaLines(rendered).map { $0.contains(volatileMarker) ? volatileMarker + "…</tr>" : $0 }.joined(
            separator: "\n")
    }

    static let volatileMarker = "<tr class=\"volatile\">"

    private static func banner(_ layout: ReportLayout) -> [String] {
        if let failed = layout.failedCell {
            return [
                "<div class=\"banner\" role=\"alert\"><strong>This report is incomplete:</strong> <a href=\"#cell-\(failed)\">cell \(failed)</a> failed; the cells after it did not run.</div>"
            ]
        }
        if let message = layout.failureOutsideCells {
            return [
                "<div class=\"banner\" role=\"alert\"><strong>This report is incomplete:</strong> the script failed outside its cells.",
                "<pre>\(preformatted(message))</pre></div>",
            ]
        }
        return []
    }

    private static func titleBlock(_ layout: ReportLayout) -> [String] {
        var html = ["<header class=\"title-block\">", "<h1>\(layout.title.htmlEscaped)</h1>"]
        if let byline = layout.byline { html.append("<p class=\"byline\">\(byline.htmlEscaped)</p>") }
        if let description = layout.report.header.description {
            html.append("<div class=\"description\">\(MarkdownToHTML.render(description))</div>")
        }
        html.append("</header>")
        return html
    }

    private static func cell(_ rendered: RenderedCell, index: Int, layout: ReportLayout) -> [String] {
        let cell = rendered.cell
        guard cell.kind == .code else {
            var html = ["<section class=\"cell markdown\" id=\"cell-\(index)\">"]
            if !cell.text.isBlank { html.append(MarkdownToHTML.render(cell.text)) }
            html += outputBlock(rendered.outputs, extraError: layout.missingError(forCell: index))
            html.append("</section>")
            return html
        }
        let label = "Cell \(index)" + (cell.title.map { " · " + $0 } ?? "")
        var html = [
            "<section class=\"cell code\" id=\"cell-\(index)\">",
            "<p class=\"cell-label\">\(label.onOneLine.htmlEscaped)</p>",
        ]
        if !cell.text.isBlank {
            html.append("<pre class=\"source\"><code class=\"language-lua\">\(cell.text.htmlEscaped)</code></pre>")
        }
        html += outputBlock(rendered.outputs, extraError: layout.missingError(forCell: index))
        if layout.didNotRun(cell: index) {
            html.append("<p class=\"not-run\">Not run: an earlier cell failed.</p>")
        }
        html.append("</section>")
        return html
    }

    private static func outputBlock(_ outputs: [CellOutput], extraError: String?) -> [String] {
        var parts = outputs.flatMap(output)
        if let extraError { parts += output(.error(extraError)) }
        guard !parts.isEmpty else { return [] }
        return ["<div class=\"output\">"] + parts + ["</div>"]
    }

    private static func output(_ output: CellOutput) -> [String] {
        switch output {
        case .text(let text):
            let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
            return trimmed.isEmpty ? [] : ["<pre class=\"stdout\">\(preformatted(trimmed))</pre>"]
        case .table(let table):
            return HTMLTableWriter.render(table)
        case .figure(let svg, let caption):
            var html = ["<figure>", "<img src=\"\(svg.svgDataURI)\" alt=\"\(caption.onOneLine.htmlEscaped)\">"]
            if !caption.isBlank { html.append("<figcaption>\(caption.htmlEscaped)</figcaption>") }
            html.append("</figure>")
            return html
        case .markdown(let markdown):
            return ["<div class=\"markdown\">", MarkdownToHTML.render(markdown), "</div>"]
        case .error(let message):
            return ["<div class=\"error\" role=\"alert\"><pre>\(preformatted(message))</pre></div>"]
        }
    }

    /// Escaped text for a <pre>; a leading newline is doubled because HTML drops
    /// the first newline after <pre>.
    private static func preformatted(_ text: String) -> String {
        (text.hasPrefix("\n") ? "\n" : "") + text.htmlEscaped
    }

    private static func reproducibilityPanel(_ layout: ReportLayout) -> [String] {
        var html = ["<section class=\"reproducibility\">", "<h2>Reproducibility</h2>", "<table>"]
        for row in layout.reproducibilityRows {
            var value = row.text.onOneLine.htmlEscaped
            if let sha = row.sha256 { value += "<br><code>sha256 \(sha.onOneLine.htmlEscaped)</code>" }
            let opening = row.isVolatile ? volatileMarker : "<tr>"
            html.append("\(opening)<th scope=\"row\">\(row.label.htmlEscaped)</th><td>\(value)</td></tr>")
        }
        html += ["</table>", "</section>"]
        return html
    }
}
