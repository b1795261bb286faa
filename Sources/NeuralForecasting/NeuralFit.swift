import AlmanacCore
import Forecasting
import Foundation
import TimeSeries

/// One series seen through a global network (N-BEATS or LSTM): forecasts are the
/// network's quantiles for the series' last window (the median is the point
/// forecast), intervals read off the quantile grid, and sample paths drawn
/// through the copula. Fitted values are one-step medians, computed when asked.
struct NeuralFit: FittedModel {
    let global: GlobalNetwork
    let series: Series
    /// The series' covariates (history and known future), when the network reads some.
    var covariates: RegressionCovariates? = nil
    /// The series' levels of the attributes the network embeds (absent: the unknown level).
    var attributes: [String: String] = [:]

    private var levels: [Int] { global.categories.indices(attributes) }

    /// The calendar columns over the history and `ahead` steps after it (none unless the networks read them).
    private func calendarColumns(ahead: Int) -> [[Double]] {
        guard global.calendar else { return [] }
        return CalendarFeatures.columns(for: series, count: series.count + ahead) ?? []
    }

    /// Each covariate over the history, then `future` (steps × covariates) after it.
    private func covariateColumns(future: [[Double]] = []) -> [[Double]] {
        guard let covariates else { return [] }
        guard !future.isEmpty else { return covariates.columns }
        return covariates.history.indices.map { j in covariates.history[j] + future.map { $0[j] } }
    }

    private func futureCovariates(horizon: Int, given: [String: [Double]]) throws(ForecastError) -> [[Double]] {
        guard let covariates else { return [] }
        return try covariates.future(horizon: horizon, given: given, model: modelName)
    }

    var modelName: String { global.modelName }
    var method: String { global.label }

    var fitted: [Double] {
        let n = series.count, m = global.minimumInputs
        guard n > m else { return [Double](repeating: .nan, count: n) }
        let ends = Array(m..<n)
        let q = global.quantiles(
            series.values, ends: ends, covariates: covariateColumns(), levels: levels,
            calendar: calendarColumns(ahead: global.horizon))
        let levels = global.quantiles.count, h = global.horizon
        let median = medianIndex
        var out = [Double](repeating: .nan, count: n)
        for (r, end) in ends.enumerated() { out[end] = q[r * h * levels + median] }
        return out
    }

    var residuals: [Double] { zip(series.values, fitted).map { $0 - $1 } }

    var notes: [String] {
        var out = ["a global model trained on \(global.training.seriesCount) series; the point forecast is the median"]
        if !global.training.stoppedEarly {
            out.append("training reached its step limit without early stopping; more steps may help")
        }
        return out
    }

    var parameters: [NamedValue] {
        let t = global.training
        var out = [
            NamedValue("lookback", Double(global.networks[0].lookback)), NamedValue("horizon", Double(global.horizon)),
            NamedValue("members", Double(global.networks.count)), NamedValue("weights", Double(global.parameterCount)),
            NamedValue("steps", Double(t.steps.reduce(0, +))), NamedValue("best_step", Double(t.bestSteps.first ?? 0)),
        ]
        if let v = global.training.validationLoss { out.append(NamedValue("validation_loss", v)) }
        return out
    }

    var statistics: FitStatistics {
        let r = residuals.filter { !$0.isNaN }
        let sigma2 = r.isEmpty ? .nan : r.reduce(0) { $0 + $1 * $1 } / Double(r.count)
        return FitStatistics(sigma2: sigma2, observations: series.count, parameterCount: global.parameterCount)
    }

    var savedState: JSONValue {
        .object(["network": global.saved, "attributes": .object(attributes.mapValues { .string($0) })])
    }

    /// The network on another series. Its levels are the data's where it has
    /// them, this series' otherwise (a longer history of the same SKU keeps its store).
    func reapplied(to data: ModelData) -> (any FittedModel)? {
        let levels = attributes.merging(global.categories.restrict(data.attributes)) { _, given in given }
        guard !global.covariateNames.isEmpty else {
            return NeuralFit(global: global, series: data.series, attributes: levels)
        }
        guard let c = try? RegressionCovariates(names: global.covariateNames, data: data, model: modelName) else {
            return nil
        }
        return NeuralFit(global: global, series: data.series, covariates: c, attributes: levels)
    }

    private var medianIndex: Int {
        global.quantiles.firstIndex { abs($0 - 0.5) < 1e-6 } ?? global.quantiles.count / 2
    }

    private func checkHorizon(_ h: Int) throws(ForecastError) {
        guard h <= global.horizon else {
            throw ForecastError(
                "\(modelName): this model was trained for horizons up to \(global.horizon); h = \(h) needs a model fitted with horizon = \(h) (or more)"
            )
        }
    }

    private func requireIntervals() throws(ForecastError) {
        guard global.grid.levels.count >= 2 else {
            throw ForecastError(
                "\(modelName): this model learnt the median only (intervals = false); refit with intervals = true for intervals and sample paths, or ask for levels = {}"
            )
        }
    }

    /// The last window's quantiles: horizon × levels, ascending in each step.
    private func lastQuantiles(horizon: Int, future: [String: [Double]]) throws(ForecastError) -> [Double] {
        let columns = covariateColumns(future: try futureCovariates(horizon: horizon, given: future))
        return global.quantiles(
            series.values, ends: [series.count], covariates: columns, levels: levels,
            calendar: calendarColumns(ahead: global.horizon))
    }

    func forecast(_ request: ForecastRequest) throws(ForecastError) -> Forecast {
        let request = try request.validated(owner: modelName)
        try checkHorizon(request.horizon)
        let q = try lastQuantiles(horizon: request.horizon, future: request.future)
        let levels = global.quantiles.count
        let steps = 0..<request.horizon
        let mean = steps.map { q[$0 * levels + medianIndex] }
        var lower: [[Double]] = [], upper: [[Double]] = []
        if !request.levels.isEmpty { try requireIntervals() }
        for level in request.levels {
            let tail = (1 - level / 100) / 2
            lower.append(steps.map { global.grid.value(atProbability: tail, q[($0 * levels)..<(($0 + 1) * levels)]) })
            upper.append(
                steps.map { global.grid.value(atProbability: 1 - tail, q[($0 * levels)..<(($0 + 1) * levels)]) })
        }
        return Forecast(method: method, history: series, mean: mean, levels: request.levels, lower: lower, upper: upper)
    }

    func samplePaths(
        horizon: Int, count: Int, future: [String: [Double]],
        generator: inout SeededGenerator
    ) throws(ForecastError) -> SamplePaths {
        try checkHorizon(horizon)
        try requireIntervals()
        let q = try lastQuantiles(horizon: horizon, future: future)
        let levels = global.quantiles.count
        var values = [Double](repeating: 0, count: horizon * count)
        var e = [Double](repeating: 0, count: horizon)
        for path in 0..<count {
            for t in 0..<horizon { e[t] = generator.nextNormal() }
            let z = global.copula.correlate(e, steps: horizon)
            for t in 0..<horizon {
                values[path * horizon + t] = global.grid.value(atScore: z[t], q[(t * levels)..<((t + 1) * levels)])
            }
        }
        return SamplePaths(horizon: horizon, count: count, values: values)
    }
}
