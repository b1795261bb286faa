import AlmanacCore
import Foundation
import TimeSeries

/// The fitted members of an ensemble and how they are combined.
///
/// Intervals combine the members' bounds the way the means are combined (the
/// mean or the median of each bound, "quantile averaging"): the combination
/// has no likelihood of its own. Sample paths are the members' paths pooled,
/// an equal share from each: a mixture whose spread includes the members'
/// disagreement.
struct EnsembleFit: FittedModel {
    let series: Series
    let members: [any FittedModel]
    let combine: EnsembleForecaster.Combine
    let notes: [String]

    var modelName: String { "ensemble" }
    var method: String { "Ensemble (\(combine.rawValue) of " + members.map(\.method).joined(separator: ", ") + ")" }

    /// Step by step, the mean or median of the finite values.
    func combined(_ columns: [[Double]]) -> [Double] {
        guard let count = columns.first?.count else { return [] }
        return (0..<count).map { t in
            let values = columns.map { $0[t] }.filter(\.isFinite)
            guard !values.isEmpty else { return .nan }
            switch combine {
            case .mean: return values.reduce(0, +) / Double(values.count)
            case .median:
                let sorted = values.sorted()
                let k = sorted.count / 2
                return sorted.count % 2 == 1 ? sorted[k] : (sorted[k - 1] + sorted[k]) / 2
            }
        }
    }

    var fitted: [Double] { combined(members.map(\.fitted)) }
    var residuals: [Double] { zip(series.values, fitted).map { $0 - $1 } }
    /// The members' weights (equal) for a mean; a median has none.
    var parameters: [NamedValue] {
        combine == .mean ? members.map { NamedValue("weight.\($0.modelName)", 1 / Double(members.count)) } : []
    }
    var statistics: FitStatistics {
        let used = residuals.filter(\.isFinite)
        let mse = used.isEmpty ? .nan : used.reduce(0) { $0 + $1 * $1 } / Double(used.count)
        return FitStatistics(sigma2: mse, observations: series.count, parameterCount: 0)
    }
    var savedState: JSONValue {
        .object([
            "members": .array(members.map { .object(["model": .string($0.modelName), "state": $0.savedState]) }),
            "notes": .array(notes.map(JSONValue.string)),
        ])
    }
    var savedStateProblem: String? { members.lazy.compactMap(\.savedStateProblem).first }

    func forecast(_ request: ForecastRequest) throws(ForecastError) -> Forecast {
        let request = try request.validated(owner: "ensemble")
        var forecasts: [Forecast] = []
        for member in members { forecasts.append(try member.forecast(request)) }
        let mean = combined(forecasts.map(\.mean.values))
        var lower: [[Double]] = [], upper: [[Double]] = []
        for k in request.levels.indices {
            lower.append(combined(forecasts.map { $0.lower[k] }))
            upper.append(combined(forecasts.map { $0.upper[k] }))
        }
        return Forecast(method: method, history: series, mean: mean, levels: request.levels, lower: lower, upper: upper)
    }

    func samplePaths(
        horizon: Int, count: Int, future: [String: [Double]],
        generator: inout SeededGenerator
    ) throws(ForecastError) -> SamplePaths {
        var values: [Double] = []
        values.reserveCapacity(horizon * count)
        for (i, member) in members.enumerated() {
            let share = count / members.count + (i < count % members.count ? 1 : 0)
            guard share > 0 else { continue }
            values += try member.samplePaths(horizon: horizon, count: share, future: future, generator: &generator)
                .values
        }
        return SamplePaths(horizon: horizon, count: count, values: values)
    }
}
