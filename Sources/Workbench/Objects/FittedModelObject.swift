import AlmanacCore
import DataSources
import Foundation
import Forecasting
import LuaBridge
import NeuralForecasting
import TimeSeries

/// A fitted model as Lua holds it (from forecast.fit or forecast.load).
public final class FittedModelObject: LuaUserdata {
    public static let luaClassName = "FittedModel"
    /// The fit, native or from a Lua plugin: the same contract either way.
    let model: any FittedModel
    /// The configured model it came from, for m:apply.
    let forecaster: any Forecaster
    /// The options it was configured with, for saving.
    let options: [String: ParameterValue]
    /// The covariates it was fitted with (history and known future), for saving.
    let covariates: [String: [Double]]
    let context: HostContext

    init(_ model: any FittedModel, forecaster: any Forecaster, options: [String: ParameterValue],
         covariates: [String: [Double]] = [:], context: HostContext) {
        self.model = model
        self.forecaster = forecaster
        self.options = options
        self.covariates = covariates
        self.context = context
    }

    static let fineTuneOptions = [
        ParameterSpec("steps", .integer, default: .integer(300), range: ParameterRange(lower: 1, upper: 1_000_000), doc: "most training steps per network"),
        ParameterSpec("learning_rate", .number, default: .number(1e-4), range: ParameterRange(lower: 0, lowerInclusive: false, upper: 1), doc: "Adam's step size (smaller than for training from scratch)"),
        ParameterSpec("seed", .integer, default: .integer(1), range: ParameterRange(lower: 0), doc: "seed of the training windows"),
    ]

    /// { h =, levels =, future = { name = { ... } } } from argument `index`.
    static func request(_ call: LuaCall, _ index: Int32, owner: String) throws -> (ForecastRequest, count: Int?) {
        try request(from: try call.record(index, "options"), owner: owner)
    }

