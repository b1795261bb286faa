import Foundation
import Optimization
import TimeSeries

/// Fits one CES form as statsforecast's cesmodel: its initial states, its
/// starting values (α₀ = 1.3, α₁ = 1, β₀ = 0.1 partial or 1.3 full, β₁ = 1) and
/// positional bounds [0.01, (1.8, 1.9, 1.5, 1.5)], searched by its clamped
/// Nelder–Mead on n·log Σe² after backfitting.
struct CESEstimator: Sendable {
    var search = ClampedNelderMead()

    /// The search sees likelihoods below this as this, so that a perfect fit cannot run away.
    static let objectiveFloor = -1e10

    struct Estimate: Sendable {
        var season: CESKernel.Season
        var lag: Int
        var parameters: CESKernel.Parameters
        var initialStates: [Double]
        var objective: Double
        var evaluations: Int
    }

    /// The additive classical decomposition's seasonal component, which the partial and full
    /// forms start from; computed once per series when both forms are tried.
    static func additiveSeasonal(_ y: [Double], period m: Int) -> [Double]? {
        try? Series(values: y, seasonalPeriod: m).classicalDecomposition(.additive).seasonal
    }

    /// statsforecast's initstate: level from the first 10 values (none) or the first cycle,
    /// c = level/1.1, the additive decomposition's first cycle for the seasonal states.
    static func initialStates(
        _ y: [Double], season: CESKernel.Season, period m: Int,
        additiveSeasonal known: [Double]? = nil
    ) -> [Double]? {
        switch season {
        case .none:
            let idx = min(10, y.count)
            let mean = y[0..<idx].reduce(0, +) / Double(idx)
            return [mean, mean / 1.1]
        case .simple:
            return (0..<m).flatMap { [y[$0], y[$0] / 1.1] }
        case .partial, .full:
            guard let s = known ?? additiveSeasonal(y, period: m) else { return nil }
            let level = y[0..<m].reduce(0, +) / Double(m)
            return (0..<m).flatMap { i in
                season == .partial ? [level, level / 1.1, s[i]] : [level, level / 1.1, s[i], s[i] / 1.1]
            }
        }
    }

    static func start(_ season: CESKernel.Season) -> CESKernel.Parameters {
        switch season {
        case .none, .simple: return .init(alpha0: 1.3, alpha1: 1, beta0: .nan, beta1: .nan)
        case .partial: return .init(alpha0: 1.3, alpha1: 1, beta0: 0.1, beta1: .nan)
        case .full: return .init(alpha0: 1.3, alpha1: 1, beta0: 1.3, beta1: 1)
        }
    }

    /// Bounds: x holds the form's 2, 3 or 4 coordinates (at least 2); β₀ and β₁ are read only
    /// when present.
    static func unpack(_ x: Slice<UnsafeBufferPointer<Double>>, _ season: CESKernel.Season) -> CESKernel.Parameters {
        var p = start(season)
        let i = x.startIndex
        p.alpha0 = x[i]
        p.alpha1 = x[i + 1]
        if x.count > 2 { p.beta0 = x[i + 2] }
        if x.count > 3 { p.beta1 = x[i + 3] }
        return p
    }

    func estimate(_ y: [Double], season: CESKernel.Season, period: Int, additiveSeasonal: [Double]? = nil) -> Estimate?
    {
        let lag = season == .none ? 1 : period
        guard let initial = Self.initialStates(y, season: season, period: lag, additiveSeasonal: additiveSeasonal)
        else { return nil }
        let layout = CESKernel.Layout(season: season, lag: lag)
        let p0 = Self.start(season)
        let x0 =
            [p0.alpha0, p0.alpha1] + (season == .partial ? [p0.beta0] : [])
            + (season == .full ? [p0.beta0, p0.beta1] : [])
        let upper = Array([1.8, 1.9, 1.5, 1.5].prefix(x0.count))
        let lower = [Double](repeating: 0.01, count: x0.count)
        var filter = CESBatchFilter(layout: layout, initialStates: initial, count: y.count)
        let dimension = x0.count
        let result = y.withUnsafeBufferPointer { yb in
            // Several trial points per call, one per SIMD lane: the same search, run faster.
            // Bounds: points holds count ≤ 4 points of `dimension` coordinates each and values
            // count slots (ClampedNelderMead.minimizeBatched); lane slices stay below count·dimension.
            search.minimizeBatched(start: x0, lower: lower, upper: upper) { points, count, values in
                let coefficients = CESBatchFilter.Coefficients(count: count) { lane in
                    Self.unpack(points[(lane * dimension)..<((lane + 1) * dimension)], season)
                }
                let lik = filter.likelihoods(yb, coefficients)
                for lane in 0..<count {
                    // statsforecast turns NaN into −∞, which the search would then chase; it is unusable here.
                    values[lane] = lik[lane].isNaN ? .infinity : max(lik[lane], Self.objectiveFloor)
                }
            }
        }
        let p = result.x.withUnsafeBufferPointer { Self.unpack($0[...], season) }
        return Estimate(
            season: season, lag: lag, parameters: p, initialStates: initial, objective: result.value,
            evaluations: result.evaluations)
    }
}
