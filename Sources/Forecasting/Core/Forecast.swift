import AlmanacCore
import TimeSeries

/// A point forecast with prediction intervals at one or more levels.
public struct Forecast: Sendable, Equatable {
    /// The fitted model's label ("ETS(M,A,M)").
    public var method: String
    /// The data the model was fitted to (for charts and scaled metrics).
    public var history: Series
    /// Point forecasts on the future calendar, continuing the history's.
    public var mean: Series
    /// Interval levels in percent, ascending (80, 95).
    public var levels: [Double]
    /// lower[k][h]: the lower bound at levels[k] for step h+1.
    public var lower: [[Double]]
    /// upper[k][h]: the upper bound at levels[k] for step h+1.
    public var upper: [[Double]]

    /// A forecast of `mean` continuing `history`'s calendar, with bounds per level.
    public init(
        method: String, history: Series, mean: [Double], levels: [Double] = [],
        lower: [[Double]] = [], upper: [[Double]] = []
    ) {
        self.method = method
        self.history = history
        var future = history.with(values: mean)
        future.index = history.index.advanced(by: history.count)
        self.mean = future
        self.levels = levels
        self.lower = lower
        self.upper = upper
    }

    /// Steps forecast.
    public var horizon: Int { mean.count }

    /// The bounds at `level` (percent); nil when that level was not computed.
    public func bounds(at level: Double) -> (lower: [Double], upper: [Double])? {
        guard let k = levels.firstIndex(where: { abs($0 - level) < 1e-9 }) else { return nil }
        return (lower[k], upper[k])
    }

    /// Intervals mean ± z·sd for each level, from the h-step standard deviations.
    public static func gaussian(method: String, history: Series, mean: [Double], sd: [Double], levels: [Double])
        -> Forecast
    {
        var lower: [[Double]] = [], upper: [[Double]] = []
        for level in levels {
            let z = SpecialFunctions.normalQuantile(0.5 + level / 200)
            lower.append(zip(mean, sd).map { $0 - z * $1 })
            upper.append(zip(mean, sd).map { $0 + z * $1 })
        }
        return Forecast(method: method, history: history, mean: mean, levels: levels, lower: lower, upper: upper)
    }

    /// Every value passed through `f` (monotone increasing, so bounds stay ordered).
    public func mapped(_ f: (Double) -> Double) -> Forecast {
        var out = self
        out.mean = mean.with(values: mean.values.map(f))
        out.lower = lower.map { $0.map(f) }
        out.upper = upper.map { $0.map(f) }
        return out
    }
}

/// What a forecast is asked for.
public struct ForecastRequest: Sendable {
    /// Steps ahead, 1 to `maximumHorizon`.
    public var horizon: Int
    /// Interval levels in percent, each in (0, 100).
    public var levels: [Double]
    /// Future values of covariates, by name, one per step (models with regressors).
    public var future: [String: [Double]]

    /// The longest horizon a forecast may ask for: 100,000 steps (274 years of
    /// daily data). Sizes computed from the horizon (paths × horizon, horizon ×
    /// levels) then stay far from Int's range, and a mistyped h fails at once
    /// instead of allocating without end.
    public static let maximumHorizon = 100_000

    /// A request for `horizon` steps with intervals at `levels`; check it with `validated(owner:)`.
    public init(horizon: Int, levels: [Double] = [80, 95], future: [String: [Double]] = [:]) {
        self.horizon = horizon
        self.levels = levels
        self.future = future
    }

    /// Checks horizon and levels; `owner` names the model in messages.
    public func validated(owner: String) throws(ForecastError) -> ForecastRequest {
        guard horizon >= 1 else { throw ForecastError("\(owner): the horizon h must be at least 1, got \(horizon)") }
        guard horizon <= Self.maximumHorizon else {
            throw ForecastError("\(owner): the horizon h must be at most \(Self.maximumHorizon), got \(horizon)")
        }
        guard horizon <= 100_000 else {
            throw ForecastError("\(owner): the horizon h = \(horizon) is too long (at most 100000)")
        }
        for level in levels where !(level > 0 && level < 100) {
            throw ForecastError(
                "\(owner): interval levels are percentages between 0 and 100, got \(formatNumber(level))")
        }
        var out = self
        out.levels = Array(Set(levels)).sorted()
        return out
    }
}

/// Simulated future paths: `count` paths of `horizon` steps each, stored path by path.
public struct SamplePaths: Sendable, Equatable {
    /// Steps in each path.
    public let horizon: Int
    /// Number of paths.
    public let count: Int
    /// All values, path after path (path i is values[i·horizon ..< (i+1)·horizon]).
    public var values: [Double]

    /// Paths from their values, path after path; `values` must hold `horizon × count`.
    public init(horizon: Int, count: Int, values: [Double]) {
        precondition(values.count == horizon * count, "SamplePaths: \(values.count) values for \(count)×\(horizon)")
        self.horizon = horizon
        self.count = count
        self.values = values
    }

    /// Path i (0-based), step by step.
    public func path(_ i: Int) -> ArraySlice<Double> { values[(i * horizon)..<((i + 1) * horizon)] }

    /// Values at step h (0-based) across all paths.
    public func step(_ h: Int) -> [Double] { (0..<count).map { values[$0 * horizon + h] } }
}
