import Foundation
import TimeSeries

/// forecast::auto.arima: the differencing orders by unit-root tests (KPSS for
/// d, the seasonal-strength test for D), then the Hyndman–Khandakar stepwise
/// search (or every model) by AICc, with R's rules for the constant and for
/// rejecting models.
struct AutoARIMAForecaster: Forecaster {
    var modelName = "auto_arima"
    var d: Int?
    var D: Int?
    var limits = AutoARIMASearch.Limits()
    var maxD = 2
    var maxSeasonalD = 1
    var start = AutoARIMASearch.Start()
    var stationary = false
    var seasonal = true
    var criterion = AutoARIMACandidate.Criterion.aicc
    var stepwise = true
    var maxModels = 94
    /// nil: R's rule, approximate when n > 150 or the period exceeds 12.
    var approximation: Bool?
    var method: ARIMAEstimator.Method?
    var allowDrift = true
    var allowMean = true
    var xreg: [String] = []
    /// The likelihood of the chosen model's fit.
    var initialization = ARIMAInitialization.differenced
    /// The likelihood the search compares candidates with; when it differs from
    /// `initialization`, the chosen order is refitted with that one.
    var searchInitialization = ARIMAInitialization.differenced

    func fit(_ data: ModelData) throws(ForecastError) -> any FittedModel {
        let series = data.series
        let y = try series.checkedValues(for: modelName, minimum: 1)
        let n = y.count
        let fixedOrder = ARIMAForecaster(
            modelName: modelName,
            specification: ARIMASpecification(
                order: ARIMAOrder(p: 0, d: 0, q: 0), includeMean: true, includeDrift: false, xreg: xreg))
        _ = try ARIMAData.problem(
            y: y, data: data, specification: fixedOrder.specification, fixed: nil, model: modelName)
        if series.isConstant {
            let mean = y.reduce(0, +) / Double(n)
            return try fixedFit(
                data, order: ARIMAOrder(p: 0, d: 0, q: 0), mean: allowMean, drift: false,
                fixed: allowMean ? [mean] : [], useXreg: false,
                note: "the series is constant: fitted its mean")
        }
        var m = seasonal ? series.seasonalPeriod : 1
        m = max(m, 1)
        var limits = self.limits
        limits.p = min(limits.p, n / 3)
        limits.q = min(limits.q, n / 3)
        limits.P = min(limits.P, n / 3 / m)
        limits.Q = min(limits.Q, n / 3 / m)
        let criterion = n <= 3 ? .aic : self.criterion
        let differencing = try AutoARIMADifferencing(
            y: y, series: series, m: m, covariates: data.covariates, xreg: xreg,
            d: stationary ? 0 : d, D: stationary ? 0 : D,
            maxD: maxD, maxSeasonalD: maxSeasonalD, model: modelName)
        let (dd, DD) = (differencing.d, differencing.D)
        if m == 1 { limits.P = 0; limits.Q = 0 }
        if differencing.differencedIsConstant {
            return try constantDifferencesFit(data, y: y, d: dd, D: DD, m: m, dx: differencing.differenced)
        }
        if m > 1 {
            if limits.P > 0 { limits.p = min(limits.p, m - 1) }
            if limits.Q > 0 { limits.q = min(limits.q, m - 1) }
        }
        let approximate = approximation ?? (n > 150 || series.seasonalPeriod > 12)
        var context = AutoARIMACandidate.Context(
            y: y, m: m, covariates: data.covariates, xreg: xreg, criterion: criterion,
            method: method, initialization: searchInitialization, offset: 0)
        if approximate {
            var estimator = ARIMAEstimator()
            estimator.initialization = searchInitialization
            let spec = ARIMASpecification(
                order: ARIMAOrder(p: 0, d: dd, q: 0, D: DD, period: m), includeMean: true,
                includeDrift: false, xreg: xreg)
            let problem = ARIMAEstimator.Problem(
                y: y, order: spec.order, xreg: spec.regressors(0..<n, covariates: data.covariates),
                xregNames: spec.regressorNames)
            if let fit = try? estimator.estimate(problem) {
                context.offset = -2 * fit.logLikelihood - Double(n) * log(fit.sigma2)
            }
        }
        let search = AutoARIMASearch(
            d: dd, D: DD, m: m, limits: limits, start: start,
            allowDrift: allowDrift && dd + DD == 1, allowMean: allowMean && dd + DD == 0,
            approximation: approximate, maxModels: maxModels, context: context)
        var chosen = stepwise ? search.stepwise(seriesLength: n) : search.exhaustive()
        if let found = chosen, found.ic < .infinity, searchInitialization != initialization {
            // The same model as `arima` would fit for this order; kept unless that fit fails or is rejected.
            var final = context
            final.initialization = initialization
            let constant = found.specification.includeMean || found.specification.includeDrift
            if let refit = AutoARIMACandidate.fit(
                order: found.estimate.order, constant: constant, approximation: false,
                context: final), refit.ic < .infinity
            {
                chosen = refit
            }
        }
        guard let best = chosen, best.ic < .infinity || method == .css else {
            throw ForecastError("\(modelName): no suitable ARIMA model found for \(series.describedName)")
        }
        var notes = differencing.notes
        if !best.estimate.converged {
            notes.append("possible convergence problem: the optimiser reached its iteration limit")
        }
        return ARIMAFit(
            modelName: modelName, series: series, specification: best.specification, estimate: best.estimate,
            criteria: best.criteria, covariates: data.covariates, notes: notes)
    }

