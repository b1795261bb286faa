import AlmanacCore
import Charts
import LuaBridge
import TimeSeries

/// plot.acf, plot.residuals, plot.decomposition.
enum PlotDiagnostics {
    /// R's default number of lags for one series: 10·log10(n), at most n − 1.
    static func defaultLags(_ n: Int) -> Int { max(1, min(n - 1, Int((10 * log10(Double(max(n, 1)))).rounded(.down)))) }

    static let acfOptions = [
        ParameterSpec("lags", .integer, range: ParameterRange(lower: 1), doc: "the largest lag"),
        ParameterSpec("pacf", .boolean, default: .boolean(true), doc: "also draw the partial autocorrelations"),
    ]

    static func acf(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "acf", signature: "plot.acf(s [, { lags =, pacf = true, out =, ... }]) -> Chart",
            summary: "Autocorrelations (and partial autocorrelations) by lag, with the ±1.96/√n bounds of white noise, as R's acf() and pacf().",
            details: "`lags` defaults to R's 10·log10(n). " + PlotModule.commonDetails,
            example: "plot.acf(data.dataset(\"airpassengers\"):log():diff(1):diff(12), { lags = 36, out = \"acf.svg\" })",
            types: LuaSignature([.init("s", .seriesLike), .optional("options", PlotArguments.optionsType(acfOptions))], returns: [.chart])
        ) { call in
            let s = try PlotArguments.series(try call.value(1, "series"), "plot.acf: series")
            let (o, _) = try PlotArguments.options(call, 2, acfOptions, owner: "plot.acf")
            let lags = o.integer("lags") ?? defaultLags(s.count)
            guard lags < s.count else { throw ScriptError("plot.acf: lags = \(lags) needs a series longer than \(lags) observations; it has \(s.count)") }
            let r = try s.autocorrelations(maxLag: lags)
            let p = o.boolean("pacf") == false ? nil : try s.partialAutocorrelations(maxLag: lags)
            let name = s.name.isEmpty ? "" : "Autocorrelations of \(s.name)"
            let figure = try ChartBuilder.correlogram(acf: r, pacf: p, observations: s.count, title: name)
            return try PlotArguments.finish(figure, o, call, context: context)
        }
    }

    static let residualsOptions = [
        ParameterSpec("lags", .integer, range: ParameterRange(lower: 1), doc: "the largest lag of the ACF"),
    ]

    static func residuals(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "residuals", signature: "plot.residuals(model_or_series [, { lags =, out =, ... }]) -> Chart",
            summary: "Residual diagnostics in four panels: residuals over time, their ACF, a histogram with the normal density, and a normal Q–Q plot.",
            details: "Takes a fitted model (its residuals) or a series of residuals. Pair it with `s:ljung_box{ lag = }` for the test. " + PlotModule.commonDetails,
            example: """
            local m = forecast.fit("arima", data.dataset("airpassengers"):log(), { order = { 0, 1, 1 }, seasonal = { 0, 1, 1 } })
            plot.residuals(m, { out = "residuals.png" })
            """,
            types: LuaSignature([.init("model_or_series", .fittedModel | .seriesLike), .optional("options", PlotArguments.optionsType(residualsOptions))], returns: [.chart])
        ) { call in
            var residuals: Series
            if let m = call.stack.object(at: 1, as: FittedModelObject.self) {
                let fit = m.model
                residuals = fit.series.with(values: fit.residuals)
            } else {
                residuals = try PlotArguments.series(try call.value(1, "model"), "plot.residuals: argument 1 (a fitted model or residuals)")
            }
            let (o, _) = try PlotArguments.options(call, 2, residualsOptions, owner: "plot.residuals")
            // Models without a residual for the first observations (differencing, Croston) mark them NaN.
            let finite = Series(values: residuals.values.filter(\.isFinite))
            guard finite.count >= 4 else { throw ScriptError("plot.residuals: needs at least 4 residuals, got \(finite.count)") }
            let lags = min(o.integer("lags") ?? defaultLags(finite.count), finite.count - 1)
            let figure = try ChartBuilder.residualDiagnostics(residuals, acf: try finite.autocorrelations(maxLag: lags), title: "Residual diagnostics")
            return try PlotArguments.finish(figure, o, call, context: context)
        }
    }

    static let decompositionOptions = [
        ParameterSpec("method", .string, default: .string("stl"), choices: ["stl", "classical"], doc: "how to decompose"),
        ParameterSpec("type", .string, default: .string("additive"), choices: ["additive", "multiplicative"], doc: "for the classical method"),
    ]

    static func decomposition(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "decomposition", signature: "plot.decomposition(s [, { method = \"stl\" | \"classical\", type =, out =, ... }]) -> Chart",
            summary: "The series, its trend, its seasonal part and the remainder, stacked (STL with a periodic season by default).",
            details: "`method = \"classical\"` uses moving averages (R's decompose), `type = \"multiplicative\"` for a seasonal factor. " + PlotModule.commonDetails,
            example: "plot.decomposition(data.dataset(\"airpassengers\"):log(), { out = \"stl.svg\" })",
            types: LuaSignature([.init("s", .seriesLike), .optional("options", PlotArguments.optionsType(decompositionOptions))], returns: [.chart])
        ) { call in
            let s = try PlotArguments.series(try call.value(1, "series"), "plot.decomposition: series")
            let (o, _) = try PlotArguments.options(call, 2, decompositionOptions, owner: "plot.decomposition")
            let d: Decomposition
            if o.string("method") == "classical" {
                d = try s.classicalDecomposition(Series.DecompositionType(rawValue: o.string("type") ?? "additive") ?? .additive)
            } else {
                d = try s.stl(seasonalWindow: .periodic)
            }
            let figure = try ChartBuilder.decomposition(s, trend: d.trend, seasonal: d.seasonal, remainder: d.remainder)
            return try PlotArguments.finish(figure, o, call, context: context)
        }
    }
}

import Foundation
