import Foundation

/// Forecast accuracy measures. Each compares `actual` with `forecast`
/// observation by observation; NaN pairs are skipped. Scaled measures divide
/// by the in-sample mean error of the seasonal naive method on `training`
/// (the naive method when the period is 1), as Hyndman & Koehler (2006).
public enum Accuracy {
    /// Every measure for one comparison.
    public struct Report: Sendable, Equatable {
        /// Mean error, mean absolute error, root mean squared error, MAPE and sMAPE (percent).
        public var me, mae, rmse, mape, smape: Double
        /// Scaled by the in-sample seasonal-naive MAE (MASE) or MSE (RMSSE); NaN without training data.
        public var mase, rmsse: Double
        /// The seasonal-naive denominators, stated so results can be checked.
        public var maseScale, rmsseScale: Double
        /// Pairs compared (NaN pairs skipped).
        public var count: Int
    }

    static func pairs(_ actual: [Double], _ forecast: [Double]) -> [(Double, Double)] {
        zip(actual, forecast).filter { !$0.0.isNaN && !$0.1.isNaN }
    }

    /// Mean error (forecast − actual): positive means over-forecasting.
    public static func bias(_ actual: [Double], _ forecast: [Double]) -> Double {
        mean(pairs(actual, forecast).map { $1 - $0 })
    }

    /// Mean absolute error.
    public static func mae(_ actual: [Double], _ forecast: [Double]) -> Double {
        mean(pairs(actual, forecast).map { abs($0 - $1) })
    }

    /// Root mean squared error.
    public static func rmse(_ actual: [Double], _ forecast: [Double]) -> Double {
        mean(pairs(actual, forecast).map { ($0 - $1) * ($0 - $1) }).squareRoot()
    }

    /// Mean absolute percentage error, in percent; undefined (NaN) when an actual is 0.
    public static func mape(_ actual: [Double], _ forecast: [Double]) -> Double {
        let p = pairs(actual, forecast)
        if p.contains(where: { $0.0 == 0 }) { return .nan }
        return mean(p.map { 100 * abs(($0 - $1) / $0) })
    }

    /// Symmetric MAPE as in the M3 competition: mean of 200·|y − f|/(|y| + |f|), in percent.
    public static func smape(_ actual: [Double], _ forecast: [Double]) -> Double {
        mean(
            pairs(actual, forecast).map { a, f in
                let d = abs(a) + abs(f)
                return d == 0 ? 0 : 200 * abs(a - f) / d
            })
    }

    /// In-sample mean absolute (power 1) or squared (power 2) error of the seasonal naive forecast.
    public static func naiveScale(_ training: [Double], period: Int, power: Int) -> Double {
        let m = max(1, period)
        guard training.count > m else { return .nan }
        let errors = (m..<training.count).map { training[$0] - training[$0 - m] }.filter { !$0.isNaN }
        return power == 1 ? mean(errors.map(abs)) : mean(errors.map { $0 * $0 })
    }

    /// Mean absolute scaled error (Hyndman & Koehler 2006).
    public static func mase(_ actual: [Double], _ forecast: [Double], training: [Double], period: Int) -> Double {
        mae(actual, forecast) / naiveScale(training, period: period, power: 1)
    }

    /// Root mean squared scaled error (as M5).
    public static func rmsse(_ actual: [Double], _ forecast: [Double], training: [Double], period: Int) -> Double {
        (mean(pairs(actual, forecast).map { ($0 - $1) * ($0 - $1) }) / naiveScale(training, period: period, power: 2))
            .squareRoot()
    }

    /// Pinball (quantile) loss of a forecast of the `level` quantile (0 < level < 1).
    public static func pinball(_ actual: [Double], _ quantile: [Double], level: Double) -> Double {
        mean(pairs(actual, quantile).map { a, q in a >= q ? level * (a - q) : (1 - level) * (q - a) })
    }

    /// Share of actuals inside [lower, upper].
    public static func coverage(_ actual: [Double], lower: [Double], upper: [Double]) -> Double {
        let n = min(actual.count, lower.count, upper.count)
        let inside = (0..<n).filter { actual[$0] >= lower[$0] && actual[$0] <= upper[$0] }.count
        return n == 0 ? .nan : Double(inside) / Double(n)
    }

    /// Winkler score of a (1 − α) interval: its width, plus 2/α times how far an actual falls outside.
    public static func winkler(_ actual: [Double], lower: [Double], upper: [Double], level: Double) -> Double {
        let alpha = 1 - level
        let n = min(actual.count, lower.count, upper.count)
        return mean(
            (0..<n).map { i in
                let (a, l, u) = (actual[i], lower[i], upper[i])
                var s = u - l
                if a < l { s += 2 / alpha * (l - a) } else if a > u { s += 2 / alpha * (a - u) }
                return s
            })
    }

    /// Every measure at once; the scaled ones are NaN without `training`.
    public static func report(actual: [Double], forecast: [Double], training: [Double] = [], period: Int = 1) -> Report
    {
        let maseScale = training.isEmpty ? Double.nan : naiveScale(training, period: period, power: 1)
        let rmsseScale = training.isEmpty ? Double.nan : naiveScale(training, period: period, power: 2)
        let mse = mean(pairs(actual, forecast).map { ($0 - $1) * ($0 - $1) })
        return Report(
            me: -bias(actual, forecast), mae: mae(actual, forecast), rmse: mse.squareRoot(),
            mape: mape(actual, forecast), smape: smape(actual, forecast),
            mase: mae(actual, forecast) / maseScale, rmsse: (mse / rmsseScale).squareRoot(),
            maseScale: maseScale, rmsseScale: rmsseScale, count: pairs(actual, forecast).count)
    }

    static func mean(_ x: [Double]) -> Double { x.isEmpty ? .nan : x.reduce(0, +) / Double(x.count) }
}
