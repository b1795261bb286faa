import AlmanacCore
import Forecasting
import LuaBridge
import TimeSeries

/// A model fitted by a Lua plugin, as a `FittedModel`. What the fit reported
/// (fitted values, residuals, parameters, statistics) and its state as data
/// were read once, when it was fitted; forecasts and sample paths call the
/// plugin's `forecast(state, h, levels)` and `sample(state, h, n)` with the
/// live state table.
///
/// Unchecked Sendable for the reason LuaForecaster gives: its calls into Lua go
/// through `LuaModelThread`, which refuses any thread but the script's.
struct LuaFittedModel: FittedModel, @unchecked Sendable {
    let model: LuaForecaster
    let state: LuaReference
    let series: Series
    let info: LuaFitInfo
    /// The state as JSON, or why it has none (it holds a function, a userdata).
    let stateData: Result<JSONValue, ForecastError>

    init(
        model: LuaForecaster, state: LuaReference, series: Series, info: LuaFitInfo,
        savedState: Result<JSONValue, ForecastError>
    ) {
        self.model = model
        self.state = state
        self.series = series
        self.info = info
        stateData = savedState
    }

    var name: String { model.name }
    var modelName: String { model.name }
    var method: String { info.method }
    var fitted: [Double] { info.fitted }
    var residuals: [Double] { info.residuals }
    var notes: [String] { info.notes }
    var parameters: [NamedValue] { info.parameters }
    var statistics: FitStatistics { info.statistics }

    var savedState: JSONValue {
        guard case .object(var fields) = info.json else { return .null }
        switch stateData {
        case .success(let state): fields["state"] = state
        case .failure(let error): fields["state"] = .null; fields["problem"] = .string(error.message)
        }
        fields["series"] = .string(LuaForecaster.fingerprint(series))
        return .object(fields)
    }

    /// On other data, the plugin's apply with the live state (which need not be
    /// storable as data); nil when the plugin has none or it fails, and `restore`
    /// then says why. On the series it was fitted to, this fit itself.
    func reapplied(to data: ModelData) -> (any FittedModel)? {
        if LuaForecaster.fingerprint(data.series) == LuaForecaster.fingerprint(series) { return self }
        guard let apply = model.functions["apply"] else { return nil }
        return try? model.fitted(
            calling: apply, [.function(state), .object(SeriesObject(data.series)), .record(model.params)],
            series: data.series)
    }

    var savedStateProblem: String? {
        if case .failure(let error) = stateData {
            return "the Lua model '\(name)' cannot be saved: its \(error.message)"
        }
        return nil
    }

    func fail(_ what: String) -> ForecastError {
        ForecastError(
            "\(name): forecast must return an array of numbers, or { mean = { ... }, lower = { ... }, upper = { ... } } "
                + "with one array of bounds per level in lower and upper, in the order of the levels; \(what)")
    }

    func forecast(_ asked: ForecastRequest) throws(ForecastError) -> Forecast {
        guard let forecast = model.functions["forecast"] else {
            throw ForecastError("\(name): has no forecast function")
        }
        let request = try asked.validated(owner: name)
        let stack = try model.context.luaModels.stack(for: name)
        do {
            try stack.call(
                forecast,
                [.function(state), .integer(Int64(request.horizon)), .array(request.levels.map { .number($0) })],
                results: 1, caller: name)
        } catch {
            throw model.failure(error, prefixing: false)
        }
        defer { stack.pop() }
        let value: LuaValue
        do { value = try stack.value(at: -1) } catch { throw ForecastError(error.message, underlying: error) }
        func numbers(_ v: LuaValue?, _ what: String) throws(ForecastError) -> [Double] {
            switch v ?? .nil {
            case .array(let items) where items.allSatisfy({ $0.doubleValue != nil }):
                return items.compactMap(\.doubleValue)
            case .object(let o as SeriesObject): return o.series.values
            default: throw fail("\(what) is not an array of numbers")
            }
        }
        var mean: [Double]
        var lower: [[Double]] = [], upper: [[Double]] = [], levels: [Double] = []
        switch value {
        case .array, .object: mean = try numbers(value, "the result")
        case .record(let r):
            mean = try numbers(r["mean"], "'mean'")
            for (position, level) in request.levels.enumerated() {
                let key = formatNumber(level)
                func side(_ name: String) throws(ForecastError) -> [Double]? {
                    guard case .record(let byLevel)? = r[name] else {
                        // An array holds the bounds of each level in the order the levels were asked for.
                        if case .array(let items)? = r[name], position < items.count {
                            return try numbers(items[position], "'\(name)[\(position + 1)]'")
                        }
                        return nil
                    }
                    guard let bounds = byLevel[key] else { return nil }
                    return try numbers(bounds, "'\(name)[\(key)]'")
                }
                if let lo = try side("lower"), let hi = try side("upper") {
                    levels.append(level)
                    lower.append(lo)
                    upper.append(hi)
                }
            }
        default: throw fail("got a \(value.typeName)")
        }
        guard mean.count == request.horizon else {
            throw fail("it gave \(mean.count) values for h = \(request.horizon)")
        }
        if lower.contains(where: { $0.count != mean.count }) || upper.contains(where: { $0.count != mean.count }) {
            throw fail("the bounds have a different length from the mean")
        }
        return Forecast(method: name, history: series, mean: mean, levels: levels, lower: lower, upper: upper)
    }

    /// The plugin's sample function draws with dist:sample and math.random, which
    /// use the run's generator: `generator` is handed to the run for the call and
    /// taken back after, so draws continue one stream whoever makes them.
    func samplePaths(
        horizon: Int, count: Int, future: [String: [Double]],
        generator: inout SeededGenerator
    ) throws(ForecastError) -> SamplePaths {
        guard let sample = model.functions["sample"] else {
            throw ForecastError("\(name): this Lua model gives no sample paths (its plugin has no sample function)")
        }
        let stack = try model.context.luaModels.stack(for: name)
        let context = model.context
        context.generator = generator
        defer { generator = context.generator }
        do {
            try stack.call(
                sample, [.function(state), .integer(Int64(horizon)), .integer(Int64(count))], results: 1, caller: name)
        } catch {
            throw model.failure(error, prefixing: false)
        }
        defer { stack.pop() }
        guard case .array(let rows)? = try? stack.value(at: -1), rows.count == count else {
            throw ForecastError("\(name): sample must return an array of \(count) paths")
        }
        var values: [Double] = []
        for row in rows {
            guard case .array(let items) = row, items.count == horizon, items.allSatisfy({ $0.doubleValue != nil })
            else {
                throw ForecastError("\(name): each sample path must be an array of \(horizon) numbers")
            }
            values.append(contentsOf: items.compactMap(\.doubleValue))
        }
        return SamplePaths(horizon: horizon, count: count, values: values)
    }
}
