import AlmanacCore
import TimeSeries

/// A fitted intermittent-demand method: a flat point forecast, and intervals
/// and sample paths from the per-period demand distribution it implies
/// (PeriodDemandDistribution), which has the point forecast as its mean.
struct IntermittentFit: FittedModel {
    let modelName: String
    let method: String
    let series: Series
    let result: IntermittentMethods.Result
    let distribution: PeriodDemandDistribution
    let notes: [String]

    var fitted: [Double] { result.fitted }
    var residuals: [Double] { zip(series.values, fitted).map { $0 - $1 } }
    var parameters: [NamedValue] { result.parameters + [NamedValue("occurrence", distribution.occurrence)] }

    /// The mean squared one-step error where there is a fitted value. No likelihood: the methods are not models.
    var statistics: FitStatistics {
        let errors = residuals.filter { !$0.isNaN }
        let mse = errors.isEmpty ? Double.nan : errors.reduce(0) { $0 + $1 * $1 } / Double(errors.count)
        return FitStatistics(sigma2: mse, observations: series.count, parameterCount: result.estimatedCount)
    }

    var savedState: JSONValue { .object([:]) }

    /// Every period has the same distribution, so the bounds are flat: its exact quantiles at
    /// (1 − level)/2 and (1 + level)/2 (coverage at least the level, the distribution being discrete).
    func forecast(_ request: ForecastRequest) throws(ForecastError) -> Forecast {
        let request = try request.validated(owner: modelName)
        let h = request.horizon
        let mean = [Double](repeating: result.forecast, count: h)
        let lower = request.levels.map { [Double](repeating: distribution.quantile(0.5 - $0 / 200), count: h) }
        let upper = request.levels.map { [Double](repeating: distribution.quantile(0.5 + $0 / 200), count: h) }
        return Forecast(method: method, history: series, mean: mean, levels: request.levels, lower: lower, upper: upper)
    }

    /// Independent draws from the per-period distribution: non-negative, reproducible from the
    /// generator's seed, with mean the point forecast. Sum a path's steps for lead-time demand.
    func samplePaths(
        horizon: Int, count: Int, future: [String: [Double]],
        generator: inout SeededGenerator
    ) throws(ForecastError) -> SamplePaths {
        var values = [Double]()
        values.reserveCapacity(horizon * count)
        for _ in 0..<(horizon * count) { values.append(distribution.draw(&generator)) }
        return SamplePaths(horizon: horizon, count: count, values: values)
    }
}
