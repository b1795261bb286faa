import Foundation
import Optimization

/// Fixed smoothing parameters a user may impose (nil: estimate it).
struct ETSFixedParameters: Sendable, Equatable, Codable {
    var alpha: Double?
    var beta: Double?
    var gamma: Double?
    var phi: Double?
}

/// One ETS model estimated by maximum likelihood, as R's forecast:::etsmodel:
/// the same starting values, bounds, admissibility test and criteria; the
/// simplex search differs (scaled steps, a restart), which finds the same
/// optimum or a better one.
struct ETSEstimate: Sendable {
    var spec: ETSSpec
    var m: Int
    var smoothing: ETSKernel.Smoothing
    var level: Double
    var slope: Double
    /// All m seasonal states s_1…s_m, most recent first (the last implied by normalisation).
    var seasonal: [Double]
    var pass: ETSKernel.Pass
    /// Estimated quantities: smoothing parameters and initial states (R's length(par)).
    var estimatedCount: Int
    /// −2 log L up to a constant (R's lik).
    var objective: Double
    var aic: Double, aicc: Double, bic: Double
    var evaluations: Int
}

struct ETSEstimator: Sendable {
    var bounds = ETSBounds()
    var search = SimplexSearch(relativeTolerance: 1e-8, absoluteFloor: 1e-8, maxEvaluations: 2000)
    var restarts = 1
    var criterion = ETSKernel.Criterion.likelihood
    /// `.nelderMead` is R's own simplex (optim's Nelder–Mead, 2000 evaluations), which reproduces R's
    /// estimates exactly; `.restarted` a scaled simplex with a restart, slower, usually a higher likelihood.
    var optimizer = Optimizer.nelderMead
    /// Caps β at the starting α and γ at 1 − starting α (0.2/m for seasonal models), so that
    /// trend and season adapt slowly. This is what statsforecast's AutoETS ends up doing (its
    /// bound check narrows the box in place); chosen on M1 and Tourism, where it lowers sMAPE
    /// (M1 16.13 → 15.78, Tourism 19.31 → 18.66). Off reproduces R.
    var capSmoothing = false
    /// The Nelder–Mead's relative convergence tolerance (R's reltol, √ε by default).
    var relativeTolerance = 1.490116119384765625e-8

    enum Optimizer: String, Sendable, CaseIterable {
        case nelderMead = "nelder_mead"
        case restarted
    }

