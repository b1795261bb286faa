import AlmanacCore

/// Automatic ARIMA (the `auto_arima` model), as R's forecast::auto.arima:
/// differences chosen by unit-root tests, orders by a stepwise search on the
/// information criterion (docs/forecasting-arima.md).
public struct AutoARIMA: ForecastModel {
    /// How candidate models are compared.
    public enum InformationCriterion: String, Sendable, CaseIterable { case aicc, aic, bic }

    /// Differences; nil: chosen by KPSS tests.
    public var d: Int?
    /// Seasonal differences; nil: chosen by the seasonal-strength test.
    public var seasonalD: Int?
    /// The largest AR and MA orders.
    public var maxP = 5, maxQ = 5
    /// The largest seasonal AR and MA orders.
    public var maxSeasonalP = 2, maxSeasonalQ = 2
    /// The largest p + q + P + Q when `stepwise` is false.
    public var maxOrder = 5
    /// The most differences and seasonal differences the tests may choose.
    public var maxD = 2, maxSeasonalD = 1
    /// Stationary models only (d = D = 0).
    public var stationary = false
    /// Consider seasonal models.
    public var seasonal = true
    /// How candidates are compared.
    public var criterion = InformationCriterion.aicc
    /// The stepwise search (false: every model up to `maxOrder`).
    public var stepwise = true
    /// Estimate by CSS during the search; nil: when n > 150 or the period exceeds 12.
    public var approximation: Bool?
    /// Every candidate's estimation method; nil: CSS-ML (CSS under approximation).
    public var method: ARIMA.Method?
    /// Consider a drift when d + D = 1, a mean when d + D = 0.
    public var allowDrift = true, allowMean = true
    /// The most models the stepwise search fits.
    public var maxModels = 94
    /// Covariates of the data used as regressors.
    public var regressors: [String] = []
    /// The likelihood evaluation (`fast` by default here: as accurate on M3, twice as fast).
    public var optimizer = ARIMA.Optimizer.fast
    /// Box–Cox, bias adjustment and clipping at zero.
    public var common = CommonOptionValues()

    /// The search with R's defaults (and the catalog's optimizer).
    public init() {}

    /// "auto_arima".
    public var name: String { "auto_arima" }

    /// The options under the catalog's names.
    public var options: [String: ParameterValue] {
        var out = common.options
        out["d"] = d.map(ParameterValue.integer)
        out["D"] = seasonalD.map(ParameterValue.integer)
        out["max_p"] = .integer(maxP)
        out["max_q"] = .integer(maxQ)
        out["max_P"] = .integer(maxSeasonalP)
        out["max_Q"] = .integer(maxSeasonalQ)
        out["max_order"] = .integer(maxOrder)
        out["max_d"] = .integer(maxD)
        out["max_D"] = .integer(maxSeasonalD)
        out["stationary"] = .boolean(stationary)
        out["seasonal"] = .boolean(seasonal)
        out["ic"] = .string(criterion.rawValue)
        out["stepwise"] = .boolean(stepwise)
        out["approximation"] = approximation.map(ParameterValue.boolean)
        out["method"] = method.map { .string($0.rawValue) }
        out["allowdrift"] = .boolean(allowDrift)
        out["allowmean"] = .boolean(allowMean)
        out["nmodels"] = .integer(maxModels)
        if !regressors.isEmpty { out["xreg"] = .strings(regressors) }
        out["optimizer"] = .string(optimizer.rawValue)
        return out
    }
}
