import AlmanacCore

extension ModelCatalog {
    static let arimaModels: [ModelDefinition] = [
        ModelDefinition(
            descriptor: describe(
                "arima",
                summary: "seasonal ARIMA (p,d,q)(P,D,Q)[m] with a mean, a drift or regressors, as R's forecast::Arima",
                doc: """
                    ARIMA with given orders, estimated as R's stats::arima (through forecast::Arima): exact Gaussian likelihood by \
                    the Kalman filter with differencing in the state, the CSS start then maximum likelihood by default \
                    (method "CSS-ML"), AR parts kept stationary during the search. A mean is estimated without differencing \
                    (include_mean), a drift with one difference (include_drift); `xreg` names covariates of the data to use \
                    as regressors (regression with ARIMA errors), whose future values must cover the horizon. Intervals from \
                    the Kalman forecast variances; sample paths simulated from the fitted state-space model.
                    """,
                parameters: [
                    ParameterSpec(
                        "order", .numbers, default: .numbers([0, 0, 0]), range: ParameterRange(lower: 0),
                        doc: "{ p, d, q }: AR order, differences, MA order"),
                    ParameterSpec(
                        "seasonal", .numbers, default: .numbers([0, 0, 0]), range: ParameterRange(lower: 0),
                        doc:
                            "{ P, D, Q }: seasonal AR order, seasonal differences, seasonal MA order (period: the series')"
                    ),
                    ParameterSpec(
                        "include_mean", .boolean, default: .boolean(true),
                        doc: "estimate a mean (only without differencing)"),
                    ParameterSpec(
                        "include_drift", .boolean, default: .boolean(false),
                        doc: "estimate a linear drift (at most one difference in total)"),
                    ParameterSpec(
                        "method", .string, default: .string("CSS-ML"),
                        choices: ARIMAEstimator.Method.allCases.map(\.rawValue),
                        doc: "\"CSS-ML\" (conditional sum of squares start, then maximum likelihood), \"ML\" or \"CSS\""
                    ),
                    ParameterSpec(
                        "fixed", .numbers,
                        doc:
                            "coefficients to hold fixed, in R's order (ar, ma, sar, sma, intercept or drift, xreg); 0/0 (NaN) for those to estimate"
                    ),
                    xregSpec, arimaOptimizerSpec,
                ],
                capabilities: ["intervals", "samples", "seasonal", "exogenous", "non_negative"],
                example: """
                    local air = data.dataset("airpassengers")
                    local m = forecast.fit("arima", air, { order = { 0, 1, 1 }, seasonal = { 0, 1, 1 }, lambda = 0 })
                    print(m.method, m:params().ma1, m:forecast{ h = 12 }.mean[1])
                    """), make: makeARIMA),
        ModelDefinition(
            descriptor: describe(
                "auto_arima",
                summary:
                    "automatic ARIMA: differencing by unit-root tests, orders by a stepwise AICc search (R's auto.arima)",
                doc: """
                    forecast::auto.arima: D from the seasonal-strength test (nsdiffs), d from KPSS tests (ndiffs), then the \
                    Hyndman–Khandakar stepwise search over p, q, P, Q and the constant (a mean without differencing, a drift \
                    with one), each model estimated as `arima` and compared by AICc (or `ic`); models with roots within 1.01 of \
                    the unit circle or a negative coefficient variance are rejected. With approximation (default when the \
                    series has more than 150 values or a period above 12) the search uses CSS with R's likelihood offset, and \
                    the best models are refitted exactly. stepwise = false searches every model with p + q + P + Q ≤ max_order.
                    """,
                parameters: [
                    ParameterSpec(
                        "d", .integer, range: ParameterRange(lower: 0),
                        doc: "number of differences (default: by KPSS tests)"),
                    ParameterSpec(
                        "D", .integer, range: ParameterRange(lower: 0),
                        doc: "number of seasonal differences (default: by the seasonal-strength test)"),
                    ParameterSpec(
                        "max_p", .integer, default: .integer(5), range: ParameterRange(lower: 0),
                        doc: "largest AR order"),
                    ParameterSpec(
                        "max_q", .integer, default: .integer(5), range: ParameterRange(lower: 0),
                        doc: "largest MA order"),
                    ParameterSpec(
                        "max_P", .integer, default: .integer(2), range: ParameterRange(lower: 0),
                        doc: "largest seasonal AR order"),
                    ParameterSpec(
                        "max_Q", .integer, default: .integer(2), range: ParameterRange(lower: 0),
                        doc: "largest seasonal MA order"),
                    ParameterSpec(
                        "max_order", .integer, default: .integer(5), range: ParameterRange(lower: 0),
                        doc: "largest p + q + P + Q (stepwise = false)"),
                    ParameterSpec(
                        "max_d", .integer, default: .integer(2), range: ParameterRange(lower: 0),
                        doc: "most differences the tests may choose"),
                    ParameterSpec(
                        "max_D", .integer, default: .integer(1), range: ParameterRange(lower: 0),
                        doc: "most seasonal differences the test may choose"),
                    ParameterSpec(
                        "stationary", .boolean, default: .boolean(false), doc: "stationary models only (d = D = 0)"),
                    ParameterSpec("seasonal", .boolean, default: .boolean(true), doc: "consider seasonal models"),
                    ParameterSpec(
                        "ic", .string, default: .string("aicc"),
                        choices: AutoARIMACandidate.Criterion.allCases.map(\.rawValue),
                        doc: "criterion for choosing the model"),
                    ParameterSpec(
                        "stepwise", .boolean, default: .boolean(true),
                        doc: "the stepwise search (false: every model up to max_order)"),
                    ParameterSpec(
                        "approximation", .boolean,
                        doc: "estimate by CSS during the search (default: when n > 150 or the period exceeds 12)"),
                    ParameterSpec(
                        "method", .string, choices: ARIMAEstimator.Method.allCases.map(\.rawValue),
                        doc: "estimation method of every candidate (default: \"CSS-ML\", CSS under approximation)"),
                    ParameterSpec(
                        "test", .string, default: .string("kpss"), choices: ["kpss"],
                        doc: "unit-root test for d (KPSS, R's default)"),
                    ParameterSpec(
                        "seasonal_test", .string, default: .string("seas"), choices: ["seas"],
                        doc: "test for D (seasonal strength, R's default)"),
                    ParameterSpec(
                        "allowdrift", .boolean, default: .boolean(true), doc: "consider a drift when d + D = 1"),
                    ParameterSpec(
                        "allowmean", .boolean, default: .boolean(true), doc: "consider a mean when d + D = 0"),
                    ParameterSpec(
                        "nmodels", .integer, default: .integer(94), range: ParameterRange(lower: 1),
                        doc: "most models the stepwise search fits"),
                    xregSpec, autoARIMAOptimizerSpec,
                ],
                capabilities: ["intervals", "samples", "seasonal", "exogenous", "non_negative"],
                example: """
                    local air = data.dataset("airpassengers")
                    local m = forecast.fit("auto_arima", air, { lambda = 0 })
                    print(m.method, m.aicc)
                    """), make: makeAutoARIMA),
    ]