    /// auto.arima's fits when the differenced series is constant.
    private func constantDifferencesFit(
        _ data: ModelData, y: [Double], d: Int, D: Int, m: Int,
        dx: [Double]
    ) throws(ForecastError) -> any FittedModel {
        let mean = dx.reduce(0, +) / Double(dx.count)
        let order = ARIMAOrder(p: 0, d: d, q: 0, D: D, period: m)
        let note = "the differenced series is constant"
        if !xreg.isEmpty {
            return try fixedFit(data, order: order, mean: false, drift: false, fixed: nil, useXreg: true, note: note)
        }
        if D > 0 && d == 0 {
            return try fixedFit(
                data, order: order, mean: true, drift: true, fixed: [mean / Double(m)], useXreg: false, note: note)
        }
        if D > 0 && d > 0 || d == 2 {
            return try fixedFit(data, order: order, mean: false, drift: false, fixed: nil, useXreg: false, note: note)
        }
        if d < 2 {
            return try fixedFit(
                data, order: order, mean: true, drift: d == 1, fixed: [mean], useXreg: false, note: note)
        }
        throw ForecastError(
            "\(modelName): the data follow a simple polynomial and are not suitable for ARIMA modelling")
    }

    private func fixedFit(
        _ data: ModelData, order: ARIMAOrder, mean: Bool, drift: Bool, fixed: [Double]?,
        useXreg: Bool, note: String
    ) throws(ForecastError) -> any FittedModel {
        var estimator = ARIMAEstimator()
        estimator.method = method ?? .cssML
        estimator.initialization = initialization
        let forecaster = ARIMAForecaster(
            modelName: modelName,
            specification: ARIMASpecification(
                order: order, includeMean: mean, includeDrift: drift, xreg: useXreg ? xreg : []),
            estimator: estimator, fixed: fixed.map { $0.map { Optional($0) } })
        let y = try ARIMAData.values(data, model: modelName, specification: forecaster.specification)
        let problem = try ARIMAData.problem(
            y: y, data: data, specification: forecaster.specification,
            fixed: forecaster.fixed, model: modelName)
        let estimate: ARIMAEstimate
        do { estimate = try estimator.estimate(problem) } catch {
            throw ForecastError("\(modelName): \(error.message)")
        }
        return forecaster.makeFit(data, estimate: estimate, notes: [note])
    }

    func restore(_ data: ModelData, state: JSONValue) throws(ForecastError) -> any FittedModel {
        var estimator = ARIMAEstimator()
        estimator.initialization = initialization
        let placeholder = ARIMASpecification(
            order: ARIMAOrder(p: 0, d: 0, q: 0), includeMean: false, includeDrift: false)
        return try ARIMAForecaster(modelName: modelName, specification: placeholder, estimator: estimator)
            .restore(data, state: state)
    }
}
