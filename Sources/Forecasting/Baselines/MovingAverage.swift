import AlmanacCore
import Foundation
import TimeSeries

/// The mean of the last `window` observations, carried forward flat. Fitted
/// values are the trailing means; intervals use the root mean squared
/// one-step error of those, the same for every step (the method has no model
/// of how errors grow, and this says so in the docs).
struct MovingAverageForecaster: Forecaster {
    let window: Int

    func fit(_ data: ModelData) throws(ForecastError) -> any FittedModel {
        let y = try data.series.checkedValues(for: "moving_average", minimum: window)
        var fitted = [Double](repeating: .nan, count: y.count)
        var sum = y[0..<window].reduce(0, +)
        for t in window..<y.count {
            fitted[t] = sum / Double(window)
            sum += y[t] - y[t - window]
        }
        let level = sum / Double(window)
        let errors = (window..<y.count).map { y[$0] - fitted[$0] }
        let mse = errors.isEmpty ? Double.nan : errors.reduce(0) { $0 + $1 * $1 } / Double(errors.count)
        return MovingAverageFit(series: data.series, window: window, level: level, mse: mse, fitted: fitted)
    }

    func restore(_ data: ModelData, state: JSONValue) throws(ForecastError) -> any FittedModel { try fit(data) }
}

struct MovingAverageFit: FittedModel {
    let series: Series
    let window: Int
    let level: Double
    let mse: Double
    let fitted: [Double]

    var modelName: String { "moving_average" }
    var method: String { "Moving average (\(window))" }
    var residuals: [Double] { zip(series.values, fitted).map { $0 - $1 } }
    var parameters: [NamedValue] { [NamedValue("level", level)] }
    var statistics: FitStatistics { FitStatistics(sigma2: mse, observations: series.count, parameterCount: 0) }
    var savedState: JSONValue { .object([:]) }

    func forecast(_ request: ForecastRequest) throws(ForecastError) -> Forecast {
        let request = try request.validated(owner: "moving_average")
        let mean = [Double](repeating: level, count: request.horizon)
        let sd = [Double](repeating: mse.isNaN ? 0 : mse.squareRoot(), count: request.horizon)
        return .gaussian(method: method, history: series, mean: mean, sd: sd, levels: mse.isNaN ? [] : request.levels)
    }

    func samplePaths(
        horizon: Int, count: Int, future: [String: [Double]],
        generator: inout SeededGenerator
    ) throws(ForecastError) -> SamplePaths {
        let sigma = mse.isNaN ? 0 : mse.squareRoot()
        var out = [Double]()
        out.reserveCapacity(horizon * count)
        for _ in 0..<(horizon * count) { out.append(level + sigma * generator.nextNormal()) }
        return SamplePaths(horizon: horizon, count: count, values: out)
    }
}