    static let xregSpec = ParameterSpec(
        "xreg", .strings,
        doc:
            "covariates of the data to use as regressors, e.g. { \"price\", \"promo\" }; their values after the series are the future values"
    )

    static let arimaOptimizerSpec = ParameterSpec(
        "optimizer", .string, default: .string("almanac"), choices: ["almanac", "fast", "r"],
        doc:
            "\"almanac\": R's BFGS on a faster evaluation of R's likelihood (estimates agree with R's to about 1e-4); \"fast\": the likelihood of the differenced series, R's in the limit of a fully diffuse start, O(n·r) per evaluation; \"r\": also R's initial covariance (AS 154) arithmetic, to reproduce R's estimates to the last digits"
    )

    /// auto_arima defaults to "fast": as accurate and as often R's orders on M3, twice as fast as "almanac".
    static let autoARIMAOptimizerSpec = ParameterSpec(
        "optimizer", .string, default: .string("fast"), choices: ["fast", "almanac", "r"],
        doc:
            "\"fast\": every model (the search's and the chosen one) by the likelihood of the differenced series, R's in the limit of a fully diffuse start; \"almanac\": the same search, then the chosen order refitted as arima fits it (about twice the time); \"r\": R's arithmetic throughout"
    )

    static func arimaEstimator(_ p: ParameterSet, method: String?) -> ARIMAEstimator {
        var estimator = ARIMAEstimator()
        if let method, let m = ARIMAEstimator.Method(rawValue: method) { estimator.method = m }
        estimator.initialization = initialization(p)
        return estimator
    }

