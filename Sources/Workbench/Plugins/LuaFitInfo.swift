import AlmanacCore
import Forecasting
import LuaBridge
import TimeSeries

/// What a Lua model's fit (or apply) reports besides its state: its optional
/// second result, `{ fitted =, residuals =, params =, method =, notes =,
/// sigma2 =, loglik =, aic =, aicc =, bic = }`. A plugin that returns no such
/// table still works: its fitted values and residuals are then NaN and it has
/// no parameters, as before the contract had them.
struct LuaFitInfo {
    static let fields = ["fitted", "residuals", "params", "method", "notes", "sigma2", "loglik", "aic", "aicc", "bic"]

    var fitted: [Double]
    var residuals: [Double]
    var parameters: [NamedValue]
    var method: String
    var notes: [String]
    var statistics: FitStatistics

    /// Reads `value` (the fit's second result) for `series`; `model` names the plugin in errors.
    init(_ value: LuaValue, series: Series, model: String) throws(ForecastError) {
        let n = series.count
        func fail(_ text: String) -> ForecastError {
            ForecastError("\(model): fit's second result (what the fit reports) \(text)")
        }
        var fields: [String: LuaValue] = [:]
        switch value {
        case .nil: break
        case .record(let r): fields = r
        case .array(let a) where a.isEmpty: break
        default:
            throw fail("must be a table like { fitted = { ... }, params = { alpha = 0.3 } }, got a \(value.typeName)")
        }
        for key in fields.keys.sorted() where !Self.fields.contains(key) {
            let guess = closestMatch(to: key, in: Self.fields).map { " (did you mean '\($0)'?)" } ?? ""
            throw fail("has an unknown field '\(key)'\(guess); it may give \(Self.fields.joined(separator: ", "))")
        }
        func numbers(_ key: String) throws(ForecastError) -> [Double]? {
            guard let v = fields[key] else { return nil }
            let xs: [Double]
            switch v {
            case .array(let items) where items.allSatisfy({ $0.doubleValue != nil }):
                xs = items.compactMap(\.doubleValue)
            case .object(let o as SeriesObject): xs = o.series.values
            default: throw fail("'\(key)' must be an array of \(n) numbers (0/0 where there is none)")
            }
            guard xs.count == n else { throw fail("'\(key)' has \(xs.count) values for a series of \(n)") }
            return xs
        }
        func number(_ key: String) throws(ForecastError) -> Double? {
            guard let v = fields[key] else { return nil }
            guard let x = v.doubleValue else { throw fail("'\(key)' must be a number") }
            return x
        }
        let given = try numbers("fitted")
        fitted = given ?? [Double](repeating: .nan, count: n)
        residuals = try numbers("residuals") ?? zip(series.values, fitted).map { $0 - $1 }
        parameters = []
        switch fields["params"] ?? .nil {
        case .nil: break
        case .record(let r):
            for key in r.keys.sorted() {
                guard let x = r[key]?.doubleValue else { throw fail("'params.\(key)' must be a number") }
                parameters.append(NamedValue(key, x))
            }
        case .array(let a) where a.isEmpty: break
        default: throw fail("'params' must be a table of numbers by name, like { alpha = 0.3 }")
        }
        switch fields["method"] ?? .nil {
        case .nil: method = model
        case .string(let s): method = s
        default: throw fail("'method' must be a string")
        }
        notes = []
        switch fields["notes"] ?? .nil {
        case .nil: break
        case .array(let items):
            for item in items {
                guard case .string(let s) = item else { throw fail("'notes' must be an array of strings") }
                notes.append(s)
            }
        default: throw fail("'notes' must be an array of strings")
        }
        let used = residuals.filter(\.isFinite)
        let meanSquare = used.isEmpty ? Double.nan : used.reduce(0) { $0 + $1 * $1 } / Double(used.count)
        statistics = FitStatistics(
            logLikelihood: try number("loglik"), aic: try number("aic"), aicc: try number("aicc"),
            bic: try number("bic"), sigma2: try number("sigma2") ?? meanSquare,
            observations: n, parameterCount: parameters.count)
    }

    /// As saved with a fitted model (see LuaFittedModel.savedState).
    var json: JSONValue {
        func optional(_ x: Double?) -> JSONValue { x.map { $0.isNaN ? .null : .number($0) } ?? .null }
        return .object([
            "fitted": LuaModelState.json(fitted), "residuals": LuaModelState.json(residuals),
            "params": .array(
                parameters.map { .array([.string($0.name), $0.value.isNaN ? .null : .number($0.value)]) }),
            "method": .string(method), "notes": .array(notes.map { .string($0) }),
            "statistics": .object([
                "loglik": optional(statistics.logLikelihood), "aic": optional(statistics.aic),
                "aicc": optional(statistics.aicc),
                "bic": optional(statistics.bic), "sigma2": optional(statistics.sigma2),
            ]),
        ])
    }

    /// Read back from `json`, for a fit of `series`.
    init(json: JSONValue, series: Series, model: String) throws(ForecastError) {
        let n = series.count
        guard let fitted = LuaModelState.numbers(json["fitted"]),
            let residuals = LuaModelState.numbers(json["residuals"]),
            fitted.count == n, residuals.count == n, case .string(let method)? = json["method"]
        else {
            throw ForecastError("\(model): the saved state does not describe a fit of this series")
        }
        self.fitted = fitted
        self.residuals = residuals
        self.method = method
        notes =
            json["notes"].map {
                if case .array(let items) = $0 { return items.compactMap(\.stringValue) } else { return [] }
            } ?? []
        parameters = []
        if case .array(let pairs)? = json["params"] {
            for pair in pairs {
                guard case .array(let two) = pair, two.count == 2, case .string(let name) = two[0] else { continue }
                if case .number(let x) = two[1] {
                    parameters.append(NamedValue(name, x))
                } else {
                    parameters.append(NamedValue(name, .nan))
                }
            }
        }
        func statistic(_ key: String) -> Double? {
            if case .number(let x)? = json["statistics"]?[key] { return x }
            return nil
        }
        statistics = FitStatistics(
            logLikelihood: statistic("loglik"), aic: statistic("aic"), aicc: statistic("aicc"),
            bic: statistic("bic"), sigma2: statistic("sigma2") ?? .nan,
            observations: n, parameterCount: parameters.count)
    }
}
