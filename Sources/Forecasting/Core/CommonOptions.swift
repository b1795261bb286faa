import AlmanacCore
import Foundation
import TimeSeries

/// Options every model takes, applied around it: a Box–Cox transformation
/// (R's `lambda`, `biasadj`) and keeping forecasts non-negative (demand).
public enum CommonModelOptions {
    /// `lambda`, `biasadj` and `non_negative`, which the catalog adds to every model's parameters.
    public static let specs: [ParameterSpec] = [
        ParameterSpec(
            "lambda", .any,
            doc:
                "Box–Cox transformation before fitting: a number (0 = log), or \"auto\" to choose it by Guerrero's method in [-0.9, 2]; forecasts are transformed back"
        ),
        ParameterSpec(
            "biasadj", .boolean, default: .boolean(false),
            doc: "with lambda: back-transform to the forecast mean instead of the median"),
        ParameterSpec(
            "non_negative", .boolean, default: .boolean(false),
            doc: "clip forecasts, interval bounds and sample paths at zero (demand cannot be negative)"),
    ]

    static let names: Set<String> = Set(specs.map(\.name))

    /// `inner` with the common options of `parameters` applied around it.
    static func wrap(_ inner: any Forecaster, _ parameters: ParameterSet, model: String) throws(ForecastError)
        -> any Forecaster
    {
        var lambda: TransformedForecaster.Lambda?
        switch parameters["lambda"] {
        case nil: lambda = nil
        case .number(let x)?: lambda = .fixed(x)
        case .integer(let i)?: lambda = .fixed(Double(i))
        case .string("auto")?: lambda = .auto
        case let other?:
            throw ForecastError("\(model): option 'lambda' must be a number or \"auto\", got \(other)")
        }
        if case .fixed(let x)? = lambda, !(x >= -1 && x <= 2) {
            throw ForecastError("\(model): option 'lambda' must be between -1 and 2, got \(formatNumber(x))")
        }
        let biasadj = parameters.boolean("biasadj") ?? false
        let nonNegative = parameters.boolean("non_negative") ?? false
        if lambda == nil && !nonNegative {
            if biasadj { throw ForecastError("\(model): biasadj = true needs a lambda") }
            return inner
        }
        return TransformedForecaster(
            inner: inner, lambda: lambda, biasadj: biasadj, nonNegative: nonNegative, model: model)
    }
}

struct TransformedForecaster: Forecaster {
    enum Lambda: Equatable, Sendable { case fixed(Double), auto }
    let inner: any Forecaster
    let lambda: Lambda?
    let biasadj: Bool
    let nonNegative: Bool
    let model: String

    func fit(_ data: ModelData) throws(ForecastError) -> any FittedModel {
        let value = try chooseLambda(data)
        let transformed = try transform(data, lambda: value)
        return TransformedFit(
            inner: try inner.fit(transformed), series: data.series, lambda: value,
            biasadj: biasadj, nonNegative: nonNegative)
    }

    func restore(_ data: ModelData, state: JSONValue) throws(ForecastError) -> any FittedModel {
        let value: Double?
        if case .number(let x)? = state["lambda"] { value = x } else { value = nil }
        let transformed = try transform(data, lambda: value)
        let inner = try self.inner.restore(transformed, state: state["inner"] ?? .null)
        return TransformedFit(
            inner: inner, series: data.series, lambda: value, biasadj: biasadj, nonNegative: nonNegative)
    }

    var learnsAcrossSeries: Bool { inner.learnsAcrossSeries }
    var runsOnCallingThread: Bool { inner.runsOnCallingThread }

    /// A global model under the common options: each series transformed with its own λ.
    func fitTogether(_ items: [ModelData], threads: Int, progress: TrainingProgress?) throws(ForecastError)
        -> [PanelMember]?
    {
        guard inner.learnsAcrossSeries else { return nil }
        var lambdas: [Double?] = []
        var prepared: [ModelData] = []
        var failures: [String?] = []
        for data in items {
            do {
                let value = try chooseLambda(data)
                prepared.append(try transform(data, lambda: value))
                lambdas.append(value)
                failures.append(nil)
            } catch {
                prepared.append(data)
                lambdas.append(nil)
                failures.append(error.message)
            }
        }
        // Series whose transformation failed are left out of training and reported.
        let usable = items.indices.filter { failures[$0] == nil }
        guard let members = try inner.fitTogether(usable.map { prepared[$0] }, threads: threads, progress: progress)
        else { return nil }
        var out = items.indices.map { PanelMember(model: nil, failure: failures[$0]) }
        for (k, i) in usable.enumerated() {
            out[i] = PanelMember(
                model: members[k].model.map {
                    TransformedFit(
                        inner: $0, series: items[i].series, lambda: lambdas[i], biasadj: biasadj,
                        nonNegative: nonNegative)
                }, failure: members[k].failure)
        }
        return out
    }

