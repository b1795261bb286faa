import Foundation

/// The ETS recursions, written once and specialised by the compiler for each
/// combination of components (the generic parameters), so the inner loop has
/// no branches on model type. Conventions follow R's forecast package
/// (etscalc.c): the state is (l, b, s_1…s_m) with s_1 the most recent
/// seasonal state; the updates are written in terms of y, which makes them the
/// same for additive and multiplicative errors; only the likelihood differs.
enum ETSKernel {
    static let tolerance = 1e-10
    static let huge = 1e10

    struct Smoothing: Sendable, Equatable {
        var alpha: Double, beta: Double, gamma: Double, phi: Double
    }

    /// What estimation minimises (R's opt.crit): the likelihood, or the mean
    /// squared one-step error on the data scale ("mse", used by ses/holt/hw),
    /// the mean squared or absolute innovation ("sigma", "mae").
    enum Criterion: String, Sendable, CaseIterable {
        case likelihood = "lik", mse, sigma, mae
    }

    /// −2 log L up to a constant, as R's etscalc computes it:
    /// n·log(Σe²) (+ 2·Σ log|f| for multiplicative errors). `seasonal`
    /// holds s_1…s_m (most recent first) and is used as scratch space.
    /// Returns +∞ where R's target function does (a forecast that cannot be made, NaN).
    /// Bounds: for a seasonal spec `seasonal` must hold exactly m ≥ 1 states (the ring below
    /// indexes 0..<m and reverses 0…m − 1); a non-seasonal spec runs with m = 1 and never reads it.
    static func objective(
        _ spec: ETSSpec, y: UnsafeBufferPointer<Double>, m: Int, smoothing: Smoothing,
        level: Double, slope: Double, seasonal: UnsafeMutableBufferPointer<Double>,
        criterion: Criterion = .likelihood
    ) -> Double {
        switch spec.trend {
        case .none: return withSeason(NoTrend.self, spec, y, m, smoothing, level, slope, seasonal, criterion)
        case .additive: return withSeason(AdditiveTrend.self, spec, y, m, smoothing, level, slope, seasonal, criterion)
        case .multiplicative:
            return withSeason(MultiplicativeTrend.self, spec, y, m, smoothing, level, slope, seasonal, criterion)
        }
    }

    private static func withSeason<T: TrendRule>(
        _ t: T.Type, _ spec: ETSSpec, _ y: UnsafeBufferPointer<Double>, _ m: Int,
        _ s: Smoothing, _ l: Double, _ b: Double,
        _ seasonal: UnsafeMutableBufferPointer<Double>,
        _ criterion: Criterion
    ) -> Double {
        switch spec.season {
        case .none: return withError(T.self, NoSeason.self, spec, y, 1, s, l, b, seasonal, criterion)
        case .additive: return withError(T.self, AdditiveSeason.self, spec, y, m, s, l, b, seasonal, criterion)
        case .multiplicative:
            return withError(T.self, MultiplicativeSeason.self, spec, y, m, s, l, b, seasonal, criterion)
        }
    }

    private static func withError<T: TrendRule, S: SeasonRule>(
        _ t: T.Type, _ season: S.Type, _ spec: ETSSpec,
        _ y: UnsafeBufferPointer<Double>, _ m: Int, _ s: Smoothing,
        _ l: Double, _ b: Double,
        _ seasonal: UnsafeMutableBufferPointer<Double>,
        _ criterion: Criterion
    ) -> Double {
        spec.error == .additive
            ? run(
                T.self, S.self, multiplicativeError: false, y, m, s, l, b, seasonal, record: nil, criterion: criterion)
            : run(T.self, S.self, multiplicativeError: true, y, m, s, l, b, seasonal, record: nil, criterion: criterion)
    }

    /// Everything a full pass yields: one-step forecasts, innovations (relative
    /// for multiplicative errors), −2 log L (up to a constant) and the final state.
    struct Pass {
        var fitted: [Double]
        var innovations: [Double]
        var objective: Double
        var finalLevel: Double
        var finalSlope: Double
        /// s_1…s_m after the last observation, most recent first.
        var finalSeasonal: [Double]
        /// Mean squared k-step errors, k = 1…3 (R's amse), for `mse`.
        var mse: Double
    }

    static func fullPass(
        _ spec: ETSSpec, y: [Double], m: Int, smoothing: Smoothing,
        level: Double, slope: Double, seasonal: [Double]
    ) -> Pass {
        let n = y.count
        var record = Recording(
            fitted: [Double](repeating: .nan, count: n), innovations: [Double](repeating: .nan, count: n))
        // Bounds: a seasonal spec needs seasonal.count == m ≥ 1 (the estimator unpacks m states);
        // restore checks a saved file against it (ETSSavedState.check).
        var state = seasonal.isEmpty ? [0.0] : seasonal
        let period = spec.hasSeason ? m : 1
        var finalLevel = level, finalSlope = slope
        let objective = y.withUnsafeBufferPointer { yb in
            state.withUnsafeMutableBufferPointer { sb in
                withUnsafeMutablePointer(to: &record) { rec in
                    dispatchFull(spec, yb, period, smoothing, level, slope, sb, rec, &finalLevel, &finalSlope)
                }
            }
        }
        // The ring buffer holds the oldest state at `n mod m`; rotate back to most-recent-first.
        var final: [Double] = []
        if spec.hasSeason {
            final = (0..<m).map { state[(n + m - 1 - $0) % m] }
        }
        let mse = zip(y, record.fitted).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(n)
        return Pass(
            fitted: record.fitted, innovations: record.innovations, objective: objective,
            finalLevel: finalLevel, finalSlope: finalSlope, finalSeasonal: final, mse: mse)
    }

