import AlmanacCore
import TimeSeries

/// One of the intermittent-demand methods (Croston, SBA, TSB, ADIDA, IMAPA)
/// with its options chosen. Checks that the data are demand (no gaps, nothing
/// negative, at least two periods) before running it.
struct IntermittentForecaster: Forecaster {
    enum Method: Equatable, Sendable {
        case croston(IntermittentMethods.CrostonSmoothing, debiased: Bool)
        case tsb(alphaDemand: Double, alphaProbability: Double)
        case adida(level: Int?)
        case imapa(maxLevel: Int?)
    }

    let modelName: String
    let method: Method

    func fit(_ data: ModelData) throws(ForecastError) -> any FittedModel {
        let series = data.series
        // One period says nothing about how often demand occurs.
        let y = try series.checkedValues(for: modelName, minimum: 2)
        if let i = y.firstIndex(where: { $0 < 0 }) {
            let count = y.count(where: { $0 < 0 })
            throw ForecastError(
                "\(modelName): demand cannot be negative, but \(series.describedName) has \(count) negative value\(count == 1 ? "" : "s") (first \(formatNumber(y[i])) at \(series.label(at: i))); intermittent-demand methods need sales or demand counts, not changes or returns"
            )
        }
        guard y.contains(where: { $0 != 0 }) else {
            return IntermittentFit(
                modelName: modelName, method: label(of: nil), series: series, result: Self.noDemand(y),
                distribution: PeriodDemandDistribution(observedSizes: [], occurrence: 0, mean: 0),
                notes: [
                    "\(series.describedName) has no demand at all: the forecasts, intervals and sample paths are 0 (as R's croston and statsforecast give)"
                ])
        }
        let result = try run(y, series: series)
        let distribution = PeriodDemandDistribution(
            observedSizes: IntermittentSmoothing.sizes(y),
            occurrence: result.occurrence, mean: result.forecast)
        return IntermittentFit(
            modelName: modelName, method: label(of: result), series: series, result: result, distribution: distribution,
            notes: [])
    }

    /// The methods are deterministic functions of the data, so refitting rebuilds the saved fit exactly.
    func restore(_ data: ModelData, state: JSONValue) throws(ForecastError) -> any FittedModel { try fit(data) }

    private func run(_ y: [Double], series: Series) throws(ForecastError) -> IntermittentMethods.Result {
        switch method {
        case let .croston(smoothing, debiased):
            return IntermittentMethods.croston(y, smoothing: smoothing, debiased: debiased)
        case let .tsb(alphaDemand, alphaProbability):
            return IntermittentMethods.tsb(y, alphaDemand: alphaDemand, alphaProbability: alphaProbability)
        case .adida(let level):
            try checkLevel(level, "aggregation_level", series)
            return IntermittentMethods.adida(y, level: level)
        case .imapa(let maxLevel):
            try checkLevel(maxLevel, "max_aggregation_level", series)
            return IntermittentMethods.imapa(y, top: maxLevel)
        }
    }

    private func checkLevel(_ level: Int?, _ option: String, _ series: Series) throws(ForecastError) {
        if let level, level > series.count {
            throw ForecastError(
                "\(modelName): \(option) = \(level) is longer than \(series.describedName) (\(series.count) periods), so there is not one whole block to smooth"
            )
        }
    }

    /// What was fitted, with the aggregation level the data chose (unknown without demand).
    private func label(of result: IntermittentMethods.Result?) -> String {
        let level = result?.parameters.first.map { String(Int($0.value)) }
        switch method {
        case let .croston(smoothing, debiased):
            let name = debiased ? "Syntetos-Boylan approximation (SBA)" : "Croston's method"
            return smoothing == .optimized ? name + ", optimized smoothing" : name
        case .tsb: return "Teunter-Syntetos-Babai (TSB)"
        case .adida: return "ADIDA" + (level.map { " (aggregation level \($0))" } ?? "")
        case .imapa: return "IMAPA" + (level.map { " (aggregation levels 1 to \($0))" } ?? "")
        }
    }

    private static func noDemand(_ y: [Double]) -> IntermittentMethods.Result {
        var fitted = [Double](repeating: 0, count: y.count)
        fitted[0] = .nan
        return IntermittentMethods.Result(forecast: 0, fitted: fitted, parameters: [], occurrence: 0, estimatedCount: 0)
    }
}
