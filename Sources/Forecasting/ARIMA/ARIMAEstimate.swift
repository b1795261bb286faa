/// What R's arima returns for one model: coefficients (ARMA, then
/// regressors), their covariance, σ², the likelihood, residuals, and the
/// filtered state at the end of the series that forecasts start from.
struct ARIMAEstimate: Sendable, Codable, Equatable {
    var order: ARIMAOrder
    var method: ARIMAEstimator.Method
    var coefficients: [Double]
    var names: [String]
    /// true for estimated coefficients (R's mask), false for fixed ones.
    var mask: [Bool]
    /// Covariance of the estimated coefficients (k×k row-major), nil when none were estimated.
    var covariance: [Double]?
    /// R's arima σ² (ssq/n.used for ML, the CSS mean square for CSS).
    var sigma2: Double
    var logLikelihood: Double
    /// nil for CSS (R gives NA).
    var aic: Double?
    var nUsed: Int
    var ncond: Int
    /// Standardised innovations (R's residuals).
    var residuals: [Double]
    var converged: Bool
    var stateMean: [Double]
    var stateCovariance: [Double]
    var phi: [Double]
    var theta: [Double]
    var delta: [Double]

    var estimatedCount: Int { mask.filter { $0 }.count }

    /// Standard errors of the estimated coefficients, NaN where the variance is negative.
    var standardErrors: [Double] {
        guard let c = covariance else { return [] }
        let k = estimatedCount
        return (0..<k).map { c[$0 * k + $0].squareRoot() }
    }
}