    /// nil when the model has as many parameters as data (R returns infinite criteria then).
    func estimate(_ spec: ETSSpec, y: [Double], m seriesPeriod: Int, fixed: ETSFixedParameters) throws(ForecastError)
        -> ETSEstimate?
    {
        let m = spec.hasSeason ? seriesPeriod : 1
        var bounds = self.bounds
        if let a = fixed.alpha {
            bounds.upper.beta = min(a, bounds.upper.beta)
            bounds.upper.gamma = min(1 - a, bounds.upper.gamma)
        }
        if let b = fixed.beta { bounds.lower.alpha = max(b, bounds.lower.alpha) }
        if let g = fixed.gamma { bounds.upper.alpha = min(1 - g, bounds.upper.alpha) }

        // Starting smoothing parameters (forecast:::initparam).
        let free = ETSFreeParameters(
            alpha: fixed.alpha == nil, beta: spec.hasTrend && fixed.beta == nil,
            gamma: spec.hasSeason && fixed.gamma == nil, phi: spec.damped && fixed.phi == nil)
        var start = ETSKernel.Smoothing(
            alpha: fixed.alpha ?? 0, beta: spec.hasTrend ? (fixed.beta ?? 0) : 0,
            gamma: spec.hasSeason ? (fixed.gamma ?? 0) : 0, phi: spec.damped ? (fixed.phi ?? 1) : 1)
        if free.alpha {
            start.alpha = bounds.lower.alpha + 0.2 * (bounds.upper.alpha - bounds.lower.alpha) / Double(m)
            if start.alpha > 1 || start.alpha < 0 { start.alpha = bounds.lower.alpha + 0.002 }
            if capSmoothing {
                bounds.upper.beta = min(bounds.upper.beta, start.alpha)
                bounds.upper.gamma = min(bounds.upper.gamma, 1 - start.alpha)
            }
        }
        if free.beta {
            let upper = min(bounds.upper.beta, start.alpha)
            start.beta = bounds.lower.beta + 0.1 * (upper - bounds.lower.beta)
            if start.beta < 0 || start.beta > start.alpha { start.beta = start.alpha - 0.001 }
        }
        if free.gamma {
            let upper = min(bounds.upper.gamma, 1 - start.alpha)
            start.gamma = bounds.lower.gamma + 0.05 * (upper - bounds.lower.gamma)
            if start.gamma < 0 || start.gamma > 1 - start.alpha { start.gamma = 1 - start.alpha - 0.001 }
        }
        if free.phi {
            start.phi = bounds.lower.phi + 0.99 * (bounds.upper.phi - bounds.lower.phi)
            if start.phi < 0 || start.phi > 1 { start.phi = bounds.upper.phi - 0.001 }
        }
        // R checks the starting (or fixed) values once and refuses the model if they fail.
        let all = ETSFreeParameters(alpha: true, beta: spec.hasTrend, gamma: spec.hasSeason, phi: spec.damped)
        guard bounds.accepts(start, spec: spec, m: m, free: all) else {
            throw ForecastError("ets: the given smoothing parameters are outside the allowed region for \(spec)")
        }
        let initial = try ETSInitialState.estimate(y, m: m, trend: spec.trend, season: spec.season)

        // The vector searched: free smoothing parameters, then l, b, s_1…s_{m−1} (R's par order).
        var x: [Double] = [], steps: [Double] = []
        let scale = max(Self.scale(of: y), 1e-8)
        if free.alpha {
            x.append(start.alpha); steps.append(start.alpha + 0.1 <= bounds.upper.alpha ? 0.1 : -0.1 * start.alpha)
        }
        if free.beta { x.append(start.beta); steps.append(max((start.alpha - start.beta) / 2, 1e-4)) }
        if free.gamma { x.append(start.gamma); steps.append(max(min(0.1, (1 - start.alpha - start.gamma) / 2), 1e-4)) }
        if free.phi { x.append(start.phi); steps.append(-0.05) }
        let smoothingCount = x.count
        x.append(initial.level); steps.append(0.1 * max(abs(initial.level), scale))
        if spec.hasTrend {
            x.append(initial.slope)
            steps.append(spec.trend == .additive ? max(0.1 * abs(initial.slope), 0.01 * scale) : 0.01)
        }
        for s in initial.seasonal {
            x.append(s)
            steps.append(spec.season == .additive ? max(0.1 * abs(s), 0.05 * scale) : 0.05)
        }
        guard x.count < y.count - 1 else { return nil }

        let evaluation = Evaluation(
            spec: spec, m: m, bounds: bounds, free: free, fixedValues: start,
            smoothingCount: smoothingCount, criterion: criterion)
        // Bounds: scratch holds the m seasonal states the kernel's ring needs (1 when non-seasonal).
        var scratch = [Double](repeating: 0, count: max(m, 1))
        var evaluations = 0
        var best: (x: [Double], value: Double) = (x, .infinity)
        y.withUnsafeBufferPointer { yb in
            scratch.withUnsafeMutableBufferPointer { sb in
                let objective = { (p: UnsafeBufferPointer<Double>) -> Double in
                    evaluation.objective(p, y: yb, scratch: sb)
                }
                if optimizer == .nelderMead {
                    if let result = OptimNelderMead(relativeTolerance: relativeTolerance, maxEvaluations: 2000)
                        .minimize(start: x, objective)
                    {
                        evaluations = result.evaluations
                        best = (result.x, result.value)
                    }
                    return
                }
                var result = search.minimize(start: x, steps: steps, objective)
                evaluations += result.evaluations
                var round = 0
                while round < restarts {
                    round += 1
                    let restartSteps = zip(steps, result.x).enumerated().map { i, pair in
                        i < smoothingCount ? pair.0 / 2 : pair.0
                    }
                    let again = search.minimize(start: result.x, steps: restartSteps, objective)
                    evaluations += again.evaluations
                    let improved = again.value < result.value - 1e-6 * (abs(result.value) + 1)
                    if again.value < result.value { result = again }
                    if !improved { break }
                }
                best = (result.x, result.value)
            }
        }
        guard best.value.isFinite else {
            throw ForecastError("ets: no admissible parameters found for \(spec)")
        }
        let (smoothing, level, slope, seasonal) = evaluation.unpack(best.x)
        let pass = ETSKernel.fullPass(
            spec, y: y, m: m, smoothing: smoothing, level: level, slope: slope, seasonal: seasonal)
        let k = best.x.count + 1  // R counts the innovation variance too
        let n = Double(y.count)
        let aic = pass.objective + 2 * Double(k)
        let aicc = aic + 2 * Double(k * (k + 1)) / (n - Double(k) - 1)
        let bic = pass.objective + log(n) * Double(k)
        return ETSEstimate(
            spec: spec, m: m, smoothing: smoothing, level: level, slope: slope, seasonal: seasonal,
            pass: pass, estimatedCount: best.x.count, objective: pass.objective,
            aic: aic, aicc: aicc, bic: bic, evaluations: evaluations)
    }

