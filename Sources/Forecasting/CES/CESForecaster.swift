import AlmanacCore
import Foundation
import TimeSeries

/// Complex exponential smoothing as statsforecast's AutoCES: each candidate
/// seasonal form fitted by its likelihood (n·log Σe² after backfitting), and the
/// one with the smallest information criterion kept. Seasonal forms are tried
/// only for a period m > 1 with at least 2m observations.
struct CESForecaster: Forecaster {
    /// nil: choose among all the forms that suit the series.
    var form: CESKernel.Season?
    var criterion = ETSForecaster.InformationCriterion.aicc
    var estimator = CESEstimator()

    func fit(_ data: ModelData) throws(ForecastError) -> any FittedModel {
        let series = data.series
        let y = try series.checkedValues(for: "ces", minimum: 1)
        let m = series.seasonalPeriod
        let seasonalOK = m > 1 && y.count >= 2 * m
        if let f = form, f != .none, !seasonalOK {
            throw ForecastError(
                m <= 1
                    ? "ces: form \"\(f.rawValue)\" is seasonal but \(series.describedName) has no seasonal period; give it one (e.g. frequency \"month\") or use form \"N\""
                    : "ces: form \"\(f.rawValue)\" needs at least two seasonal cycles (\(2 * m) observations); \(series.describedName) has \(y.count)"
            )
        }
        let candidates: [CESKernel.Season] = form.map { [$0] } ?? (seasonalOK ? CESKernel.Season.allCases : [.none])
        // statsforecast refuses n ≤ number of smoothing parameters (4 when choosing).
        let needed = form.map { $0 == .partial ? 3 : ($0 == .full ? 4 : 2) } ?? (seasonalOK ? 4 : 2)
        guard y.count > needed else {
            throw ForecastError(
                "ces: \(series.describedName) has \(y.count) observation\(y.count == 1 ? "" : "s"); at least \(needed + 1) are needed"
            )
        }
        if y.allSatisfy({ $0 == y[0] }) {
            throw ForecastError(
                "ces: \(series.describedName) is constant, so its likelihood is degenerate; use naive or mean (statsforecast's AutoCES falls back to naive)"
            )
        }
        // The partial and full forms start from the same decomposition.
        let additiveSeasonal =
            candidates.contains(where: { $0 == .partial || $0 == .full })
            ? CESEstimator.additiveSeasonal(y, period: m) : nil
        var best: CESEstimator.Estimate?
        var bestScore = Double.infinity
        var notes: [String] = []
        for season in candidates {
            guard let estimate = estimator.estimate(y, season: season, period: m, additiveSeasonal: additiveSeasonal)
            else { continue }
            let score = self.score(estimate, series)
            if candidates.count > 1 {
                notes.append(
                    "CES(\(season.rawValue)): \(criterion.rawValue) \(score.map { String(format: "%.2f", $0) } ?? "nan")"
                )
            }
            if let score, !score.isNaN, score < bestScore {
                best = estimate
                bestScore = score
            }
        }
        guard let chosen = best else {
            throw ForecastError("ces: no CES model could be fitted to \(series.describedName)")
        }
        return CESFit(
            series: series, season: chosen.season, lag: chosen.lag, estimates: chosen.parameters, notes: notes,
            initialStates: chosen.initialStates)
    }

    /// The form's information criterion. The search's best value is the fitted model's n·log Σe²
    /// bit for bit, so only the winner needs its fitted model built; a value the search clamped
    /// or found non-finite is recomputed by the fitted model, which keeps it as it is.
    private func score(_ estimate: CESEstimator.Estimate, _ series: Series) -> Double? {
        let objective =
            estimate.objective.isFinite && estimate.objective > CESEstimator.objectiveFloor
            ? estimate.objective
            : CESFit(
                series: series, season: estimate.season, lag: estimate.lag, estimates: estimate.parameters, notes: [],
                initialStates: estimate.initialStates
            ).objective
        let stats = CESFit.statistics(
            objective: objective, season: estimate.season, observations: series.count, sigma2: .nan)
        switch criterion {
        case .aicc: return stats.aicc
        case .aic: return stats.aic
        case .bic: return stats.bic
        }
    }

    func restore(_ data: ModelData, state: JSONValue) throws(ForecastError) -> any FittedModel {
        let saved = try state.decode(CESSavedState.self, what: "ces")
        _ = try data.series.checkedValues(for: "ces", minimum: 2)
        // A saved file is untrusted: the filter's ring buffers are sized by the lag.
        guard saved.lag >= 1, saved.lag <= Series.maximumSeasonalPeriod, saved.season == .none || saved.lag >= 2 else {
            throw ForecastError(
                "ces: the saved model is damaged: lag \(saved.lag) does not fit a CES(\(saved.season.rawValue)) model")
        }
        guard saved.season == .none || data.series.count >= 2 * saved.lag else {
            throw ForecastError(
                "ces: the saved CES(\(saved.season.rawValue)) model needs \(2 * saved.lag) observations")
        }
        return CESFit(
            series: data.series, season: saved.season, lag: saved.lag, estimates: saved.parameters, notes: saved.notes)
    }
}

struct CESSavedState: Codable {
    var season: CESKernel.Season
    var lag: Int
    var parameters: CESKernel.Parameters
    var notes: [String]
}
