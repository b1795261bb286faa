import LinearAlgebra
import Optimization

/// What the coefficients' covariance (the inverse Hessian of the objective at
/// the optimum, as R's optimhess) needs once a model is fitted, so it can be
/// computed later, or never for a model a search discards.
struct PendingCovariance: Sendable {
    /// Which objective the optimum is of.
    enum Objective: Sendable {
        case css(ncond: Int)
        case ml(transform: Bool)

        /// The objective over the estimated coefficients; `base` holds the fixed ones.
        func function(_ likelihood: ARIMALikelihood, base: [Double], mask: [Bool]) -> ([Double]) -> Double {
            let full: ([Double]) -> [Double] = { p in
                var out = base
                var k = 0
                for i in 0..<mask.count where mask[i] {
                    out[i] = p[k]
                    k += 1
                }
                return out
            }
            switch self {
            case .css(let ncond): return { likelihood.css(full($0), ncond: ncond) }
            case .ml(let transform): return { likelihood.ml(full($0), transform: transform) }
            }
        }
    }

    /// The optimum over the estimated coefficients, in the optimiser's parameters.
    var point: [Double]
    var parscale: [Double]
    var base: [Double]
    var mask: [Bool]
    var objective: Objective
    /// The untransformed coefficients, when the optimiser worked on transformed
    /// ones: the covariance is then A′ H⁻¹ A with A the transformation's Jacobian.
    var jacobianAt: [Double]?
    var nUsed: Int
    /// The ML filtering pass is pending too.
    var finalPass = false
}

extension ARIMAEstimator {
    static func optimFailure(_ f: OptimBFGS.Failure) -> ForecastError {
        switch f {
        case .initialValueNotFinite: return ForecastError("initial value in the optimiser is not finite")
        case .nonFiniteDifference(let i): return ForecastError("non-finite finite-difference value [\(i)]")
        }
    }

    /// H⁻¹ (or A′ H⁻¹ A) over the estimated coefficients, k×k row-major.
    static func covariance(
        _ pending: PendingCovariance, order: ARIMAOrder,
        likelihood: ARIMALikelihood
    ) throws(ForecastError) -> [Double] {
        let objective = pending.objective.function(likelihood, base: pending.base, mask: pending.mask)
        let hessian: [Double]
        do { hessian = try OptimBFGS().hessian(at: pending.point, parscale: pending.parscale, objective) } catch {
            throw optimFailure(error)
        }
        let k = pending.point.count
        let scaled = Matrix(rows: k, columns: k, values: hessian.map { $0 * Double(pending.nUsed) })
        guard let hInverse = (try? scaled.inverseCheckingCondition())?.values else {
            throw ForecastError("the Hessian is singular: the coefficients are not identifiable")
        }
        guard let coef = pending.jacobianAt else { return hInverse }
        let A = ARIMAParameterTransform.jacobian(coef, order)
        let maskedIndex = (0..<pending.mask.count).filter { pending.mask[$0] }
        // var = A′ H⁻¹ A over the estimated coefficients.
        var v = [Double](repeating: 0, count: k * k)
        for i in 0..<k {
            for j in 0..<k {
                var s = 0.0
                for u in 0..<k {
                    for w in 0..<k {
                        s += A[maskedIndex[u]][maskedIndex[i]] * hInverse[u * k + w] * A[maskedIndex[w]][maskedIndex[j]]
                    }
                }
                v[i * k + j] = s
            }
        }
        return v
    }
}
