import AlmanacCore
import LuaBridge
import TimeSeries

/// The methods of a Series in Lua. Each is documented here, once, for the
/// reference and `almanac docs`.
enum SeriesMethods {
    typealias Method = LuaMethod<SeriesObject>

    static func push(_ s: Series, _ call: LuaCall) -> Int32 { SeriesObject.push(s, call) }

    static var all: [Method] { access + transforms + statistics }

    static var access: [Method] { [
        Method("values", signature: "s:values() -> { number, ... }", summary: "the values as a Lua array (missing values are nan)",
               types: LuaSignature(returns: [.array(.number)])) { me, call in
            call.returning(.array(me.series.values.map { .number($0) }))
        },
        Method("labels", signature: "s:labels() -> { string, ... }", summary: "the date label of every observation (\"1949-01\", \"1960-Q1\", \"2024-01-08\")",
               types: LuaSignature(returns: [.array(.string)])) { me, call in
            call.returning(.array(me.series.labels.map { .string($0) }))
        },
        Method("head", signature: "s:head(n)", summary: "the first n observations",
               types: LuaSignature([.init("n", .integer)], returns: [.series])) { me, call in
            push(me.series.head(try call.integer(2, "n")), call)
        },
        Method("tail", signature: "s:tail(n)", summary: "the last n observations",
               types: LuaSignature([.init("n", .integer)], returns: [.series])) { me, call in
            push(me.series.tail(try call.integer(2, "n")), call)
        },
        Method("window", signature: "s:window(from, to)", summary: "observations from label `from` to label `to`, inclusive; nil for an open end",
               types: LuaSignature([.optional("from", .string), .optional("to", .string)], returns: [.series])) { me, call in
            let from = call.isNil(2) ? nil : try call.string(2, "from")
            let to = call.isNil(3) ? nil : try call.string(3, "to")
            return push(try me.series.window(from: from, to: to), call)
        },
        Method("split", signature: "s:split(h) -> train, test", summary: "all but the last h observations, and those h",
               types: LuaSignature([.init("h", .integer)], namedReturns: [.init(.series, "train"), .init(.series, "test")])) { me, call in
            let (train, test) = try me.series.split(holdout: try call.integer(2, "h"))
            _ = push(train, call)
            return push(test, call) + 1
        },
        Method("rename", signature: "s:rename(name)", summary: "the same series under another name",
               types: LuaSignature([.init("name", .string)], returns: [.series])) { me, call in
            var s = me.series
            s.name = try call.string(2, "name")
            return push(s, call)
        },
        Method("with_period", signature: "s:with_period(m)", summary: "the same series with seasonal period m",
               types: LuaSignature([.init("m", .integer)], returns: [.series])) { me, call in
            let m = try call.integer(2, "m")
            guard m >= 1, m <= Series.maximumSeasonalPeriod else {
                throw ScriptError("argument 2 'm' must be between 1 and \(Series.maximumSeasonalPeriod), got \(m)")
            }
            var s = me.series
            s.seasonalPeriod = m
            return push(s, call)
        },
        Method("missing", signature: "s:missing() -> { label, ... }", summary: "labels of the missing (nan) observations",
               types: LuaSignature(returns: [.array(.string)])) { me, call in
            call.returning(.array(me.series.missingPositions.map { .string(me.series.label(at: $0)) }))
        },
    ]
    }

