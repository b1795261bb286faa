import AlmanacCore
import Foundation
import Optimization
import TimeSeries

/// Exponential smoothing in the ETS state-space framework, estimated and
/// selected as R's forecast::ets does: each candidate model by maximum
/// likelihood, the one with the smallest information criterion kept.
struct ETSForecaster: Forecaster {
    enum InformationCriterion: String, CaseIterable { case aicc, aic, bic }

    let modelName: String
    /// Candidate components ("Z" in the model string expands to several).
    var errors: [ETSSpec.Component]
    var trends: [ETSSpec.Component]
    var seasons: [ETSSpec.Component]
    /// nil: try both (when there is a trend).
    var damped: Bool?
    var fixed = ETSFixedParameters()
    var criterion = InformationCriterion.aicc
    var additiveOnly = false
    var restrict = true
    var estimator = ETSEstimator()
    /// What R's wrapper calls it (ses, holt, hw set this).
    var displayName: String?
    /// hw needs m + 3 observations at least.
    var minimumSeasonalExtra: Int?

    /// Fits every admissible candidate and keeps the best by the criterion.
    func fit(_ data: ModelData) throws(ForecastError) -> any FittedModel {
        let series = data.series
        let y = try series.checkedValues(for: modelName, minimum: 1)
        var notes: [String] = []
        var m = series.seasonalPeriod
        if let extra = minimumSeasonalExtra {
            guard m > 1 else {
                throw ForecastError(
                    "\(modelName): \(series.describedName) is not seasonal (period \(m)); give it a seasonal period")
            }
            guard y.count >= m + extra else {
                throw ForecastError(
                    "\(modelName): \(series.describedName) has \(y.count) observations; at least \(m + extra) (m + \(extra)) are needed to estimate the season"
                )
            }
        }
        var seasons = self.seasons
        let userSeason = seasons.count == 1 ? seasons[0] : nil

        if y.allSatisfy({ $0 == y[0] }) && errors.count > 1 {
            // A constant series: R fits SES with α ≈ 1 and the first value as level.
            notes.append("the series is constant: fitted simple exponential smoothing with alpha = 0.99999")
            return try constantFit(series, notes: notes)
        }
        if m <= 1 || y.count <= m {
            if let s = userSeason, s != .none, m <= 1 {
                throw ForecastError(
                    "\(modelName): \(series.describedName) is not seasonal (period \(m)); a seasonal model needs a period, e.g. a monthly series"
                )
            }
            if seasons.contains(where: { $0 != .none }) && m > 1 {
                notes.append("the series is shorter than one seasonal cycle: no seasonal component")
            }
            seasons = [.none]
            m = 1
        }
        if m > 24 {
            if let s = userSeason, s != .none {
                throw ForecastError(
                    "\(modelName): the seasonal period \(m) is too long for ETS (at most 24); use stl-based or Fourier-term models"
                )
            }
            if seasons.count > 1 { notes.append("seasonal period \(m) > 24: seasonality ignored") }
            seasons = [.none]
        }
        let positive = y.allSatisfy { $0 > 0 }
        var candidates: [ETSSpec] = []
        for e in errors {
            for t in trends {
                for s in seasons {
                    for d in damped.map({ [$0] }) ?? [true, false] {
                        if t == .none && d { continue }
                        let spec = ETSSpec(error: e, trend: t, season: s, damped: d)
                        if restrict && spec.isRestricted { continue }
                        if additiveOnly && (e == .multiplicative || t == .multiplicative || s == .multiplicative) {
                            continue
                        }
                        if !positive && (e == .multiplicative || s == .multiplicative) { continue }
                        candidates.append(spec)
                    }
                }
            }
        }
        if candidates.isEmpty {
            if errors.count == 1, trends.count == 1, seasons.count == 1 {
                let spec = ETSSpec(error: errors[0], trend: trends[0], season: seasons[0], damped: damped ?? false)
                if restrict && spec.isRestricted {
                    throw ForecastError(
                        "\(modelName): \(spec) is a forbidden combination (numerically unstable); set restrict = false to fit it anyway"
                    )
                }
                if !positive { try series.requirePositive(for: modelName, reason: "\(spec) needs positive data") }
            }
            throw ForecastError("\(modelName): no candidate model suits \(series.describedName)")
        }
        if let d = damped, d, trends.allSatisfy({ $0 == .none }) {
            throw ForecastError("\(modelName): damped = true needs a trend (model with A or M as the second letter)")
        }
        var best: ETSEstimate?
        var bestScore = Double.infinity
        var failures: [String] = []
        var evaluations = 0
        for spec in candidates {
            do {
                guard let estimate = try estimator.estimate(spec, y: y, m: m, fixed: fixed) else { continue }
                evaluations += estimate.evaluations
                let score: Double
                switch criterion {
                case .aicc: score = estimate.aicc
                case .aic: score = estimate.aic
                case .bic: score = estimate.bic
                }
                if !score.isNaN && score < bestScore {
                    best = estimate
                    bestScore = score
                }
            } catch {
                failures.append("\(spec): \(error.message)")
            }
        }
        guard let chosen = best else {
            if candidates.count == 1, let reason = failures.first { throw ForecastError(reason) }
            if y.count <= 3 + (candidates.first.map { $0.hasTrend ? 2 : 0 } ?? 0) {
                throw ForecastError(
                    "\(modelName): \(series.describedName) has \(y.count) observations, too few to estimate any ETS model"
                )
            }
            throw ForecastError(
                "\(modelName): no model could be fitted to \(series.describedName)"
                    + (failures.isEmpty ? "" : " (" + failures.joined(separator: "; ") + ")"))
        }
        var fit = makeFit(series: series, estimate: chosen, notes: notes)
        fit.totalEvaluations = evaluations
        return fit
    }