    /// The request in `options`; `extra` names further options the caller reads itself.
    static func request(from options: [String: LuaValue], owner: String, extra: [String] = []) throws -> (ForecastRequest, count: Int?) {
        let known = ["h", "levels", "future", "n"] + extra
        for key in options.keys.sorted() where !known.contains(key) {
            let guess = closestMatch(to: key, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            throw ScriptError("\(owner): unknown option '\(key)'\(guess)")
        }
        guard let hValue = options["h"] else { throw ScriptError("\(owner): needs the horizon, e.g. { h = 12 }") }
        guard let h = hValue.doubleValue, h == h.rounded(), h >= 1, h <= Double(ForecastRequest.maximumHorizon) else {
            throw ScriptError("\(owner): h must be a whole number between 1 and \(ForecastRequest.maximumHorizon), got \(hValue.typeName == "number" ? formatNumber(hValue.doubleValue ?? .nan) : "a " + hValue.typeName)")
        }
        var levels: [Double] = [80, 95]
        switch options["levels"] ?? .nil {
        case .nil: break
        case .number(let x): levels = [x]
        case .integer(let x): levels = [Double(x)]
        case .array(let items) where items.allSatisfy({ $0.doubleValue != nil }): levels = items.compactMap(\.doubleValue)
        default: throw ScriptError("\(owner): levels must be an array of percentages like { 80, 95 }")
        }
        var future: [String: [Double]] = [:]
        switch options["future"] ?? .nil {
        case .nil: break
        case .record(let fields): future = try covariateColumns(fields, owner: owner, label: "future")
        default: throw ScriptError("\(owner): future must be a table of covariates, e.g. { promo = { 0, 1, 0 } }")
        }
        var count: Int?
        if let n = options["n"] {
            guard let x = n.doubleValue, x == x.rounded(), x >= 1, x <= 10_000_000 else {
                throw ScriptError("\(owner): n must be a whole number of paths between 1 and 10000000")
            }
            count = Int(x)
        }
        return (ForecastRequest(horizon: Int(h), levels: levels, future: future), count)
    }

    /// { name = array of numbers or Series, ... } as covariate columns; `label` names the table in messages.
    static func covariateColumns(_ fields: [String: LuaValue], owner: String, label: String) throws -> [String: [Double]] {
        var columns: [String: [Double]] = [:]
        for (name, value) in fields {
            switch value {
            case .array(let items) where items.allSatisfy({ $0.doubleValue != nil }): columns[name] = items.compactMap(\.doubleValue)
            case .object(let s as SeriesObject): columns[name] = s.series.values
            default: throw ScriptError("\(owner): \(label).\(name) must be an array of numbers or a Series")
            }
        }
        return columns
    }

    /// What `request` reads: the options of m:forecast, and of m:sample when `sampling`.
    static func requestType(sampling: Bool) -> LuaType {
        var fields = [
            LuaField("h", .integer, doc: "steps ahead (required)"),
            .optional("levels", .number | .array(.number), doc: "interval levels in percent (default { 80, 95 })"),
            .optional("future", .covariates, doc: "covariates' future values, one per step"),
        ]
        if sampling { fields.append(.optional("n", .integer, doc: "how many paths (default 1000)")) }
        return .record(fields, named: sampling ? "FittedModel.SampleRequest" : "FittedModel.ForecastRequest")
    }

    public static func luaClass() -> LuaClass<FittedModelObject> {
        var c = LuaClass<FittedModelObject>(summary: "a model fitted to a series (from forecast.fit)")
        func statistic(_ me: FittedModelObject, _ pick: (FitStatistics) -> Double?) -> LuaValue {
            guard let v = pick(me.model.statistics) else { return .nil }
            return .number(v)
        }
        c.properties = [
            LuaProperty("name", .pluginName(.model), "the model plugin's name (\"ets\")") { .string($0.model.modelName) },
            LuaProperty("method", .string, "what was fitted (\"ETS(M,A,M)\")") { .string($0.model.method) },
            LuaProperty("n", .integer, "observations fitted") { .integer(Int64($0.model.series.count)) },
            LuaProperty("aic", .number | .nil, "Akaike's information criterion (nil if the model has no likelihood)") { statistic($0) { $0.aic } },
            LuaProperty("aicc", .number | .nil, "AIC corrected for small samples") { statistic($0) { $0.aicc } },
            LuaProperty("bic", .number | .nil, "Bayesian information criterion") { statistic($0) { $0.bic } },
            LuaProperty("loglik", .number | .nil, "log-likelihood") { statistic($0) { $0.logLikelihood } },
            LuaProperty("sigma2", .number | .nil, "residual (innovation) variance") { statistic($0) { $0.sigma2 } },
            LuaProperty("notes", .array(.string), "what the fit had to do that you should know") { .array($0.model.notes.map { .string(LuaWording.lua($0)) }) },
        ]
        c.methods = [
            LuaMethod("forecast", signature: "m:forecast{ h = [, levels = { 80, 95 }] [, future = { x = { ... } }] } -> Forecast",
                      summary: "point forecasts and prediction intervals h steps ahead; `future` gives covariates' future values",
                      types: LuaSignature([.init("request", requestType(sampling: false))], returns: [.forecast])) { me, call in
                let (request, _) = try request(call, 2, owner: "forecast")
                let fc: Forecast
                do throws(ForecastError) { fc = try me.context.runningModels(call) { () throws(ForecastError) in try me.model.forecast(request) } } catch {
                    throw error.scriptError()
                }
                call.stack.pushUserdata(ForecastObject(fc))
                return 1
            },
            LuaMethod("sample", signature: "m:sample{ h =, n = } -> SamplePaths",
                      summary: "n simulated future paths of h steps, from the run's seeded generator",
                      types: LuaSignature([.init("request", requestType(sampling: true))], returns: [.samplePaths])) { me, call in
                let (request, count) = try request(call, 2, owner: "sample")
                guard request.horizon <= 100_000 else { throw ScriptError("sample: h = \(request.horizon) is too long") }
                let n = count ?? 1000
                guard n * request.horizon <= 200_000_000 else { throw ScriptError("sample: \(n) × \(request.horizon) values are too many") }
                let paths = try me.context.samplePaths(me.model, horizon: request.horizon, count: n, future: request.future, call: call)
                call.stack.pushUserdata(SamplePathsObject(paths))
                return 1
            },
            LuaMethod("params", signature: "m:params() -> { name = value, ... }", summary: "estimated parameters and initial states",
                      types: LuaSignature(returns: [.map(key: .string, value: .number)])) { me, call in
                let m = me.model
                var record: [String: LuaValue] = [:]
                for p in m.parameters { record[p.name] = .number(p.value) }
                return call.returning(.record(record))
            },
            LuaMethod("summary", signature: "m:summary() -> string", summary: "a readable summary: model, parameters, fit statistics, notes",
                      types: LuaSignature(returns: [.string])) { me, call in
                call.returning(.string(me.summary()))
            },
            LuaMethod("residuals", signature: "m:residuals() -> Series", summary: "observed minus fitted, on the data's scale",
                      types: LuaSignature(returns: [.series])) { me, call in
                let m = me.model
                var s = m.series.with(values: m.residuals)
                s.name = "residuals"
                return SeriesObject.push(s, call)
            },
            LuaMethod("innovations", signature: "m:innovations() -> Series",
                      summary: "the model's one-step errors (relative errors for multiplicative-error ETS)",
                      types: LuaSignature(returns: [.series])) { me, call in
                let m = me.model
                var s = m.series.with(values: m.innovations)
                s.name = "innovations"
                return SeriesObject.push(s, call)
            },
            LuaMethod("fitted", signature: "m:fitted() -> Series", summary: "one-step-ahead fitted values",
                      types: LuaSignature(returns: [.series])) { me, call in
                let m = me.model
                var s = m.series.with(values: m.fitted)
                s.name = "fitted"
                return SeriesObject.push(s, call)
            },
            LuaMethod("apply", signature: "m:apply(series [, attributes]) -> FittedModel",
                      summary: "the same model on another series (a longer history, a new SKU) without estimating again: a global network (nbeats, lstm) reads the new series as it is, with a new SKU's attributes ({ category = \"toys\" }) for the categories it embeds (without them it keeps this series' levels); other models keep their estimated parameters and restart their states from the new data",
                      types: LuaSignature([.init("series", .seriesLike), .optional("attributes", .map(key: .string, value: .string | .number))],
                                          returns: [.named(FittedModelObject.luaClassName)])) { me, call in
                let m = me.model
                var attributes: [String: String] = [:]
                for (name, value) in try call.record(3, "attributes") {
                    // Described as a panel's attribute would be, so a level matches the one it was trained on.
                    guard let attribute = PanelExtras.attributeValue(value) else {
                        throw ScriptError("m:apply: attribute '\(name)' must be a string or a number, not \(value.typeName)")
                    }
                    attributes[name] = attribute.description
                }
                let data = ModelData(series: try SeriesObject.argument(call, 2, "series"), covariates: me.covariates, attributes: attributes)
                let again: any FittedModel
                do throws(ForecastError) {
                    again = try me.context.runningModels(call) { () throws(ForecastError) in try m.applied(to: data, forecaster: me.forecaster) }
                } catch {
                    throw error.scriptError(prefix: "m:apply: ")
                }
                call.stack.pushUserdata(FittedModelObject(again, forecaster: me.forecaster, options: me.options, covariates: me.covariates, context: me.context))
                return 1
            },
            LuaMethod("fine_tune", signature: "m:fine_tune(series_or_panel [, { steps = 300, learning_rate = 1e-4, seed = 1 }]) -> FittedModel | FittedPanel",
                      summary: "a global network (nbeats, lstm) trained further on new data from its current weights: a new season of sales, new SKUs; a panel gives a FittedPanel, a series a FittedModel",
                      types: LuaSignature([.init("series_or_panel", .seriesLike | .panel), .optional("options", .options(fineTuneOptions))],
                                          returns: [.named(FittedModelObject.luaClassName) | .named(FittedPanelObject.luaClassName)])) { me, call in
                let m = me.model
                let (o, _) = try validateOptions(try call.record(3, "options"), against: fineTuneOptions, owner: "m:fine_tune")
                var settings = NeuralFineTuning.Settings()
                settings.steps = o.integer("steps") ?? settings.steps
                settings.learningRate = o.number("learning_rate") ?? settings.learningRate
                settings.seed = UInt64(o.integer("seed") ?? 1)
                let panel = call.stack.object(at: 2, as: PanelObject.self)?.panel
                let keys = panel?.keys ?? ["series"]
                let items = try panel.map { p in keys.compactMap { p[$0].map { ModelData($0) } } }
                    ?? [ModelData(series: try SeriesObject.argument(call, 2, "series_or_panel"))]
                let bar = TrainingBar(label: "fine_tune \(m.modelName)", stop: ScriptStop(call.L))
                let members: [PanelMember]
                do throws(ForecastError) { members = try NeuralFineTuning.fineTune(m, on: items, settings: settings, threads: ParallelMap.defaultThreads,
                                                             progress: { bar.update($0) }) } catch {
                    try bar.finish()
                    throw ScriptError.named(error.message)
                }
                try bar.finish()
                guard panel != nil else {
                    guard let model = members.first?.model else { throw ScriptError.named(members.first?.failure ?? "fine_tune: no model") }
                    call.stack.pushUserdata(FittedModelObject(model, forecaster: me.forecaster, options: me.options, context: me.context))
                    return 1
                }
                let entries = zip(keys, members).map { key, member in
                    FittedPanelObject.Entry(key: key, model: member.model, forecaster: me.forecaster, failure: member.failure, fallback: nil)
                }
                call.stack.pushUserdata(FittedPanelObject(modelName: m.modelName, entries: entries, options: me.options, context: me.context))
                return 1
            },
            LuaMethod("save", signature: "m:save(path)", summary: "writes the model as JSON (relative paths go to the output folder); forecast.load reads it back",
                      types: LuaSignature([.init("path", .string)])) { me, call in
                let m = me.model
                if let problem = m.savedStateProblem { throw ScriptError(problem) }
                let path = try me.context.writablePath(try call.string(2, "path"))
                let data: Data
                do { data = try ModelArchive(model: m.modelName, options: me.options, fit: m, covariates: me.covariates).encoded() } catch let error as ForecastError {
                    throw ScriptError(error.message)
                }
                do { try writeAtomically(data, to: path) } catch let error as DataError { throw ScriptError(error.message) }
                return 0
            },
        ]
        c.tostring = { $0.summary() }
        return c
    }

    func summary() -> String {
        let m = model
        let s = m.series
        let span = s.count > 0 ? ", \(s.label(at: 0)) to \(s.label(at: s.count - 1))" : ""
        var lines = ["\(m.method) fitted to \(s.describedName) (\(s.count) \(s.frequency == .none ? "" : s.frequency.rawValue + "ly ")observations\(span))"]
        lines[0] = lines[0].replacingOccurrences(of: "dayly", with: "daily")
        if !m.parameters.isEmpty {
            lines.append("  Parameters:")
            let width = m.parameters.map(\.name.count).max() ?? 0
            for p in m.parameters {
                lines.append("    \(p.name.padding(toLength: width, withPad: " ", startingAt: 0)) = \(String(format: "%.6g", p.value))")
            }
        }
        let st = m.statistics
        lines.append("  sigma^2 = \(String(format: "%.6g", st.sigma2))")
        if let ll = st.logLikelihood, let aic = st.aic, let aicc = st.aicc, let bic = st.bic {
            lines.append("  log-likelihood = \(String(format: "%.3f", ll))   AIC = \(String(format: "%.3f", aic))   AICc = \(String(format: "%.3f", aicc))   BIC = \(String(format: "%.3f", bic))")
        }
        for note in m.notes { lines.append("  Note: \(LuaWording.lua(note))") }
        return lines.joined(separator: "\n")
    }
}
