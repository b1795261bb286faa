import Optimization

/// Estimates one Theta model as statsforecast's thetamodel does: the free
/// parameters start at ℓ₀ = y₀/2, α = 0.5, θ = 2 and are searched in
/// ℓ₀ ∈ [−1e10, 1e10], α ∈ [0.1, 0.99], θ ∈ [1, 1e10] by statsforecast's
/// clamped Nelder–Mead, minimising the scaled in-sample squared error.
struct ThetaEstimator: Sendable {
    var search = ClampedNelderMead()

    struct Estimate: Sendable {
        var model: ThetaKernel.ModelType
        var parameters: ThetaKernel.Parameters
        var estimatedCount: Int
        var evaluations: Int
    }

    /// Fixed values a user imposes (nil: estimate it; θ is 2 for STM and DSTM whatever is asked).
    struct Fixed: Sendable, Codable, Equatable {
        var initialLevel: Double?
        var alpha: Double?
        var theta: Double?
    }

    func estimate(_ y: [Double], model: ThetaKernel.ModelType, fixed: Fixed) -> Estimate {
        let fixedTheta = model.optimisesTheta ? fixed.theta : 2
        var p = ThetaKernel.Parameters(
            initialLevel: fixed.initialLevel ?? y[0] / 2, alpha: fixed.alpha ?? 0.5,
            theta: fixedTheta ?? 2)
        var start: [Double] = [], lower: [Double] = [], upper: [Double] = []
        if fixed.initialLevel == nil { start.append(p.initialLevel); lower.append(-1e10); upper.append(1e10) }
        if fixed.alpha == nil { start.append(p.alpha); lower.append(0.1); upper.append(0.99) }
        if fixedTheta == nil { start.append(p.theta); lower.append(1); upper.append(1e10) }
        guard !start.isEmpty else { return Estimate(model: model, parameters: p, estimatedCount: 0, evaluations: 0) }
        let freeLevel = fixed.initialLevel == nil, freeAlpha = fixed.alpha == nil, freeTheta = fixedTheta == nil
        let base = p
        // Bounds: the objective's x holds start.count values, one per free parameter, read in the
        // order they were appended; yb is the non-empty series (y[0] was read above).
        let result = y.withUnsafeBufferPointer { yb in
            let trend = ThetaKernel.staticTrend(yb)
            var meanAbs = 0.0
            for v in yb { meanAbs += abs(v) }
            meanAbs /= Double(yb.count)
            return search.minimize(start: start, lower: lower, upper: upper) { x in
                var q = base
                var j = 0
                if freeLevel { q.initialLevel = x[j]; j += 1 }
                if freeAlpha { q.alpha = x[j]; j += 1 }
                if freeTheta { q.theta = x[j] }
                let value = ThetaKernel.objective(yb, model: model, p: q, trend: trend, meanAbs: meanAbs)
                // statsforecast maps NaN to −∞ (which the search would then prefer); a NaN is an unusable point.
                return value.isNaN ? .infinity : value
            }
        }
        var j = 0
        if freeLevel { p.initialLevel = result.x[j]; j += 1 }
        if freeAlpha { p.alpha = result.x[j]; j += 1 }
        if freeTheta { p.theta = result.x[j] }
        return Estimate(model: model, parameters: p, estimatedCount: start.count, evaluations: result.evaluations)
    }
}
