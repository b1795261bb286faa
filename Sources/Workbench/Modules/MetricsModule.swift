import AlmanacCore
import LuaBridge
import TimeSeries

/// `metrics.*`: forecast accuracy, per series or averaged over a panel.
enum MetricsModule {
    /// Actual and forecast as aligned arrays: by date when both are Series, by position otherwise.
    static func pair(_ actual: Series, _ forecast: Series) throws -> ([Double], [Double]) {
        if actual.frequency != .none && actual.frequency == forecast.frequency {
            let left = try Series.combine(actual, forecast) { a, _ in a }
            let right = try Series.combine(forecast, actual) { f, _ in f }
            return (left.values, right.values)
        }
        guard actual.count == forecast.count else {
            throw ScriptError("actual has \(actual.count) values but forecast has \(forecast.count)")
        }
        return (actual.values, forecast.values)
    }

    /// The training values and the benchmark's period from the options; nil without training.
    static func training(_ training: LuaValue, period: Int?, owner: String) throws -> (values: [Double], period: Int)? {
        let s: Series
        switch training {
        case .nil: return nil
        case .object(let o as SeriesObject): s = o.series
        case .array(let items): s = Series(values: items.compactMap(\.doubleValue))
        default: throw ScriptError.named("\(owner): option 'training' must be a Series or an array of numbers")
        }
        return (s.values, period ?? s.seasonalPeriod)
    }

    static func simple(_ name: String, _ summary: String, _ f: @escaping ([Double], [Double]) -> Double)
        -> LuaFunctionSpec
    {
        LuaFunctionSpec(
            name, in: "metrics", summary: summary,
            example: "print(metrics.\(name)({ 100, 110, 120 }, { 102, 108, 125 }))",
            arguments: PairArguments.self, returns: [.init(.number)]
        ) { args, call in
            let (actual, forecast) = try pair(args.actual.series, args.forecast.series)
            return call.returning(f(actual, forecast))
        }
    }

    /// A measure scaled by the seasonal naive forecast's in-sample error on `training`.
    static func scaled(
        _ name: String, _ summary: String,
        _ f: @escaping ([Double], [Double], [Double], Int) -> Double
    ) -> LuaFunctionSpec {
        let owner = "metrics.\(name)"
        return LuaFunctionSpec(
            name, in: "metrics", summary: summary,
            example:
                "local train, test = data.dataset(\"airpassengers\"):split(12)\n-- the seasonal naive forecast: last year again (an array aligns by position)\nprint(metrics.\(name)(test, train:tail(12):values(), { training = train }))",
            arguments: ScaledArguments.self, returns: [.init(.number)]
        ) { call in
            // Decoded here rather than by the declaration: a missing `training` keeps its own message.
            let (actual, forecast) = try pair(
                try SeriesObject.argument(call, 1, "actual"), try SeriesObject.argument(call, 2, "forecast"))
            let given = try call.record(3, "options")
            guard given["training"] != nil else {
                throw ScriptError("needs { training = series }: the scale comes from it")
            }
            let options = try ScaledArguments.decodeOptions(given, owner: owner)
            guard let t = try training(options.training, period: options.period, owner: owner) else {
                throw ScriptError("needs { training = series }: the scale comes from it")
            }
            return call.returning(f(actual, forecast, t.values, t.period))
        }
    }

