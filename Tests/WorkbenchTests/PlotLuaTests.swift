import Foundation
import LuaBridge
import Reports
import Testing

@testable import Workbench

/// plot.* from Lua with the real gnuplot: files appear whole, errors name the option and the fix.
@Suite(
    .enabled(
        if: FileManager.default.isExecutableFile(atPath: "/usr/bin/gnuplot")
            || ProcessInfo.processInfo.environment["ALMANAC_GNUPLOT"] != nil))
struct PlotLuaTests {
    @Test func everyChartKindDrawsAFile() throws {
        let host = try makeHost()
        try run(
            host,
            """
            local air = data.dataset("airpassengers")
            plot.series(air, { out = "series.svg" })
            local train, test = air:split(24)
            local fc = forecast.fit("ets", train):forecast{ h = 24 }
            plot.forecast(train, fc, { actuals = test, last = 48, out = "fan.svg" })
            plot.forecast(fc, { out = "fan2.png", size = "slide" })
            plot.acf(air:log():diff(1):diff(12), { lags = 24, out = "acf.svg" })
            plot.residuals(forecast.fit("arima", air:log(), { order = { 0, 1, 1 }, seasonal = { 0, 1, 1 } }), { out = "residuals.pdf" })
            plot.decomposition(air, { method = "classical", type = "multiplicative", out = "decomposition.svg" })
            plot.eoq({ fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300 }, { out = "eoq.svg" })
            plot.cost_curve(function(q) return 8 * 1300 / q + 0.225 * q / 2, { ordering = 8 * 1300 / q } end, 50, 900, { out = "curve.svg", optimum = 304 })
            local r = inventory.simulate({ type = "ss", s = 20, S = 60 }, { demand = dist.poisson(10), lead_time = 2, periods = 100, trace = true })
            plot.simulation(r, { levels = { s = 20, S = 60 }, out = "simulation.svg" })
            local p = data.synthetic_retail{ skus = 8, seed = 2 }
            plot.pareto(inventory.abc_xyz(p), { out = "pareto.svg" })
            plot.panel(p, { max = 4, out = "panel.svg" })
            plot.histogram(dist.normal(0, 1):sample(200), { out = "histogram.svg" })
            plot.scatter({ 1, 2, 3 }, { 2, 4, 7 }, { fit = true, out = "scatter.svg" })
            local chart = plot.heatmap({ { 1, 2 }, { 3, 4 } }, { rows = { "a", "b" }, columns = { "x", "y" }, out = "heatmap.svg" })
            assert(chart:gnuplot():find("matrix with image"), "the program is readable from Lua")
            chart:save("heatmap_again.png")
            """)
        let folder = host.options.outputDirectory
        for name in [
            "series.svg", "fan.svg", "fan2.png", "acf.svg", "residuals.pdf", "decomposition.svg", "eoq.svg",
            "curve.svg",
            "simulation.svg", "pareto.svg", "panel.svg", "histogram.svg", "scatter.svg", "heatmap.svg",
            "heatmap_again.png",
        ] {
            let size = (try? FileManager.default.attributesOfItem(atPath: folder + "/" + name)[.size] as? Int) ?? 0
            #expect(size > 2000, "\(name): \(size) bytes")
        }
    }

    @Test func withoutAFileAChartGoesToTheReportSink() throws {
        let host = try makeHost()
        let collector = ReportCollector(cellCount: 1)
        collector.enter(cell: 1)
        host.context.report = collector
        try run(host, "plot.series(data.dataset('nile'), { title = 'Nile', caption = 'Annual flow' })")
        guard case .figure(let svg, let caption)? = collector.outputs.first?.first else {
            Issue.record("no figure in the report: \(collector.outputs)")
            return
        }
        #expect(svg.contains("<svg") && caption == "Annual flow")
    }

    @Test func errorsSayWhatIsWrong() throws {
        let host = try makeHost()
        let cases: [(String, String)] = [
            (
                "plot.series(data.dataset('nile'), { out = 'x.jpg' })",
                "cannot tell the chart format from 'x.jpg': name a file ending in .png, .svg, .pdf or .txt"
            ),
            ("plot.series(data.dataset('nile'), { titel = 'x' })", "unknown option 'titel' (did you mean 'title'?)"),
            ("plot.series(data.dataset('nile'), { size = 'huge' })", "size"),
            (
                "plot.forecast(data.dataset('nile'), 3)",
                "plot.forecast: argument 2 must be a forecast (from m:forecast{ h = }), got a number"
            ),
            ("plot.series('nile')", "must be a Series or an array of numbers, got a string"),
            ("plot.series({ 0/0, 0/0 })", "has no finite values to draw"),
            (
                "plot.acf({ 1, 2, 3 }, { lags = 5 })",
                "plot.acf: lags = 5 needs a series longer than 5 observations; it has 3"
            ),
            ("plot.pareto({ a = -1, b = 2 })", "must be finite and non-negative"),
            ("plot.heatmap({ { 1, 2 }, { 3 } })", "rows of equal length"),
            ("plot.simulation({ on_hand = { 1 } })", "no 'backordered' in the trace"),
            ("plot.eoq({ fixed_cost = 8, holding_cost = 0.225 })", "demand_rate"),
            ("plot.cost_curve(function(q) return 'x' end, 1, 2)", "the cost function must return a number at x = 1"),
            ("plot.panel(data.synthetic_retail{ skus = 3 }, { keys = { 'SKU-9' } })", "the panel has no key 'SKU-9'"),
        ]
        for (code, expected) in cases {
            let message = errorMessage(host, code)
            #expect(message.contains(expected), "\(code) → \(message)")
        }
    }

    @Test func safeModeKeepsChartsInTheOutputFolder() throws {
        let host = try makeHost(safe: true, scriptDirectory: temporaryFolder("script"))
        let message = errorMessage(host, "plot.series({ 1, 2, 3 }, { out = '/tmp/escape.svg' })")
        #expect(message.contains("escape.svg"), "\(message)")
        try run(host, "plot.series({ 1, 2, 3 }, { out = 'inside.svg' })")
        #expect(FileManager.default.fileExists(atPath: host.options.outputDirectory + "/inside.svg"))
    }
}