    func makeFit(series: Series, estimate: ETSEstimate, notes: [String]) -> ETSFit {
        let e = estimate.pass.innovations
        let sse = e.reduce(0) { $0 + $1 * $1 }
        let denominator = Double(series.count - estimate.estimatedCount)
        let sigma2 = denominator > 0 ? sse / denominator : .nan
        var label = displayName
        if let name = label, estimate.spec.damped { label = "Damped " + name }
        return ETSFit(
            modelName: modelName, series: series, estimate: estimate, sigma2: sigma2, fixed: fixed,
            notes: notes, displayName: label)
    }

    private func constantFit(_ series: Series, notes: [String]) throws(ForecastError) -> any FittedModel {
        let y = series.values
        let spec = ETSSpec(error: .additive, trend: .none, season: .none)
        let smoothing = ETSKernel.Smoothing(alpha: 0.99999, beta: 0, gamma: 0, phi: 1)
        let pass = ETSKernel.fullPass(spec, y: y, m: 1, smoothing: smoothing, level: y[0], slope: 0, seasonal: [])
        let estimate = ETSEstimate(
            spec: spec, m: 1, smoothing: smoothing, level: y[0], slope: 0, seasonal: [],
            pass: pass, estimatedCount: 1, objective: pass.objective,
            aic: .nan, aicc: .nan, bic: .nan, evaluations: 0)
        return makeFit(series: series, estimate: estimate, notes: notes)
    }

    func restore(_ data: ModelData, state: JSONValue) throws(ForecastError) -> any FittedModel {
        let saved = try state.decode(ETSSavedState.self, what: modelName)
        guard let spec = ETSSpec(code: saved.model) else {
            throw ForecastError("\(modelName): unknown saved model '\(saved.model)'")
        }
        try saved.check(against: spec, owner: modelName)
        let y = try data.series.checkedValues(for: modelName, minimum: 1)
        let smoothing = ETSKernel.Smoothing(alpha: saved.alpha, beta: saved.beta, gamma: saved.gamma, phi: saved.phi)
        let pass = ETSKernel.fullPass(
            spec, y: y, m: saved.m, smoothing: smoothing, level: saved.level,
            slope: saved.slope, seasonal: saved.seasonal)
        let k = saved.estimated + 1
        let n = Double(y.count)
        let aic = pass.objective + 2 * Double(k)
        let estimate = ETSEstimate(
            spec: spec, m: saved.m, smoothing: smoothing, level: saved.level, slope: saved.slope,
            seasonal: saved.seasonal, pass: pass, estimatedCount: saved.estimated,
            objective: pass.objective, aic: aic,
            aicc: aic + 2 * Double(k * (k + 1)) / (n - Double(k) - 1),
            bic: pass.objective + log(n) * Double(k), evaluations: 0)
        return makeFit(series: data.series, estimate: estimate, notes: saved.notes)
    }
}
