import Foundation

/// The Theta models of Fiorucci et al. (2016) in their state-space form, as
/// statsforecast computes them. The one-step forecast at time t is
///
///     μ_t = ℓ_{t−1} + (1 − 1/θ) · (A·(1−α)^t + B·(1 − (1−α)^{t+1})/α),
///
/// with ℓ the simple exponential smoothing level (ℓ_t = α·y_t + (1−α)·ℓ_{t−1}) and
/// A, B the intercept and slope of the linear trend: fixed from the whole
/// sample for STM and OTM, updated recursively from the data seen so far for
/// the dynamic DSTM and DOTM.
enum ThetaKernel {
    enum ModelType: String, Sendable, Codable, CaseIterable {
        case stm = "STM", otm = "OTM", dstm = "DSTM", dotm = "DOTM"
        var isDynamic: Bool { self == .dstm || self == .dotm }
        var optimisesTheta: Bool { self == .otm || self == .dotm }
    }

    /// What the recursion carries from one time to the next.
    struct State: Sendable, Codable, Equatable {
        var level: Double
        var meanY: Double
        var a: Double
        var b: Double
    }

    struct Parameters: Sendable, Codable, Equatable {
        var initialLevel: Double
        var alpha: Double
        var theta: Double
    }

    /// The trend line fitted to the whole sample (statsforecast's An, Bn): slope by
    /// 6·(2·Σt·y_t/n − (n+1)·ȳ)/(n² − 1), t = 1…n.
    /// Bounds: reads y[t] for t < y.count only.
    static func staticTrend(_ y: UnsafeBufferPointer<Double>) -> (a: Double, b: Double) {
        let n = Double(y.count)
        var sum = 0.0, weighted = 0.0
        for t in 0..<y.count {
            sum += y[t]
            weighted += y[t] * Double(t + 1)
        }
        let mean = sum / n
        let b = (6 * (2 * (weighted / n) - (n + 1) * mean)) / (n * n - 1)
        return (mean - (n + 1) * b / 2, b)
    }

    /// The state after y_0 and the forecast μ_0 that statsforecast pairs with it.
    @inline(__always)
    static func initial(_ y0: Double, model: ModelType, p: Parameters, trend: (a: Double, b: Double)) -> (State, Double)
    {
        if model.isDynamic {
            return (State(level: p.alpha * y0 + (1 - p.alpha) * p.initialLevel, meanY: y0, a: y0, b: 0), y0)
        }
        let mu = p.initialLevel + (1 - 1 / p.theta) * (trend.a + trend.b)
        return (State(level: p.alpha * y0 + (1 - p.alpha) * p.initialLevel, meanY: y0, a: trend.a, b: trend.b), mu)
    }

    /// μ_t from the state at t − 1, given d_t = (1−α)^t and d_{t+1}.
    @inline(__always)
    static func mean(_ s: State, p: Parameters, decay: Double, nextDecay: Double) -> Double {
        s.level + (1 - 1 / p.theta) * (s.a * decay + s.b * (1 - nextDecay) / p.alpha)
    }

    /// Updates the state with the value y_t observed at time t ≥ 1.
    @inline(__always)
    static func update(_ s: inout State, with y: Double, at t: Int, p: Parameters, dynamic: Bool) {
        let i = Double(t)
        let previousMean = s.meanY
        s.level = p.alpha * y + (1 - p.alpha) * s.level
        s.meanY = (i * previousMean + y) / (i + 1)
        if dynamic {
            s.b = ((i - 1) * s.b + 6 * (y - previousMean) / (i + 1)) / (i + 2)
            s.a = s.meanY - s.b * (i + 2) / 2
        }
    }

    /// statsforecast's objective: Σ_{t≥3} e_t² divided by the mean absolute value of y.
    /// The decay is carried by multiplication (statsforecast calls pow), which agrees to
    /// a few ulps and is several times faster.
    /// Bounds: y needs at least one value (y[0]); the loop reads y[t] for 1 ≤ t < y.count.
    static func objective(
        _ y: UnsafeBufferPointer<Double>, model: ModelType, p: Parameters,
        trend: (a: Double, b: Double), meanAbs: Double
    ) -> Double {
        var (state, _) = initial(y[0], model: model, p: p, trend: trend)
        let dynamic = model.isDynamic
        let keep = 1 - p.alpha
        var decay = keep
        var sse = 0.0
        for t in 1..<y.count {
            let next = decay * keep
            let e = y[t] - mean(state, p: p, decay: decay, nextDecay: next)
            if t >= 3 { sse += e * e }
            update(&state, with: y[t], at: t, p: p, dynamic: dynamic)
            decay = next
        }
        return sse / max(meanAbs, 1e-10)
    }

    struct Pass: Sendable {
        var fitted: [Double]
        var residuals: [Double]
        var final: State
        var objective: Double
    }

    /// The filter over the data with everything recorded.
    static func pass(_ y: [Double], model: ModelType, p: Parameters) -> Pass {
        let n = y.count
        return y.withUnsafeBufferPointer { yb in
            let trend = staticTrend(yb)
            var (state, mu0) = initial(y[0], model: model, p: p, trend: trend)
            var fitted = [Double](repeating: 0, count: n)
            fitted[0] = mu0
            let keep = 1 - p.alpha
            for t in 1..<max(n, 1) {
                fitted[t] = mean(state, p: p, decay: pow(keep, Double(t)), nextDecay: pow(keep, Double(t + 1)))
                update(&state, with: y[t], at: t, p: p, dynamic: model.isDynamic)
            }
            let residuals = zip(y, fitted).map { $0 - $1 }
            var sse = 0.0
            for t in 3..<n { sse += residuals[t] * residuals[t] }
            let meanAbs = y.reduce(0) { $0 + abs($1) } / Double(n)
            return Pass(fitted: fitted, residuals: residuals, final: state, objective: sse / max(meanAbs, 1e-10))
        }
    }

    /// Point forecasts: the recursion continued with each forecast taken as the observation.
    static func forecast(from state: State, n: Int, horizon: Int, model: ModelType, p: Parameters) -> [Double] {
        var s = state
        let keep = 1 - p.alpha
        return (0..<horizon).map { j in
            let t = n + j
            let mu = mean(s, p: p, decay: pow(keep, Double(t)), nextDecay: pow(keep, Double(t + 1)))
            update(&s, with: mu, at: t, p: p, dynamic: model.isDynamic)
            return mu
        }
    }
}