    struct Recording {
        var fitted: [Double]
        var innovations: [Double]
    }

    private static func dispatchFull(
        _ spec: ETSSpec, _ y: UnsafeBufferPointer<Double>, _ m: Int, _ s: Smoothing,
        _ l: Double, _ b: Double, _ seasonal: UnsafeMutableBufferPointer<Double>,
        _ record: UnsafeMutablePointer<Recording>,
        _ finalLevel: inout Double, _ finalSlope: inout Double
    ) -> Double {
        func go<T: TrendRule, S: SeasonRule>(_: T.Type, _: S.Type) -> Double {
            run(
                T.self, S.self, multiplicativeError: spec.error == .multiplicative, y, m, s, l, b, seasonal,
                record: record, finalLevel: &finalLevel, finalSlope: &finalSlope)
        }
        switch (spec.trend, spec.season) {
        case (.none, .none): return go(NoTrend.self, NoSeason.self)
        case (.none, .additive): return go(NoTrend.self, AdditiveSeason.self)
        case (.none, .multiplicative): return go(NoTrend.self, MultiplicativeSeason.self)
        case (.additive, .none): return go(AdditiveTrend.self, NoSeason.self)
        case (.additive, .additive): return go(AdditiveTrend.self, AdditiveSeason.self)
        case (.additive, .multiplicative): return go(AdditiveTrend.self, MultiplicativeSeason.self)
        case (.multiplicative, .none): return go(MultiplicativeTrend.self, NoSeason.self)
        case (.multiplicative, .additive): return go(MultiplicativeTrend.self, AdditiveSeason.self)
        case (.multiplicative, .multiplicative): return go(MultiplicativeTrend.self, MultiplicativeSeason.self)
        }
    }

    /// The recursion. The seasonal states live in a ring: `ring[(t) mod m]` is
    /// s_{t−m}, the state this step uses, and is overwritten by the new one.
    /// Bounds: when S.present, `seasonal` needs m ≥ 1 values: slot stays in 0..<m (it wraps at m)
    /// and the reversal swaps i < j ≤ m − 1; `record`'s arrays hold y.count values, indexed by t.
    @inline(__always)
    private static func run<T: TrendRule, S: SeasonRule>(
        _: T.Type, _: S.Type, multiplicativeError: Bool, _ y: UnsafeBufferPointer<Double>, _ m: Int,
        _ sm: Smoothing, _ l0: Double, _ b0: Double, _ seasonal: UnsafeMutableBufferPointer<Double>,
        record: UnsafeMutablePointer<Recording>?, finalLevel: UnsafeMutablePointer<Double>? = nil,
        finalSlope: UnsafeMutablePointer<Double>? = nil, criterion: Criterion = .likelihood
    ) -> Double {
        // R stores s_1 (most recent) first; the ring wants the oldest (s_m) first.
        if S.present && m > 1 {
            var i = 0, j = m - 1
            while i < j { seasonal.swapAt(i, j); i += 1; j -= 1 }
        }
        var l = l0, b = b0
        var sse = 0.0, logSum = 0.0, product = 1.0, other = 0.0
        let alpha = sm.alpha, beta = sm.beta, gamma = sm.gamma, phi = sm.phi
        let betaOverAlpha = beta / alpha
        var slot = 0
        for t in 0..<y.count {
            let old = S.present ? seasonal[slot] : 0
            guard let (q, phib) = T.predict(level: l, slope: b, phi: phi) else { return .infinity }
            let yt = y[t]
            // One step: the forecast, y without its season, the seasonal signal, and 1/f when known.
            let (f, deseasonalized, ratio, inverse) = S.observe(yt, q, old)
            let e = multiplicativeError ? (inverse.isNaN ? (yt - f) / f : yt * inverse - 1) : yt - f
            sse += e * e
            switch criterion {
            case .likelihood, .sigma: break
            case .mse: other += (yt - f) * (yt - f)
            case .mae: other += abs(e)
            }
            if multiplicativeError {
                product *= abs(f)
                if !(product > 1e-150 && product < 1e150) {
                    logSum += Foundation.log(product)
                    product = 1
                }
            }
            if let record {
                record.pointee.fitted[t] = f
                record.pointee.innovations[t] = e
            }
            let newLevel = q + alpha * (deseasonalized - q)
            if T.present {
                b = phib + betaOverAlpha * (T.growth(new: newLevel, old: l) - phib)
            }
            if S.present {
                seasonal[slot] = old + gamma * (ratio - old)
                slot += 1
                if slot == m { slot = 0 }
            }
            l = newLevel
        }
        if multiplicativeError { logSum += Foundation.log(product) }
        finalLevel?.pointee = l
        finalSlope?.pointee = b
        let n = Double(y.count)
        switch criterion {
        case .likelihood: break
        case .mse, .mae: return other.isNaN ? .infinity : other / n
        case .sigma: return sse.isNaN ? .infinity : sse / n
        }
        var objective = Double(y.count) * Foundation.log(sse)
        if multiplicativeError { objective += 2 * logSum }
        if objective.isNaN { return .infinity }
        return max(objective, -1e10)
    }
}

