import AlmanacCore
import TimeSeries

/// The optimised and dynamic Theta models of Fiorucci et al. (2016) as
/// statsforecast fits them (OptimizedTheta, DynamicTheta, DynamicOptimizedTheta,
/// Theta, AutoTheta): the seasonal test and decomposition, the same starting
/// values, bounds and search, and, with several candidates, the one with the
/// smallest in-sample objective kept.
struct ThetaForecaster: Forecaster {
    let modelName: String
    var candidates: [ThetaKernel.ModelType]
    var decomposition = ThetaSeasonality.Kind.multiplicative
    var fixed = ThetaEstimator.Fixed()
    var estimator = ThetaEstimator()

    func fit(_ data: ModelData) throws(ForecastError) -> any FittedModel {
        let series = data.series
        let y = try series.checkedValues(for: modelName, minimum: 4)
        let seasonality = ThetaSeasonality.forStatsforecast(y, period: series.seasonalPeriod, preferred: decomposition)
        let adjusted = seasonality?.adjust(y) ?? y
        var best: (estimate: ThetaEstimator.Estimate, pass: ThetaKernel.Pass)?
        var notes: [String] = []
        for model in candidates {
            let estimate = estimator.estimate(adjusted, model: model, fixed: fixed)
            let pass = ThetaKernel.pass(adjusted, model: model, p: estimate.parameters)
            if candidates.count > 1 { notes.append("\(model.rawValue): objective \(formatNumber(pass.objective))") }
            guard !pass.objective.isNaN else { continue }
            if best == nil || pass.objective < best!.pass.objective { best = (estimate, pass) }
        }
        guard let chosen = best else {
            throw ForecastError("\(modelName): no Theta model could be fitted to \(series.describedName)")
        }
        return ThetaFit(
            modelName: modelName, series: series, model: chosen.estimate.model,
            estimates: chosen.estimate.parameters, estimatedCount: chosen.estimate.estimatedCount,
            seasonality: seasonality, pass: chosen.pass, notes: notes)
    }

    func restore(_ data: ModelData, state: JSONValue) throws(ForecastError) -> any FittedModel {
        let saved = try state.decode(ThetaSavedState.self, what: modelName)
        guard (0...8).contains(saved.estimated) else {
            throw ForecastError("\(modelName): the saved model is damaged: \(saved.estimated) estimated parameters")
        }
        let series = data.series
        let y = try series.checkedValues(for: modelName, minimum: 4)
        var seasonality: ThetaSeasonality?
        if let kind = saved.seasonal {
            guard let s = ThetaSeasonality.decomposition(y, period: series.seasonalPeriod, kind: kind) else {
                throw ForecastError(
                    "\(modelName): the saved model is seasonal but \(series.describedName) cannot be decomposed")
            }
            seasonality = ThetaSeasonality(kind: kind, indices: s, period: series.seasonalPeriod)
        }
        let adjusted = seasonality?.adjust(y) ?? y
        let pass = ThetaKernel.pass(adjusted, model: saved.model, p: saved.parameters)
        return ThetaFit(
            modelName: modelName, series: series, model: saved.model, estimates: saved.parameters,
            estimatedCount: saved.estimated, seasonality: seasonality, pass: pass, notes: saved.notes)
    }
}

/// What a Theta fit saves: the model, its parameters and the kind of seasonal
/// adjustment (the indices are recomputed: decomposition is not estimated).
struct ThetaSavedState: Codable {
    var model: ThetaKernel.ModelType
    var parameters: ThetaKernel.Parameters
    var estimated: Int
    var seasonal: ThetaSeasonality.Kind?
    var notes: [String]
}
