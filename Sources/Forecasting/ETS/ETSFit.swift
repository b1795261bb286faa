import AlmanacCore
import Foundation
import TimeSeries

/// A fitted ETS model.
struct ETSFit: FittedModel {
    let modelName: String
    let series: Series
    let estimate: ETSEstimate
    /// Residual variance as R's ets reports it: Σe²/(n − number of estimated parameters).
    let sigma2: Double
    let fixed: ETSFixedParameters
    let notes: [String]
    /// The textbook name when fitted through ses/holt/holt_winters.
    var displayName: String?
    /// Evaluations over every candidate model estimated.
    var totalEvaluations: Int = 0

    var spec: ETSSpec { estimate.spec }
    var method: String { displayName.map { "\($0) \(spec)" } ?? spec.description }
    var fitted: [Double] { estimate.pass.fitted }
    var residuals: [Double] { zip(series.values, estimate.pass.fitted).map { $0 - $1 } }
    var innovations: [Double] { estimate.pass.innovations }

    var parameters: [NamedValue] {
        var out = [NamedValue("alpha", estimate.smoothing.alpha)]
        if spec.hasTrend { out.append(NamedValue("beta", estimate.smoothing.beta)) }
        if spec.hasSeason { out.append(NamedValue("gamma", estimate.smoothing.gamma)) }
        if spec.damped { out.append(NamedValue("phi", estimate.smoothing.phi)) }
        out.append(NamedValue("l", estimate.level))
        if spec.hasTrend { out.append(NamedValue("b", estimate.slope)) }
        for (i, s) in estimate.seasonal.dropLast().enumerated() { out.append(NamedValue("s\(i)", s)) }
        return out
    }

    var statistics: FitStatistics {
        FitStatistics(
            logLikelihood: -0.5 * estimate.objective, aic: estimate.aic, aicc: estimate.aicc,
            bic: estimate.bic, sigma2: sigma2, observations: series.count,
            parameterCount: estimate.estimatedCount + 1, evaluations: totalEvaluations)
    }

    /// The state after the last observation.
    var finalState: ETSState {
        ETSState(
            spec: spec, smoothing: estimate.smoothing, level: estimate.pass.finalLevel,
            slope: estimate.pass.finalSlope, seasonal: estimate.pass.finalSeasonal)
    }

    var savedState: JSONValue {
        let saved = ETSSavedState(
            model: spec.code, m: estimate.m, alpha: estimate.smoothing.alpha,
            beta: estimate.smoothing.beta, gamma: estimate.smoothing.gamma,
            phi: estimate.smoothing.phi, level: estimate.level, slope: estimate.slope,
            seasonal: estimate.seasonal, estimated: estimate.estimatedCount, notes: notes)
        return (try? JSONValue(encoding: saved)) ?? .null
    }

    func forecast(_ request: ForecastRequest) throws(ForecastError) -> Forecast {
        let request = try request.validated(owner: modelName)
        let h = request.horizon
        let state = finalState
        var mean = state.pointForecasts(h)
        if mean.contains(where: { $0.isNaN }) {
            throw ForecastError("\(modelName): \(method) cannot forecast: its multiplicative trend has turned negative")
        }
        if request.levels.isEmpty {
            if spec.error == .multiplicative && spec.season == .multiplicative && spec.trend != .multiplicative {
                mean = ETSVariance.class3(state, sigma2: sigma2, horizon: h, variances: false).mean
            }
            return Forecast(method: method, history: series, mean: mean)
        }
        if ETSVariance.hasClosedForm(spec) {
            let moments = ETSVariance.moments(state, sigma2: sigma2, horizon: h)
            mean = moments.mean
            return .gaussian(
                method: method, history: series, mean: mean,
                sd: moments.variance.map { max($0, 0).squareRoot() }, levels: request.levels)
        }
        // No closed form.
        return try forecastWithSimulatedIntervals(mean: mean, levels: request.levels)
    }

    func samplePaths(
        horizon: Int, count: Int, future: [String: [Double]],
        generator: inout SeededGenerator
    ) throws(ForecastError) -> SamplePaths {
        let start = finalState
        let sigma = sigma2.squareRoot()
        var values = [Double]()
        values.reserveCapacity(horizon * count)
        for _ in 0..<count {
            var state = start
            for _ in 0..<horizon {
                let f = state.next
                let e = sigma * generator.nextNormal()
                let y = spec.error == .additive ? f + e : f * (1 + e)
                values.append(y)
                state.update(with: y)
            }
        }
        return SamplePaths(horizon: horizon, count: count, values: values)
    }
}

/// What an ETS fit saves: the model and every estimate, enough to replay the
/// filter exactly.
struct ETSSavedState: Codable {
    var model: String
    var m: Int
    var alpha: Double, beta: Double, gamma: Double, phi: Double
    var level: Double, slope: Double
    var seasonal: [Double]
    var estimated: Int
    var notes: [String]

    /// A saved file is untrusted input: the kernel indexes the seasonal ring by
    /// m and trusts its length, so both are checked against the model's form.
    func check(against spec: ETSSpec, owner: String) throws(ForecastError) {
        func bad(_ what: String) -> ForecastError { ForecastError("\(owner): the saved model is damaged: \(what)") }
        guard m >= 1, m <= Series.maximumSeasonalPeriod else {
            throw bad("its period m = \(m) is not between 1 and \(Series.maximumSeasonalPeriod)")
        }
        if spec.hasSeason {
            guard m >= 2 else { throw bad("a seasonal model needs a period m of at least 2, got \(m)") }
            guard seasonal.count == m else {
                throw bad("it holds \(seasonal.count) seasonal states for a period of \(m)")
            }
        } else if !seasonal.isEmpty {
            throw bad("a model without a season holds \(seasonal.count) seasonal states")
        }
        guard (0...16).contains(estimated) else {
            throw bad("its count of estimated parameters, \(estimated), is not between 0 and 16")
        }
        for (name, x) in [
            ("alpha", alpha), ("beta", beta), ("gamma", gamma), ("phi", phi), ("level", level), ("slope", slope),
        ] where !x.isFinite {
            throw bad("\(name) is \(x)")
        }
        guard seasonal.allSatisfy(\.isFinite) else { throw bad("a seasonal state is not a finite number") }
    }
}