// MARK: - Components

protocol TrendRule {
    static var present: Bool { get }
    /// The level part of the one-step forecast and φ·b (or b^φ): nil when no forecast exists.
    static func predict(level: Double, slope: Double, phi: Double) -> (Double, Double)?
    /// r in the slope update: l_t − l_{t−1} or l_t / l_{t−1}.
    static func growth(new: Double, old: Double) -> Double
}

enum NoTrend: TrendRule {
    static var present: Bool { false }
    @inline(__always) static func predict(level: Double, slope: Double, phi: Double) -> (Double, Double)? { (level, 0) }
    @inline(__always) static func growth(new: Double, old: Double) -> Double { 0 }
}

enum AdditiveTrend: TrendRule {
    static var present: Bool { true }
    @inline(__always) static func predict(level: Double, slope: Double, phi: Double) -> (Double, Double)? {
        let phib = phi * slope
        return (level + phib, phib)
    }
    @inline(__always) static func growth(new: Double, old: Double) -> Double { new - old }
}

enum MultiplicativeTrend: TrendRule {
    static var present: Bool { true }
    @inline(__always) static func predict(level: Double, slope: Double, phi: Double) -> (Double, Double)? {
        if slope < 0 { return nil }
        let phib = abs(phi - 1) < ETSKernel.tolerance ? slope : pow(slope, phi)
        return (level * phib, phib)
    }
    @inline(__always) static func growth(new: Double, old: Double) -> Double {
        abs(old) < ETSKernel.tolerance ? ETSKernel.huge : new / old
    }
}

protocol SeasonRule {
    static var present: Bool { get }
    /// The one-step forecast f from the level part q and s_{t−m}, y deseasonalised
    /// (p in R's update), the seasonal signal (t in R's update), and 1/f when this
    /// step computed it anyway (NaN otherwise): multiplicative seasons need one
    /// division instead of three.
    static func observe(_ y: Double, _ q: Double, _ s: Double) -> (Double, Double, Double, Double)
    /// The one-step forecast from the level part and s_{t−m}.
    static func combine(_ q: Double, _ s: Double) -> Double
    /// y with the season removed (p in R's update).
    static func deseasonalize(_ y: Double, _ s: Double) -> Double
    /// The seasonal signal in y given the level part (t in R's update).
    static func seasonalRatio(_ y: Double, _ q: Double) -> Double
}

enum NoSeason: SeasonRule {
    static var present: Bool { false }
    @inline(__always) static func observe(_ y: Double, _ q: Double, _ s: Double) -> (Double, Double, Double, Double) {
        (q, y, 0, .nan)
    }
    @inline(__always) static func combine(_ q: Double, _ s: Double) -> Double { q }
    @inline(__always) static func deseasonalize(_ y: Double, _ s: Double) -> Double { y }
    @inline(__always) static func seasonalRatio(_ y: Double, _ q: Double) -> Double { 0 }
}

enum AdditiveSeason: SeasonRule {
    static var present: Bool { true }
    @inline(__always) static func observe(_ y: Double, _ q: Double, _ s: Double) -> (Double, Double, Double, Double) {
        (q + s, y - s, y - q, .nan)
    }
    @inline(__always) static func combine(_ q: Double, _ s: Double) -> Double { q + s }
    @inline(__always) static func deseasonalize(_ y: Double, _ s: Double) -> Double { y - s }
    @inline(__always) static func seasonalRatio(_ y: Double, _ q: Double) -> Double { y - q }
}

enum MultiplicativeSeason: SeasonRule {
    static var present: Bool { true }
    @inline(__always) static func observe(_ y: Double, _ q: Double, _ s: Double) -> (Double, Double, Double, Double) {
        let f = q * s
        if abs(s) < ETSKernel.tolerance || abs(q) < ETSKernel.tolerance {
            return (f, deseasonalize(y, s), seasonalRatio(y, q), .nan)
        }
        let inverse = 1 / f
        return (f, y * q * inverse, y * s * inverse, inverse)
    }
    @inline(__always) static func combine(_ q: Double, _ s: Double) -> Double { q * s }
    @inline(__always) static func deseasonalize(_ y: Double, _ s: Double) -> Double {
        abs(s) < ETSKernel.tolerance ? ETSKernel.huge : y / s
    }
    @inline(__always) static func seasonalRatio(_ y: Double, _ q: Double) -> Double {
        abs(q) < ETSKernel.tolerance ? ETSKernel.huge : y / q
    }
}
