import AlmanacCore
import Forecasting
import LuaBridge
import TimeSeries

/// One model fitted to every series of a panel (from forecast.fit_many).
public final class FittedPanelObject: LuaUserdata, ScriptReceiver {
    public static let luaClassName = "FittedPanel"
    static let receiverName = "fp"
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
        .array(
            entries.filter { $0.failure != nil }.map { e in
                var r: [String: LuaValue] = ["key": .string(e.key), "reason": .string(LuaWording.lua(e.failure ?? ""))]
                r["fallback"] = e.fallback.map { .string($0) } ?? .nil
                return .record(r)
            })
    }

    /// fp:forecast: every key's model with the shared request, and its own future covariates over the shared ones.
    func forecast(_ args: ForecastArguments, _ call: LuaCall) throws -> Int32 {
        let request = try args.request.forecastRequest(owner: "forecast")
        var byKey: [String: [String: [Double]]] = [:]
        let keys = entries.map(\.key)
        for (key, value) in args.futureByKey {
            guard keys.contains(key) else {
                let guess = closestMatch(to: key, in: keys).map { " (did you mean '\($0)'?)" } ?? ""
                throw ScriptError("forecast: future_by_key has '\(key)', which is not a key of this panel\(guess)")
            }
            guard case .record(let fields) = value else {
                throw ScriptError(
                    "forecast: future_by_key.\(key) must be a table of covariates, e.g. { promo = { 0, 1, 0 } }")
            }
            byKey[key] = try CovariatesArgument.columns(fields, owner: "forecast", label: "future_by_key.\(key)")
        }
        var r: [String: LuaValue] = [:]
        for e in entries {
            guard let m = e.model else { continue }
            var keyed = request
            if let own = byKey[e.key] { keyed.future.merge(own) { _, mine in mine } }
            do throws(ForecastError) {
                r[e.key] = .object(
                    ForecastObject(
                        try context.runningModels(call) { () throws(ForecastError) in try m.forecast(keyed) }))
            } catch {
                throw error.scriptError()
            }
        }
        return call.returning(.record(r))
    }

    public static func luaClass() -> LuaClass<FittedPanelObject> {
        var c = LuaClass<FittedPanelObject>(
            summary: "a model fitted to every series of a panel (from forecast.fit_many)")
        c.properties = [
            LuaProperty("model", .pluginName(.model), "the model plugin's name") { .string($0.modelName) },
            LuaProperty(
                "failures",
                .array(
                    .record(
                        [
                            LuaField("key", .string), LuaField("reason", .string),
                            .optional("fallback", .pluginName(.model)),
                        ], named: "FittedPanel.failure")),
                "series the model could not fit: { { key =, reason =, fallback = }, ... }"
            ) { $0.failures },
        ]
        c.methods = [
            LuaMethod("keys", summary: "the series' keys, in the panel's order", returns: [.init(.array(.string))]) {
                me, call in
                call.returning(.array(me.entries.map { .string($0.key) }))
            },
            LuaMethod(
                "model", summary: "the fit of one series (nil if it failed and had no fallback)",
                arguments: KeyArguments.self,
                returns: [.init(.fittedModel | .nil)]
            ) { me, args, call in
                let e = try me.entry(args.key)
                guard let model = e.model, let forecaster = e.forecaster else { return call.returning(.nil) }
                call.stack.pushUserdata(
                    FittedModelObject(
                        model, forecaster: forecaster, options: me.options, covariates: e.covariates,
                        context: me.context))
                return 1
            },
            LuaMethod(
                "methods", summary: "what was fitted to each series, by key (\"ETS(M,A,N)\"; \"failed\" for none)",
                returns: [.init(.map(key: .string, value: .string))]
            ) { me, call in
                var r: [String: LuaValue] = [:]
                for e in me.entries { r[e.key] = e.model.map { .string($0.method) } ?? .string("failed") }
                return call.returning(.record(r))
            },
            LuaMethod(
                "forecast",
                summary:
                    "a forecast for every series that has a model, keyed like the panel; `future` gives covariates' future values for every key, `future_by_key = { [key] = { promo = { ... } } }` each key's own (taking precedence)",
                arguments: ForecastArguments.self, returns: [.init(.map(key: .string, value: .forecast))],
                owner: "forecast"
            ) { me, args, call in
                try me.forecast(args, call)
            },
        ]
        c.length = { $0.entries.count }
        c.tostring = { me in
            let failed = me.entries.filter { $0.failure != nil }
            var text = "FittedPanel: \(me.modelName) on \(me.entries.count) series"
            if !failed.isEmpty {
                text += "; \(failed.count) failed"
                text += failed.prefix(5).map {
                    "\n  \($0.key): \(LuaWording.lua($0.failure ?? ""))\($0.fallback.map { " (fallback: \($0))" } ?? "")"
                }.joined()
            }
            return text
        }
        return c
    }
}
