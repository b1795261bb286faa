import AlmanacCore
import Charts
import Foundation
import LuaBridge
import TimeSeries

/// plot.acf, plot.residuals, plot.decomposition.
enum PlotDiagnostics {
    /// R's default number of lags for one series: 10·log10(n), at most n − 1.
    static func defaultLags(_ n: Int) -> Int { max(1, min(n - 1, Int((10 * log10(Double(max(n, 1)))).rounded(.down)))) }

    struct ACFArguments: PlotArgumentList {
        var s = LuaValue.nil
        /// nil: R's 10·log10(n), which depends on the series.
        var lags: Int?
        var pacf = true
        var common = PlotCommonOptions()
        static let arguments: [LuaArgument<Self>] =
            [
                .required(\.s, "the series (a Series or an array)", type: .seriesLike),
                .option(\.lags, "the largest lag", range: ParameterRange(lower: 1)),
                .option(\.pacf, "also draw the partial autocorrelations"),
            ] + commonOptions
    }

    static func acf(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "acf", in: "plot",
            summary:
                "Autocorrelations (and partial autocorrelations) by lag, with the ±1.96/√n bounds of white noise, as R's acf() and pacf().",
            details: "`lags` defaults to R's 10·log10(n). " + PlotModule.commonDetails,
            example:
                "plot.acf(data.dataset(\"airpassengers\"):log():diff(1):diff(12), { lags = 36, out = \"acf.svg\" })",
            arguments: ACFArguments.self, returns: [.init(.chart)]
        ) { args, call in
            let s = try PlotArguments.series(args.s, "plot.acf: series")
            let lags = args.lags ?? defaultLags(s.count)
            guard lags < s.count else {
                throw ScriptError(
                    "plot.acf: lags = \(lags) needs a series longer than \(lags) observations; it has \(s.count)")
            }
            let r = try s.autocorrelations(maxLag: lags)
            let p = args.pacf ? try s.partialAutocorrelations(maxLag: lags) : nil
            let name = s.name.isEmpty ? "" : "Autocorrelations of \(s.name)"
            let figure = try ChartBuilder.correlogram(acf: r, pacf: p, observations: s.count, title: name)
            return try PlotArguments.finish(figure, args.common, call, context: context)
        }
    }

    struct ResidualsArguments: PlotArgumentList {
        var modelOrSeries = LuaValue.nil
        /// nil: R's 10·log10(n) of the finite residuals.
        var lags: Int?
        var common = PlotCommonOptions()
        static let arguments: [LuaArgument<Self>] =
            [
                .required(
                    \.modelOrSeries, "a fitted model (its residuals) or a series of residuals",
                    type: .fittedModel | .seriesLike),
                .option(\.lags, "the largest lag of the ACF", range: ParameterRange(lower: 1)),
            ] + commonOptions
    }

    static func residuals(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "residuals", in: "plot",
            summary:
                "Residual diagnostics in four panels: residuals over time, their ACF, a histogram with the normal density, and a normal Q–Q plot.",
            details:
                "Takes a fitted model (its residuals) or a series of residuals. Pair it with `s:ljung_box{ lag = }` for the test. "
                + PlotModule.commonDetails,
            example: """
                local m = forecast.fit("arima", data.dataset("airpassengers"):log(), { order = { 0, 1, 1 }, seasonal = { 0, 1, 1 } })
                plot.residuals(m, { out = "residuals.png" })
                """,
            arguments: ResidualsArguments.self, returns: [.init(.chart)]
        ) { args, call in
            var residuals: Series
            if case .object(let m as FittedModelObject) = args.modelOrSeries {
                let fit = m.model
                residuals = fit.series.with(values: fit.residuals)
            } else {
                residuals = try PlotArguments.series(
                    args.modelOrSeries, "plot.residuals: argument 1 (a fitted model or residuals)")
            }
            // Models without a residual for the first observations (differencing, Croston) mark them NaN.
            let finite = Series(values: residuals.values.filter(\.isFinite))
            guard finite.count >= 4 else {
                throw ScriptError("plot.residuals: needs at least 4 residuals, got \(finite.count)")
            }
            let lags = min(args.lags ?? defaultLags(finite.count), finite.count - 1)
            let figure = try ChartBuilder.residualDiagnostics(
                residuals, acf: try finite.autocorrelations(maxLag: lags), title: "Residual diagnostics")
            return try PlotArguments.finish(figure, args.common, call, context: context)
        }
    }

    /// How plot.decomposition takes a series apart.
    enum DecompositionMethod: String, LuaChoice {
        case stl, classical
    }

    struct DecompositionArguments: PlotArgumentList {
        var s = LuaValue.nil
        var method = DecompositionMethod.stl
        var type = Series.DecompositionType.additive
        var common = PlotCommonOptions()
        static let arguments: [LuaArgument<Self>] =
            [
                .required(\.s, "the series (a Series or an array)", type: .seriesLike),
                .option(\.method, "how to decompose"),
                .option(\.type, "for the classical method"),
            ] + commonOptions
    }

    static func decomposition(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "decomposition", in: "plot",
            summary:
                "The series, its trend, its seasonal part and the remainder, stacked (STL with a periodic season by default).",
            details:
                "`method = \"classical\"` uses moving averages (R's decompose), `type = \"multiplicative\"` for a seasonal factor. "
                + PlotModule.commonDetails,
            example: "plot.decomposition(data.dataset(\"airpassengers\"):log(), { out = \"stl.svg\" })",
            arguments: DecompositionArguments.self, returns: [.init(.chart)]
        ) { args, call in
            let s = try PlotArguments.series(args.s, "plot.decomposition: series")
            let d: Decomposition
            switch args.method {
            case .classical: d = try s.classicalDecomposition(args.type)
            case .stl: d = try s.stl(seasonalWindow: .periodic)
            }
            let figure = try ChartBuilder.decomposition(s, trend: d.trend, seasonal: d.seasonal, remainder: d.remainder)
            return try PlotArguments.finish(figure, args.common, call, context: context)
        }
    }
}
