import AlmanacCore
import Foundation
import TimeSeries

/// An ARIMA model fitted to a series: forecasts by the Kalman filter from the
/// final state (R's predict.Arima), intervals from the forecast variances,
/// sample paths simulated from the same model.
struct ARIMAFit: FittedModel {
    let modelName: String
    let series: Series
    let specification: ARIMASpecification
    let estimate: ARIMAEstimate
    let criteria: ARIMACriteria
    /// The covariates the regressors come from (possibly with future values).
    let covariates: [String: [Double]]
    let notes: [String]

    var method: String { specification.label }

    var residuals: [Double] { estimate.residuals }
    var fitted: [Double] { zip(series.values, estimate.residuals).map { $0 - $1 } }

    var parameters: [NamedValue] {
        zip(estimate.names, estimate.coefficients).map { NamedValue($0, $1) } + [NamedValue("sigma2", criteria.sigma2)]
    }

    var statistics: FitStatistics {
        FitStatistics(
            logLikelihood: estimate.method == .css ? nil : estimate.logLikelihood,
            aic: criteria.aic, aicc: criteria.aicc, bic: criteria.bic, sigma2: criteria.sigma2,
            observations: series.count, parameterCount: criteria.parameterCount)
    }

    var savedState: JSONValue {
        let saved = ARIMASavedEstimate(
            specification: specification, method: estimate.method, coefficients: estimate.coefficients,
            mask: estimate.mask, covariance: estimate.covariance, sigma2: estimate.sigma2,
            logLikelihood: estimate.logLikelihood, aic: estimate.aic, ncond: estimate.ncond,
            converged: estimate.converged, notes: notes)
        return (try? JSONValue(encoding: saved)) ?? .null
    }

    private var prediction: ARIMAPrediction {
        ARIMAPrediction(
            phi: estimate.phi, theta: estimate.theta, delta: estimate.delta,
            a: estimate.stateMean, P: estimate.stateCovariance)
    }

    /// The regression part of the forecasts: Σ β_j x_j over the future steps.
    private func regressionOffsets(horizon: Int, future: [String: [Double]]) throws(ForecastError) -> [Double] {
        let names = specification.regressorNames
        guard !names.isEmpty else { return [Double](repeating: 0, count: horizon) }
        let n = series.count
        var values = covariates
        for name in specification.xreg {
            // The fit checked every regressor against the covariates; a missing one is a saved model that lost it.
            guard let known = values[name] else {
                throw ForecastError("\(modelName): covariate '\(name)' is missing from the fitted model's data")
            }
            var column = known
            if let given = future[name] {
                guard given.count >= horizon else {
                    throw ForecastError(
                        "\(modelName): future values of covariate '\(name)' cover \(given.count) step\(given.count == 1 ? "" : "s"), the horizon is \(horizon): \(horizon - given.count) missing"
                    )
                }
                column = Array(known.prefix(n)) + given
                values[name] = column
            } else {
                let available = max(0, known.count - n)
                guard available >= horizon else {
                    throw ForecastError(
                        "\(modelName): covariate '\(name)' has \(available) future value\(available == 1 ? "" : "s") after the series, the horizon is \(horizon): \(horizon - available) step\(horizon - available == 1 ? "" : "s") missing; give them with future = { \(name) = { ... } }"
                    )
                }
            }
            if let bad = column[n..<(n + horizon)].firstIndex(where: { !$0.isFinite }) {
                throw ForecastError(
                    "\(modelName): covariate '\(name)' has a missing future value at step \(bad - n + 1)")
            }
        }
        let columns = specification.regressors(n..<(n + horizon), covariates: values)
        let narma = estimate.order.armaCount
        return (0..<horizon).map { h in
            columns.indices.reduce(0.0) { $0 + columns[$1][h] * estimate.coefficients[narma + $1] }
        }
    }

    func forecast(_ request: ForecastRequest) throws(ForecastError) -> Forecast {
        let request = try request.validated(owner: modelName)
        let offsets = try regressionOffsets(horizon: request.horizon, future: request.future)
        let (mean, variance) = prediction.forecast(horizon: request.horizon)
        let sd = variance.map { ($0 * criteria.sigma2).squareRoot() }
        return Forecast.gaussian(
            method: method, history: series, mean: zip(mean, offsets).map(+), sd: sd,
            levels: request.levels)
    }

    func samplePaths(
        horizon: Int, count: Int, future: [String: [Double]],
        generator: inout SeededGenerator
    ) throws(ForecastError) -> SamplePaths {
        _ = try ForecastRequest(horizon: horizon).validated(owner: modelName)
        guard count >= 1 else { throw ForecastError("\(modelName): the number of sample paths must be at least 1") }
        let offsets = try regressionOffsets(horizon: horizon, future: future)
        let values = prediction.simulate(
            horizon: horizon, count: count, sigma2: criteria.sigma2, offsets: offsets,
            generator: &generator)
        return SamplePaths(horizon: horizon, count: count, values: values)
    }
}
