import Foundation
import LinearAlgebra
import Optimization

/// One ARIMA model estimated as R's stats::arima: the regression start for
/// xreg, CSS, then (for "CSS-ML" and "ML") exact maximum likelihood with the
/// AR parts transformed to stay stationary, R's BFGS, and the Hessian for
/// the coefficients' covariance.
struct ARIMAEstimator: Sendable {
    enum Method: String, Sendable, CaseIterable, Codable {
        case cssML = "CSS-ML", ml = "ML", css = "CSS"
    }

    var method = Method.cssML
    var initialization = ARIMAInitialization.autocovariance
    var transformParameters = true

    /// The series, the regressors (R's xreg after the intercept is added) and which coefficients are fixed.
    struct Problem {
        var y: [Double]
        var order: ARIMAOrder
        var xreg: [[Double]] = []
        var xregNames: [String] = []
        /// narma + ncxreg entries; nil = estimate.
        var fixed: [Double?]? = nil
    }

    func estimate(_ problem: Problem) throws(ForecastError) -> ARIMAEstimate {
        try estimate(problem, deferringCovariance: false).estimate
    }

    /// The estimate; with `deferringCovariance`, its covariance (and for ML the
    /// final filtering pass: σ², residuals, state) is left out and what it
    /// needs is returned instead (when the regressors were not rotated), for
    /// `complete` later: the Hessian costs 4k² likelihood evaluations, which a
    /// search spends only on models it may keep.
    func estimate(_ problem: Problem, deferringCovariance: Bool)
        throws(ForecastError) -> (estimate: ARIMAEstimate, pending: PendingCovariance?)
    {
        let order = problem.order
        let n = problem.y.count
        let narma = order.armaCount
        var xreg = problem.xreg
        let ncxreg = xreg.count
        let nTotal = narma + ncxreg
        let fixed = problem.fixed ?? [Double?](repeating: nil, count: nTotal)
        guard fixed.count == nTotal else {
            throw ForecastError("wrong length for 'fixed': \(fixed.count) values for \(nTotal) coefficients")
        }
        let mask = fixed.map { $0 == nil }
        let noOptim = !mask.contains(true)
        var transform = transformParameters && !noOptim
        if transform {
            let arFixed =
                (0..<order.p).contains { !mask[$0] } || (0..<order.P).contains { !mask[order.p + order.q + $0] }
            if arFixed { transform = false }
        }
        let deltaLength = order.delta.count
        var nUsed = n - deltaLength
        var init0 = [Double](repeating: 0, count: narma)
        var parscale = [Double](repeating: 1, count: narma)
        var rotation: [Double]?  // V of the SVD of xreg (k×k, row-major)
        if ncxreg > 0 {
            let originalXreg = ncxreg == 1 || (narma..<nTotal).contains { !mask[$0] }
            if !originalXreg {
                // R rotates the regressors onto their singular vectors for the search.
                var xtx = Matrix(rows: ncxreg, columns: ncxreg)
                for i in 0..<ncxreg {
                    for j in 0..<ncxreg {
                        var s = 0.0
                        for t in 0..<n { s += xreg[i][t] * xreg[j][t] }
                        xtx[i, j] = s
                    }
                }
                let v = xtx.symmetricEigen().vectors.values
                rotation = v
                xreg = (0..<ncxreg).map { j in
                    (0..<n).map { t in (0..<ncxreg).reduce(0.0) { $0 + xreg[$1][t] * v[$1 * ncxreg + j] } }
                }
            }
            var dx = problem.y
            var dxreg = xreg
            func difference(_ v: [Double], lag: Int) -> [Double] {
                v.count > lag ? (lag..<v.count).map { v[$0] - v[$0 - lag] } : []
            }
            for _ in 0..<order.d {
                dx = difference(dx, lag: 1)
                dxreg = dxreg.map { difference($0, lag: 1) }
            }
            if order.period > 1 {
                for _ in 0..<order.D {
                    dx = difference(dx, lag: order.period)
                    dxreg = dxreg.map { difference($0, lag: order.period) }
                }
            }
            var lm = dx.count > ncxreg ? (try? LeastSquares.summary(columns: dxreg, dx)) : nil
            if lm == nil { lm = try? LeastSquares.summary(columns: xreg, problem.y) }
            guard let lm else {
                throw ForecastError("the regressors are collinear (rank deficient); drop one of them")
            }
            nUsed = n - deltaLength
            init0 += lm.coefficients
            parscale += lm.standardErrors.map { 10 * $0 }
        }
        guard nUsed > 0 else { throw ForecastError("too few non-missing observations") }
        let deferrable = deferringCovariance && rotation == nil
        var pending: PendingCovariance?
        var initial = init0
        var coef = fixed.map { $0 ?? .nan }
        let maskedScale = (0..<nTotal).filter { mask[$0] }.map { parscale[$0] }
        let likelihood = ARIMALikelihood(y: problem.y, xreg: xreg, order: order, initialization: initialization)
        let bfgs = OptimBFGS()
        var ncond = 0
        if method != .ml { ncond = order.cssConditioning }

        func full(_ p: [Double], base: [Double]) -> [Double] {
            var out = base
            var k = 0
            for i in 0..<nTotal where mask[i] {
                out[i] = p[k]
                k += 1
            }
            return out
        }
        func masked(_ v: [Double]) -> [Double] { (0..<nTotal).filter { mask[$0] }.map { v[$0] } }
        func optimFailure(_ f: OptimBFGS.Failure) -> ForecastError { Self.optimFailure(f) }
        let fixedBase = coef
        let cssObjective = PendingCovariance.Objective.css(ncond: ncond).function(
            likelihood, base: fixedBase, mask: mask)

        var converged = true
        var value: Double
        var covariance: [Double]? = nil
        var sigma2: Double
        var residuals: [Double]
        let k = mask.filter { $0 }.count

        if method == .css {
            var res = (x: [Double](), value: 0.0, converged: true)
            if noOptim {
                res.value = cssObjective([])
            } else {
                do {
                    let r = try bfgs.minimize(start: masked(initial), parscale: maskedScale, cssObjective)
                    res = (r.x, r.value, r.converged)
                } catch { throw optimFailure(error) }
            }
            converged = res.converged
            value = res.value
            coef = full(res.x, base: coef)
            // The Hessian first: its evaluations leave perturbed coefficients in
            // the likelihood's buffers, which the final pass then resets.
            if !noOptim {
                let request = PendingCovariance(
                    point: res.x, parscale: maskedScale, base: fixedBase, mask: mask,
                    objective: .css(ncond: ncond), jacobianAt: nil, nUsed: nUsed)
                if deferrable {
                    pending = request
                } else {
                    covariance = try Self.covariance(request, order: order, likelihood: likelihood)
                }
            }
            guard likelihood.finalPass(coef) != nil else { throw Self.finalPassFailure }
            let css = likelihood.cssResiduals(coef, ncond: ncond)
            sigma2 = css.sigma2
            residuals = Array(likelihood.residuals)
        } else {
            if method == .cssML {
                if !noOptim {
                    let r: OptimBFGS.Result
                    do { r = try bfgs.minimize(start: masked(initial), parscale: maskedScale, cssObjective) } catch {
                        throw optimFailure(error)
                    }
                    if r.converged { initial = full(r.x, base: initial) }
                }
                if order.p > 0 && !ARIMAParameterTransform.isStationary(Array(initial[0..<order.p])) {
                    throw ForecastError("non-stationary AR part from CSS")
                }
                if order.P > 0 {
                    let v = order.p + order.q
                    if !ARIMAParameterTransform.isStationary(Array(initial[v..<(v + order.P)])) {
                        throw ForecastError("non-stationary seasonal AR part from CSS")
                    }
                }
                ncond = 0
            }
            if transform {
                initial = ARIMAParameterTransform.inverse(initial, order)
                if order.q > 0 {
                    let r = order.p..<(order.p + order.q)
                    initial.replaceSubrange(r, with: ARIMAParameterTransform.maInvert(Array(initial[r])))
                }
                if order.Q > 0 {
                    let s = order.p + order.q + order.P
                    let r = s..<(s + order.Q)
                    initial.replaceSubrange(r, with: ARIMAParameterTransform.maInvert(Array(initial[r])))
                }
            }
            let mlObjective = PendingCovariance.Objective.ml(transform: transform).function(
                likelihood, base: fixedBase, mask: mask)
            var res = (x: [Double](), value: 0.0, converged: true)
            if noOptim {
                res.value = mlObjective([])
            } else {
                do {
                    let r = try bfgs.minimize(start: masked(initial), parscale: maskedScale, mlObjective)
                    res = (r.x, r.value, r.converged)
                } catch { throw optimFailure(error) }
            }
            converged = res.converged
            coef = full(res.x, base: coef)
            if transform {
                if order.q > 0 && (order.p..<(order.p + order.q)).allSatisfy({ mask[$0] }) {
                    let r = order.p..<(order.p + order.q)
                    coef.replaceSubrange(r, with: ARIMAParameterTransform.maInvert(Array(coef[r])))
                }
                if order.Q > 0 {
                    let s = order.p + order.q + order.P
                    let r = s..<(s + order.Q)
                    if r.allSatisfy({ mask[$0] }) {
                        coef.replaceSubrange(r, with: ARIMAParameterTransform.maInvert(Array(coef[r])))
                    }
                }
                if masked(coef) != res.x {
                    // R re-evaluates (maxit = 0) at the inverted MA coefficients.
                    res.x = masked(coef)
                    res.value = mlObjective(res.x)
                }
                let request = PendingCovariance(
                    point: res.x, parscale: maskedScale, base: fixedBase, mask: mask,
                    objective: .ml(transform: true), jacobianAt: coef, nUsed: nUsed)
                if deferrable {
                    pending = request
                } else {
                    covariance = try Self.covariance(request, order: order, likelihood: likelihood)
                }
                coef = ARIMAParameterTransform.transformed(coef, order)
            } else if !noOptim {
                let request = PendingCovariance(
                    point: res.x, parscale: maskedScale, base: fixedBase, mask: mask,
                    objective: .ml(transform: false), jacobianAt: nil, nUsed: nUsed)
                if deferrable {
                    pending = request
                } else {
                    covariance = try Self.covariance(request, order: order, likelihood: likelihood)
                }
            }
            value = res.value
            if pending != nil {
                // The filtering pass waits with the covariance (`complete`).
                pending?.finalPass = true
                sigma2 = .nan
                residuals = []
            } else {
                guard let s = likelihood.finalPass(coef) else { throw Self.finalPassFailure }
                sigma2 = s.ssq / Double(nUsed)
                residuals = Array(likelihood.residuals)
            }
        }
        let minusTwoLogLik = 2 * Double(nUsed) * value + Double(nUsed) + Double(nUsed) * log(2 * Double.pi)
        if let v = rotation {
            // Back to the original regressors: β = V β̃, and the covariance likewise.
            let kx = ncxreg
            let rotated = Array(coef[narma...])
            for i in 0..<kx { coef[narma + i] = (0..<kx).reduce(0.0) { $0 + v[i * kx + $1] * rotated[$1] } }
            if let c = covariance {
                var A = [Double](repeating: 0, count: nTotal * nTotal)
                for i in 0..<nTotal { A[i * nTotal + i] = 1 }
                for i in 0..<kx { for j in 0..<kx { A[(narma + i) * nTotal + narma + j] = v[i * kx + j] } }
                let idx = (0..<nTotal).filter { mask[$0] }
                var out = [Double](repeating: 0, count: k * k)
                for i in 0..<k {
                    for j in 0..<k {
                        var s = 0.0
                        for u in 0..<k {
                            for w in 0..<k {
                                s += A[idx[i] * nTotal + idx[u]] * c[u * k + w] * A[idx[j] * nTotal + idx[w]]
                            }
                        }
                        out[i * k + j] = s
                    }
                }
                covariance = out
            }
        }
        let filtered = pending?.finalPass != true
        let polynomials = filtered ? (phi: Array(likelihood.phi), theta: Array(likelihood.theta)) : order.expanded(coef)
        let estimate = ARIMAEstimate(
            order: order, method: method, coefficients: coef,
            names: order.coefficientNames + problem.xregNames, mask: mask, covariance: covariance,
            sigma2: sigma2, logLikelihood: -0.5 * minusTwoLogLik,
            aic: method == .css ? nil : minusTwoLogLik + 2 * Double(k) + 2,
            nUsed: nUsed, ncond: ncond, residuals: residuals, converged: converged,
            stateMean: filtered ? Array(likelihood.a) : [], stateCovariance: filtered ? Array(likelihood.P) : [],
            phi: polynomials.phi, theta: polynomials.theta, delta: Array(likelihood.delta))
        return (estimate, pending)
    }

    /// Completes an estimate from `estimate(_:deferringCovariance:)`: its
    /// covariance and, for ML, the final filtering pass (σ², residuals, state).
    func complete(_ estimate: inout ARIMAEstimate, pending: PendingCovariance, problem: Problem) throws(ForecastError) {
        let likelihood = ARIMALikelihood(
            y: problem.y, xreg: problem.xreg, order: problem.order, initialization: initialization)
        estimate.covariance = try Self.covariance(pending, order: problem.order, likelihood: likelihood)
        guard pending.finalPass else { return }
        guard let s = likelihood.finalPass(estimate.coefficients) else { throw Self.finalPassFailure }
        estimate.sigma2 = s.ssq / Double(estimate.nUsed)
        estimate.residuals = Array(likelihood.residuals)
        estimate.stateMean = Array(likelihood.a)
        estimate.stateCovariance = Array(likelihood.P)
        estimate.phi = Array(likelihood.phi)
        estimate.theta = Array(likelihood.theta)
    }

    static let finalPassFailure = ForecastError("the fitted model's state covariance cannot be computed")
}
