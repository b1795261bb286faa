import AlmanacCore

/// Seasonal ARIMA with given orders (the `arima` model), estimated as R's
/// forecast::Arima: exact Gaussian likelihood by the Kalman filter, with a
/// mean, a drift or regressors (docs/forecasting-arima.md).
public struct ARIMA: ForecastModel {
    /// How the coefficients are estimated: the conditional sum of squares as a
    /// start then maximum likelihood, maximum likelihood alone, or CSS alone.
    public enum Method: String, Sendable, CaseIterable {
        case cssML = "CSS-ML", ml = "ML", css = "CSS"
    }
    /// How the likelihood is evaluated: `almanac` (R's BFGS on a faster
    /// evaluation, within about 1e-4 of R), `fast` (the differenced series'
    /// likelihood) or `r` (R's arithmetic to the last digits).
    public enum Optimizer: String, Sendable, CaseIterable { case almanac, fast, r }

    /// The order (p, d, q): AR order, differences, MA order.
    public var order: ARIMAOrder
    /// Estimate a mean (only without differencing).
    public var includeMean = true
    /// Estimate a linear drift (at most one difference in total).
    public var includeDrift = false
    /// The estimation method.
    public var method = Method.cssML
    /// Coefficients held fixed in R's order (ar, ma, sar, sma, intercept or
    /// drift, regressors), NaN for those to estimate; nil: estimate all.
    public var fixed: [Double]?
    /// Covariates of the data used as regressors (their values past the series are the future ones).
    public var regressors: [String] = []
    /// The likelihood evaluation.
    public var optimizer = Optimizer.almanac
    /// Box–Cox, bias adjustment and clipping at zero.
    public var common = CommonOptionValues()

    /// ARIMA(p,d,q)(P,D,Q) with the series' seasonal period; `order.period` is not used.
    public init(_ order: ARIMAOrder) {
        self.order = order
    }

    /// "arima".
    public var name: String { "arima" }

    /// The options under the catalog's names.
    public var options: [String: ParameterValue] {
        var out = common.options
        out["order"] = .numbers([order.p, order.d, order.q].map(Double.init))
        out["seasonal"] = .numbers([order.P, order.D, order.Q].map(Double.init))
        out["include_mean"] = .boolean(includeMean)
        out["include_drift"] = .boolean(includeDrift)
        out["method"] = .string(method.rawValue)
        out["fixed"] = fixed.map(ParameterValue.numbers)
        if !regressors.isEmpty { out["xreg"] = .strings(regressors) }
        out["optimizer"] = .string(optimizer.rawValue)
        return out
    }
}
