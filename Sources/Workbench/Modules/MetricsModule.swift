import AlmanacCore
import CLua
import LuaBridge
import TimeSeries

/// `metrics.*`: forecast accuracy, per series or averaged over a panel.
enum MetricsModule {
    /// Actual and forecast as aligned arrays: by date when both are Series, by position otherwise.
    static func pair(_ call: LuaCall, _ a: Int32 = 1, _ f: Int32 = 2) throws -> ([Double], [Double]) {
        let actual = try SeriesObject.argument(call, a, "actual")
        let forecast = try SeriesObject.argument(call, f, "forecast")
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

    static let scaledOptions = [
        ParameterSpec("training", .table, doc: "the in-sample series the scale comes from (a Series or array)"),
        ParameterSpec("period", .integer, range: ParameterRange(lower: 1), doc: "seasonal period of the naive benchmark; default the training series' period"),
    ]

    /// `{ training =, period = }`; training is a Series or an array, which the spec's `table` cannot say.
    static let scaledOptionsType = LuaType.record([LuaField("training", .seriesLike, doc: scaledOptions[0].doc)]
                                                  + scaledOptions.dropFirst().map(LuaField.init), named: "metrics.ScaledOptions")
    static let accuracyType = LuaType.numbers(["me", "mae", "rmse", "mape", "smape", "mase", "rmsse", "mase_scale", "rmsse_scale", "n"])
    static let panelAccuracyType = LuaType.record([
        LuaField("per_series", .map(key: .string, value: accuracyType)),
        LuaField("mean", .numbers(["me", "mae", "rmse", "mape", "smape", "mase", "rmsse", "series"])),
    ])

    static func training(_ call: LuaCall, _ index: Int32, owner: String) throws -> (values: [Double], period: Int)? {
        var options = try call.record(index, "options")
        let training = options.removeValue(forKey: "training")
        let (p, _) = try validateOptions(options, against: scaledOptions.filter { $0.name != "training" }, owner: owner)
        guard let training else { return nil }
        let s: Series
        switch training {
        case .object(let o as SeriesObject): s = o.series
        case .array(let items): s = Series(values: items.compactMap(\.doubleValue))
        default: throw ScriptError.named("\(owner): option 'training' must be a Series or an array of numbers")
        }
        return (s.values, p.integer("period") ?? s.seasonalPeriod)
    }

    static func record(_ r: Accuracy.Report) -> LuaValue {
        .record(["me": .number(r.me), "mae": .number(r.mae), "rmse": .number(r.rmse), "mape": .number(r.mape),
                 "smape": .number(r.smape), "mase": .number(r.mase), "rmsse": .number(r.rmsse),
                 "mase_scale": .number(r.maseScale), "rmsse_scale": .number(r.rmsseScale), "n": .integer(Int64(r.count))])
    }

    static func simple(_ name: String, _ summary: String, _ f: @escaping ([Double], [Double]) -> Double) -> LuaFunctionSpec {
        LuaFunctionSpec(name, signature: "metrics.\(name)(actual, forecast) -> number", summary: summary,
                        example: "print(metrics.\(name)({ 100, 110, 120 }, { 102, 108, 125 }))",
                        types: LuaSignature([.init("actual", .seriesLike), .init("forecast", .seriesLike)], returns: [.number])) { call in
            let (actual, forecast) = try pair(call)
            return call.returning(f(actual, forecast))
        }
    }

    /// A measure scaled by the seasonal naive forecast's in-sample error on `training`.
    static func scaled(_ name: String, _ summary: String,
                       _ f: @escaping ([Double], [Double], [Double], Int) -> Double) -> LuaFunctionSpec {
        LuaFunctionSpec(name, signature: "metrics.\(name)(actual, forecast, { training = s [, period = m] }) -> number",
                        summary: summary,
                        example: "local train, test = data.dataset(\"airpassengers\"):split(12)\n-- the seasonal naive forecast: last year again (an array aligns by position)\nprint(metrics.\(name)(test, train:tail(12):values(), { training = train }))",
                        types: LuaSignature([.init("actual", .seriesLike), .init("forecast", .seriesLike), .init("options", scaledOptionsType)],
                                            returns: [.number])) { call in
            let (actual, forecast) = try pair(call)
            guard let t = try training(call, 3, owner: "metrics.\(name)") else { throw ScriptError("needs { training = series }: the scale comes from it") }
            return call.returning(f(actual, forecast, t.values, t.period))
        }
    }

    static func spec() -> LuaModuleSpec {
        LuaModuleSpec("metrics", summary: "Forecast accuracy. Arguments are Series (aligned by date) or arrays (by position); missing pairs are skipped.", functions: [
            simple("mae", "mean absolute error", Accuracy.mae),
            simple("rmse", "root mean squared error", Accuracy.rmse),
            simple("mape", "mean absolute percentage error, in percent (nan if an actual is 0)", Accuracy.mape),
            simple("smape", "symmetric MAPE as in the M3 competition: mean of 200·|y − f|/(|y| + |f|)", Accuracy.smape),
            simple("bias", "mean of forecast − actual: positive means over-forecasting", Accuracy.bias),
            scaled("mase", "MAE scaled by the in-sample MAE of the seasonal naive forecast on `training` (Hyndman & Koehler 2006)", Accuracy.mase),
            scaled("rmsse", "RMSE scaled by the in-sample RMSE of the seasonal naive forecast (the M5 measure)", Accuracy.rmsse),
            LuaFunctionSpec("pinball", signature: "metrics.pinball(actual, quantile_forecast, level) -> number",
                            summary: "pinball (quantile) loss of a forecast of the `level` quantile, 0 < level < 1",
                            example: "print(metrics.pinball({ 10, 12 }, { 11, 11 }, 0.9))",
                            types: LuaSignature([.init("actual", .seriesLike), .init("quantile_forecast", .seriesLike), .init("level", .number)], returns: [.number])) { call in
                let (a, q) = try pair(call)
                let level = try call.number(3, "level")
                guard level > 0, level < 1 else { throw ScriptError("argument 3 'level' must be between 0 and 1, got \(level)") }
                return call.returning(Accuracy.pinball(a, q, level: level))
            },
            LuaFunctionSpec("coverage", signature: "metrics.coverage(actual, lower, upper) -> share",
                            summary: "share of actuals inside [lower, upper]",
                            example: "print(metrics.coverage({ 1, 5, 9 }, { 0, 0, 0 }, { 6, 6, 6 }))  --> 0.66666666666667",
                            types: LuaSignature([.init("actual", .seriesLike), .init("lower", .seriesLike), .init("upper", .seriesLike)], namedReturns: [.init(.number, "share")])) { call in
                let (a, l) = try pair(call, 1, 2)
                let (_, u) = try pair(call, 1, 3)
                return call.returning(Accuracy.coverage(a, lower: l, upper: u))
            },
            LuaFunctionSpec("winkler", signature: "metrics.winkler(actual, lower, upper, level) -> number",
                            summary: "Winkler score of a central interval with coverage `level` (e.g. 0.95): width plus 2/α × how far actuals fall outside",
                            example: "print(metrics.winkler({ 1, 5, 9 }, { 0, 0, 0 }, { 6, 6, 6 }, 0.95))",
                            types: LuaSignature([.init("actual", .seriesLike), .init("lower", .seriesLike), .init("upper", .seriesLike), .init("level", .number)], returns: [.number])) { call in
                let (a, l) = try pair(call, 1, 2)
                let (_, u) = try pair(call, 1, 3)
                let level = try call.number(4, "level")
                guard level > 0, level < 1 else { throw ScriptError("argument 4 'level' must be between 0 and 1, got \(level)") }
                return call.returning(Accuracy.winkler(a, lower: l, upper: u, level: level))
            },
            LuaFunctionSpec("accuracy", signature: "metrics.accuracy(actual, forecast [, { training =, period = }]) -> { me, mae, rmse, mape, smape, mase, rmsse, mase_scale, rmsse_scale, n }",
                            summary: "every measure at once; for Panels (same keys), { per_series = { key = {...} }, mean = {...} } with each measure averaged over series",
                            example: """
                            local air = data.dataset("airpassengers")
                            local train, test = air:split(24)
                            local snaive = train:tail(12)
                            local fc = series.new{ values = snaive:values(), start = test.start, freq = "month" }
                            print(almanac.inspect(metrics.accuracy(test:head(12), fc, { training = train })))
                            """,
                            types: LuaSignature([.init("actual", .seriesLike), .init("forecast", .seriesLike), .optional("options", scaledOptionsType)], returns: [accuracyType],
                                                  or: [LuaSignature([.init("actual", .panel), .init("forecast", .panel), .optional("options", .record([.optional("training", .panel)]))],
                                                                    returns: [panelAccuracyType])])) { call in
                if let actual = call.stack.object(at: 1, as: PanelObject.self) {
                    guard let forecast = call.stack.object(at: 2, as: PanelObject.self) else {
                        throw ScriptError("with a Panel of actuals, the forecasts must be a Panel too")
                    }
                    let training = call.isNil(3) ? nil : try call.record(3, "options")["training"]
                    return try panelAccuracy(actual.panel, forecast.panel, training: training, call)
                }
                let (a, f) = try pair(call)
                let t = try training(call, 3, owner: "metrics.accuracy")
                return call.returning(record(Accuracy.report(actual: a, forecast: f, training: t?.values ?? [], period: t?.period ?? 1)))
            },
        ])
    }

    static func panelAccuracy(_ actual: Panel, _ forecast: Panel, training: LuaValue?, _ call: LuaCall) throws -> Int32 {
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
            let r = Accuracy.report(actual: left, forecast: right, training: t?.values ?? [], period: t?.seasonalPeriod ?? 1)
            reports.append(r)
            perSeries[key] = record(r)
        }
        func mean(_ f: (Accuracy.Report) -> Double) -> Double {
            let xs = reports.map(f).filter(\.isFinite)
            return xs.isEmpty ? .nan : xs.reduce(0, +) / Double(xs.count)
        }
        let averaged: LuaValue = .record([
            "me": .number(mean(\.me)), "mae": .number(mean(\.mae)), "rmse": .number(mean(\.rmse)), "mape": .number(mean(\.mape)),
            "smape": .number(mean(\.smape)), "mase": .number(mean(\.mase)), "rmsse": .number(mean(\.rmsse)),
            "series": .integer(Int64(reports.count)),
        ])
        return call.returning(.record(["per_series": .record(perSeries), "mean": averaged]))
    }
}