    private func chooseLambda(_ data: ModelData) throws(ForecastError) -> Double? {
        switch lambda {
        case .fixed(let x)?: return x
        case .auto?:
            do { return try data.series.boxCoxLambda(method: .guerrero, lower: -0.9, upper: 2) } catch {
                throw ForecastError("\(model): lambda = \"auto\": \(error.message)")
            }
        case nil: return nil
        }
    }

    private func transform(_ data: ModelData, lambda: Double?) throws(ForecastError) -> ModelData {
        guard let lambda else { return data }
        if lambda <= 0, let i = data.series.values.firstIndex(where: { $0 <= 0 }) {
            throw ForecastError(
                "\(model): lambda = \(formatNumber(lambda)) needs positive data; \(data.series.describedName) has \(data.series.values[i]) at \(data.series.label(at: i))"
            )
        }
        var out = data
        out.series = data.series.boxCox(lambda: lambda)
        return out
    }
}

/// A fit on transformed data, seen on the original scale.
struct TransformedFit: FittedModel {
    let inner: any FittedModel
    let series: Series
    let lambda: Double?
    let biasadj: Bool
    let nonNegative: Bool

    var modelName: String { inner.modelName }
    var method: String { inner.method }
    var fitted: [Double] { inner.fitted.map(backTransform) }
    var residuals: [Double] { zip(series.values, fitted).map { $0 - $1 } }
    var innovations: [Double] { inner.innovations }
    var notes: [String] { inner.notes }
    var parameters: [NamedValue] { inner.parameters + (lambda.map { [NamedValue("lambda", $0)] } ?? []) }
    var statistics: FitStatistics { inner.statistics }
    var savedState: JSONValue {
        .object(["lambda": lambda.map { .number($0) } ?? .null, "inner": inner.savedState])
    }
    var savedStateProblem: String? { inner.savedStateProblem }

    func reapplied(to data: ModelData) -> (any FittedModel)? {
        var transformed = data
        if let lambda {
            guard lambda > 0 || data.series.values.allSatisfy({ $0 > 0 }) else { return nil }
            transformed.series = data.series.boxCox(lambda: lambda)
        }
        return inner.reapplied(to: transformed).map {
            TransformedFit(inner: $0, series: data.series, lambda: lambda, biasadj: biasadj, nonNegative: nonNegative)
        }
    }

    /// R's InvBoxCox (without bias adjustment), then the floor at zero if asked.
    func backTransform(_ x: Double) -> Double {
        var out = x
        if let lambda {
            if lambda == 0 {
                out = exp(x)
            } else {
                let t = x * lambda + 1
                out = lambda < 0 && x > -1 / lambda ? .nan : (t < 0 ? -pow(-t, 1 / lambda) : pow(t, 1 / lambda))
            }
        }
        return nonNegative ? max(out, 0) : out
    }

    func forecast(_ request: ForecastRequest) throws(ForecastError) -> Forecast {
        var request = try request.validated(owner: modelName)
        let asked = request.levels
        if biasadj && lambda != nil && request.levels.isEmpty { request.levels = [80] }
        let raw = try inner.forecast(request)
        var out = raw.mapped(backTransform)
        out.history = series
        out.mean.index = series.index.advanced(by: series.count)
        if biasadj, let lambda, let level = raw.levels.last, let k = raw.levels.firstIndex(of: level) {
            // R: the variance implied by the widest interval, then the second-order correction.
            let z = SpecialFunctions.normalQuantile((level / 100 + 1) / 2)
            out.mean.values = (0..<raw.horizon).map { h in
                let median = backTransformUnclipped(raw.mean.values[h], lambda)
                let sd = (raw.upper[k][h] - raw.lower[k][h]) / z / 2
                let adjusted = median * (1 + 0.5 * sd * sd * (1 - lambda) / pow(median, 2 * lambda))
                return nonNegative ? max(adjusted, 0) : adjusted
            }
        }
        if asked.isEmpty {
            out.levels = []
            out.lower = []
            out.upper = []
        }
        return out
    }

    private func backTransformUnclipped(_ x: Double, _ lambda: Double) -> Double {
        if lambda == 0 { return exp(x) }
        let t = x * lambda + 1
        return t < 0 ? -pow(-t, 1 / lambda) : pow(t, 1 / lambda)
    }

    func samplePaths(
        horizon: Int, count: Int, future: [String: [Double]],
        generator: inout SeededGenerator
    ) throws(ForecastError) -> SamplePaths {
        var paths = try inner.samplePaths(horizon: horizon, count: count, future: future, generator: &generator)
        paths.values = paths.values.map(backTransform)
        return paths
    }
}
