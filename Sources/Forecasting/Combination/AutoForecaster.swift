import AlmanacCore
import Foundation
import TimeSeries

/// Picks one model per series by a holdout: each candidate is fitted to all
/// but the last `holdout` observations and scored on them (mean absolute
/// error), and the winner is refitted on the whole series. Information
/// criteria cannot rank models of different families (their likelihoods are
/// on different data after differencing, or absent), a holdout can.
struct AutoForecaster: Forecaster {
    let candidates: [EnsembleForecaster.Member]
    /// nil: the seasonal period (at least 4), or 6 without a season, capped at a fifth of the series.
    let holdout: Int?

    /// A candidate written in Lua keeps the choice on the caller's thread.
    var runsOnCallingThread: Bool { candidates.contains { $0.forecaster.runsOnCallingThread } }

    func holdoutLength(_ series: Series) -> Int {
        let m = series.seasonalPeriod
        let wanted = holdout ?? (m > 1 ? max(m, 4) : 6)
        return min(wanted, series.count / 5)
    }

    func fit(_ data: ModelData) throws(ForecastError) -> any FittedModel {
        let series = data.series
        let h = holdoutLength(series)
        var scores: [(name: String, mae: Double)] = [], problems: [String] = []
        if h >= 1 {
            let training = ModelData(series: series.slice(0..<(series.count - h)), covariates: data.covariates)
            let actual = Array(series.values[(series.count - h)...])
            for candidate in candidates {
                do {
                    let fit = try candidate.forecaster.fit(training)
                    let fc = try fit.forecast(
                        ForecastRequest(
                            horizon: h, levels: [],
                            future: Self.future(data.covariates, from: series.count - h, count: h)))
                    let mae = zip(fc.mean.values, actual).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(h)
                    if mae.isFinite {
                        scores.append((candidate.name, mae))
                    } else {
                        problems.append("\(candidate.name): non-finite forecasts")
                    }
                } catch {
                    problems.append("\(candidate.name): \(error.message)")
                }
            }
        }
        // Best holdout score first; candidates that could not be scored keep their given order after.
        scores.sort { $0.mae < $1.mae }
        let ranked = scores.map(\.name) + candidates.map(\.name).filter { name in !scores.contains { $0.name == name } }
        var failures: [String] = []
        for name in ranked {
            guard let candidate = candidates.first(where: { $0.name == name }) else { continue }
            do {
                let fit = try candidate.forecaster.fit(data)
                var notes = [
                    scores.isEmpty
                        ? "no holdout (\(series.count) observations): took the first candidate that fits"
                        : "chosen on a holdout of the last \(h): "
                            + scores.map { "\($0.name) MAE \(formatNumber(($0.mae * 1e4).rounded() / 1e4))" }.joined(
                                separator: ", ")
                ]
                if !problems.isEmpty { notes.append("not scored: " + problems.joined(separator: "; ")) }
                if !failures.isEmpty { notes.append("failed on the whole series: " + failures.joined(separator: "; ")) }
                return AutoFit(chosen: fit, candidate: name, notes: notes)
            } catch {
                failures.append("\(name): \(error.message)")
            }
        }
        throw ForecastError(
            "auto: no candidate fits \(series.describedName) — " + (problems + failures).joined(separator: "; "))
    }

    /// The covariates' values from `start` on, as a forecast's future values.
    static func future(_ covariates: [String: [Double]], from start: Int, count: Int) -> [String: [Double]] {
        covariates.compactMapValues { values in
            values.count >= start + count ? Array(values[start..<(start + count)]) : nil
        }
    }

    func restore(_ data: ModelData, state: JSONValue) throws(ForecastError) -> any FittedModel {
        guard case .string(let name)? = state["model"], let candidate = candidates.first(where: { $0.name == name }),
            let chosenState = state["state"]
        else {
            throw ForecastError(
                "auto: the saved state names no candidate among \(candidates.map(\.name).joined(separator: ", "))")
        }
        let notes = state["notes"]?.strings ?? []
        return AutoFit(
            chosen: try candidate.forecaster.restore(data, state: chosenState), candidate: name, notes: notes)
    }
}

/// The chosen model, reporting itself as `auto`'s choice.
struct AutoFit: FittedModel {
    let chosen: any FittedModel
    let candidate: String
    /// How the choice was made (the chosen model's own notes follow in `notes`).
    let selectionNotes: [String]

    init(chosen: any FittedModel, candidate: String, notes: [String]) {
        self.chosen = chosen
        self.candidate = candidate
        selectionNotes = notes
    }

    var notes: [String] { selectionNotes + chosen.notes }
    var modelName: String { "auto" }
    var method: String { chosen.method }
    var series: Series { chosen.series }
    var fitted: [Double] { chosen.fitted }
    var residuals: [Double] { chosen.residuals }
    var innovations: [Double] { chosen.innovations }
    var parameters: [NamedValue] { chosen.parameters }
    var statistics: FitStatistics { chosen.statistics }
    var savedState: JSONValue {
        .object([
            "model": .string(candidate), "state": chosen.savedState,
            "notes": .array(selectionNotes.map(JSONValue.string)),
        ])
    }
    var savedStateProblem: String? { chosen.savedStateProblem }

    func forecast(_ request: ForecastRequest) throws(ForecastError) -> Forecast { try chosen.forecast(request) }

    func samplePaths(
        horizon: Int, count: Int, future: [String: [Double]],
        generator: inout SeededGenerator
    ) throws(ForecastError) -> SamplePaths {
        try chosen.samplePaths(horizon: horizon, count: count, future: future, generator: &generator)
    }
}
