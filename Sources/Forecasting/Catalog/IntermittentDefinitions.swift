import AlmanacCore

extension ModelCatalog {
    static let intermittentIntervalDoc = """
        The method is not a stochastic model, so intervals and sample paths come from a stated one: each future \
        period independently has a demand with probability q (Croston's own assumption; geometric intervals), \
        whose size is one of the observed nonzero demands drawn with equal chance and scaled so that the mean \
        per-period demand equals the point forecast. Intervals are that distribution's exact quantiles (the same \
        for every step); sample paths draw from it with the run's seeded generator (sum a path for lead-time \
        demand). It does not include the uncertainty of the smoothed levels.
        """

    static let crostonAlphaSpec = ParameterSpec(
        "alpha", .any, default: .number(0.1),
        doc:
            "smoothing parameter for sizes and intervals, in (0, 1] (R's croston and statsforecast use 0.1), or \"optimized\": each chosen by golden-section search in [0.1, 0.3] on its in-sample squared error (statsforecast's CrostonOptimized)"
    )

    static func crostonSmoothing(_ p: ParameterSet, model: String) throws(ForecastError)
        -> IntermittentMethods.CrostonSmoothing
    {
        switch p["alpha"] {
        case .string("optimized")?: return .optimized
        case .number(let x)? where x > 0 && x <= 1: return .fixed(x)
        case .integer(1)?: return .fixed(1)
        case let other?:
            throw ForecastError("\(model): option 'alpha' must be a number in (0, 1] or \"optimized\", got \(other)")
        case nil: return .fixed(0.1)
        }
    }

    static let intermittentCapabilities = ["intervals", "samples", "intermittent", "non_negative"]

