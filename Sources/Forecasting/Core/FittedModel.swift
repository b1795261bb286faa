import AlmanacCore
import Foundation
import TimeSeries

/// A named estimate ("alpha", 0.31), in the order a summary prints them.
public struct NamedValue: Sendable, Equatable {
    /// The estimate's name, as `m:params()` keys it.
    public var name: String
    /// Its value.
    public var value: Double
    /// The estimate `name` = `value`.
    public init(_ name: String, _ value: Double) {
        self.name = name
        self.value = value
    }
}

/// Goodness of fit, as R's forecast package reports it. Likelihood-based
/// figures are nil for models without a likelihood (Theta's SES aside, the
/// Croston family, moving averages).
public struct FitStatistics: Sendable, Equatable {
    /// The maximised log-likelihood.
    public var logLikelihood: Double?
    /// Akaike's information criterion.
    public var aic: Double?
    /// AIC corrected for small samples.
    public var aicc: Double?
    /// The Bayesian information criterion.
    public var bic: Double?
    /// Residual variance (innovation variance for state-space models).
    public var sigma2: Double
    /// Observations used in the fit.
    public var observations: Int
    /// Estimated parameters counted by the criteria (including the variance where R counts it).
    public var parameterCount: Int
    /// Objective evaluations spent estimating (over every candidate model tried), for profiling.
    public var evaluations: Int?

    /// Statistics as given (use `criteria` to compute the criteria from a likelihood).
    public init(
        logLikelihood: Double? = nil, aic: Double? = nil, aicc: Double? = nil, bic: Double? = nil,
        sigma2: Double, observations: Int, parameterCount: Int, evaluations: Int? = nil
    ) {
        self.logLikelihood = logLikelihood
        self.aic = aic
        self.aicc = aicc
        self.bic = bic
        self.sigma2 = sigma2
        self.observations = observations
        self.parameterCount = parameterCount
        self.evaluations = evaluations
    }

    /// AIC, AICc and BIC from −2 log L (or an equivalent objective) and k parameters.
    public static func criteria(
        minusTwoLogLik: Double, parameters k: Int, observations n: Int,
        sigma2: Double
    ) -> FitStatistics {
        let aic = minusTwoLogLik + 2 * Double(k)
        let denominator = Double(n - k - 1)
        let aicc = denominator > 0 ? aic + 2 * Double(k * (k + 1)) / denominator : .infinity
        let bic = minusTwoLogLik + log(Double(n)) * Double(k)
        return FitStatistics(
            logLikelihood: -0.5 * minusTwoLogLik, aic: aic, aicc: aicc, bic: bic,
            sigma2: sigma2, observations: n, parameterCount: k)
    }
}

/// A model fitted to one series: what it estimated, how well it fits, and
/// what it expects next. Value semantics; safe to share across threads.
public protocol FittedModel: Sendable {
    /// The registry name of the model family ("ets").
    var modelName: String { get }
    /// What was fitted, in the usual notation ("ETS(M,Ad,N)", "ARIMA(0,1,1)(0,1,1)[12]").
    var method: String { get }
    /// The data it was fitted to.
    var series: Series { get }
    /// One-step-ahead fitted values (NaN where the model has none, e.g. the first m for snaive).
    var fitted: [Double] { get }
    /// Observed − fitted on the scale of the data (for multiplicative-error models
    /// the model's own relative residuals are in `innovations`).
    var residuals: [Double] { get }
    /// The model's own one-step errors (relative ones for multiplicative-error ETS).
    var innovations: [Double] { get }
    /// Things a user should know about this fit (a fallback taken, a component dropped).
    var notes: [String] { get }
    /// Estimated parameters and initial states, by name.
    var parameters: [NamedValue] { get }
    var statistics: FitStatistics { get }
    /// Everything needed to rebuild this fit without re-estimating it.
    var savedState: JSONValue { get }
    /// Why `savedState` cannot rebuild this fit (a Lua model whose state holds a
    /// function); nil for every native model.
    var savedStateProblem: String? { get }

    func forecast(_ request: ForecastRequest) throws(ForecastError) -> Forecast
    /// Future paths simulated from the model, reproducible from the generator's seed.
    func samplePaths(
        horizon: Int, count: Int, future: [String: [Double]],
        generator: inout SeededGenerator
    ) throws(ForecastError) -> SamplePaths
    func reapplied(to data: ModelData) -> (any FittedModel)?
}

extension FittedModel {
    /// Global models only: the same trained network applied to other data (a
    /// longer history, another series) without training again.
    public func reapplied(to data: ModelData) -> (any FittedModel)? { nil }

    /// The residuals, for models whose own errors are on the data's scale.
    public var innovations: [Double] { residuals }
    /// No notes.
    public var notes: [String] { [] }
    public var savedStateProblem: String? { nil }
}
