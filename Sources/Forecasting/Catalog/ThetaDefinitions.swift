import AlmanacCore
import Foundation

extension ModelCatalog {
    static let thetaDecompositionSpec = ParameterSpec(
        "decomposition", .string, default: .string("multiplicative"), choices: ["multiplicative", "additive"],
        doc:
            "seasonal decomposition when the lag-m test says seasonal; multiplicative falls back to additive for data ≤ 0 or an index below 0.01 (as statsforecast)"
    )

    static func thetaFixedSpecs(theta: Bool) -> [ParameterSpec] {
        [
            ParameterSpec("l0", .number, doc: "fix the initial smoothed level instead of estimating it"),
            ParameterSpec(
                "alpha", .number,
                range: ParameterRange(lower: 0, lowerInclusive: false, upper: 1, upperInclusive: true),
                doc: "fix the smoothing parameter (estimated in [0.1, 0.99])"),
        ]
            + (theta
                ? [
                    ParameterSpec(
                        "theta", .number, range: ParameterRange(lower: 1), doc: "fix θ (estimated in [1, 1e10])")
                ] : [])
    }

    static func thetaFamily(_ name: String, _ types: [ThetaKernel.ModelType], _ p: ParameterSet) -> any Forecaster {
        var f = ThetaForecaster(modelName: name, candidates: types)
        f.decomposition = p.string("decomposition") == "additive" ? .additive : .multiplicative
        f.fixed = ThetaEstimator.Fixed(initialLevel: p.number("l0"), alpha: p.number("alpha"), theta: p.number("theta"))
        return f
    }

    static let thetaIntervalDoc =
        "Intervals and sample paths come from the state-space form with Gaussian errors whose variance is that of the one-step errors after the first three"