    static var transforms: [Method] { [
        Method("log", signature: "s:log()", summary: "natural logarithm (every value must be positive)",
               types: LuaSignature(returns: [.series])) { me, call in
            push(try me.series.log(), call)
        },
        Method("boxcox", signature: "s:boxcox(lambda)", summary: "Box–Cox transform as R's forecast::BoxCox (lambda = 0 is the log); lambda may be \"auto\" (Guerrero)",
               types: LuaSignature([.init("lambda", .number | .literal("auto"))], returns: [.series])) { me, call in
            let lambda = try lambdaArgument(me.series, call)
            var out = me.series.boxCox(lambda: lambda)
            out.name = me.series.name
            return push(out, call)
        },
        Method("inverse_boxcox", signature: "s:inverse_boxcox(lambda)", summary: "undoes s:boxcox(lambda)",
               types: LuaSignature([.init("lambda", .number)], returns: [.series])) { me, call in
            push(me.series.inverseBoxCox(lambda: try call.number(2, "lambda")), call)
        },
        Method("diff", signature: "s:diff([lag [, differences]])", summary: "differences y_t − y_{t−lag} (lag 1 by default), applied `differences` times",
               types: LuaSignature([.optional("lag", .integer), .optional("differences", .integer)], returns: [.series])) { me, call in
            let lag = call.isNil(2) ? 1 : try call.integer(2, "lag")
            let d = call.isNil(3) ? 1 : try call.integer(3, "differences")
            return push(try me.series.differenced(lag: lag, differences: d), call)
        },
        Method("ma", signature: "s:ma(order [, { centred = true }])", summary: "moving average; centred (2×m for even m, as forecast::ma) or trailing; the ends are nan",
               types: LuaSignature([.init("order", .integer), .optional("options", .options(maOptions))], returns: [.series])) { me, call in
            let order = try call.integer(2, "order")
            let (p, _) = try validateOptions(try call.record(3, "options"), against: maOptions, owner: "s:ma")
            return push(try me.series.movingAverage(order: order, centred: p.boolean("centred") ?? true), call)
        },
        Method("aggregate", signature: "s:aggregate(freq [, how])", summary: "sum (default) or mean into a coarser calendar; incomplete periods at the ends are dropped and reported as a second result",
               types: LuaSignature([.init("freq", .frequency), .optional("how", .oneOf(Series.Aggregation.allCases.map(\.rawValue)))], namedReturns: [.init(.series), .init(.integer, "dropped")])) { me, call in
            let name = try call.string(2, "freq")
            guard let target = Frequency(name: name) else { throw ScriptError("unknown freq '\(name)'; use day, week, month, quarter or year") }
            let howName = call.isNil(3) ? "sum" : try call.string(3, "how")
            guard let how = Series.Aggregation(rawValue: howName) else { throw ScriptError("how must be \"sum\" or \"mean\", got \"\(howName)\"") }
            let (s, dropped) = try me.series.aggregated(to: target, how)
            _ = push(s, call)
            return call.returning(.integer(Int64(dropped))) + 1
        },
        Method("fill_gaps", signature: "s:fill_gaps(method)", summary: "fills missing values: \"zero\", \"previous\", \"linear\" (interpolate) or \"na\" (leave them)",
               types: LuaSignature([.init("method", .oneOf(Series.GapFill.allCases.map(\.rawValue)))], returns: [.series])) { me, call in
            let name = try call.string(2, "method")
            guard let method = Series.GapFill(rawValue: name) else {
                let guess = closestMatch(to: name, in: Series.GapFill.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
                throw ScriptError("unknown method '\(name)'\(guess); use \"zero\", \"previous\", \"linear\" or \"na\"")
            }
            return push(try me.series.fillingGaps(method), call)
        },
    ]
    }

    static var statistics: [Method] { [
        Method("acf", signature: "s:acf(k) -> { r1, ..., rk }", summary: "autocorrelations at lags 1..k (as R's acf)",
               types: LuaSignature([.init("k", .integer)], returns: [.array(.number)])) { me, call in
            call.returning(.array(try me.series.autocorrelations(maxLag: try call.integer(2, "k")).map { .number($0) }))
        },
        Method("pacf", signature: "s:pacf(k) -> { ... }", summary: "partial autocorrelations at lags 1..k (Durbin–Levinson, as R's pacf)",
               types: LuaSignature([.init("k", .integer)], returns: [.array(.number)])) { me, call in
            call.returning(.array(try me.series.partialAutocorrelations(maxLag: try call.integer(2, "k")).map { .number($0) }))
        },
        Method("ljung_box", signature: "s:ljung_box{ lag = 10, fitdf = 0 } -> { statistic, p_value, df }", summary: "Ljung–Box test for autocorrelation (R's Box.test, type \"Ljung-Box\")",
               types: LuaSignature([.optional("options", .options(ljungBoxOptions))], returns: [.numbers(["statistic", "p_value", "df"])])) { me, call in
            let (p, _) = try validateOptions(try call.record(2, "options"), against: ljungBoxOptions, owner: "s:ljung_box")
            let r = try me.series.ljungBox(lag: p.integer("lag") ?? 10, fitdf: p.integer("fitdf") ?? 0)
            return call.returning(.record(["statistic": .number(r.statistic), "p_value": .number(r.pValue), "df": .integer(Int64(r.parameter))]))
        },
        Method("kpss", signature: "s:kpss{ type = \"level\", lags = \"short\" } -> { statistic, p_value, lags }", summary: "KPSS stationarity test (urca::ur.kpss); p-value interpolated in the KPSS table, within [0.01, 0.1]; small p: not stationary",
               types: LuaSignature([.optional("options", .options(kpssOptions))], returns: [.numbers(["statistic", "p_value", "lags"])])) { me, call in
            let (p, _) = try validateOptions(try call.record(2, "options"), against: kpssOptions, owner: "s:kpss")
            let lags: Series.KPSSLags = p.string("lags") == "long" ? .long : p.string("lags") == "forecast" ? .forecast : .short
            let r = try me.series.kpss(type: p.string("type") == "trend" ? .trend : .level, lags: lags)
            return call.returning(.record(["statistic": .number(r.statistic), "p_value": .number(r.pValue), "lags": .integer(Int64(r.parameter))]))
        },
        Method("ndiffs", signature: "s:ndiffs() -> d", summary: "first differences needed for stationarity (forecast::ndiffs with KPSS, alpha 0.05)",
               types: LuaSignature(returns: [.integer])) { me, call in
            call.returning(.integer(Int64(try me.series.ndiffs())))
        },
        Method("nsdiffs", signature: "s:nsdiffs() -> D", summary: "seasonal differences needed (forecast::nsdiffs: seasonal strength > 0.64)",
               types: LuaSignature(returns: [.integer])) { me, call in
            call.returning(.integer(Int64(try me.series.nsdiffs())))
        },
        Method("seasonal_strength", signature: "s:seasonal_strength() -> number", summary: "F_s = max(0, 1 − Var(remainder)/Var(seasonal + remainder)) from STL (Wang, Smith & Hyndman 2006)",
               types: LuaSignature(returns: [.number])) { me, call in
            call.returning(.number(try me.series.seasonalStrength()))
        },
        Method("boxcox_lambda", signature: "s:boxcox_lambda{ method = \"guerrero\", lower = -1, upper = 2 } -> lambda", summary: "Box–Cox λ as forecast::BoxCox.lambda (Guerrero or profile log-likelihood)",
               types: LuaSignature([.optional("options", .options(boxCoxLambdaOptions))], returns: [.number])) { me, call in
            let (p, _) = try validateOptions(try call.record(2, "options"), against: boxCoxLambdaOptions, owner: "s:boxcox_lambda")
            let method: Series.LambdaMethod = p.string("method") == "loglik" ? .loglik : .guerrero
            return call.returning(.number(try me.series.boxCoxLambda(method: method, lower: p.number("lower") ?? -1, upper: p.number("upper") ?? 2)))
        },
        Method("stl", signature: "s:stl{ s_window = \"periodic\" | odd number, robust = false, ... } -> { trend, seasonal, remainder, weights }", summary: "STL decomposition as R's stl (same windows, degrees and jumps by default); each part is a Series",
               types: LuaSignature([.optional("options", .record([.optional("s_window", .literal("periodic") | .integer, doc: "seasonal window: \"periodic\" (default) or an odd span")] + stlOptions.map(LuaField.init)))], returns: [decompositionType])) { me, call in
            var options = try call.record(2, "options")
            let sWindow = options.removeValue(forKey: "s_window") ?? .string("periodic")
            let (p, _) = try validateOptions(options, against: stlOptions, owner: "s:stl")
            let window: Series.SeasonalWindow
            switch sWindow {
            case .string("periodic"): window = .periodic
            case .integer(let w) where w.magnitude <= 2_147_483_647: window = .span(Int(w))
            case .number(let w) where Int(wholeNumber: w).map({ $0.magnitude <= 2_147_483_647 }) == true: window = .span(Int(w))
            default: throw ScriptError.named("s:stl: s_window must be \"periodic\" or an odd whole number (7, 11, ...)")
            }
            let d = try me.series.stl(seasonalWindow: window, seasonalDegree: p.integer("s_degree") ?? 0,
                                      trendWindow: p.integer("t_window"), trendDegree: p.integer("t_degree") ?? 1,
                                      lowPassWindow: p.integer("l_window"), robust: p.boolean("robust") ?? false)
            return decomposition(d, of: me.series, call)
        },
        Method("decompose", signature: "s:decompose([type]) -> { trend, seasonal, remainder }", summary: "classical decomposition by moving averages (R's decompose); type \"additive\" (default) or \"multiplicative\"",
               types: LuaSignature([.optional("type", .oneOf(Series.DecompositionType.allCases.map(\.rawValue)))], returns: [decompositionType])) { me, call in
            let name = call.isNil(2) ? "additive" : try call.string(2, "type")
            guard let type = Series.DecompositionType(rawValue: name) else {
                throw ScriptError("type must be \"additive\" or \"multiplicative\", got \"\(name)\"")
            }
            return decomposition(try me.series.classicalDecomposition(type), of: me.series, call)
        },
    ]
    }

    static let maOptions = [
        ParameterSpec("centred", .boolean, default: .boolean(true), doc: "centre the window; false: the mean of the last `order` values"),
    ]

    static let ljungBoxOptions = [
        ParameterSpec("lag", .integer, default: .integer(10), range: ParameterRange(lower: 1), doc: "lags tested"),
        ParameterSpec("fitdf", .integer, default: .integer(0), range: ParameterRange(lower: 0), doc: "parameters fitted (for residuals of an ARMA(p,q): p + q)"),
    ]

    static let kpssOptions = [
        ParameterSpec("type", .string, default: .string("level"), choices: ["level", "trend"], doc: "stationary around a level or a linear trend"),
        ParameterSpec("lags", .string, default: .string("short"), choices: ["short", "long", "forecast"], doc: "truncation lag: ⌊4(n/100)^¼⌋, ⌊12(n/100)^¼⌋, or ⌊3√n/13⌋ as forecast::ndiffs"),
    ]

    static let boxCoxLambdaOptions = [
        ParameterSpec("method", .string, default: .string("guerrero"), choices: ["guerrero", "loglik"], doc: "how λ is chosen"),
        ParameterSpec("lower", .number, default: .number(-1), doc: "smallest λ considered"),
        ParameterSpec("upper", .number, default: .number(2), doc: "largest λ considered"),
    ]

    static let stlOptions = [
        ParameterSpec("s_degree", .integer, default: .integer(0), range: ParameterRange(lower: 0, upper: 1), doc: "degree of the seasonal loess"),
        ParameterSpec("t_window", .integer, range: ParameterRange(lower: 3), doc: "trend span; default nextodd(1.5·period/(1 − 1.5/s_window))"),
        ParameterSpec("t_degree", .integer, default: .integer(1), range: ParameterRange(lower: 0, upper: 1), doc: "degree of the trend loess"),
        ParameterSpec("l_window", .integer, range: ParameterRange(lower: 3), doc: "low-pass span; default the period made odd"),
        ParameterSpec("robust", .boolean, default: .boolean(false), doc: "robustness iterations against outliers"),
    ]

    /// What s:stl and s:decompose give: each part a Series.
    static let decompositionType = LuaType.record(["trend", "seasonal", "remainder", "weights"].map { LuaField($0, .series) },
                                                  named: "Series.Decomposition")

    static func decomposition(_ d: Decomposition, of s: Series, _ call: LuaCall) -> Int32 {
        func part(_ values: [Double], _ suffix: String) -> LuaValue {
            var p = s.with(values: values)
            p.name = s.name.isEmpty ? suffix : "\(s.name) \(suffix)"
            return .object(SeriesObject(p))
        }
        return call.returning(.record([
            "trend": part(d.trend, "trend"), "seasonal": part(d.seasonal, "seasonal"),
            "remainder": part(d.remainder, "remainder"), "weights": part(d.weights, "weights"),
        ]))
    }

    static func lambdaArgument(_ s: Series, _ call: LuaCall) throws -> Double {
        if call.stack.string(at: 2) == "auto" { return try s.boxCoxLambda() }
        return try call.number(2, "lambda")
    }
}
