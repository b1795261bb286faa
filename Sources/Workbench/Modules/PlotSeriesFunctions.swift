import AlmanacCore
import Charts
import Foundation
import LuaBridge
import TimeSeries

/// plot.series, plot.panel, plot.forecast.
enum PlotSeriesFunctions {
    struct SeriesArguments: PlotArgumentList {
        var sOrList = LuaValue.nil
        var ylabel = ""
        var common = PlotCommonOptions()
        static let arguments: [LuaArgument<Self>] =
            [
                .required(
                    \.sOrList, "a series (or an array of numbers), or an array of series",
                    type: .seriesLike | .array(.series)),
                .option(\.ylabel, "the y axis label"),
            ] + commonOptions
    }

    static func series(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "series", in: "plot",
            summary: "One series, or several on a shared calendar, with dates on the x axis.",
            details: PlotModule.commonDetails,
            example: """
                local air = data.dataset("airpassengers")
                plot.series(air, { title = "Air passengers", out = "air.svg" })
                plot.series({ air:head(60), air:tail(60) }, { out = "air_parts.txt" })
                """,
            arguments: SeriesArguments.self, returns: [.init(.chart)]
        ) { args, call in
            let list = try PlotArguments.seriesList(args.sOrList, "series")
            let figure = try ChartBuilder.series(list, yLabel: args.ylabel)
            return try PlotArguments.finish(figure, args.common, call, context: context)
        }
    }

    struct PanelArguments: PlotArgumentList {
        var panelOrList = LuaValue.nil
        var keys: [String]?
        var max = 12
        var columns: Int?
        var common = PlotCommonOptions()
        static let arguments: [LuaArgument<Self>] =
            [
                .required(\.panelOrList, "a Panel, or an array of series", type: .panel | .array(.series)),
                .option(\.keys, "the keys to draw, in this order"),
                .option(\.max, "draw at most this many series", range: ParameterRange(lower: 1, upper: 48)),
                .option(\.columns, "panels per row; default about √n", range: ParameterRange(lower: 1, upper: 8)),
            ] + commonOptions
    }

    static func panel(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "panel", in: "plot",
            summary:
                "Small multiples: one small chart per series of a panel (the first `max` keys, or those in `keys`).",
            details: PlotModule.commonDetails,
            example: """
                local p = data.synthetic_retail{ skus = 12, seed = 3 }
                plot.panel(p, { max = 6, title = "Six SKUs", out = "skus.png" })
                """,
            arguments: PanelArguments.self, returns: [.init(.chart)]
        ) { args, call in
            var list: [Series]
            if case .object(let p as PanelObject) = args.panelOrList {
                let keys = args.keys ?? Array(p.panel.keys.prefix(args.max))
                list = try keys.map { key throws -> Series in
                    var s = try p.entry(key).series
                    if s.name.isEmpty { s.name = key }
                    return s
                }
            } else {
                list = Array(try PlotArguments.seriesList(args.panelOrList, "panel").prefix(args.max))
            }
            let figure = try ChartBuilder.smallMultiples(list, columns: args.columns)
            return try PlotArguments.finish(figure, args.common, call, context: context)
        }
    }

    struct ForecastArguments: PlotArgumentList {
        var fc = LuaValue.nil
        var last: Int?
        var ylabel = ""
        var actuals = LuaValue.nil
        var common = PlotCommonOptions()
        static let arguments: [LuaArgument<Self>] =
            [
                .required(\.fc, "the forecast (from m:forecast{ h = })", type: .forecast),
                .option(\.last, "show only the last observations of the history", range: ParameterRange(lower: 1)),
                .option(\.ylabel, "the y axis label"),
                .option(\.actuals, "what happened, drawn over the forecast", type: .seriesLike),
            ] + commonOptions
    }

    static func forecast(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "forecast", in: "plot",
            summary:
                "A fan chart: the history, the point forecasts, the prediction intervals (widest palest) and the actuals if given.",
            details: "`history` defaults to the data the model was fitted to; `last` shows only its last observations. "
                + PlotModule.commonDetails,
            example: """
                local train, test = data.dataset("airpassengers"):split(24)
                local fc = forecast.fit("ets", train):forecast{ h = 24 }
                plot.forecast(train, fc, { actuals = test, last = 72, title = "ETS on air passengers", out = "fan.svg" })
                """,
            leading: LuaParameter("history", .series), arguments: ForecastArguments.self, returns: [.init(.chart)]
        ) { call in
            // The history may be left out: the forecast and the options then shift left.
            let history = call.stack.object(at: 1, as: SeriesObject.self)?.series
            let next: Int32 = history == nil ? 1 : 2
            guard let fc = call.stack.object(at: next, as: ForecastObject.self) else {
                throw ScriptError(
                    "plot.forecast: argument \(next) must be a forecast (from m:forecast{ h = }), got \(call.isNil(next) ? "nothing" : "a " + call.typeName(next))"
                )
            }
            let args = try ForecastArguments.decode(call, from: next, owner: "plot.forecast")
            var shown = history ?? fc.forecast.history
            if let last = args.last { shown = shown.tail(last) }
            let actuals = args.actuals == .nil ? nil : try PlotArguments.series(args.actuals, "plot.forecast: actuals")
            let f = fc.forecast
            let bands = f.levels.indices.map {
                ForecastBand(level: f.levels[$0], lower: f.lower[$0], upper: f.upper[$0])
            }
            let title = f.method.isEmpty ? "" : "Forecast from \(f.method)"
            let figure = try ChartBuilder.forecast(
                history: shown, mean: f.mean, bands: bands, actuals: actuals, title: title,
                yLabel: args.ylabel)
            return try PlotArguments.finish(figure, args.common, call, context: context)
        }
    }
}