    static let thetaModels: [ModelDefinition] = [
        ModelDefinition(
            descriptor: describe(
                "theta",
                summary:
                    "the standard Theta method as R's forecast::thetaf: SES with drift on the seasonally adjusted series",
                doc: """
                    Assimakopoulos & Nikolopoulos (2000) in Hyndman & Billah's (2003) form. A seasonal series (period m > 1, \
                    more than 2m observations) whose lag-m autocorrelation passes a 90 % test is adjusted by multiplicative \
                    classical decomposition; simple exponential smoothing is fitted to the adjusted series by one-step squared \
                    error (R's ses), and the forecast adds a drift of half the least-squares slope: \
                    ℓ_n + b·(h − 1 + (1 − (1−α)^n)/α), then re-seasonalised. Intervals are R's: ±z·σ·√(1 + (h−1)α²) around the \
                    re-seasonalised forecast; sample paths carry the same errors.
                    """,
                parameters: [
                    ParameterSpec(
                        "alpha", .number, range: .unitOpen,
                        doc: "fix the SES smoothing parameter instead of estimating it"),
                    ParameterSpec(
                        "optimizer", .string, default: .string("nelder_mead"),
                        choices: ETSEstimator.Optimizer.allCases.map(\.rawValue),
                        doc:
                            "\"nelder_mead\" (default): R's optim Nelder–Mead, reproducing thetaf; \"restarted\": a scaled simplex with a restart"
                    ),
                ],
                capabilities: ["intervals", "samples", "seasonal", "non_negative"],
                example: """
                    local air = data.dataset("airpassengers")
                    local fc = forecast.fit("theta", air):forecast{ h = 12 }
                    print(fc.mean[1], fc:lower(95)[1], fc:upper(95)[1])
                    """)
        ) { p in
            StandardThetaForecaster(
                optimizer: ETSEstimator.Optimizer(rawValue: p.string("optimizer") ?? "nelder_mead") ?? .nelderMead,
                fixedAlpha: p.number("alpha"))
        },
        ModelDefinition(
            descriptor: describe(
                "optimized_theta",
                summary: "the optimised Theta model (OTM) of Fiorucci et al. (2016), as statsforecast's OptimizedTheta",
                doc: """
                    The Theta line weight θ, the smoothing parameter α and the initial level ℓ₀ are all estimated by minimising \
                    the in-sample squared one-step error (statsforecast's objective and search); the trend line is fitted once \
                    to the whole sample. Seasonal adjustment as statsforecast: tested when m ≥ 4 and n ≥ 2m. \(thetaIntervalDoc) \
                    (closed form: σ²·(1 + (h−1)α²)).
                    """,
                parameters: [thetaDecompositionSpec] + thetaFixedSpecs(theta: true),
                capabilities: ["intervals", "samples", "seasonal", "non_negative"],
                example: """
                    local air = data.dataset("airpassengers")
                    local m = forecast.fit("optimized_theta", air)
                    print(m.method, m:params().theta, m:forecast{ h = 12 }.mean[1])
                    """)
        ) { p in thetaFamily("optimized_theta", [.otm], p) },
        ModelDefinition(
            descriptor: describe(
                "dynamic_theta",
                summary:
                    "the dynamic standard Theta model (DSTM) of Fiorucci et al. (2016), as statsforecast's DynamicTheta",
                doc: """
                    θ = 2; the trend line's intercept and slope are updated recursively as each observation arrives, so the \
                    forecast adapts to changes in trend. α and ℓ₀ are estimated as statsforecast does. \(thetaIntervalDoc) \
                    (simulated: 5000 paths from a fixed seed).
                    """,
                parameters: [thetaDecompositionSpec] + thetaFixedSpecs(theta: false),
                capabilities: ["intervals", "samples", "seasonal", "non_negative"],
                example: """
                    local air = data.dataset("airpassengers")
                    print(forecast.fit("dynamic_theta", air):forecast{ h = 6 }.mean[6])
                    """)
        ) { p in thetaFamily("dynamic_theta", [.dstm], p) },
        ModelDefinition(
            descriptor: describe(
                "dynamic_optimized_theta",
                summary:
                    "the dynamic optimised Theta model (DOTM) of Fiorucci et al. (2016), as statsforecast's DynamicOptimizedTheta",
                doc: """
                    The dynamic trend of DSTM with θ estimated too (with α and ℓ₀), as statsforecast does; the Theta model of the \
                    Petropoulos–Svetunkov combination. \(thetaIntervalDoc) (simulated: 5000 paths from a fixed seed).
                    """,
                parameters: [thetaDecompositionSpec] + thetaFixedSpecs(theta: true),
                capabilities: ["intervals", "samples", "seasonal", "non_negative"],
                example: """
                    local air = data.dataset("airpassengers")
                    local m = forecast.fit("dynamic_optimized_theta", air)
                    print(m:params().theta, m:forecast{ h = 12 }.mean[12])
                    """)
        ) { p in thetaFamily("dynamic_optimized_theta", [.dotm], p) },
        ModelDefinition(
            descriptor: describe(
                "auto_theta",
                summary: "the best of STM, OTM, DSTM and DOTM by in-sample error, as statsforecast's AutoTheta",
                doc: """
                    Fits the standard (STM: θ = 2 with ℓ₀ and α estimated, statsforecast's Theta), optimised (OTM), dynamic \
                    (DSTM) and dynamic optimised (DOTM) Theta models of Fiorucci et al. (2016) to the seasonally adjusted \
                    series and keeps the one with the smallest objective (the squared one-step errors after the first three, \
                    divided by the mean absolute value). `models` restricts the candidates. \(thetaIntervalDoc).
                    """,
                parameters: [
                    ParameterSpec(
                        "models", .string, default: .string("STM,OTM,DSTM,DOTM"),
                        doc: "the candidates, comma-separated, from STM, OTM, DSTM, DOTM"),
                    thetaDecompositionSpec,
                ],
                capabilities: ["intervals", "samples", "seasonal", "non_negative"],
                example: """
                    local air = data.dataset("airpassengers")
                    local m = forecast.fit("auto_theta", air)
                    print(m.method, m:forecast{ h = 12 }.mean[1])
                    """)
        ) { p in
            let names = (p.string("models") ?? "").split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces).uppercased()
            }
            var types: [ThetaKernel.ModelType] = []
            for name in names {
                guard let t = ThetaKernel.ModelType(rawValue: name) else {
                    throw ForecastError("auto_theta: unknown model '\(name)' in models (use STM, OTM, DSTM, DOTM)")
                }
                if !types.contains(t) { types.append(t) }
            }
            if types.isEmpty {
                throw ForecastError("auto_theta: models must name at least one of STM, OTM, DSTM, DOTM")
            }
            return thetaFamily("auto_theta", types, p)
        },
    ]
}
