import Charts
import Testing
import TimeSeries

/// The gnuplot programs themselves, compared with reviewed golden files
/// (regenerate with ALMANAC_UPDATE_GOLDEN=1 after a deliberate change, and read the diff).
@Suite struct GoldenScriptTests {
    @Test func seriesOnACalendar() throws {
        let a = Fixtures.airSeries
        var b = a.with(values: a.values.map { $0 * 0.8 })
        b.name = "scaled"
        let script = try GnuplotScript.render(
            try ChartBuilder.series([a, b], title: "Two series", yLabel: "passengers"), format: .svg)
        #expect(Fixtures.matchesGolden(script, "series"))
    }

    @Test func forecastFan() throws {
        let history = Fixtures.airSeries
        let mean = Fixtures.monthly([170, 172, 175], from: 1952, month: 1, name: "")
        let bands = [
            ForecastBand(level: 80, lower: [160, 158, 157], upper: [180, 186, 193]),
            ForecastBand(level: 95, lower: [155, 150, 147], upper: [185, 194, 203]),
        ]
        let actuals = Fixtures.monthly([171, 180, 193], from: 1952, month: 1, name: "")
        let script = try GnuplotScript.render(
            try ChartBuilder.forecast(
                history: history, mean: mean, bands: bands, actuals: actuals,
                title: "Forecast from ETS(M,A,M)"), format: .png)
        #expect(Fixtures.matchesGolden(script, "forecast"))
    }

    @Test func correlogramAndPareto() throws {
        let acf = try Fixtures.airSeries.autocorrelations(maxLag: 12)
        let pacf = try Fixtures.airSeries.partialAutocorrelations(maxLag: 12)
        let c = try GnuplotScript.render(
            try ChartBuilder.correlogram(acf: acf, pacf: pacf, observations: 36, title: "ACF"), format: .pdf)
        #expect(Fixtures.matchesGolden(c, "correlogram"))
        let p = try GnuplotScript.render(
            try ChartBuilder.pareto(names: ["a", "b", "c", "d"], values: [50, 30, 15, 5]), format: .svg)
        #expect(Fixtures.matchesGolden(p, "pareto"))
    }

    @Test func heatmapAndText() throws {
        let h = try ChartBuilder.heatmap(
            [[1, 2, 3], [4, 5, 6]], rowNames: ["sku_1", "it's"], columnNames: ["h1", "h2", "h3"],
            title: "Error by SKU", colorbarLabel: "sMAPE")
        #expect(Fixtures.matchesGolden(try GnuplotScript.render(h, format: .svg), "heatmap"))
        let t = try GnuplotScript.render(
            try ChartBuilder.series([Fixtures.airSeries]), format: .text, textSize: TextSize(columns: 80, rows: 24))
        #expect(Fixtures.matchesGolden(t, "series_text"))
    }

    @Test func simulationTrace() throws {
        let trace = InventoryTrace(
            onHand: [10, 6, 2, 0, 12, 8], backordered: [0, 0, 0, 3, 0, 0], onOrder: [0, 15, 15, 15, 0, 0],
            ordered: [0, 15, 0, 0, 0, 0], demand: [4, 4, 4, 5, 3, 4], short: [0, 0, 0, 3, 0, 0])
        let f = try ChartBuilder.simulationTrace(trace, levels: [("s", 5), ("S", 20)], title: "Inventory simulation")
        #expect(Fixtures.matchesGolden(try GnuplotScript.render(f, format: .svg), "simulation"))
    }
}
