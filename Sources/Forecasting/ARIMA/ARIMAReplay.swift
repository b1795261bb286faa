/// Rebuilding a fit from saved estimates: the filter (and CSS) rerun on the
/// data with the saved coefficients, so residuals and the final state are
/// exactly those of the original fit; nothing is estimated.
struct ARIMASavedEstimate: Sendable, Codable, Equatable {
    var specification: ARIMASpecification
    var method: ARIMAEstimator.Method
    var coefficients: [Double]
    var mask: [Bool]
    var covariance: [Double]?
    var sigma2: Double
    var logLikelihood: Double
    var aic: Double?
    var ncond: Int
    var converged: Bool
    var notes: [String]
}

extension ARIMAEstimator {
    func replay(_ problem: Problem, saved: ARIMASavedEstimate) throws(ForecastError) -> ARIMAEstimate {
        let order = problem.order
        let k = order.armaCount + problem.xreg.count
        guard saved.coefficients.count == k else {
            throw ForecastError(
                "the saved model has \(saved.coefficients.count) coefficients, its specification needs \(k)")
        }
        // The rest of a saved file is untrusted too: the CSS pass indexes the
        // series from ncond back by the AR lags, and the summary reads the mask
        // and covariance by coefficient.
        guard saved.mask.count == k else {
            throw ForecastError("the saved model's mask has \(saved.mask.count) entries for \(k) coefficients")
        }
        let estimated = saved.mask.filter { $0 }.count
        if let covariance = saved.covariance, covariance.count != estimated * estimated {
            throw ForecastError(
                "the saved model's covariance has \(covariance.count) entries for \(estimated) estimated coefficients")
        }
        let lowest = saved.method == .css ? order.cssConditioning : 0
        guard saved.ncond >= lowest, saved.ncond <= problem.y.count else {
            throw ForecastError(
                "the saved model's ncond = \(saved.ncond) is not between \(lowest) and the \(problem.y.count) observations"
            )
        }
        guard saved.coefficients.allSatisfy(\.isFinite) else {
            throw ForecastError("the saved model has a coefficient that is not a finite number")
        }
        let likelihood = ARIMALikelihood(y: problem.y, xreg: problem.xreg, order: order, initialization: initialization)
        guard likelihood.finalPass(saved.coefficients) != nil else {
            throw ForecastError("the saved coefficients give no valid state covariance")
        }
        let state = (a: Array(likelihood.a), P: Array(likelihood.P))
        var residuals = Array(likelihood.residuals)
        if saved.method == .css {
            // Bounds: the CSS recursion reads p_exp lags back from l = ncond, so it needs
            // saved.ncond ≥ expandedP: checked above (ncond ≥ cssConditioning ≥ expandedP).
            _ = likelihood.cssResiduals(saved.coefficients, ncond: saved.ncond)
            residuals = Array(likelihood.residuals)
        }
        return ARIMAEstimate(
            order: order, method: saved.method, coefficients: saved.coefficients,
            names: order.coefficientNames + problem.xregNames, mask: saved.mask, covariance: saved.covariance,
            sigma2: saved.sigma2, logLikelihood: saved.logLikelihood, aic: saved.aic,
            nUsed: problem.y.count - order.delta.count, ncond: saved.ncond, residuals: residuals,
            converged: saved.converged, stateMean: state.a, stateCovariance: state.P,
            phi: Array(likelihood.phi), theta: Array(likelihood.theta), delta: Array(likelihood.delta))
    }
}
