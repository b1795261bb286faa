import AlmanacCore
import LuaBridge
import TimeSeries

/// The methods of a Series in Lua. Each is documented here, once, for the
/// reference and `almanac docs`.
enum SeriesMethods {
    typealias Method = LuaMethod<SeriesObject>

    static func push(_ s: Series, _ call: LuaCall) -> Int32 { SeriesObject.push(s, call) }

    static var all: [Method] { access + transforms + statistics }

    static var access: [Method] {
        [
            Method(
                "values", summary: "the values as a Lua array (missing values are nan)",
                returns: [.init(.array(.number))]
            ) { me, call in
                call.returning(.array(me.series.values.map { .number($0) }))
            },
            Method(
                "labels", summary: "the date label of every observation (\"1949-01\", \"1960-Q1\", \"2024-01-08\")",
                returns: [.init(.array(.string))]
            ) { me, call in
                call.returning(.array(me.series.labels.map { .string($0) }))
            },
            Method("head", summary: "the first n observations", arguments: Count.self, returns: [.init(.series)]) {
                me, args, call in
                push(me.series.head(args.n), call)
            },
            Method("tail", summary: "the last n observations", arguments: Count.self, returns: [.init(.series)]) {
                me, args, call in
                push(me.series.tail(args.n), call)
            },
            Method(
                "window", summary: "observations from label `from` to label `to`, inclusive; nil for an open end",
                arguments: WindowArguments.self, returns: [.init(.series)]
            ) { me, args, call in
                push(try me.series.window(from: args.from, to: args.to), call)
            },
            Method(
                "split", summary: "all but the last h observations, and those h", arguments: Holdout.self,
                returns: [.init(.series, "train"), .init(.series, "test")]
            ) { me, args, call in
                let (train, test) = try me.series.split(holdout: args.h)
                _ = push(train, call)
                return push(test, call) + 1
            },
            Method(
                "rename", summary: "the same series under another name", arguments: NewName.self,
                returns: [.init(.series)]
            ) { me, args, call in
                var s = me.series
                s.name = args.name
                return push(s, call)
            },
            Method(
                "with_period", summary: "the same series with seasonal period m", arguments: Period.self,
                returns: [.init(.series)]
            ) { me, args, call in
                guard args.m >= 1, args.m <= Series.maximumSeasonalPeriod else {
                    throw ScriptError(
                        "argument 2 'm' must be between 1 and \(Series.maximumSeasonalPeriod), got \(args.m)")
                }
                var s = me.series
                s.seasonalPeriod = args.m
                return push(s, call)
            },
            Method(
                "missing", summary: "labels of the missing (nan) observations",
                returns: [.init(.array(.string), "labels")]
            ) { me, call in
                call.returning(.array(me.series.missingPositions.map { .string(me.series.label(at: $0)) }))
            },
        ]
    }

    static var transforms: [Method] {
        [
            Method("log", summary: "natural logarithm (every value must be positive)", returns: [.init(.series)]) {
                me, call in
                push(try me.series.log(), call)
            },
            Method(
                "boxcox",
                summary:
                    "Box–Cox transform as R's forecast::BoxCox (lambda = 0 is the log); lambda may be \"auto\" (Guerrero)",
                arguments: AutoLambda.self, returns: [.init(.series)]
            ) { me, args, call in
                let lambda = try args.lambda == .string("auto") ? me.series.boxCoxLambda() : call.number(2, "lambda")
                var out = me.series.boxCox(lambda: lambda)
                out.name = me.series.name
                return push(out, call)
            },
            Method(
                "inverse_boxcox", summary: "undoes s:boxcox(lambda)", arguments: Lambda.self, returns: [.init(.series)]
            ) { me, args, call in
                push(me.series.inverseBoxCox(lambda: args.lambda), call)
            },
            Method(
                "diff", summary: "differences y_t − y_{t−lag} (lag 1 by default), applied `differences` times",
                arguments: DiffArguments.self, returns: [.init(.series)]
            ) { me, args, call in
                push(try me.series.differenced(lag: args.lag, differences: args.differences), call)
            },
            Method(
                "ma",
                summary: "moving average; centred (2×m for even m, as forecast::ma) or trailing; the ends are nan",
                arguments: MovingAverageArguments.self, returns: [.init(.series)]
            ) { me, args, call in
                push(try me.series.movingAverage(order: args.order, centred: args.centred), call)
            },
            Method(
                "aggregate",
                summary:
                    "sum (default) or mean into a coarser calendar; incomplete periods at the ends are dropped and reported as a second result",
                arguments: AggregateArguments.self, returns: [.init(.series), .init(.integer, "dropped")]
            ) { me, args, call in
                guard let target = Frequency(name: args.freq) else {
                    throw ScriptError("unknown freq '\(args.freq)'; use day, week, month, quarter or year")
                }
                guard let how = Series.Aggregation(rawValue: args.how) else {
                    throw ScriptError("how must be \"sum\" or \"mean\", got \"\(args.how)\"")
                }
                let (s, dropped) = try me.series.aggregated(to: target, how)
                _ = push(s, call)
                return call.returning(.integer(Int64(dropped))) + 1
            },
            Method(
                "fill_gaps",
                summary:
                    "fills missing values: \"zero\", \"previous\", \"linear\" (interpolate) or \"na\" (leave them)",
                arguments: GapFillArguments.self, returns: [.init(.series)]
            ) { me, args, call in
                guard let method = Series.GapFill(rawValue: args.method) else {
                    let guess =
                        closestMatch(to: args.method, in: Series.GapFill.allCases.map(\.rawValue)).map {
                            " (did you mean '\($0)'?)"
                        } ?? ""
                    throw ScriptError(
                        "unknown method '\(args.method)'\(guess); use \"zero\", \"previous\", \"linear\" or \"na\"")
                }
                return push(try me.series.fillingGaps(method), call)
            },
        ]
    }

