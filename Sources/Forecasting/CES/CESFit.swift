import AlmanacCore
import Foundation
import TimeSeries

/// A fitted CES model: the backfitted filter replayed with its parameters.
struct CESFit: FittedModel {
    let series: Series
    let season: CESKernel.Season
    let lag: Int
    let estimates: CESKernel.Parameters
    var notes: [String]
    /// One-step errors of the final forward pass.
    let errors: [Double]
    /// The lag rows of states after the last observation, row by row.
    let finalStates: [Double]
    /// n·log Σe² (statsforecast's lik).
    let objective: Double

    /// `initialStates`: the estimator's, when known; otherwise computed from the series.
    init(
        series: Series, season: CESKernel.Season, lag: Int, estimates: CESKernel.Parameters, notes: [String],
        initialStates: [Double]? = nil
    ) {
        self.series = series
        self.season = season
        self.lag = lag
        self.estimates = estimates
        self.notes = notes
        let y = series.values, n = y.count
        let layout = CESKernel.Layout(season: season, lag: lag)
        let initial = initialStates ?? CESEstimator.initialStates(y, season: season, period: lag) ?? []
        // Lane 0 of the batched filter is the scalar filter, bit for bit.
        var filter = CESBatchFilter(layout: layout, initialStates: initial, count: n)
        // Bounds: `likelihoods` needs lag ≥ 1 and n ≥ 1 (the fit's lag is 1 or the period, and
        // fit and restore require data; restore checks a saved lag is ≥ 1).
        let lik = y.withUnsafeBufferPointer {
            filter.likelihoods($0, .init(count: 1) { _ in estimates }, keepErrors: true)
        }[0]
        errors = filter.errors.map { $0[0] }
        finalStates = filter.states[(n * layout.k)..<((n + lag) * layout.k)].map { $0[0] }
        objective = lik
    }

    var layout: CESKernel.Layout { CESKernel.Layout(season: season, lag: lag) }
    var modelName: String { "ces" }
    var method: String { "CES(\(season.rawValue))" + (season == .none ? "" : "[\(lag)]") }
    var fitted: [Double] { zip(series.values, errors).map { $0 - $1 } }
    var residuals: [Double] { errors }

    var parameters: [NamedValue] {
        var out = [NamedValue("alpha0", estimates.alpha0), NamedValue("alpha1", estimates.alpha1)]
        if season == .partial || season == .full { out.append(NamedValue("beta0", estimates.beta0)) }
        if season == .full { out.append(NamedValue("beta1", estimates.beta1)) }
        return out
    }

    /// σ² = Σe²/(n − np − 1).
    var statistics: FitStatistics {
        let n = series.count, k = Self.parameterCount(season)
        let sse = errors.reduce(0) { $0 + $1 * $1 }
        let denominator = Double(n - k - 1)
        return Self.statistics(
            objective: objective, season: season, observations: n,
            sigma2: denominator > 0 ? sse / denominator : .nan)
    }

    /// statsforecast counts the state columns plus one.
    static func parameterCount(_ season: CESKernel.Season) -> Int { season.components + 1 }

    /// The information criteria of a form whose n·log Σe² is `objective`.
    static func statistics(objective: Double, season: CESKernel.Season, observations n: Int, sigma2: Double)
        -> FitStatistics
    {
        FitStatistics.criteria(
            minusTwoLogLik: objective, parameters: parameterCount(season), observations: n, sigma2: sigma2)
    }

    var savedState: JSONValue {
        (try? JSONValue(encoding: CESSavedState(season: season, lag: lag, parameters: estimates, notes: notes)))
            ?? .null
    }

    /// Runs the recursion `horizon` steps past the data; `shock(j)` is added to the forecast at step j.
    /// Bounds: `start` holds the lag·k final states (finalStates, or zeros), so rows has lag + horizon
    /// rows; step j writes row i = lag + j < lag + horizon and reads rows i − 1 and i − lag ≥ 0.
    func simulate(_ horizon: Int, from start: [Double], shock: (Int) -> Double) -> [Double] {
        let L = layout, k = L.k
        var rows = start + [Double](repeating: 0, count: horizon * k)
        var out = [Double](repeating: 0, count: horizon)
        rows.withUnsafeMutableBufferPointer { b in
            let s = b.baseAddress!
            for j in 0..<horizon {
                let i = lag + j
                let y = CESKernel.onestep(s, i, L) + shock(j)
                CESKernel.update(s, i, L, estimates, y)
                out[j] = y
            }
        }
        return out
    }

    func forecast(_ request: ForecastRequest) throws(ForecastError) -> Forecast {
        let request = try request.validated(owner: modelName)
        let h = request.horizon
        let mean = simulate(h, from: finalStates) { _ in 0 }
        if request.levels.isEmpty { return Forecast(method: method, history: series, mean: mean) }
        // The model is linear with additive errors: the h-step variance is σ²·Σψ_j², ψ the
        // response of the forecasts to a unit error at the first step.
        let psi = simulate(h, from: [Double](repeating: 0, count: lag * layout.k)) { $0 == 0 ? 1 : 0 }
        let sigma2 = statistics.sigma2
        var cumulative = 0.0
        let sd = psi.map { w -> Double in
            cumulative += w * w
            return (sigma2 * cumulative).squareRoot()
        }
        return .gaussian(method: method, history: series, mean: mean, sd: sd, levels: request.levels)
    }

    func samplePaths(
        horizon: Int, count: Int, future: [String: [Double]],
        generator: inout SeededGenerator
    ) throws(ForecastError) -> SamplePaths {
        let sigma = statistics.sigma2.squareRoot()
        var values = [Double]()
        values.reserveCapacity(horizon * count)
        for _ in 0..<count {
            var draws = [Double](repeating: 0, count: horizon)
            for j in 0..<horizon { draws[j] = sigma * generator.nextNormal() }
            values += simulate(horizon, from: finalStates) { draws[$0] }
        }
        return SamplePaths(horizon: horizon, count: count, values: values)
    }
}
