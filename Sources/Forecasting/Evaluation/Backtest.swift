import AlmanacCore
import TimeSeries

/// Rolling-origin evaluation: forecast from several origins near the end of
/// a series and score each forecast against what happened.
public enum Backtest {
    /// How a backtest is laid out: horizon, number of origins, their spacing, levels.
    public struct Options: Sendable {
        /// Steps ahead forecast from each origin.
        public var horizon: Int
        /// How many origins.
        public var windows: Int
        /// Observations between consecutive origins.
        public var step: Int
        /// Interval levels scored for coverage (percent).
        public var levels: [Double]

        /// `windows` origins `step` apart (default: `horizon`, so windows do not overlap), each forecasting `horizon` steps.
        public init(horizon: Int, windows: Int = 1, step: Int? = nil, levels: [Double] = [80, 95]) {
            self.horizon = horizon
            self.windows = windows
            self.step = step ?? horizon
            self.levels = levels
        }
    }

    /// One origin's forecast and the actual values.
    public struct Window: Sendable {
        /// Observations used for fitting (the origin).
        public var trainingCount: Int
        /// The forecast made from the origin.
        public var forecast: Forecast
        /// What happened over the forecast's horizon.
        public var actual: [Double]

        /// A window from its origin, forecast and actuals.
        public init(trainingCount: Int, forecast: Forecast, actual: [Double]) {
            self.trainingCount = trainingCount
            self.forecast = forecast
            self.actual = actual
        }
    }

    /// Scores over all windows of one series.
    public struct Summary: Sendable {
        /// Every origin's forecast and actuals, earliest first.
        public var windows: [Window]
        /// Accuracy pooled over every window and step (MASE/RMSSE scaled by each window's training data).
        public var metrics: Accuracy.Report
        /// Mean absolute error by step ahead (index 0: one step).
        public var maeByHorizon: [Double]
        /// Share of actuals inside the interval, per level.
        public var coverage: [Double: Double]
    }

    /// The origins for a series of n observations: the last window ends at n.
    public static func origins(count n: Int, options: Options) throws(ForecastError) -> [Int] {
        guard options.horizon >= 1 else { throw ForecastError("backtest: h must be at least 1") }
        guard options.windows >= 1 else { throw ForecastError("backtest: windows must be at least 1") }
        guard options.step >= 1 else { throw ForecastError("backtest: step must be at least 1") }
        // Checked arithmetic: h, windows and step come from scripts unbounded; a
        // span past Int's range is simply too long for any series.
        let (spacing, o1) = (options.windows - 1).multipliedReportingOverflow(by: options.step)
        let (span, o2) = options.horizon.addingReportingOverflow(spacing)
        let first = o1 || o2 ? Int.min : n - span
        guard first >= 2 else {
            if o1 || o2 {
                throw ForecastError(
                    "backtest: \(options.windows) windows of h = \(options.horizon) every \(options.step) span more observations than any series holds; use fewer windows or a shorter h"
                )
            }
            throw ForecastError(
                "backtest: \(n) observations are too few for \(options.windows) window\(options.windows == 1 ? "" : "s") of h = \(options.horizon) every \(options.step) (the first origin would be at observation \(first)); use fewer windows or a shorter h"
            )
        }
        return (0..<options.windows).map { first + $0 * options.step }
    }

    /// Runs `forecastFrom(training, windowIndex)` at each origin and scores the results.
    public static func run(
        _ series: Series, options: Options,
        forecastFrom: (Series, Int) throws -> Forecast
    ) throws -> Summary {
        let origins = try origins(count: series.count, options: options)
        var windows: [Window] = []
        for (w, origin) in origins.enumerated() {
            let training = series.slice(0..<origin)
            var fc = try forecastFrom(training, w)
            if fc.horizon != options.horizon {
                throw ForecastError(
                    "backtest: the model returned \(fc.horizon) steps, \(options.horizon) were asked for")
            }
            fc.history = training
            windows.append(
                Window(
                    trainingCount: origin, forecast: fc,
                    actual: Array(series.values[origin..<(origin + options.horizon)])))
        }
        return summarize(windows, period: series.seasonalPeriod, series: series, options: options)
    }

    /// Scores windows already forecast (by `run`, or by a caller that forecast them together).
    public static func summarize(_ windows: [Window], period: Int, series: Series, options: Options) -> Summary {
        var actual: [Double] = [], predicted: [Double] = []
        var absErrorsByStep = [Double](repeating: 0, count: options.horizon)
        var countsByStep = [Int](repeating: 0, count: options.horizon)
        var scaledAbs = 0.0, scaledSquares = 0.0, scaledCount = 0
        var covered: [Double: (inside: Int, total: Int)] = [:]
        for w in windows {
            let training = Array(series.values[0..<w.trainingCount])
            let mScale = Accuracy.naiveScale(training, period: period, power: 1)
            let rScale = Accuracy.naiveScale(training, period: period, power: 2)
            for (h, (a, f)) in zip(w.actual, w.forecast.mean.values).enumerated() where !a.isNaN && !f.isNaN {
                actual.append(a)
                predicted.append(f)
                absErrorsByStep[h] += abs(a - f)
                countsByStep[h] += 1
                if mScale > 0 && rScale > 0 {
                    scaledAbs += abs(a - f) / mScale
                    scaledSquares += (a - f) * (a - f) / rScale
                    scaledCount += 1
                }
            }
            for level in options.levels {
                guard let b = w.forecast.bounds(at: level) else { continue }
                var entry = covered[level] ?? (0, 0)
                for (h, a) in w.actual.enumerated() where !a.isNaN {
                    entry.total += 1
                    if a >= b.lower[h] && a <= b.upper[h] { entry.inside += 1 }
                }
                covered[level] = entry
            }
        }
        var report = Accuracy.report(actual: actual, forecast: predicted)
        report.mase = scaledCount > 0 ? scaledAbs / Double(scaledCount) : .nan
        report.rmsse = scaledCount > 0 ? (scaledSquares / Double(scaledCount)).squareRoot() : .nan
        let byStep = zip(absErrorsByStep, countsByStep).map { $1 > 0 ? $0 / Double($1) : .nan }
        return Summary(
            windows: windows, metrics: report, maeByHorizon: byStep,
            coverage: covered.mapValues { $0.total > 0 ? Double($0.inside) / Double($0.total) : .nan })
    }
}
