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

    /// The coefficients' covariance when the fit deferred it (see `completed()`).
    private var pendingCovariance:
        (request: PendingCovariance, problem: ARIMAEstimator.Problem, estimator: ARIMAEstimator)?

    /// myarima: nil when the fit fails. With `deferringCovariance` the check of
    /// the coefficient variances is left to `completed()`, so `ic` is provisional
    /// (never below the final one) until then.
    static func fit(
        order: ARIMAOrder, constant: Bool, approximation: Bool, context c: Context,
        deferringCovariance: Bool = false
    ) -> AutoARIMACandidate? {
        let differences = order.d + order.D
        let specification = ARIMASpecification(
            order: order, includeMean: constant && differences == 0,
            includeDrift: constant && differences == 1, xreg: c.xreg)
        var estimator = ARIMAEstimator()
        estimator.method = c.method ?? (approximation ? .css : .cssML)
        estimator.initialization = c.initialization
        let n = c.y.count
        let problem = ARIMAEstimator.Problem(
            y: c.y, order: order,
            xreg: specification.regressors(0..<n, covariates: c.covariates),
            xregNames: specification.regressorNames)
        guard let result = try? estimator.estimate(problem, deferringCovariance: deferringCovariance) else {
            return nil
        }
        var estimate = result.estimate
        let nstar = Double(n - order.d - order.D * order.period)
        let npar = Double(estimate.estimatedCount + 1)
        if estimator.method == .css {
            estimate.aic = c.offset + nstar * log(estimate.sigma2) + 2 * npar
        }
        let criteria = ARIMACriteria(estimate: estimate, observations: n)
        var candidate = AutoARIMACandidate(
            specification: specification, estimate: estimate, criteria: criteria,
            ic: score(estimate, criteria: criteria, criterion: c.criterion))
        if let pending = result.pending { candidate.pendingCovariance = (pending, problem, estimator) }
        return candidate
    }

    /// The candidate with its covariance computed and its criterion final
    /// (∞ when a variance is negative or the Hessian is singular).
    func completed(criterion: Criterion) -> AutoARIMACandidate {
        guard let (request, problem, estimator) = pendingCovariance else { return self }
        var out = self
        out.pendingCovariance = nil
        do { try estimator.complete(&out.estimate, pending: request, problem: problem) } catch {
            // R's arima fails here, and myarima rejects the model.
            out.ic = .infinity
            return out
        }
        out.criteria = ARIMACriteria(estimate: out.estimate, observations: problem.y.count)
        out.ic = Self.score(out.estimate, criteria: out.criteria, criterion: criterion)
        return out
    }

    /// myarima's criterion: ∞ for a model with roots within 1.01 of the unit
    /// circle or a NaN standard error.
    private static func score(_ estimate: ARIMAEstimate, criteria: ARIMACriteria, criterion: Criterion) -> Double {
        let order = estimate.order
        var ic: Double
        if let aic = criteria.aic, !aic.isNaN {
            switch criterion {
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
        return ic
    }

    /// The smallest root modulus of 1 + sign·(c_1 z + …), up to the last |c_i| > 1e-8.
    private static func smallestRoot(_ coefficients: [Double], sign: Double) -> Double? {
        guard let last = coefficients.lastIndex(where: { abs($0) > 1e-8 }) else { return nil }
        let roots = Polynomial.roots([1] + coefficients[0...last].map { sign * $0 })
        return roots.map(\.modulus).min()
    }
}