    static var statistics: [Method] {
        [
            Method(
                "acf", summary: "autocorrelations at lags 1..k (as R's acf)", arguments: MaxLag.self,
                returns: [.init(.array(.number))]
            ) { me, args, call in
                call.returning(.array(try me.series.autocorrelations(maxLag: args.k).map { .number($0) }))
            },
            Method(
                "pacf", summary: "partial autocorrelations at lags 1..k (Durbin–Levinson, as R's pacf)",
                arguments: MaxLag.self,
                returns: [.init(.array(.number))]
            ) { me, args, call in
                call.returning(.array(try me.series.partialAutocorrelations(maxLag: args.k).map { .number($0) }))
            },
            Method(
                "ljung_box", summary: "Ljung–Box test for autocorrelation (R's Box.test, type \"Ljung-Box\")",
                arguments: LjungBoxArguments.self, returns: [.init(LjungBoxResult.luaType)]
            ) { me, args, call in
                call.returning(record: LjungBoxResult(try me.series.ljungBox(lag: args.lag, fitdf: args.fitdf)))
            },
            Method(
                "kpss",
                summary:
                    "KPSS stationarity test (urca::ur.kpss); p-value interpolated in the KPSS table, within [0.01, 0.1]; small p: not stationary",
                arguments: KPSSArguments.self, returns: [.init(KPSSResult.luaType)]
            ) { me, args, call in
                call.returning(record: KPSSResult(try me.series.kpss(type: args.type, lags: args.lags.truncation)))
            },
            Method(
                "ndiffs", summary: "first differences needed for stationarity (forecast::ndiffs with KPSS, alpha 0.05)",
                returns: [.init(.integer, "d")]
            ) { me, call in
                call.returning(.integer(Int64(try me.series.ndiffs())))
            },
            Method(
                "nsdiffs", summary: "seasonal differences needed (forecast::nsdiffs: seasonal strength > 0.64)",
                returns: [.init(.integer, "D")]
            ) { me, call in
                call.returning(.integer(Int64(try me.series.nsdiffs())))
            },
            Method(
                "seasonal_strength",
                summary:
                    "F_s = max(0, 1 − Var(remainder)/Var(seasonal + remainder)) from STL (Wang, Smith & Hyndman 2006)",
                returns: [.init(.number)]
            ) { me, call in
                call.returning(.number(try me.series.seasonalStrength()))
            },
            Method(
                "boxcox_lambda", summary: "Box–Cox λ as forecast::BoxCox.lambda (Guerrero or profile log-likelihood)",
                arguments: BoxCoxLambdaArguments.self, returns: [.init(.number, "lambda")]
            ) { me, args, call in
                call.returning(
                    .number(try me.series.boxCoxLambda(method: args.method, lower: args.lower, upper: args.upper)))
            },
            Method(
                "stl",
                summary:
                    "STL decomposition as R's stl (same windows, degrees and jumps by default); each part is a Series",
                arguments: STLArguments.self, returns: [.init(decompositionType)]
            ) { me, args, call in
                let window: Series.SeasonalWindow
                switch args.sWindow {
                case .string("periodic"): window = .periodic
                case .integer(let w) where w.magnitude <= 2_147_483_647: window = .span(Int(w))
                case .number(let w) where Int(wholeNumber: w).map({ $0.magnitude <= 2_147_483_647 }) == true:
                    window = .span(Int(w))
                default:
                    throw ScriptError.named("s:stl: s_window must be \"periodic\" or an odd whole number (7, 11, ...)")
                }
                let d = try me.series.stl(
                    seasonalWindow: window, seasonalDegree: args.sDegree, trendWindow: args.tWindow,
                    trendDegree: args.tDegree, lowPassWindow: args.lWindow, robust: args.robust)
                return decomposition(d, of: me.series, call)
            },
            Method(
                "decompose",
                summary:
                    "classical decomposition by moving averages (R's decompose); type \"additive\" (default) or \"multiplicative\"",
                arguments: DecomposeArguments.self, returns: [.init(decompositionType)]
            ) { me, args, call in
                guard let type = Series.DecompositionType(rawValue: args.type) else {
                    throw ScriptError("type must be \"additive\" or \"multiplicative\", got \"\(args.type)\"")
                }
                return decomposition(try me.series.classicalDecomposition(type), of: me.series, call)
            },
        ]
    }

    /// What s:stl and s:decompose give: each part a Series.
    static let decompositionType = LuaType.record(
        ["trend", "seasonal", "remainder", "weights"].map { LuaField($0, .series) },
        named: "Series.Decomposition")

    static func decomposition(_ d: Decomposition, of s: Series, _ call: LuaCall) -> Int32 {
        func part(_ values: [Double], _ suffix: String) -> LuaValue {
            var p = s.with(values: values)
            p.name = s.name.isEmpty ? suffix : "\(s.name) \(suffix)"
            return .object(SeriesObject(p))
        }
        return call.returning(
            .record([
                "trend": part(d.trend, "trend"), "seasonal": part(d.seasonal, "seasonal"),
                "remainder": part(d.remainder, "remainder"), "weights": part(d.weights, "weights"),
            ]))
    }
}
