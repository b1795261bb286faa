import AlmanacCore
import Foundation
import TimeSeries

/// Naive, seasonal naive and random walk with drift: the forecast repeats the
/// last `lag` observations (plus a drift per step), as R's `naive`, `snaive`
/// and `rwf(drift = TRUE)`, with the same interval formulas.
struct LagWalkForecaster: Forecaster {
    enum Kind: String { case naive, snaive, drift }
    let kind: Kind

    func lag(for series: Series) -> Int { kind == .snaive ? series.seasonalPeriod : 1 }

    func fit(_ data: ModelData) throws(ForecastError) -> any FittedModel {
        let series = data.series
        let lag = lag(for: series)
        if kind == .snaive && lag < 2 {
            throw ForecastError(
                "snaive: \(series.describedName) has seasonal period \(lag); give the series a period (e.g. frequency \"month\") or use naive"
            )
        }
        let y = try series.checkedValues(for: kind.rawValue, minimum: lag + 1 + (kind == .drift ? 1 : 0))
        let n = y.count
        var fitted = [Double](repeating: .nan, count: n)
        for t in lag..<n { fitted[t] = y[t - lag] }
        var drift = 0.0, driftSE = 0.0
        if kind == .drift {
            let diffs = (lag..<n).map { y[$0] - y[$0 - lag] }
            drift = diffs.reduce(0, +) / Double(diffs.count)
            let variance =
                diffs.count > 1 ? diffs.reduce(0) { $0 + ($1 - drift) * ($1 - drift) } / Double(diffs.count - 1) : 0
            driftSE = (variance / Double(diffs.count)).squareRoot()
            for t in lag..<n { fitted[t] += drift }
        }
        let residuals = zip(y, fitted).map { $0 - $1 }
        let used = residuals.filter { !$0.isNaN }
        let denominator = Double(used.count - (drift != 0 ? 1 : 0))
        let mse = denominator > 0 ? used.reduce(0) { $0 + $1 * $1 } / denominator : 0
        return LagWalkFit(
            kind: kind, series: series, lag: lag, drift: drift, driftSE: driftSE,
            mse: mse, fitted: fitted, residuals: residuals)
    }

    func restore(_ data: ModelData, state: JSONValue) throws(ForecastError) -> any FittedModel {
        try fit(data)  // nothing is estimated iteratively: refitting is exact
    }
}

struct LagWalkFit: FittedModel {
    let kind: LagWalkForecaster.Kind
    let series: Series
    let lag: Int
    let drift: Double
    let driftSE: Double
    let mse: Double
    let fitted: [Double]
    let residuals: [Double]

    var modelName: String { kind.rawValue }
    var method: String {
        switch kind {
        case .naive: return "Naive"
        case .snaive: return "Seasonal naive (period \(lag))"
        case .drift: return "Random walk with drift"
        }
    }
    var parameters: [NamedValue] {
        kind == .drift ? [NamedValue("drift", drift), NamedValue("drift_se", driftSE)] : []
    }
    var statistics: FitStatistics {
        FitStatistics(sigma2: mse, observations: series.count, parameterCount: kind == .drift ? 1 : 0)
    }
    var savedState: JSONValue { .object([:]) }

    /// Step h (1-based) uses the observation h − lag·ceil(h/lag) from the end; `steps` counts the lags crossed.
    private func steps(_ horizon: Int) -> [Int] { (1...horizon).map { ($0 - 1) / lag + 1 } }

    func forecast(_ request: ForecastRequest) throws(ForecastError) -> Forecast {
        let request = try request.validated(owner: kind.rawValue)
        let y = series.values, n = y.count
        let k = steps(request.horizon)
        var mean = [Double](), sd = [Double]()
        for h in 1...request.horizon {
            let last = y[n - lag + (h - 1) % lag]
            let s = Double(k[h - 1])
            mean.append(last + s * drift)
            sd.append((mse * s + (s * driftSE) * (s * driftSE)).squareRoot())
        }
        return .gaussian(method: method, history: series, mean: mean, sd: sd, levels: request.levels)
    }

    func samplePaths(
        horizon: Int, count: Int, future: [String: [Double]],
        generator: inout SeededGenerator
    ) throws(ForecastError) -> SamplePaths {
        let y = series.values, n = y.count
        let sigma = mse.squareRoot()
        var out = [Double]()
        out.reserveCapacity(horizon * count)
        var path = [Double](repeating: 0, count: horizon)
        for _ in 0..<count {
            // Drawing the drift once per path gives the (steps·se)² term of the interval.
            let b = drift + (kind == .drift ? driftSE * generator.nextNormal() : 0)
            for h in 0..<horizon {
                let previous = h >= lag ? path[h - lag] : y[n - lag + h]
                path[h] = previous + b + sigma * generator.nextNormal()
            }
            out.append(contentsOf: path)
        }
        return SamplePaths(horizon: horizon, count: count, values: out)
    }
}
