import Reports

/// A report with one of everything, for the writer tests.
func sampleReport(
    status: ReportStatus = .complete, renderedAt: String = "2025-01-31T09:15:02Z", wallTime: Double = 1.25
) -> Report {
    let hostile = "<script>alert(1)</script>"
    let cells = [
        RenderedCell(
            cell: NotebookCell(
                kind: .markdown, title: nil, text: "## Intro\n\nWeekly *demand* & more.",
                markerLine: 5, contentLines: 6...8)),
        RenderedCell(
            cell: NotebookCell(
                kind: .code, title: "Load", text: "local s = \"\(hostile)\"\nprint(s)",
                markerLine: 9, contentLines: 10...11),
            outputs: [
                .text(hostile + "\n"),
                .table(
                    ReportTable(
                        columns: ["sku", "qty", "price"],
                        rows: [
                            [.string(hostile), .integer(12), .number(3.14159)],
                            [.string("B|C"), .integer(1_234_567), .missing],
                            [.bool(true), .integer(-3), .number(0.000123456)],
                        ])),
                .figure(
                    svg: "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"gnuplot_canvas\"><script>x()</script></svg>",
                    caption: "Demand <by> week"),
                .markdown("Top seller: **\(hostile)**"),
            ]),
        RenderedCell(
            cell: NotebookCell(kind: .code, title: nil, text: "error('boom')", markerLine: 20, contentLines: 21...21),
            outputs: []),
        RenderedCell(
            cell: NotebookCell(kind: .code, title: nil, text: "print('after')", markerLine: 23, contentLines: 24...24),
            outputs: []),
    ]
    return Report(
        header: NotebookHeader(
            title: "Demand review", author: "A. Analyst", date: "2025-01-31",
            description: "Reviewed *weekly*.", seed: 42, data: ["data/sales.csv"]),
        cells: cells,
        status: status,
        reproducibility: ReproducibilityInfo(
            almanacVersion: "0.9.0", luaVersion: "Lua 5.4.6", gnuplotVersion: "gnuplot 5.4 patchlevel 4",
            operatingSystem: "Debian GNU/Linux 12 (bookworm); Linux 6.1.0 x86_64", seed: 42,
            script: FileFingerprint(path: "examples/review.lua", sha256: String(repeating: "ab", count: 32)),
            dataFiles: [
                FileFingerprint(path: "data/sales.csv", sha256: String(repeating: "cd", count: 32)),
                FileFingerprint(path: "data/gone.csv", sha256: nil),
            ],
            git: GitState(commit: "0123456789abcdef0123456789abcdef01234567", isDirty: true),
            wallTimeSeconds: wallTime, renderedAt: renderedAt))
}
