import AlmanacCore
import Foundation
import TimeSeries

/// A fitted STM, OTM, DSTM or DOTM model.
struct ThetaFit: FittedModel {
    let modelName: String
    let series: Series
    let model: ThetaKernel.ModelType
    let estimates: ThetaKernel.Parameters
    let estimatedCount: Int
    let seasonality: ThetaSeasonality?
    let pass: ThetaKernel.Pass
    let notes: [String]

    var method: String {
        let name: String
        switch model {
        case .stm: name = "Standard Theta Model (STM)"
        case .otm: name = "Optimised Theta Model (OTM)"
        case .dstm: name = "Dynamic Standard Theta Model (DSTM)"
        case .dotm: name = "Dynamic Optimised Theta Model (DOTM)"
        }
        guard let s = seasonality else { return name }
        return name + ", \(s.kind.rawValue) seasonal adjustment (period \(s.period))"
    }

    var fitted: [Double] {
        guard let s = seasonality else { return pass.fitted }
        return pass.fitted.indices.map { s.apply(pass.fitted[$0], at: $0) }
    }
    var residuals: [Double] { zip(series.values, fitted).map { $0 - $1 } }
    var innovations: [Double] { pass.residuals }

    var parameters: [NamedValue] {
        [
            NamedValue("l0", estimates.initialLevel), NamedValue("alpha", estimates.alpha),
            NamedValue("theta", estimates.theta),
            NamedValue("objective", pass.objective),
        ]
    }

    /// σ² of the one-step errors after the first three (statsforecast's burn-in), n − 1 denominator.
    var sigma2: Double {
        let tail = pass.residuals.dropFirst(3)
        guard tail.count >= 2 else {
            return pass.residuals.reduce(0) { $0 + $1 * $1 } / Double(max(pass.residuals.count - 1, 1))
        }
        let mean = tail.reduce(0, +) / Double(tail.count)
        return tail.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(tail.count - 1)
    }

    var statistics: FitStatistics {
        FitStatistics(sigma2: sigma2, observations: series.count, parameterCount: estimatedCount)
    }

    var savedState: JSONValue {
        let saved = ThetaSavedState(
            model: model, parameters: estimates, estimated: estimatedCount,
            seasonal: seasonality?.kind, notes: notes)
        return (try? JSONValue(encoding: saved)) ?? .null
    }

    private func reseasonalised(_ x: Double, step h: Int) -> Double {
        seasonality?.apply(x, at: series.count + h) ?? x
    }

    func forecast(_ request: ForecastRequest) throws(ForecastError) -> Forecast {
        let request = try request.validated(owner: modelName)
        let h = request.horizon
        let adjusted = ThetaKernel.forecast(from: pass.final, n: series.count, horizon: h, model: model, p: estimates)
        let mean = adjusted.indices.map { reseasonalised(adjusted[$0], step: $0) }
        if request.levels.isEmpty { return Forecast(method: method, history: series, mean: mean) }
        if !model.isDynamic {
            // A and B are fixed, so only the level carries errors forward: Var = σ²(1 + (h−1)α²).
            let sigma = sigma2.squareRoot(), alpha = estimates.alpha
            var lower: [[Double]] = [], upper: [[Double]] = []
            for level in request.levels {
                let z = SpecialFunctions.normalQuantile(0.5 + level / 200)
                let sd = (0..<h).map { sigma * (1 + Double($0) * alpha * alpha).squareRoot() }
                lower.append((0..<h).map { reseasonalised(adjusted[$0] - z * sd[$0], step: $0) })
                upper.append((0..<h).map { reseasonalised(adjusted[$0] + z * sd[$0], step: $0) })
            }
            return Forecast(
                method: method, history: series, mean: mean, levels: request.levels, lower: lower, upper: upper)
        }
        // The dynamic trend reacts to each simulated value: no closed form.
        return try forecastWithSimulatedIntervals(mean: mean, levels: request.levels)
    }

    /// The recursion run forward with Gaussian one-step errors of variance σ², then re-seasonalised.
    func samplePaths(
        horizon: Int, count: Int, future: [String: [Double]],
        generator: inout SeededGenerator
    ) throws(ForecastError) -> SamplePaths {
        let sigma = sigma2.squareRoot()
        let n = series.count
        let p = estimates
        let keep = 1 - p.alpha
        let decays = (0...horizon).map { pow(keep, Double(n + $0)) }
        var values = [Double]()
        values.reserveCapacity(horizon * count)
        for _ in 0..<count {
            var state = pass.final
            for j in 0..<horizon {
                let y =
                    ThetaKernel.mean(state, p: p, decay: decays[j], nextDecay: decays[j + 1]) + sigma
                    * generator.nextNormal()
                ThetaKernel.update(&state, with: y, at: n + j, p: p, dynamic: model.isDynamic)
                values.append(reseasonalised(y, step: j))
            }
        }
        return SamplePaths(horizon: horizon, count: count, values: values)
    }
}
