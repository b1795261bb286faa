import Foundation
import TimeSeries

/// ARIMA with given orders, estimated as forecast::Arima (stats::arima
/// underneath): optional mean or drift, optional regressors from the covariates.
struct ARIMAForecaster: Forecaster {
    var modelName = "arima"
    var specification: ARIMASpecification
    var estimator = ARIMAEstimator()
    /// Fixed coefficients in R's order (ARMA, then regressors); nil entries are estimated.
    var fixed: [Double?]?

    func fit(_ data: ModelData) throws(ForecastError) -> any FittedModel {
        var specification = self.specification
        let order = specification.order
        if order.P + order.D + order.Q > 0 && data.series.seasonalPeriod <= 1 {
            throw ForecastError(
                "\(modelName): a seasonal order (\(order.P),\(order.D),\(order.Q)) needs a seasonal series; \(data.series.describedName) has period 1"
            )
        }
        // R takes the period from the series (frequency(x)).
        specification.order.period = data.series.seasonalPeriod
        let y = try ARIMAData.values(data, model: modelName, specification: specification)
        if data.series.isConstant {
            throw ForecastError(
                "\(modelName): \(data.series.describedName) is constant; an ARIMA model cannot be estimated (auto_arima handles this case, or use the mean model)"
            )
        }
        let problem = try ARIMAData.problem(
            y: y, data: data, specification: specification, fixed: fixed, model: modelName)
        let estimate: ARIMAEstimate
        do { estimate = try estimator.estimate(problem) } catch {
            throw ForecastError(
                "\(modelName): \(specification.order.label) on \(data.series.describedName): \(error.message)")
        }
        var notes: [String] = []
        if specification.includeDrift && specification.differences > 1 {
            notes.append("no drift fitted: the order of differencing is 2 or more")
        }
        if !estimate.converged {
            notes.append("possible convergence problem: the optimiser reached its iteration limit")
        }
        var fitted = self
        fitted.specification = specification
        return fitted.makeFit(data, estimate: estimate, notes: notes)
    }

    func makeFit(_ data: ModelData, estimate: ARIMAEstimate, notes: [String]) -> ARIMAFit {
        ARIMAFit(
            modelName: modelName, series: data.series, specification: specification, estimate: estimate,
            criteria: ARIMACriteria(estimate: estimate, observations: data.series.count),
            covariates: data.covariates, notes: notes)
    }

    func restore(_ data: ModelData, state: JSONValue) throws(ForecastError) -> any FittedModel {
        let saved = try state.decode(ARIMASavedEstimate.self, what: modelName)
        var restored = self
        restored.specification = saved.specification
        let y = try ARIMAData.values(data, model: modelName, specification: saved.specification)
        let problem = try ARIMAData.problem(
            y: y, data: data, specification: saved.specification, fixed: nil, model: modelName)
        let estimate = try estimator.replay(problem, saved: saved)
        return restored.makeFit(data, estimate: estimate, notes: saved.notes)
    }
}

/// Checks on the data an ARIMA model is fitted to, and the estimation problem built from it.
enum ARIMAData {
    /// Orders come from scripts and from saved files: every loop and buffer is
    /// sized from them, so they are checked before anything is computed.
    static func check(_ order: ARIMAOrder, model: String) throws(ForecastError) {
        let parts = [("p", order.p), ("d", order.d), ("q", order.q), ("P", order.P), ("D", order.D), ("Q", order.Q)]
        for (name, value) in parts where value < 0 || value > longestLag {
            throw ForecastError("\(model): the order \(name) = \(value) is not between 0 and \(longestLag)")
        }
        guard order.period >= 1, order.period <= Series.maximumSeasonalPeriod else {
            throw ForecastError(
                "\(model): the period \(order.period) is not between 1 and \(Series.maximumSeasonalPeriod)")
        }
        let reach = max(order.expandedP, order.expandedQ + 1, order.differencingLength)
        guard reach <= longestLag else {
            throw ForecastError(
                "\(model): ARIMA(\(order.p),\(order.d),\(order.q))(\(order.P),\(order.D),\(order.Q))[\(order.period)] reaches back \(reach) observations; at most \(longestLag) are supported (a long seasonal period is better handled by regression on Fourier terms)"
            )
        }
    }

    /// The longest lag the expanded AR or MA polynomial may reach: the state
    /// has max(p, q + 1) + d values and the filter keeps its covariance matrix
    /// (square in that), so this bounds the memory a fit or a loaded file asks for.
    static let longestLag = 2000

    static func values(_ data: ModelData, model: String, specification: ARIMASpecification) throws(ForecastError)
        -> [Double]
    {
        let order = specification.order
        try check(order, model: model)
        let minimum = order.differencingLength + order.armaCount + specification.regressorNames.count + 1
        let y = try data.series.checkedValues(for: model, minimum: 1)
        guard y.count >= minimum else {
            throw ForecastError(
                "\(model): \(data.series.describedName) has \(y.count) observation\(y.count == 1 ? "" : "s"); \(specification.label) needs at least \(minimum)"
            )
        }
        return y
    }

    static func problem(
        y: [Double], data: ModelData, specification: ARIMASpecification, fixed: [Double?]?,
        model: String
    ) throws(ForecastError) -> ARIMAEstimator.Problem {
        let n = y.count
        for name in specification.xreg {
            guard let values = data.covariates[name] else {
                let known = data.covariates.keys.sorted()
                throw ForecastError(
                    "\(model): no covariate '\(name)' in the data"
                        + (known.isEmpty ? " (it has none)" : "; it has: " + known.joined(separator: ", ")))
            }
            guard values.count >= n else {
                throw ForecastError("\(model): covariate '\(name)' has \(values.count) values, the series \(n)")
            }
            if let i = values[0..<n].firstIndex(where: { !$0.isFinite }) {
                throw ForecastError("\(model): covariate '\(name)' has a missing value at \(data.series.label(at: i))")
            }
        }
        if let fixed, fixed.count != specification.order.armaCount + specification.regressorNames.count {
            let names = specification.order.coefficientNames + specification.regressorNames
            throw ForecastError(
                "\(model): 'fixed' needs \(names.count) values (\(names.joined(separator: ", "))), got \(fixed.count)")
        }
        return ARIMAEstimator.Problem(
            y: y, order: specification.order,
            xreg: specification.regressors(0..<n, covariates: data.covariates),
            xregNames: specification.regressorNames, fixed: fixed)
    }
}
