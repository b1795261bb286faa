import AlmanacCore
import Foundation
import TimeSeries

/// The historical mean, as R's `meanf`: intervals from Student's t with n − 1
/// degrees of freedom, widened by √(1 + 1/n) for the uncertainty of the mean.
struct MeanForecaster: Forecaster {
    func fit(_ data: ModelData) throws(ForecastError) -> any FittedModel {
        let y = try data.series.checkedValues(for: "mean", minimum: 1)
        let n = Double(y.count)
        let mean = y.reduce(0, +) / n
        let sd = y.count > 1 ? (y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot() : .nan
        return MeanFit(series: data.series, mean: mean, sd: sd)
    }

    func restore(_ data: ModelData, state: JSONValue) throws(ForecastError) -> any FittedModel { try fit(data) }
}

struct MeanFit: FittedModel {
    let series: Series
    let mean: Double
    let sd: Double

    var modelName: String { "mean" }
    var method: String { "Mean" }
    var fitted: [Double] { [Double](repeating: mean, count: series.count) }
    var residuals: [Double] { series.values.map { $0 - mean } }
    var parameters: [NamedValue] { [NamedValue("mean", mean), NamedValue("sd", sd)] }
    var statistics: FitStatistics { FitStatistics(sigma2: sd * sd, observations: series.count, parameterCount: 1) }
    var savedState: JSONValue { .object([:]) }

    func forecast(_ request: ForecastRequest) throws(ForecastError) -> Forecast {
        let request = try request.validated(owner: "mean")
        let n = Double(series.count)
        let means = [Double](repeating: mean, count: request.horizon)
        var lower: [[Double]] = [], upper: [[Double]] = []
        for level in request.levels {
            let t =
                series.count > 1
                ? SpecialFunctions.studentTQuantile(0.5 + level / 200, degreesOfFreedom: n - 1) : .infinity
            let w = t * sd * (1 + 1 / n).squareRoot()
            lower.append(means.map { $0 - w })
            upper.append(means.map { $0 + w })
        }
        return Forecast(
            method: method, history: series, mean: means, levels: request.levels, lower: lower, upper: upper)
    }

    func samplePaths(
        horizon: Int, count: Int, future: [String: [Double]],
        generator: inout SeededGenerator
    ) throws(ForecastError) -> SamplePaths {
        let spread = sd.isNaN ? 0 : sd
        var out = [Double]()
        out.reserveCapacity(horizon * count)
        for _ in 0..<count {
            let mu = mean + spread / Double(series.count).squareRoot() * generator.nextNormal()
            for _ in 0..<horizon { out.append(mu + spread * generator.nextNormal()) }
        }
        return SamplePaths(horizon: horizon, count: count, values: out)
    }
}
