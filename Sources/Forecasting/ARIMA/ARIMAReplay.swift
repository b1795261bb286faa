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
        guard saved.coefficients.count == order.armaCount + problem.xreg.count else {
            throw ForecastError("the saved model has \(saved.coefficients.count) coefficients, its specification needs \(order.armaCount + problem.xreg.count)")
        }
        let likelihood = ARIMALikelihood(y: problem.y, xreg: problem.xreg, order: order, initialization: initialization)
        guard likelihood.finalPass(saved.coefficients) != nil else {
            throw ForecastError("the saved coefficients give no valid state covariance")
        }
        let state = (a: Array(likelihood.a), P: Array(likelihood.P))
        var residuals = Array(likelihood.residuals)
        if saved.method == .css {
            // Bounds: the CSS recursion reads p_exp lags back from l = ncond, so it needs
            // saved.ncond ≥ expandedP; a CSS fit saves cssConditioning, which is, but a decoded
            // state is not checked (see ARIMAConditionalSumOfSquares.run).
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