    static func initialization(_ p: ParameterSet, default fallback: ARIMAInitialization = .autocovariance)
        -> ARIMAInitialization
    {
        switch p.string("optimizer") {
        case "r": return .gardner
        case "fast": return .differenced
        case "almanac": return .autocovariance
        default: return fallback
        }
    }

    static func xreg(_ p: ParameterSet) -> [String] {
        if case .strings(let names)? = p["xreg"] { return names }
        return []
    }

    @Sendable static func makeARIMA(_ p: ParameterSet) throws -> any Forecaster {
        func triple(_ name: String) throws(ForecastError) -> [Int] {
            guard case .numbers(let xs)? = p[name], xs.count == 3, xs.allSatisfy({ $0 == $0.rounded() && $0 <= 1000 })
            else {
                throw ForecastError("arima: option '\(name)' must be three whole numbers, e.g. { 0, 1, 1 }")
            }
            return xs.map { Int($0) }
        }
        let o = try triple("order"), s = try triple("seasonal")
        // The period is the series'; a seasonal order on a non-seasonal series is an error at fit time.
        let order = ARIMAOrder(p: o[0], d: o[1], q: o[2], P: s[0], D: s[1], Q: s[2], period: 1)
        var fixed: [Double?]?
        if case .numbers(let xs)? = p["fixed"] { fixed = xs.map { $0.isNaN ? nil : $0 } }
        return ARIMAForecaster(
            specification: ARIMASpecification(
                order: order, includeMean: p.boolean("include_mean") ?? true,
                includeDrift: p.boolean("include_drift") ?? false, xreg: xreg(p)),
            estimator: arimaEstimator(p, method: p.string("method")), fixed: fixed)
    }

    @Sendable static func makeAutoARIMA(_ p: ParameterSet) throws -> any Forecaster {
        var f = AutoARIMAForecaster()
        f.d = p.integer("d")
        f.D = p.integer("D")
        f.limits = AutoARIMASearch.Limits(
            p: p.integer("max_p") ?? 5, q: p.integer("max_q") ?? 5, P: p.integer("max_P") ?? 2,
            Q: p.integer("max_Q") ?? 2, order: p.integer("max_order") ?? 5)
        f.maxD = p.integer("max_d") ?? 2
        f.maxSeasonalD = p.integer("max_D") ?? 1
        f.stationary = p.boolean("stationary") ?? false
        f.seasonal = p.boolean("seasonal") ?? true
        f.criterion = AutoARIMACandidate.Criterion(rawValue: p.string("ic") ?? "aicc") ?? .aicc
        f.stepwise = p.boolean("stepwise") ?? true
        f.approximation = p.boolean("approximation")
        f.method = p.string("method").flatMap(ARIMAEstimator.Method.init(rawValue:))
        f.allowDrift = p.boolean("allowdrift") ?? true
        f.allowMean = p.boolean("allowmean") ?? true
        f.maxModels = p.integer("nmodels") ?? 94
        f.xreg = xreg(p)
        f.initialization = initialization(p, default: .differenced)
        f.searchInitialization = f.initialization == .gardner ? .gardner : .differenced
        return f
    }
}
