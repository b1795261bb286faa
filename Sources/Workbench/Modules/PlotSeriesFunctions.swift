import AlmanacCore
import Charts
import LuaBridge
import TimeSeries

/// plot.series, plot.panel, plot.forecast.
enum PlotSeriesFunctions {
    static let seriesOptions = [
        ParameterSpec("ylabel", .string, doc: "the y axis label"),
    ]

    static func series(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "series", signature: "plot.series(s_or_list [, { title =, ylabel =, out =, ... }]) -> Chart",
            summary: "One series, or several on a shared calendar, with dates on the x axis.",
            details: PlotModule.commonDetails,
            example: """
            local air = data.dataset("airpassengers")
            plot.series(air, { title = "Air passengers", out = "air.svg" })
            plot.series({ air:head(60), air:tail(60) }, { out = "air_parts.txt" })
            """,
            types: LuaSignature([.init("s_or_list", .seriesLike | .array(.series)), .optional("options", PlotArguments.optionsType(seriesOptions))], returns: [.chart])
        ) { call in
            let list = try PlotArguments.seriesList(call, 1, "series")
            let (o, _) = try PlotArguments.options(call, 2, seriesOptions, owner: "plot.series")
            let figure = try ChartBuilder.series(list, yLabel: o.string("ylabel") ?? "")
            return try PlotArguments.finish(figure, o, call, context: context)
        }
    }

    static let panelOptions = [
        ParameterSpec("keys", .strings, doc: "the keys to draw, in this order"),
        ParameterSpec("max", .integer, default: .integer(12), range: ParameterRange(lower: 1, upper: 48), doc: "draw at most this many series"),
        ParameterSpec("columns", .integer, range: ParameterRange(lower: 1, upper: 8), doc: "panels per row; default about √n"),
    ]

    static func panel(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "panel", signature: "plot.panel(panel_or_list [, { keys =, max = 12, columns =, out =, ... }]) -> Chart",
            summary: "Small multiples: one small chart per series of a panel (the first `max` keys, or those in `keys`).",
            details: PlotModule.commonDetails,
            example: """
            local p = data.synthetic_retail{ skus = 12, seed = 3 }
            plot.panel(p, { max = 6, title = "Six SKUs", out = "skus.png" })
            """,
            types: LuaSignature([.init("panel_or_list", .panel | .array(.series)), .optional("options", PlotArguments.optionsType(panelOptions))], returns: [.chart])
        ) { call in
            let (o, _) = try PlotArguments.options(call, 2, panelOptions, owner: "plot.panel")
            var list: [Series]
            if let p = call.stack.object(at: 1, as: PanelObject.self) {
                let keys = o.strings("keys") ?? Array(p.panel.keys.prefix(o.integer("max") ?? 12))
                list = try keys.map { key throws -> Series in
                    var s = try p.entry(key).series
                    if s.name.isEmpty { s.name = key }
                    return s
                }
            } else {
                list = Array(try PlotArguments.seriesList(call, 1, "panel").prefix(o.integer("max") ?? 12))
            }
            let figure = try ChartBuilder.smallMultiples(list, columns: o.integer("columns"))
            return try PlotArguments.finish(figure, o, call, context: context)
        }
    }

    static let actualsField: [LuaField] = [.optional("actuals", .seriesLike, doc: "what happened, drawn over the forecast")]

    static let forecastOptions = [
        ParameterSpec("last", .integer, range: ParameterRange(lower: 1), doc: "show only the last observations of the history"),
        ParameterSpec("ylabel", .string, doc: "the y axis label"),
    ]

    static func forecast(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "forecast", signature: "plot.forecast([history,] fc [, { actuals =, last =, ylabel =, out =, ... }]) -> Chart",
            summary: "A fan chart: the history, the point forecasts, the prediction intervals (widest palest) and the actuals if given.",
            details: "`history` defaults to the data the model was fitted to; `last` shows only its last observations. " + PlotModule.commonDetails,
            example: """
            local train, test = data.dataset("airpassengers"):split(24)
            local fc = forecast.fit("ets", train):forecast{ h = 24 }
            plot.forecast(train, fc, { actuals = test, last = 72, title = "ETS on air passengers", out = "fan.svg" })
            """,
            types: LuaSignature([.init("history", .series), .init("fc", .forecast), .optional("options", PlotArguments.optionsType(forecastOptions, objects: actualsField))], returns: [.chart],
                         or: [LuaSignature([.init("fc", .forecast), .optional("options", PlotArguments.optionsType(forecastOptions, objects: actualsField))], returns: [.chart])])
        ) { call in
            var next: Int32 = 1
            var history: Series?
            if let s = call.stack.object(at: 1, as: SeriesObject.self) { history = s.series; next = 2 }
            guard let fc = call.stack.object(at: next, as: ForecastObject.self) else {
                throw ScriptError("plot.forecast: argument \(next) must be a forecast (from m:forecast{ h = }), got \(call.isNil(next) ? "nothing" : "a " + call.typeName(next))")
            }
            let (o, objects) = try PlotArguments.options(call, next + 1, forecastOptions, owner: "plot.forecast", objects: ["actuals"])
            var shown = history ?? fc.forecast.history
            if let last = o.integer("last") { shown = shown.tail(last) }
            let actuals = try objects["actuals"].map { try PlotArguments.series($0, "plot.forecast: actuals") }
            let f = fc.forecast
            let bands = f.levels.indices.map { ForecastBand(level: f.levels[$0], lower: f.lower[$0], upper: f.upper[$0]) }
            let title = f.method.isEmpty ? "" : "Forecast from \(f.method)"
            let figure = try ChartBuilder.forecast(history: shown, mean: f.mean, bands: bands, actuals: actuals, title: title,
                                                   yLabel: o.string("ylabel") ?? "")
            return try PlotArguments.finish(figure, o, call, context: context)
        }
    }
}
