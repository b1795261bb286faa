import Foundation
import Reports
import Testing

@Suite struct MarkdownReportWriterTests {
    @Test func sameContentAsGitHubMarkdown() {
        let markdown = MarkdownReportWriter.render(sampleReport())
        #expect(markdown.hasPrefix("# Demand review\n\n*A. Analyst · 2025-01-31*\n\nReviewed *weekly*.\n\n## Intro"))
        #expect(
            markdown.contains("**Cell 2 · Load**\n\n```lua\nlocal s = \"<script>alert(1)</script>\"\nprint(s)\n```"))
        #expect(markdown.contains("```text\n<script>alert(1)</script>\n```"))
        #expect(
            markdown.contains(
                """
                | sku | qty | price |
                | --- | ---: | ---: |
                | &lt;script&gt;alert(1)&lt;/script&gt; | 12 | 3.1416 |
                | B\\|C | 1234567 | NA |
                | true | -3 | 0.0001235 |
                """))
        let encoded = Data(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"gnuplot_canvas\"><script>x()</script></svg>".utf8
        )
        .base64EncodedString()
        #expect(markdown.contains("![Demand &lt;by&gt; week](data:image/svg+xml;base64,\(encoded))"))
        #expect(
            markdown.contains("| Git commit | 0123456789abcdef0123456789abcdef01234567 (dirty: uncommitted changes) |"))
        #expect(markdown.hasSuffix("| Rendered at | 2025-01-31T09:15:02Z |\n"))
    }

    @Test func failedBannerAndError() {
        let markdown = MarkdownReportWriter.render(
            sampleReport(status: .failed(cellIndex: 3, message: "n.lua:21: boom")))
        #expect(markdown.contains("> **This report is incomplete:** cell 3 failed; the cells after it did not run."))
        #expect(markdown.contains("**Error**\n\n```text\nn.lua:21: boom\n```"))
        #expect(markdown.contains("```lua\nprint('after')\n```\n\n*Not run: an earlier cell failed.*"))
    }

    @Test func fencesOutlastBackticksInTheContent() {
        var report = sampleReport()
        report.cells = [
            RenderedCell(
                cell: NotebookCell(kind: .code, title: nil, text: "print(1)", markerLine: nil, contentLines: 1...1),
                outputs: [.text("```\nnot the end\n````")])
        ]
        let markdown = MarkdownReportWriter.render(report)
        #expect(markdown.contains("`````text\n```\nnot the end\n````\n`````"))
    }

    @Test func byteIdenticalApartFromTheVolatileLines() {
        let first = MarkdownReportWriter.render(sampleReport())
        #expect(MarkdownReportWriter.render(sampleReport()) == first)
        let later = MarkdownReportWriter.render(sampleReport(renderedAt: "2026-02-01T00:00:00Z", wallTime: 9.5))
        let differing = zip(first.split(separator: "\n"), later.split(separator: "\n")).filter { $0 != $1 }
        #expect(differing.count == 2)
        #expect(differing.first?.0.hasPrefix("| Wall time |") == true)
        #expect(differing.last?.0.hasPrefix("| Rendered at |") == true)
        #expect(MarkdownReportWriter.maskingVolatileLines(first) == MarkdownReportWriter.maskingVolatileLines(later))
    }
}
