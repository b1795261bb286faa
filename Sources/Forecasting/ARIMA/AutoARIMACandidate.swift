import Foundation

/// One model of auto.arima's search, fitted and scored as forecast's
/// myarima: the criterion (with the CSS offset under approximation), and
/// infinity for a model R rejects (a failed fit, roots within 1.01 of the unit
/// circle, a negative coefficient variance).
struct AutoARIMACandidate: Sendable {
    var specification: ARIMASpecification
    var estimate: ARIMAEstimate
    var criteria: ARIMACriteria
    /// The information criterion auto.arima compares (∞: rejected).
    var ic: Double

    enum Criterion: String, Sendable, CaseIterable, Codable { case aicc, aic, bic }

    struct Context {
        var y: [Double]
        var m: Int
        var covariates: [String: [Double]]
        var xreg: [String]
        var criterion: Criterion
        var method: ARIMAEstimator.Method?
        var initialization: ARIMAInitialization
        var offset: Double
    }

    /// myarima: nil when the fit fails.
    static func fit(order: ARIMAOrder, constant: Bool, approximation: Bool, context c: Context) -> AutoARIMACandidate? {
        let differences = order.d + order.D
        let specification = ARIMASpecification(order: order, includeMean: constant && differences == 0,
                                               includeDrift: constant && differences == 1, xreg: c.xreg)
        var estimator = ARIMAEstimator()
        estimator.method = c.method ?? (approximation ? .css : .cssML)
        estimator.initialization = c.initialization
        let n = c.y.count
        let problem = ARIMAEstimator.Problem(y: c.y, order: order,
                                             xreg: specification.regressors(0..<n, covariates: c.covariates),
                                             xregNames: specification.regressorNames)
        guard var estimate = try? estimator.estimate(problem) else { return nil }
        let nstar = Double(n - order.d - order.D * order.period)
        let npar = Double(estimate.estimatedCount + 1)
        if estimator.method == .css {
            estimate.aic = c.offset + nstar * log(estimate.sigma2) + 2 * npar
        }
        let criteria = ARIMACriteria(estimate: estimate, observations: n)
        var ic: Double
        if let aic = criteria.aic, !aic.isNaN {
            switch c.criterion {
            case .aicc: ic = criteria.aicc ?? .infinity
            case .aic: ic = aic
            case .bic: ic = criteria.bic ?? .infinity
            }
        } else {
            ic = .infinity
        }
        if ic.isNaN { ic = .infinity }
        var minRoot = 2.0
        if order.p + order.P > 0, let root = smallestRoot(estimate.phi, sign: -1) { minRoot = min(minRoot, root) }
        if order.q + order.Q > 0 && ic < .infinity, let root = smallestRoot(estimate.theta, sign: 1) {
            minRoot = min(minRoot, root)
        }
        if minRoot < 1 + 0.01 || estimate.standardErrors.contains(where: { $0.isNaN }) { ic = .infinity }
        return AutoARIMACandidate(specification: specification, estimate: estimate, criteria: criteria, ic: ic)
    }

    /// The smallest root modulus of 1 + sign·(c_1 z + …), up to the last |c_i| > 1e-8.
    private static func smallestRoot(_ coefficients: [Double], sign: Double) -> Double? {
        guard let last = coefficients.lastIndex(where: { abs($0) > 1e-8 }) else { return nil }
        let roots = Polynomial.roots([1] + coefficients[0...last].map { sign * $0 })
        return roots.map(\.modulus).min()
    }
}
