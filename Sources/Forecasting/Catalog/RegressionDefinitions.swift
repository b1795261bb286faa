import AlmanacCore

extension ModelCatalog {
    static let regressionModels: [ModelDefinition] = [
        ModelDefinition(
            descriptor: describe(
                "regression",
                summary: "a linear regression on trend, season and covariates, by least squares (R's tslm)",
                doc: """
                    y = β'x + ε with independent normal errors of constant variance, where x holds an intercept, the trend \
                    t = 1 … n, seasonal dummies (season2 … seasonm) or Fourier pairs (S1-m, C1-m, …), and named covariates \
                    taken from the data. Estimated by Householder QR; forecasts and intervals are R's predict.lm (Student's \
                    t with n − p degrees of freedom, widened by the leverage of each future row). Covariates must be known \
                    for the forecast horizon: pass them with forecast.fit's fourth argument (values past the end of the \
                    series count as known future values) or as m:forecast{ future = { name = { ... } } }. A term that is a \
                    linear combination of the others (e.g. a constant covariate) is an error. Parameters are the \
                    coefficients with their standard errors (name_se).
                    """,
                parameters: [
                    ParameterSpec("trend", .boolean, default: .boolean(true), doc: "include a linear trend t = 1 … n"),
                    ParameterSpec(
                        "intercept", .boolean, default: .boolean(true),
                        doc: "include an intercept (without one, seasonal dummies use all m seasons)"),
                    ParameterSpec(
                        "season", .string, choices: RegressionDesign.Season.allCases.map(\.rawValue),
                        doc:
                            "seasonal terms: \"dummies\", \"fourier\" (needs fourier_k) or \"none\"; default: fourier when fourier_k is given, else dummies for a seasonal series"
                    ),
                    ParameterSpec(
                        "fourier_k", .integer, range: ParameterRange(lower: 1),
                        doc: "Fourier sine/cosine pairs, 1 to period/2"),
                    ParameterSpec(
                        "covariates", .strings,
                        doc: "names of covariates to regress on, e.g. { \"price\", \"promo\" }; default none"),
                ],
                capabilities: ["intervals", "samples", "seasonal", "exogenous", "non_negative"],
                example: """
                    local sales = series.new{ values = { 12, 15, 11, 19, 14, 13, 20, 16 } }
                    local promo = { 0, 1, 0, 1, 0, 0, 1, 0, --[[ known future: ]] 1, 0 }
                    local m = forecast.fit("regression", sales, { covariates = { "promo" } }, { promo = promo })
                    print(m:params().promo, m:forecast{ h = 2 }.mean[1])
                    """)
        ) { p in
            var forecaster = RegressionForecaster()
            forecaster.trend = p.boolean("trend") ?? true
            forecaster.intercept = p.boolean("intercept") ?? true
            forecaster.season = p.string("season").flatMap(RegressionDesign.Season.init(rawValue:))
            forecaster.fourierK = p.integer("fourier_k")
            forecaster.covariates = p.strings("covariates") ?? []
            return forecaster
        }
    ]
}
