import AlmanacCore
import Foundation
import TimeSeries

/// A fitted standard Theta method (R's thetaf): SES with drift on the
/// seasonally adjusted data.
struct StandardThetaFit: FittedModel {
    let series: Series
    let seasonality: ThetaSeasonality?
    let alpha: Double
    let initialLevel: Double
    let drift: Double
    let estimated: Int
    let notes: [String]
    /// SES one-step forecasts on the adjusted data, and the level after the last observation.
    let sesFitted: [Double]
    let finalLevel: Double
    /// R's ses sigma²: Σe²/(n − number of estimated parameters).
    let sigma2: Double

    init(
        series: Series, seasonality: ThetaSeasonality?, alpha: Double, initialLevel: Double, drift: Double,
        estimated: Int, notes: [String]
    ) {
        self.series = series
        self.seasonality = seasonality
        self.alpha = alpha
        self.initialLevel = initialLevel
        self.drift = drift
        self.estimated = estimated
        self.notes = notes
        let x = seasonality?.adjust(series.values) ?? series.values
        var level = initialLevel, sse = 0.0
        var fitted = [Double](repeating: 0, count: x.count)
        for t in 0..<x.count {
            fitted[t] = level
            let e = x[t] - level
            sse += e * e
            level += alpha * e
        }
        sesFitted = fitted
        finalLevel = level
        sigma2 = sse / Double(x.count - estimated)
    }

    var modelName: String { "theta" }
    var method: String {
        seasonality == nil ? "Theta" : "Theta, multiplicative seasonal adjustment (period \(series.seasonalPeriod))"
    }
    var fitted: [Double] {
        guard let s = seasonality else { return sesFitted }
        return sesFitted.indices.map { sesFitted[$0] * s.indices[$0] }
    }
    var residuals: [Double] { zip(series.values, fitted).map { $0 - $1 } }
    var parameters: [NamedValue] {
        [NamedValue("alpha", alpha), NamedValue("drift", drift), NamedValue("l", initialLevel)]
    }
    var statistics: FitStatistics {
        FitStatistics(sigma2: sigma2, observations: series.count, parameterCount: estimated)
    }
    var savedState: JSONValue {
        let saved = StandardThetaSavedState(
            alpha: alpha, level: initialLevel, drift: drift, estimated: estimated,
            seasonal: seasonality != nil, notes: notes)
        return (try? JSONValue(encoding: saved)) ?? .null
    }

    /// R: level + drift·(j + (1 − (1−α)^n)/α), j = 0…h−1, times the last cycle of indices.
    func means(_ h: Int) -> [Double] {
        let a = max(1e-10, alpha)
        let offset = (1 - pow(1 - a, Double(series.count))) / a
        return (0..<h).map { j in
            let m = finalLevel + drift * (Double(j) + offset)
            return seasonality.map { m * $0.index(at: series.count + j) } ?? m
        }
    }

    /// R's interval half-width z·σ·√(1 + jα²) around the re-seasonalised mean (not itself re-seasonalised).
    func standardDeviations(_ h: Int) -> [Double] {
        let a = max(1e-10, alpha)
        return (0..<h).map { sigma2.squareRoot() * (Double($0) * a * a + 1).squareRoot() }
    }

    func forecast(_ request: ForecastRequest) throws(ForecastError) -> Forecast {
        let request = try request.validated(owner: modelName)
        return .gaussian(
            method: method, history: series, mean: means(request.horizon),
            sd: standardDeviations(request.horizon), levels: request.levels)
    }

    /// The SES state-space errors added to the point forecast: step j carries e_j + α·Σ_{i<j} e_i,
    /// whose variance is R's interval variance, so the paths match the intervals.
    func samplePaths(
        horizon: Int, count: Int, future: [String: [Double]],
        generator: inout SeededGenerator
    ) throws(ForecastError) -> SamplePaths {
        let mean = means(horizon)
        let sigma = sigma2.squareRoot()
        let a = max(1e-10, alpha)
        var values = [Double]()
        values.reserveCapacity(horizon * count)
        for _ in 0..<count {
            var carried = 0.0
            for j in 0..<horizon {
                let e = sigma * generator.nextNormal()
                values.append(mean[j] + carried + e)
                carried += a * e
            }
        }
        return SamplePaths(horizon: horizon, count: count, values: values)
    }
}