    /// A robust spread of the data, for sizing steps in the states.
    static func scale(of y: [Double]) -> Double {
        let mean = y.reduce(0, +) / Double(y.count)
        let sd = (y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(y.count - 1, 1))).squareRoot()
        return sd > 0 ? sd : abs(mean)
    }

    /// Maps a search vector to the model and scores it.
    struct Evaluation {
        let spec: ETSSpec
        let m: Int
        let bounds: ETSBounds
        let free: ETSFreeParameters
        let fixedValues: ETSKernel.Smoothing
        let smoothingCount: Int
        let criterion: ETSKernel.Criterion

        /// Bounds: p starts with one value per free smoothing parameter, smoothingCount in all.
        func smoothing(_ p: UnsafeBufferPointer<Double>) -> ETSKernel.Smoothing {
            var s = fixedValues
            var j = 0
            if free.alpha { s.alpha = p[j]; j += 1 }
            if free.beta { s.beta = p[j]; j += 1 }
            if free.gamma { s.gamma = p[j]; j += 1 }
            if free.phi { s.phi = p[j]; j += 1 }
            return s
        }

        /// Bounds: p holds the search vector built in `estimate`, smoothingCount smoothing values,
        /// then l, b (with a trend) and the m − 1 free seasonal states ETSInitialState returns, so
        /// p[j + i] for i < m − 1 is its last entry; scratch needs m values (written 0..<m).
        @inline(__always)
        func objective(
            _ p: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>,
            scratch: UnsafeMutableBufferPointer<Double>
        ) -> Double {
            let s = smoothing(p)
            guard bounds.accepts(s, spec: spec, m: m, free: free) else { return .infinity }
            var j = smoothingCount
            let level = p[j]; j += 1
            var slope = 0.0
            if spec.hasTrend { slope = p[j]; j += 1 }
            if spec.hasSeason {
                var sum = 0.0
                for i in 0..<(m - 1) {
                    scratch[i] = p[j + i]
                    sum += p[j + i]
                }
                scratch[m - 1] = (spec.season == .multiplicative ? Double(m) : 0) - sum
                if spec.season == .multiplicative {
                    for i in 0..<m where scratch[i] < 0 { return .infinity }
                }
            }
            return ETSKernel.objective(
                spec, y: y, m: m, smoothing: s, level: level, slope: slope, seasonal: scratch,
                criterion: criterion)
        }

        func unpack(_ x: [Double]) -> (ETSKernel.Smoothing, Double, Double, [Double]) {
            let s = x.withUnsafeBufferPointer { smoothing($0) }
            var j = smoothingCount
            let level = x[j]; j += 1
            var slope = 0.0
            if spec.hasTrend { slope = x[j]; j += 1 }
            var seasonal: [Double] = []
            if spec.hasSeason {
                seasonal = Array(x[j..<(j + m - 1)])
                seasonal.append((spec.season == .multiplicative ? Double(m) : 0) - seasonal.reduce(0, +))
            }
            return (s, level, slope, seasonal)
        }
    }
}