    static let intermittentModels: [ModelDefinition] = [
        ModelDefinition(
            descriptor: describe(
                "croston",
                summary:
                    "Croston's method for intermittent demand (R's croston; statsforecast's CrostonClassic and CrostonOptimized)",
                doc: """
                    Croston (1972): simple exponential smoothing of the nonzero demand sizes and, separately, of the \
                    intervals between demands (the first counted from the start), each started at its first value; the \
                    forecast is size level / interval level for every step. Fitted values are the method rerun on each \
                    prefix (0 before the first demand). With alpha = "optimized" the two smoothing parameters are chosen \
                    separately, as statsforecast's CrostonOptimized (the fitted values then re-search them at every origin, \
                    which costs O(k²) for k demands). Known to be biased upwards: see sba. \(intermittentIntervalDoc)
                    """,
                parameters: [crostonAlphaSpec],
                capabilities: intermittentCapabilities,
                example: """
                    local s = series.new{ values = { 0, 3, 0, 0, 5, 0, 2, 0, 0, 0, 4, 0 } }
                    local m = forecast.fit("croston", s)
                    local fc = m:forecast{ h = 3 }
                    print(m:params().size_level, m:params().interval_level, fc.mean[1], fc:upper(95)[1])
                    """)
        ) { p in
            IntermittentForecaster(
                modelName: "croston", method: .croston(try crostonSmoothing(p, model: "croston"), debiased: false))
        },
        ModelDefinition(
            descriptor: describe(
                "sba",
                summary:
                    "the Syntetos–Boylan approximation: Croston's forecast times 1 − α/2 (statsforecast's CrostonSBA)",
                doc: """
                    Syntetos & Boylan (2005): Croston's ratio of smoothed size to smoothed interval overestimates the mean \
                    demand; multiplying by 1 − α/2, with α the interval smoothing parameter, removes most of the bias. \
                    With the default α = 0.1 the factor is 0.95, as statsforecast's CrostonSBA; with alpha = "optimized" it \
                    uses the α chosen for the intervals (statsforecast has no optimised SBA). Fitted values are Croston's \
                    times the same factor. \(intermittentIntervalDoc)
                    """,
                parameters: [crostonAlphaSpec],
                capabilities: intermittentCapabilities,
                example: """
                    local s = series.new{ values = { 0, 3, 0, 0, 5, 0, 2, 0, 0, 0, 4, 0 } }
                    local m = forecast.fit("sba", s)
                    print(m:params().debiasing_factor, m:forecast{ h = 1 }.mean[1])
                    """)
        ) { p in
            IntermittentForecaster(
                modelName: "sba", method: .croston(try crostonSmoothing(p, model: "sba"), debiased: true))
        },
        ModelDefinition(
            descriptor: describe(
                "tsb",
                summary:
                    "Teunter–Syntetos–Babai: smoothed demand probability times smoothed size (statsforecast's TSB)",
                doc: """
                    Teunter, Syntetos & Babai (2011): the probability of a demand is smoothed every period (alpha_p, on the \
                    0/1 occurrence), so the forecast decays through a long run of zeros (obsolescence), which Croston's \
                    cannot do; the size is smoothed only when a demand occurs (alpha_d). Both start at their first value; \
                    the forecast is probability × size, as statsforecast's TSB. statsforecast requires both parameters; the \
                    defaults here are the customary 0.1. \(intermittentIntervalDoc)
                    """,
                parameters: [
                    ParameterSpec(
                        "alpha_d", .number, default: .number(0.1),
                        range: ParameterRange(lower: 0, lowerInclusive: false, upper: 1),
                        doc: "smoothing parameter for the demand sizes"),
                    ParameterSpec(
                        "alpha_p", .number, default: .number(0.1),
                        range: ParameterRange(lower: 0, lowerInclusive: false, upper: 1),
                        doc: "smoothing parameter for the probability of a demand"),
                ],
                capabilities: intermittentCapabilities,
                example: """
                    local s = series.new{ values = { 2, 0, 3, 0, 0, 4, 0, 0, 0, 0, 0, 0 } }
                    local m = forecast.fit("tsb", s, { alpha_d = 0.2, alpha_p = 0.3 })
                    print(m:params().probability, m:forecast{ h = 1 }.mean[1])
                    """)
        ) { p in
            IntermittentForecaster(
                modelName: "tsb",
                method: .tsb(
                    alphaDemand: p.number("alpha_d") ?? 0.1,
                    alphaProbability: p.number("alpha_p") ?? 0.1))
        },
        ModelDefinition(
            descriptor: describe(
                "adida", summary: "aggregate–disaggregate intermittent demand approach (statsforecast's ADIDA)",
                doc: """
                    Nikolopoulos et al. (2011): demand is summed over non-overlapping blocks of L periods ending at the last \
                    observation (the n mod L oldest periods are dropped), the block sums are forecast by simple exponential \
                    smoothing with α chosen by golden-section search in [0.1, 0.3], and the forecast is divided evenly over \
                    the L periods. L defaults to the mean interval between demands, rounded (halves to even), as \
                    statsforecast. \(intermittentIntervalDoc) q is the share of periods with a demand.
                    """,
                parameters: [
                    ParameterSpec(
                        "aggregation_level", .integer, range: ParameterRange(lower: 1),
                        doc: "block length L (default: the mean inter-demand interval, rounded)")
                ],
                capabilities: intermittentCapabilities,
                example: """
                    local s = series.new{ values = { 0, 3, 0, 0, 5, 0, 2, 0, 0, 0, 4, 0 } }
                    local m = forecast.fit("adida", s)
                    print(m.method, m:forecast{ h = 2 }.mean[1])
                    """)
        ) { p in IntermittentForecaster(modelName: "adida", method: .adida(level: p.integer("aggregation_level"))) },
        ModelDefinition(
            descriptor: describe(
                "imapa",
                summary:
                    "intermittent multiple aggregation prediction algorithm: ADIDA averaged over block lengths (statsforecast's IMAPA)",
                doc: """
                    Petropoulos & Kourentzes (2015): the ADIDA forecast at every block length 1, 2, …, L, averaged with \
                    equal weights, so no single aggregation level has to be right. L defaults to the mean interval between \
                    demands, rounded (halves to even), as statsforecast. \(intermittentIntervalDoc) q is the share of \
                    periods with a demand.
                    """,
                parameters: [
                    ParameterSpec(
                        "max_aggregation_level", .integer, range: ParameterRange(lower: 1),
                        doc: "the longest block length L (default: the mean inter-demand interval, rounded)")
                ],
                capabilities: intermittentCapabilities,
                example: """
                    local s = series.new{ values = { 0, 3, 0, 0, 5, 0, 2, 0, 0, 0, 4, 0 } }
                    local m = forecast.fit("imapa", s, { max_aggregation_level = 3 })
                    local paths = m:sample{ h = 4, n = 500 }
                    print(m:forecast{ h = 1 }.mean[1], paths:mean()[1])
                    """)
        ) { p in
            IntermittentForecaster(modelName: "imapa", method: .imapa(maxLevel: p.integer("max_aggregation_level")))
        },
    ]
}
