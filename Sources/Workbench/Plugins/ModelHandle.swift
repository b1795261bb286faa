import AlmanacCore
import CLua
import Forecasting
import LuaBridge
import TimeSeries

/// A model plugin with its options set, native or Lua: what forecast.fit,
/// fit_many and backtest work with.
struct ModelHandle {
    let plugin: RegisteredPlugin
    enum Backing {
        case native(any Forecaster, options: [String: ParameterValue])
        case lua(functions: [String: LuaReference], params: [String: LuaValue])
    }
    let backing: Backing

    var name: String { plugin.descriptor.name }

    init(_ name: String, options: [String: LuaValue], registry: PluginRegistry) throws {
        plugin = try registry.find(name, kind: .model)
        switch plugin.implementation {
        case .nativeModel(let definition):
            var values: [String: ParameterValue] = [:]
            for (key, value) in options { if let v = value.parameterValue { values[key] = v } }
            do { backing = .native(try definition.configure(values), options: values) } catch {
                throw ScriptError.named(error.message)
            }
        case .lua(let functions):
            let (_, lua) = try validateOptions(options, against: plugin.descriptor.parameters, owner: name)
            backing = .lua(functions: functions, params: lua)
        default:
            throw ScriptError("'\(name)' is not a model")
        }
    }

    var forecaster: (any Forecaster)? {
        if case .native(let f, _) = backing { return f }
        return nil
    }

    /// Fits `data`; `stack` runs Lua plugins.
    func fit(_ data: ModelData, stack: LuaStack) throws -> FittedHandle {
        switch backing {
        case .native(let forecaster, _):
            do { return .native(try forecaster.fit(data)) } catch { throw ScriptError.named(error.message) }
        case .lua(let functions, let params):
            guard let fit = functions["fit"] else { throw ScriptError.named("\(name): has no fit function") }
            do {
                try stack.call(fit, [.object(SeriesObject(data.series)), .record(params)], results: 1, caller: name)
            } catch {
                if error.kind == .runtime && !error.message.hasSourcePosition { throw ScriptError.named("\(name): \(error.message)") }
                throw error
            }
            return .lua(LuaFittedModel(name: name, functions: functions, state: LuaReference(popping: stack.L), series: data.series))
        }
    }
}

/// A fitted model of either kind.
enum FittedHandle {
    case native(any FittedModel)
    case lua(LuaFittedModel)

    var series: Series {
        switch self {
        case .native(let m): return m.series
        case .lua(let m): return m.series
        }
    }

    var modelName: String {
        switch self {
        case .native(let m): return m.modelName
        case .lua(let m): return m.name
        }
    }

    var method: String {
        switch self {
        case .native(let m): return m.method
        case .lua(let m): return m.name
        }
    }

    func forecast(_ request: ForecastRequest, stack: LuaStack) throws -> Forecast {
        switch self {
        case .native(let m):
            do { return try m.forecast(request) } catch { throw ScriptError.named(error.message) }
        case .lua(let m):
            return try m.forecast(request, stack: stack)
        }
    }

    /// Takes the context rather than its generator: a Lua model's sample function
    /// draws from the same generator (dist:sample, math.random) while it runs.
    func sample(horizon: Int, count: Int, future: [String: [Double]], context: HostContext,
                stack: LuaStack) throws -> SamplePaths {
        switch self {
        case .native(let m):
            do { return try m.samplePaths(horizon: horizon, count: count, future: future, generator: &context.generator) } catch {
                throw ScriptError.named(error.message)
            }
        case .lua(let m):
            return try m.sample(horizon: horizon, count: count, stack: stack)
        }
    }
}

/// A model fitted by a Lua plugin: its state stays in Lua; forecasts call back.
final class LuaFittedModel {
    let name: String
    let functions: [String: LuaReference]
    let state: LuaReference
    let series: Series

    init(name: String, functions: [String: LuaReference], state: LuaReference, series: Series) {
        self.name = name
        self.functions = functions
        self.state = state
        self.series = series
    }

    func fail(_ what: String) -> ScriptError {
        .named("\(name): forecast must return an array of numbers, or { mean = { ... }, lower = { ... }, upper = { ... } } "
               + "with one array of bounds per level in lower and upper, in the order of the levels; \(what)")
    }

    func forecast(_ asked: ForecastRequest, stack: LuaStack) throws -> Forecast {
        guard let forecast = functions["forecast"] else { throw ScriptError.named("\(name): has no forecast function") }
        let request: ForecastRequest
        do { request = try asked.validated(owner: name) } catch { throw ScriptError.named(error.message) }
        try stack.call(forecast, [.function(state), .integer(Int64(request.horizon)), .array(request.levels.map { .number($0) })],
                       results: 1, caller: name)
        defer { lua_settop(stack.L, -2) }
        let value = try stack.value(at: -1)
        func numbers(_ v: LuaValue?, _ what: String) throws -> [Double] {
            switch v ?? .nil {
            case .array(let items) where items.allSatisfy({ $0.doubleValue != nil }): return items.compactMap(\.doubleValue)
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
                func side(_ name: String) throws -> [Double]? {
                    guard case .record(let byLevel)? = r[name] else {
                        // An array holds the bounds of each level in the order the levels were asked for.
                        if case .array(let items)? = r[name], position < items.count {
                            return try numbers(items[position], "'\(name)[\(position + 1)]'")
                        }
                        return nil
                    }
                    return try byLevel[key].map { try numbers($0, "'\(name)[\(key)]'") }
                }
                if let lo = try side("lower"), let hi = try side("upper") {
                    levels.append(level)
                    lower.append(lo)
                    upper.append(hi)
                }
            }
        default: throw fail("got a \(value.typeName)")
        }
        guard mean.count == request.horizon else { throw fail("it gave \(mean.count) values for h = \(request.horizon)") }
        if lower.contains(where: { $0.count != mean.count }) || upper.contains(where: { $0.count != mean.count }) {
            throw fail("the bounds have a different length from the mean")
        }
        return Forecast(method: name, history: series, mean: mean, levels: levels, lower: lower, upper: upper)
    }

    func sample(horizon: Int, count: Int, stack: LuaStack) throws -> SamplePaths {
        guard let sample = functions["sample"] else {
            throw ScriptError.named("\(name): this Lua model gives no sample paths (its plugin has no sample function)")
        }
        try stack.call(sample, [.function(state), .integer(Int64(horizon)), .integer(Int64(count))], results: 1, caller: name)
        defer { lua_settop(stack.L, -2) }
        guard case .array(let rows) = try stack.value(at: -1), rows.count == count else {
            throw ScriptError.named("\(name): sample must return an array of \(count) paths")
        }
        var values: [Double] = []
        for row in rows {
            guard case .array(let items) = row, items.count == horizon, items.allSatisfy({ $0.doubleValue != nil }) else {
                throw ScriptError.named("\(name): each sample path must be an array of \(horizon) numbers")
            }
            values.append(contentsOf: items.compactMap(\.doubleValue))
        }
        return SamplePaths(horizon: horizon, count: count, values: values)
    }
}
