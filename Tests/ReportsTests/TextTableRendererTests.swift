import Reports
import Testing

@Suite struct TextTableRendererTests {
    @Test func alignedColumns() {
        let table = ReportTable(
            columns: ["sku", "qty", "price"],
            rows: [
                [.string("A"), .integer(12), .number(3.5)],
                [.string("BBBBBB"), .integer(1_000), .missing],
                [.string("C"), .integer(-7), .number(2.0 / 3.0)],
            ])
        #expect(
            TextTableRenderer.render(table) == """
                sku      qty   price
                ------  ----  ------
                A         12     3.5
                BBBBBB  1000      NA
                C         -7  0.6667

                """)
    }

    @Test func raggedRowsAndNoRows() {
        let ragged = ReportTable(columns: ["a"], rows: [[.bool(true), .string("extra")], []])
        #expect(TextTableRenderer.render(ragged) == "a\n----  -----\ntrue  extra\n\n")
        #expect(TextTableRenderer.render(ReportTable(columns: ["x", "y"], rows: [])) == "x  y\n-  -\n")
        #expect(TextTableRenderer.render(ReportTable(columns: [], rows: [])) == "")
    }

    @Test func realsAreFormattedSensibly() {
        let cases: [(Double, String)] = [
            (3, "3"), (2.5, "2.5"), (3.14159, "3.1416"), (-0.0, "0"), (1234567.891, "1234567.891"),
            (0.5, "0.5"), (0.001234567, "0.001235"), (1e-9, "1e-09"), (6.02214e23, "6.022e+23"),
            (.nan, "NA"), (.infinity, "Inf"), (-.infinity, "-Inf"), (-0.00004, "-0.00004"),
        ]
        for (value, expected) in cases {
            let text = TextTableRenderer.render(ReportTable(columns: ["v"], rows: [[.number(value)]]))
            #expect(
                text.split(separator: "\n").last.map { $0.trimmingPrefix(while: \.isWhitespace) } == expected[...],
                "\(value)")
        }
    }
}