    static func spec() -> LuaModuleSpec {
        LuaModuleSpec(
            "metrics",
            summary:
                "Forecast accuracy. Arguments are Series (aligned by date) or arrays (by position); missing pairs are skipped.",
            functions: [
                simple("mae", "mean absolute error", Accuracy.mae),
                simple("rmse", "root mean squared error", Accuracy.rmse),
                simple("mape", "mean absolute percentage error, in percent (nan if an actual is 0)", Accuracy.mape),
                simple(
                    "smape", "symmetric MAPE as in the M3 competition: mean of 200·|y − f|/(|y| + |f|)", Accuracy.smape),
                simple("bias", "mean of forecast − actual: positive means over-forecasting", Accuracy.bias),
                scaled(
                    "mase",
                    "MAE scaled by the in-sample MAE of the seasonal naive forecast on `training` (Hyndman & Koehler 2006)",
                    Accuracy.mase),
                scaled(
                    "rmsse", "RMSE scaled by the in-sample RMSE of the seasonal naive forecast (the M5 measure)",
                    Accuracy.rmsse),
                LuaFunctionSpec(
                    "pinball", in: "metrics",
                    summary: "pinball (quantile) loss of a forecast of the `level` quantile, 0 < level < 1",
                    example: "print(metrics.pinball({ 10, 12 }, { 11, 11 }, 0.9))",
                    arguments: PinballArguments.self, returns: [.init(.number)]
                ) { args, call in
                    let (a, q) = try pair(args.actual.series, args.quantileForecast.series)
                    let level = args.level
                    guard level > 0, level < 1 else {
                        throw ScriptError("argument 3 'level' must be between 0 and 1, got \(level)")
                    }
                    return call.returning(Accuracy.pinball(a, q, level: level))
                },
                LuaFunctionSpec(
                    "coverage", in: "metrics",
                    summary: "share of actuals inside [lower, upper]",
                    example: "print(metrics.coverage({ 1, 5, 9 }, { 0, 0, 0 }, { 6, 6, 6 }))  --> 0.66666666666667",
                    arguments: IntervalArguments.self, returns: [.init(.number, "share")]
                ) { args, call in
                    let (a, l) = try pair(args.actual.series, args.lower.series)
                    let (_, u) = try pair(args.actual.series, args.upper.series)
                    return call.returning(Accuracy.coverage(a, lower: l, upper: u))
                },
                LuaFunctionSpec(
                    "winkler", in: "metrics",
                    summary:
                        "Winkler score of a central interval with coverage `level` (e.g. 0.95): width plus 2/α × how far actuals fall outside",
                    example: "print(metrics.winkler({ 1, 5, 9 }, { 0, 0, 0 }, { 6, 6, 6 }, 0.95))",
                    arguments: WinklerArguments.self, returns: [.init(.number)]
                ) { args, call in
                    let (a, l) = try pair(args.actual.series, args.lower.series)
                    let (_, u) = try pair(args.actual.series, args.upper.series)
                    let level = args.level
                    guard level > 0, level < 1 else {
                        throw ScriptError("argument 4 'level' must be between 0 and 1, got \(level)")
                    }
                    return call.returning(Accuracy.winkler(a, lower: l, upper: u, level: level))
                },
                LuaFunctionSpec(
                    "accuracy", in: "metrics",
                    summary:
                        "every measure at once; for Panels (same keys), { per_series = { key = {...} }, mean = {...} } with each measure averaged over series",
                    example: """
                        local air = data.dataset("airpassengers")
                        local train, test = air:split(24)
                        local snaive = train:tail(12)
                        local fc = series.new{ values = snaive:values(), start = test.start, freq = "month" }
                        print(almanac.inspect(metrics.accuracy(test:head(12), fc, { training = train })))
                        """,
                    arguments: AccuracyArguments.self, returns: [.init(AccuracyRecord.luaType)],
                    alternatives: [
                        SignatureText.types(PanelAccuracyArguments.self, returns: [.init(PanelAccuracyMean.panelType)])
                            .namingOptions("metrics.PanelAccuracyOptions")
                    ]
                ) { call in
                    // Panels take the other form, with its own declaration (options checked the same way).
                    if let actual = call.stack.object(at: 1, as: PanelObject.self) {
                        guard let forecast = call.stack.object(at: 2, as: PanelObject.self) else {
                            throw ScriptError("with a Panel of actuals, the forecasts must be a Panel too")
                        }
                        let args = try PanelAccuracyArguments.decode(call, from: 1, owner: "metrics.accuracy")
                        return try panelAccuracy(actual.panel, forecast.panel, training: args.training, call)
                    }
                    let args = try AccuracyArguments.decode(call, from: 1, owner: "metrics.accuracy")
                    let (a, f) = try pair(args.actual.series, args.forecast.series)
                    let t = try training(args.training, period: args.period, owner: "metrics.accuracy")
                    let report = Accuracy.report(
                        actual: a, forecast: f, training: t?.values ?? [], period: t?.period ?? 1)
                    return call.returning(record: AccuracyRecord(report))
                },
            ])
    }

    static func panelAccuracy(_ actual: Panel, _ forecast: Panel, training: LuaValue?, _ call: LuaCall) throws -> Int32
    {
        let trainingPanel: Panel?
        switch training ?? .nil {
        case .nil: trainingPanel = nil
        case .object(let o as PanelObject): trainingPanel = o.panel
        default: throw ScriptError("option 'training' must be a Panel when the actuals are a Panel")
        }
        var perSeries: [String: LuaValue] = [:]
        var reports: [Accuracy.Report] = []
        for key in actual.keys {
            guard let a = actual.series(key) else { continue }
            guard let f = forecast.series(key) else { throw ScriptError("the forecasts have no key '\(key)'") }
            let left = try Series.combine(a, f) { x, _ in x }.values
            let right = try Series.combine(f, a) { x, _ in x }.values
            let t = trainingPanel?.series(key)
            let r = Accuracy.report(
                actual: left, forecast: right, training: t?.values ?? [], period: t?.seasonalPeriod ?? 1)
            reports.append(r)
            perSeries[key] = AccuracyRecord(r).luaValue
        }
        return call.returning(.record(["per_series": .record(perSeries), "mean": PanelAccuracyMean(reports).luaValue]))
    }
}
