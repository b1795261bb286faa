import Foundation

/// A fully specified ARIMA model as forecast::Arima takes it: the orders, a
/// mean or a drift, and named regressors from the data's covariates.
struct ARIMASpecification: Sendable, Codable, Equatable, Hashable {
    var order: ARIMAOrder
    /// A constant mean; used only without differencing (R's include.mean).
    var includeMean: Bool
    /// A linear trend in the undifferenced series; dropped with two or more differences, as R does.
    var includeDrift: Bool
    /// Covariate names, in the order of their coefficients.
    var xreg: [String] = []

    var differences: Int { order.d + order.D }
    var hasIntercept: Bool { includeMean && differences == 0 }
    var hasDrift: Bool { includeDrift && differences <= 1 }

    /// Regressor names in R's order: intercept (stats::arima puts it first), drift, the covariates.
    var regressorNames: [String] { (hasIntercept ? ["intercept"] : []) + (hasDrift ? ["drift"] : []) + xreg }

    /// forecast's arima.string: "ARIMA(0,1,1)(0,1,1)[12] with drift".
    var label: String {
        let base = order.label
        if !xreg.isEmpty { return "Regression with \(base) errors" }
        if hasDrift { return "\(base) with drift" }
        if hasIntercept { return "\(base) with non-zero mean" }
        if differences == 0 { return "\(base) with zero mean" }
        return base
    }

    /// Regressor columns over positions `range` (0-based; beyond the data for forecasts).
    func regressors(_ range: Range<Int>, covariates: [String: [Double]]) -> [[Double]] {
        var columns: [[Double]] = []
        if hasIntercept { columns.append([Double](repeating: 1, count: range.count)) }
        if hasDrift { columns.append(range.map { Double($0 + 1) }) }
        // The fit and the forecast check every regressor first; a gap left here would show as NaN, not a trap.
        for name in xreg {
            let column = covariates[name] ?? []
            columns.append(range.map { $0 < column.count ? column[$0] : .nan })
        }
        return columns
    }
}

/// forecast::Arima's figures on top of stats::arima's: AICc and BIC on the
/// differenced length, and σ² from the residuals with R's degrees of freedom.
struct ARIMACriteria: Sendable, Codable, Equatable {
    var aic: Double?
    var aicc: Double?
    var bic: Double?
    var sigma2: Double
    /// Estimated coefficients + 1 for the variance (R's npar).
    var parameterCount: Int

    init(estimate: ARIMAEstimate, observations n: Int) {
        let npar = estimate.estimatedCount + 1
        let nstar = Double(n - estimate.order.d - estimate.order.D * estimate.order.period)
        let k = Double(npar)
        parameterCount = npar
        aic = estimate.aic
        if let aic = estimate.aic {
            aicc = aic + 2 * k * (nstar / (nstar - k - 1) - 1)
            bic = aic + k * (log(nstar) - 2)
        }
        let ssq = estimate.residuals.reduce(0.0) { $1.isNaN ? $0 : $0 + $1 * $1 }
        sigma2 = ssq / (nstar - k + 1)
    }
}
