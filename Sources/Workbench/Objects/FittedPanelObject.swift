import AlmanacCore
import Forecasting
import LuaBridge
import TimeSeries

/// One model fitted to every series of a panel (from forecast.fit_many).
public final class FittedPanelObject: LuaUserdata {
    public static let luaClassName = "FittedPanel"
    /// fp:forecast's request: a model's, plus each key's own future covariates.
    static let panelRequestType = LuaType.record([
        LuaField("h", .integer, doc: "steps ahead (required)"),
        .optional("levels", .number | .array(.number), doc: "interval levels in percent (default { 80, 95 })"),
        .optional("future", .covariates, doc: "covariates' future values, one per step, for every key"),
        .optional("future_by_key", .map(key: .string, value: .covariates), doc: "each key's own future covariates (taking precedence)"),
    ], named: "FittedPanel.ForecastRequest")

    struct Entry {
        let key: String
        let model: (any FittedModel)?
        /// The configured model that made the fit (the fallback's, for a series that fell back).
        let forecaster: (any Forecaster)?
        let failure: String?
        let fallback: String?
        /// The series' covariates, so fp:model(key) can save a model that reads them.
        var covariates: [String: [Double]] = [:]
    }
    let modelName: String
    let entries: [Entry]
    let options: [String: ParameterValue]
    let context: HostContext

    init(modelName: String, entries: [Entry], options: [String: ParameterValue], context: HostContext) {
        self.modelName = modelName
        self.entries = entries
        self.options = options
        self.context = context
    }

    func entry(_ key: String) throws -> Entry {
        if let e = entries.first(where: { $0.key == key }) { return e }
        let guess = closestMatch(to: key, in: entries.map(\.key)).map { " (did you mean '\($0)'?)" } ?? ""
        throw ScriptError("no series '\(key)' in this fitted panel\(guess)")
    }

    var failures: LuaValue {
        .array(entries.filter { $0.failure != nil }.map { e in
            var r: [String: LuaValue] = ["key": .string(e.key), "reason": .string(LuaWording.lua(e.failure ?? ""))]
            r["fallback"] = e.fallback.map { .string($0) } ?? .nil
            return .record(r)
        })
    }

    public static func luaClass() -> LuaClass<FittedPanelObject> {
        var c = LuaClass<FittedPanelObject>(summary: "a model fitted to every series of a panel (from forecast.fit_many)")
        c.properties = [
            LuaProperty("model", .pluginName(.model), "the model plugin's name") { .string($0.modelName) },
            LuaProperty("failures", .array(.record([LuaField("key", .string), LuaField("reason", .string), .optional("fallback", .pluginName(.model))], named: "FittedPanel.failure")),
                        "series the model could not fit: { { key =, reason =, fallback = }, ... }") { $0.failures },
        ]
        c.methods = [
            LuaMethod("keys", signature: "fp:keys() -> { key, ... }", summary: "the series' keys, in the panel's order",
                      types: LuaSignature(returns: [.array(.string)])) { me, call in
                call.returning(.array(me.entries.map { .string($0.key) }))
            },
            LuaMethod("model", signature: "fp:model(key) -> FittedModel", summary: "the fit of one series (nil if it failed and had no fallback)",
                      types: LuaSignature([.init("key", .string)], returns: [.fittedModel | .nil])) { me, call in
                let e = try me.entry(try call.string(2, "key"))
                guard let model = e.model, let forecaster = e.forecaster else { return call.returning(.nil) }
                call.stack.pushUserdata(FittedModelObject(model, forecaster: forecaster, options: me.options, covariates: e.covariates, context: me.context))
                return 1
            },
            LuaMethod("methods", signature: "fp:methods() -> { [key] = method }", summary: "what was fitted to each series (\"ETS(M,A,N)\")",
                      types: LuaSignature(returns: [.map(key: .string, value: .string)])) { me, call in
                var r: [String: LuaValue] = [:]
                for e in me.entries { r[e.key] = e.model.map { .string($0.method) } ?? .string("failed") }
                return call.returning(.record(r))
            },
            LuaMethod("forecast", signature: "fp:forecast{ h = [, levels =] [, future =] [, future_by_key =] } -> { [key] = Forecast }",
                      summary: "a forecast for every series that has a model, keyed like the panel; `future` gives covariates' future values for every key, `future_by_key = { [key] = { promo = { ... } } }` each key's own (taking precedence)",
                      types: LuaSignature([.init("request", panelRequestType)], returns: [.map(key: .string, value: .forecast)])) { me, call in
                let options = try call.record(2, "request")
                let (request, _) = try FittedModelObject.request(from: options, owner: "forecast", extra: ["future_by_key"])
                var byKey: [String: [String: [Double]]] = [:]
                switch options["future_by_key"] ?? .nil {
                case .nil: break
                case .record(let keyed):
                    let keys = me.entries.map(\.key)
                    for (key, value) in keyed {
                        guard keys.contains(key) else {
                            let guess = closestMatch(to: key, in: keys).map { " (did you mean '\($0)'?)" } ?? ""
                            throw ScriptError("forecast: future_by_key has '\(key)', which is not a key of this panel\(guess)")
                        }
                        guard case .record(let fields) = value else {
                            throw ScriptError("forecast: future_by_key.\(key) must be a table of covariates, e.g. { promo = { 0, 1, 0 } }")
                        }
                        byKey[key] = try FittedModelObject.covariateColumns(fields, owner: "forecast", label: "future_by_key.\(key)")
                    }
                default: throw ScriptError("forecast: future_by_key must be a table like { [key] = { promo = { 0, 1 } } }")
                }
                var r: [String: LuaValue] = [:]
                for e in me.entries {
                    guard let m = e.model else { continue }
                    var keyed = request
                    if let own = byKey[e.key] { keyed.future.merge(own) { _, mine in mine } }
                    do throws(ForecastError) {
                        r[e.key] = .object(ForecastObject(try me.context.runningModels(call) { () throws(ForecastError) in try m.forecast(keyed) }))
                    } catch {
                        throw error.scriptError()
                    }
                }
                return call.returning(.record(r))
            },
        ]
        c.length = { $0.entries.count }
        c.tostring = { me in
            let failed = me.entries.filter { $0.failure != nil }
            var text = "FittedPanel: \(me.modelName) on \(me.entries.count) series"
            if !failed.isEmpty {
                text += "; \(failed.count) failed"
                text += failed.prefix(5).map { "\n  \($0.key): \(LuaWording.lua($0.failure ?? ""))\($0.fallback.map { " (fallback: \($0))" } ?? "")" }.joined()
            }
            return text
        }
        return c
    }
}
