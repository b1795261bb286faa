import AlmanacCore

/// Exponential smoothing state-space models (the `ets` model): each admissible
/// candidate of `model` estimated by maximum likelihood, the one with the
/// smallest information criterion kept, as R's forecast::ets. The defaults are
/// the catalog's (docs/forecasting-ets.md says why they depart from R).
public struct ETS: ForecastModel {
    /// How candidates are compared.
    public enum InformationCriterion: String, Sendable, CaseIterable { case aicc, aic, bic }
    /// What estimation minimises: the likelihood, the mean squared one-step
    /// error, the residual standard deviation or the mean absolute error.
    public enum Objective: String, Sendable, CaseIterable {
        case likelihood = "lik", mse, sigma, mae
    }
    /// The parameter region searched.
    public enum Bounds: String, Sendable, CaseIterable { case both, usual, admissible }
    /// The optimiser: R's Nelder–Mead, or a scaled simplex with a restart.
    public enum Optimizer: String, Sendable, CaseIterable {
        case nelderMead = "nelder_mead", restarted
    }

    /// Error, trend, season: each of N, A, M or Z (choose), e.g. "MAM", "ZZN", "AAdN".
    public var model: String
    /// Damp the trend (true), do not (false); nil tries both.
    public var damped: Bool?
    /// Fixed smoothing parameters; nil: estimated.
    public var alpha: Double?, beta: Double?, gamma: Double?
    /// A fixed damping parameter; nil: estimated.
    public var phi: Double?
    /// How the candidates are compared.
    public var criterion = InformationCriterion.aicc
    /// What estimation minimises.
    public var objective = Objective.likelihood
    /// Consider only models with additive components.
    public var additiveOnly = false
    /// Exclude the numerically unstable combinations.
    public var restrict = true
    /// Include multiplicative trends when the trend letter is Z.
    public var allowMultiplicativeTrend = false
    /// The parameter region.
    public var bounds = Bounds.both
    /// Cap the trend and seasonal smoothing parameters (false reproduces R).
    public var capSmoothing = true
    /// Relative convergence tolerance of the optimiser (R's is 1.49e-8).
    public var tolerance = ModelCatalog.defaultETSTolerance
    /// The optimiser.
    public var optimizer = Optimizer.nelderMead
    /// Box–Cox, bias adjustment and clipping at zero.
    public var common = CommonOptionValues()

    /// An ETS search over `model` ("ZZZ": every admissible model).
    public init(model: String = "ZZZ", damped: Bool? = nil) {
        self.model = model
        self.damped = damped
    }

    /// "ets".
    public var name: String { "ets" }

    /// The options under the catalog's names.
    public var options: [String: ParameterValue] {
        var out = common.options
        out["model"] = .string(model)
        out["damped"] = damped.map(ParameterValue.boolean)
        out["alpha"] = alpha.map(ParameterValue.number)
        out["beta"] = beta.map(ParameterValue.number)
        out["gamma"] = gamma.map(ParameterValue.number)
        out["phi"] = phi.map(ParameterValue.number)
        out["ic"] = .string(criterion.rawValue)
        out["opt_crit"] = .string(objective.rawValue)
        out["additive_only"] = .boolean(additiveOnly)
        out["restrict"] = .boolean(restrict)
        out["allow_multiplicative_trend"] = .boolean(allowMultiplicativeTrend)
        out["bounds"] = .string(bounds.rawValue)
        out["cap_smoothing"] = .boolean(capSmoothing)
        out["tolerance"] = .number(tolerance)
        out["optimizer"] = .string(optimizer.rawValue)
        return out
    }
}
