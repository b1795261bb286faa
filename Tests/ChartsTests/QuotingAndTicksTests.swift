import Charts
import Foundation
import TestSupport
import Testing
import TimeSeries

@Suite struct QuotingAndTicksTests {
    /// User text is single-quoted: no backquote command, no macro, no newline escapes the string.
    @Test func userTextStaysText() throws {
        var s = Fixtures.airSeries
        s.name = "a`touch x`'b\n@m"
        let script = try GnuplotScript.render(try ChartBuilder.series([s], title: "it's `rm -rf /`"), format: .svg)
        #expect(script.contains("set title ('it'.sprintf('%c',39).'s `rm -rf /`')"))
        // The title line and every other line: no double-quoted strings at all, so no backquote substitution.
        #expect(!script.contains("\""))
    }

    /// The real gnuplot does not run the command in a hostile title.
    @Test(.enabled(if: Fixtures.gnuplotAvailable)) func gnuplotRunsNoCommandFromATitle() throws {
        let folder = temporaryFolder("quote")
        let marker = folder + "/pwned"
        let figure = try ChartBuilder.series([Fixtures.airSeries], title: "x `touch \(marker)` \"`touch \(marker)`\"")
        let svg = try GnuplotRunner.located().run(try GnuplotScript.render(figure, format: .svg), format: .svg)
        #expect(!FileManager.default.fileExists(atPath: marker))
        #expect(String(decoding: svg, as: UTF8.self).contains("touch"))  // drawn as text
    }

    /// Issue 16 §4: a name holding `''` and a title ending in a backslash both draw, and
    /// the backslash does not swallow the next line of the program (the second series).
    @Test(.enabled(if: Fixtures.gnuplotAvailable)) func quotesAndBackslashesDraw() throws {
        var first = Fixtures.airSeries, second = Fixtures.airSeries
        first.name = "SKU ''12'' \\"
        second.name = "after\\"
        let figure = try ChartBuilder.series([first, second], title: "ends in a backslash \\")
        let svg = String(
            decoding: try GnuplotRunner.located().run(try GnuplotScript.render(figure, format: .svg), format: .svg),
            as: UTF8.self)
        #expect(
            svg.contains("SKU &apos;&apos;12&apos;&apos;") || svg.contains("SKU ''12''"), "the quoted name is drawn")
        #expect(svg.contains("after\\"), "the series after the backslash is drawn")
        #expect(svg.contains("ends in a backslash \\"))
    }

    /// Monthly data over 12 years: ticks on 1 January every 2 years; over 3 years, every 6 months.
    @Test func calendarTicksFallOnBoundaries() throws {
        let long = Fixtures.monthly([Double](repeating: 1, count: 144), from: 1949, month: 1, name: "")
        let script = try GnuplotScript.render(try ChartBuilder.series([long]), format: .svg)
        // (days before 1970 are negative)
        #expect(
            script.contains(
                "set xtics ('1950' -7305, '1952' -6575, '1954' -5844, '1956' -5114, '1958' -4383, '1960' -3653)"))
        let short = try GnuplotScript.render(try ChartBuilder.series([Fixtures.airSeries]), format: .svg)
        #expect(short.contains("set xtics ('1949-01' -7670, '1949-07' -7489, '1950-01' -7305,"))
        // Weekly data over 10 weeks: ticks on Mondays.
        let weekly = Series(
            values: [Double](repeating: 1, count: 10),
            index: TimeIndex(frequency: .week, start: CivilDate(year: 2024, month: 1, day: 1)!.daysSinceEpoch))
        let w = try GnuplotScript.render(try ChartBuilder.series([weekly]), format: .svg)
        #expect(w.contains("'2024-01-01' 19723"))
    }

    @Test func badInputIsAClearError() throws {
        #expect(throws: ChartError.self) { try ChartBuilder.series([]) }
        let nan = Series(values: [.nan, .nan])
        let error = #expect(throws: ChartError.self) {
            try GnuplotScript.render(try ChartBuilder.series([nan], title: "empty"), format: .svg)
        }
        #expect(error?.message == "panel 'empty' has no finite values to draw")
        #expect(throws: ChartError.self) { try ChartBuilder.pareto(names: ["a"], values: [-1]) }
        #expect(throws: ChartError.self) {
            try ChartBuilder.heatmap([[1, 2], [3]], rowNames: ["a", "b"], columnNames: ["x", "y"])
        }
        #expect(throws: ChartError.self) { try ChartBuilder.histogram([.nan]) }
        let quarterly = Series(values: [1, 2], index: TimeIndex(frequency: .quarter, start: 8000))
        let mixed = #expect(throws: ChartError.self) {
            try ChartBuilder.series([Fixtures.airSeries, Series(values: [1, 2])])
        }
        #expect(mixed?.message.contains("draw them on separate charts") == true)
        _ = quarterly
        #expect(
            OutputFormat(fileName: "a.PNG") == .png && OutputFormat(fileName: "a.jpg") == nil
                && OutputFormat(fileName: "dir.svg/x") == nil)
    }
}
