import Foundation
import Reports
import Testing

@Suite struct HTMLReportWriterTests {
    @Test func nothingFromTheScriptCanRunAsScript() {
        let html = HTMLReportWriter.render(sampleReport())
        // The only "<script" anywhere is inside base64 (the figure) or escaped.
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"))
        #expect(html.contains("<pre class=\"stdout\">&lt;script&gt;alert(1)&lt;/script&gt;</pre>"))
        #expect(html.contains("local s = &quot;&lt;script&gt;"))
    }

    @Test func selfContained() {
        let html = HTMLReportWriter.render(sampleReport())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<style>"))
        #expect(html.contains("max-width: 60rem"))
        for external in ["<link", "<script", "@import", "url(", "src=\"http", "href=\"http"] {
            #expect(!html.contains(external), "\(external)")
        }
    }

    @Test func figureIsABase64DataURI() throws {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"gnuplot_canvas\"><script>x()</script></svg>"
        let html = HTMLReportWriter.render(sampleReport())
        let encoded = Data(svg.utf8).base64EncodedString()
        #expect(html.contains("<img src=\"data:image/svg+xml;base64,\(encoded)\" alt=\"Demand &lt;by&gt; week\">"))
        #expect(html.contains("<figcaption>Demand &lt;by&gt; week</figcaption>"))
    }

    @Test func tablesAlignAndFormatNumbers() {
        let html = HTMLReportWriter.render(sampleReport())
        #expect(html.contains("<tr><th>sku</th><th class=\"num\">qty</th><th class=\"num\">price</th></tr>"))
        #expect(html.contains("<td class=\"num\">12</td><td class=\"num\">3.1416</td>"))
        #expect(html.contains("<td class=\"num\">1234567</td><td class=\"num missing\">NA</td>"))
        #expect(html.contains("<td class=\"num\">0.0001235</td>"))
    }

    @Test func markdownGoesThroughInkWithRawHTMLShownAsText() {
        let html = HTMLReportWriter.render(sampleReport())
        #expect(html.contains("<h2>Intro</h2>"))
        #expect(html.contains("<em>demand</em>"))
        #expect(html.contains("Top seller: <strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>"))
    }

    @Test func failedBannerAndNotRunCells() {
        let html = HTMLReportWriter.render(sampleReport(status: .failed(cellIndex: 3, message: "n.lua:21: boom")))
        #expect(
            html.contains(
                "<div class=\"banner\" role=\"alert\"><strong>This report is incomplete:</strong> <a href=\"#cell-3\">cell 3</a> failed"
            ))
        #expect(html.contains("<div class=\"error\" role=\"alert\"><pre>n.lua:21: boom</pre></div>"))
        #expect(html.components(separatedBy: "Not run: an earlier cell failed.").count == 2)  // only cell 4
        #expect(!HTMLReportWriter.render(sampleReport()).contains("banner\""))
    }

    @Test func failureOutsideAnyCellShowsItsMessageInTheBanner() {
        let html = HTMLReportWriter.render(sampleReport(status: .failed(cellIndex: 0, message: "setup <failed>")))
        #expect(html.contains("the script failed outside its cells."))
        #expect(html.contains("<pre>setup &lt;failed&gt;</pre>"))
        #expect(!html.contains("Not run"))
    }

    @Test func reproducibilityPanel() {
        let html = HTMLReportWriter.render(sampleReport())
        #expect(html.contains("<tr><th scope=\"row\">Almanac</th><td>0.9.0</td></tr>"))
        #expect(html.contains("<tr><th scope=\"row\">Seed</th><td>42</td></tr>"))
        #expect(
            html.contains(
                "<tr><th scope=\"row\">Script</th><td>examples/review.lua<br><code>sha256 \(String(repeating: "ab", count: 32))</code></td></tr>"
            ))
        #expect(
            html.contains(
                "<tr><th scope=\"row\">Data file</th><td>data/gone.csv<br><code>sha256 unreadable</code></td></tr>"))
        #expect(html.contains("0123456789abcdef0123456789abcdef01234567 (dirty: uncommitted changes)"))
        #expect(html.contains("<tr class=\"volatile\"><th scope=\"row\">Wall time</th><td>1.25 s</td></tr>\n"))
        #expect(
            html.contains(
                "<tr class=\"volatile\"><th scope=\"row\">Rendered at</th><td>2025-01-31T09:15:02Z</td></tr>\n"))
    }

    @Test func byteIdenticalApartFromTheVolatileLines() {
        let first = HTMLReportWriter.render(sampleReport())
        #expect(HTMLReportWriter.render(sampleReport()) == first)
        let later = HTMLReportWriter.render(sampleReport(renderedAt: "2026-02-01T00:00:00Z", wallTime: 9.5))
        #expect(later != first)
        let differing = zip(first.split(separator: "\n"), later.split(separator: "\n")).filter { $0 != $1 }
        #expect(differing.count == 2)
        #expect(differing.allSatisfy { $0.0.hasPrefix("<tr class=\"volatile\">") })
        #expect(HTMLReportWriter.maskingVolatileLines(first) == HTMLReportWriter.maskingVolatileLines(later))
    }

    @Test func titleFallsBackToTheScriptName() {
        var report = sampleReport()
        report.header = NotebookHeader()
        let html = HTMLReportWriter.render(report)
        #expect(html.contains("<title>review.lua</title>"))
        #expect(html.contains("<h1>review.lua</h1>"))
        #expect(!html.contains("class=\"byline\""))
    }
}
