import AlmanacCore
import Foundation
import TimeSeries

/// The standard Theta method as R's forecast::thetaf computes it (Hyndman &
/// Billah 2003): on the seasonally adjusted series, simple exponential
/// smoothing (ETS(A,N,N) by one-step squared error, as R's ses) plus a drift of
/// half the least-squares slope, re-seasonalised.
struct StandardThetaForecaster: Forecaster {
    var optimizer = ETSEstimator.Optimizer.nelderMead
    var fixedAlpha: Double?

    func fit(_ data: ModelData) throws(ForecastError) -> any FittedModel {
        let series = data.series
        let y = try series.checkedValues(for: "theta", minimum: 3)
        let (seasonality, note) = ThetaSeasonality.forThetaf(y, period: series.seasonalPeriod)
        let x = seasonality?.adjust(y) ?? y
        var estimator = ETSEstimator()
        estimator.criterion = .mse
        estimator.optimizer = optimizer
        let spec = ETSSpec(error: .additive, trend: .none, season: .none)
        guard let ses = try estimator.estimate(spec, y: x, m: 1, fixed: ETSFixedParameters(alpha: fixedAlpha)) else {
            throw ForecastError(
                "theta: \(series.describedName) has \(y.count) observations, too few for simple exponential smoothing")
        }
        return StandardThetaFit(
            series: series, seasonality: seasonality, alpha: ses.smoothing.alpha,
            initialLevel: ses.level, drift: Self.halfSlope(x), estimated: ses.estimatedCount,
            notes: note.map { [$0] } ?? [])
    }

    func restore(_ data: ModelData, state: JSONValue) throws(ForecastError) -> any FittedModel {
        let saved = try state.decode(StandardThetaSavedState.self, what: "theta")
        let series = data.series
        let y = try series.checkedValues(for: "theta", minimum: 3)
        var seasonality: ThetaSeasonality?
        if saved.seasonal {
            guard let s = ThetaSeasonality.decomposition(y, period: series.seasonalPeriod, kind: .multiplicative) else {
                throw ForecastError(
                    "theta: the saved model is seasonal but \(series.describedName) cannot be decomposed")
            }
            seasonality = ThetaSeasonality(kind: .multiplicative, indices: s, period: series.seasonalPeriod)
        }
        return StandardThetaFit(
            series: series, seasonality: seasonality, alpha: saved.alpha, initialLevel: saved.level,
            drift: saved.drift, estimated: saved.estimated, notes: saved.notes)
    }

    /// Half the least-squares slope of x on 0…n−1 (R: lsfit(0:(n-1), x)$coefficients[2] / 2).
    static func halfSlope(_ x: [Double]) -> Double {
        let n = Double(x.count)
        let tMean = (n - 1) / 2
        let xMean = x.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0
        for (t, v) in x.enumerated() {
            let dt = Double(t) - tMean
            sxy += dt * (v - xMean)
            sxx += dt * dt
        }
        return sxy / sxx / 2
    }
}

struct StandardThetaSavedState: Codable {
    var alpha: Double
    var level: Double
    var drift: Double
    var estimated: Int
    var seasonal: Bool
    var notes: [String]
}
