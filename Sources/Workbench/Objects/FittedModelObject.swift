import AlmanacCore
import DataSources
import Forecasting
import Foundation
import LuaBridge
import NeuralForecasting
import TimeSeries

/// A fitted model as Lua holds it (from forecast.fit or forecast.load).
public final class FittedModelObject: LuaUserdata, ScriptReceiver {
    public static let luaClassName = "FittedModel"
    static let receiverName = "m"
    /// The fit, native or from a Lua plugin: the same contract either way.
    let model: any FittedModel
    /// The configured model it came from, for m:apply.
    let forecaster: any Forecaster
    /// The options it was configured with, for saving.
    let options: [String: ParameterValue]
    /// The covariates it was fitted with (history and known future), for saving.
    let covariates: [String: [Double]]
    let context: HostContext

    init(
        _ model: any FittedModel, forecaster: any Forecaster, options: [String: ParameterValue],
        covariates: [String: [Double]] = [:], context: HostContext
    ) {
        self.model = model
        self.forecaster = forecaster
        self.options = options
        self.covariates = covariates
        self.context = context
    }

    public static func luaClass() -> LuaClass<FittedModelObject> {
        var c = LuaClass<FittedModelObject>(summary: "a model fitted to a series (from forecast.fit)")
        func statistic(_ me: FittedModelObject, _ pick: (FitStatistics) -> Double?) -> LuaValue {
            guard let v = pick(me.model.statistics) else { return .nil }
            return .number(v)
        }
        c.properties = [
            LuaProperty("name", .pluginName(.model), "the model plugin's name (\"ets\")") {
                .string($0.model.modelName)
            },
            LuaProperty("method", .string, "what was fitted (\"ETS(M,A,M)\")") { .string($0.model.method) },
            LuaProperty("n", .integer, "observations fitted") { .integer(Int64($0.model.series.count)) },
            LuaProperty("aic", .number | .nil, "Akaike's information criterion (nil if the model has no likelihood)") {
                statistic($0) { $0.aic }
            },
            LuaProperty("aicc", .number | .nil, "AIC corrected for small samples") { statistic($0) { $0.aicc } },
            LuaProperty("bic", .number | .nil, "Bayesian information criterion") { statistic($0) { $0.bic } },
            LuaProperty("loglik", .number | .nil, "log-likelihood") { statistic($0) { $0.logLikelihood } },
            LuaProperty("sigma2", .number | .nil, "residual (innovation) variance") { statistic($0) { $0.sigma2 } },
            LuaProperty("notes", .array(.string), "what the fit had to do that you should know") {
                .array($0.model.notes.map { .string(LuaWording.lua($0)) })
            },
        ]
        c.methods = [
            LuaMethod(
                "forecast",
                summary:
                    "point forecasts and prediction intervals h steps ahead; `future` gives covariates' future values",
                arguments: ForecastArguments.self, returns: [.init(.forecast)], owner: "forecast"
            ) { me, args, call in
                let request = try args.request.forecastRequest(owner: "forecast")
                let fc: Forecast
                do throws(ForecastError) {
                    fc = try me.context.runningModels(call) { () throws(ForecastError) in try me.model.forecast(request)
                    }
                } catch {
                    throw error.scriptError()
                }
                call.stack.pushUserdata(ForecastObject(fc))
                return 1
            },
            LuaMethod(
                "sample", summary: "n simulated future paths of h steps, from the run's seeded generator",
                arguments: SampleArguments.self, returns: [.init(.samplePaths)], owner: "sample"
            ) { me, args, call in
                let request = try args.request.forecastRequest(owner: "sample")
                guard request.horizon <= 100_000 else {
                    throw ScriptError("sample: h = \(request.horizon) is too long")
                }
                let n = args.n.value
                guard n * request.horizon <= 200_000_000 else {
                    throw ScriptError("sample: \(n) × \(request.horizon) values are too many")
                }
                let paths = try me.context.samplePaths(
                    me.model, horizon: request.horizon, count: n, future: request.future, call: call)
                call.stack.pushUserdata(SamplePathsObject(paths))
                return 1
            },
            LuaMethod(
                "params", summary: "estimated parameters and initial states, by name ({ alpha = ..., l = ... })",
                returns: [.init(.map(key: .string, value: .number))]
            ) { me, call in
                var record: [String: LuaValue] = [:]
                for p in me.model.parameters { record[p.name] = .number(p.value) }
                return call.returning(.record(record))
            },
            LuaMethod(
                "summary", summary: "a readable summary: model, parameters, fit statistics, notes",
                returns: [.init(.string)]
            ) { me, call in
                call.returning(.string(me.summary()))
            },
            LuaMethod("residuals", summary: "observed minus fitted, on the data's scale", returns: [.init(.series)]) {
                me, call in
                me.push(me.model.residuals, named: "residuals", call)
            },
            LuaMethod(
                "innovations", summary: "the model's one-step errors (relative errors for multiplicative-error ETS)",
                returns: [.init(.series)]
            ) { me, call in
                me.push(me.model.innovations, named: "innovations", call)
            },
            LuaMethod("fitted", summary: "one-step-ahead fitted values", returns: [.init(.series)]) { me, call in
                me.push(me.model.fitted, named: "fitted", call)
            },
            LuaMethod(
                "apply",
                summary:
                    "the same model on another series (a longer history, a new SKU) without estimating again: a global network (nbeats, lstm) reads the new series as it is, with a new SKU's attributes ({ category = \"toys\" }) for the categories it embeds (without them it keeps this series' levels); other models keep their estimated parameters and restart their states from the new data",
                arguments: ApplyArguments.self, returns: [.init(.named(FittedModelObject.luaClassName))]
            ) { me, args, call in
                try me.apply(args, call)
            },
            LuaMethod(
                "fine_tune",
                summary:
                    "a global network (nbeats, lstm) trained further on new data from its current weights: a new season of sales, new SKUs; a panel gives a FittedPanel, a series a FittedModel",
                arguments: FineTuneArguments.self,
                returns: [.init(.named(FittedModelObject.luaClassName) | .named(FittedPanelObject.luaClassName))]
            ) { me, args, call in
                try me.fineTune(args, call)
            },
            LuaMethod(
                "save",
                summary:
                    "writes the model as JSON (relative paths go to the output folder); forecast.load reads it back",
                arguments: PathArguments.self
            ) { me, args, call in
                let m = me.model
                if let problem = m.savedStateProblem { throw ScriptError(problem) }
                let path = try me.context.writablePath(args.path)
                let data: Data
                do {
                    data = try ModelArchive(model: m.modelName, options: me.options, fit: m, covariates: me.covariates)
                        .encoded()
                } catch let error as ForecastError {
                    throw ScriptError(error.message)
                }
                do { try writeAtomically(data, to: path) } catch let error as DataError {
                    throw ScriptError(error.message)
                }
                return 0
            },
        ]
        c.tostring = { $0.summary() }
        return c
    }

    /// The fit's values of one kind as a Series on its data's calendar.
    func push(_ values: [Double], named name: String, _ call: LuaCall) -> Int32 {
        var s = model.series.with(values: values)
        s.name = name
        return SeriesObject.push(s, call)
    }

    /// m:apply: this fit's estimates on other data (FittedModel.applied).
    func apply(_ args: ApplyArguments, _ call: LuaCall) throws -> Int32 {
        var attributes: [String: String] = [:]
        for (name, value) in args.attributes {
            // Described as a panel's attribute would be, so a level matches the one it was trained on.
            guard let attribute = PanelExtras.attributeValue(value) else {
                throw ScriptError("m:apply: attribute '\(name)' must be a string or a number, not \(value.typeName)")
            }
            attributes[name] = attribute.description
        }
        let data = ModelData(series: args.series.series, covariates: covariates, attributes: attributes)
        let again: any FittedModel
        do throws(ForecastError) {
            again = try context.runningModels(call) { () throws(ForecastError) in
                try model.applied(to: data, forecaster: forecaster)
            }
        } catch {
            throw error.scriptError(prefix: "m:apply: ")
        }
        call.stack.pushUserdata(
            FittedModelObject(again, forecaster: forecaster, options: options, covariates: covariates, context: context)
        )
        return 1
    }

    /// m:fine_tune: a global network trained further (NeuralFineTuning).
    func fineTune(_ args: FineTuneArguments, _ call: LuaCall) throws -> Int32 {
        let m = model
        var settings = NeuralFineTuning.Settings()
        settings.steps = args.steps
        settings.learningRate = args.learningRate
        settings.seed = UInt64(args.seed)
        let panel: Panel?
        let items: [ModelData]
        switch args.data {
        case .panel(let p):
            panel = p
            items = p.keys.compactMap { p[$0].map { ModelData($0) } }
        case .series(let s):
            panel = nil
            items = [ModelData(series: s)]
        }
        let keys = panel?.keys ?? ["series"]
        let bar = TrainingBar(label: "fine_tune \(m.modelName)", stop: ScriptStop(call.L))
        let members: [PanelMember]
        do throws(ForecastError) {
            members = try NeuralFineTuning.fineTune(
                m, on: items, settings: settings, threads: ParallelMap.defaultThreads,
                progress: { bar.update($0) })
        } catch {
            try bar.finish()
            throw ScriptError.named(error.message)
        }
        try bar.finish()
        guard panel != nil else {
            guard let model = members.first?.model else {
                throw ScriptError.named(members.first?.failure ?? "fine_tune: no model")
            }
            call.stack.pushUserdata(
                FittedModelObject(model, forecaster: forecaster, options: options, context: context))
            return 1
        }
        let entries = zip(keys, members).map { key, member in
            FittedPanelObject.Entry(
                key: key, model: member.model, forecaster: forecaster, failure: member.failure, fallback: nil)
        }
        call.stack.pushUserdata(
            FittedPanelObject(modelName: m.modelName, entries: entries, options: options, context: context))
        return 1
    }

    func summary() -> String {
        let m = model
        let s = m.series
        let span = s.count > 0 ? ", \(s.label(at: 0)) to \(s.label(at: s.count - 1))" : ""
        var lines = [
            "\(m.method) fitted to \(s.describedName) (\(s.count) \(s.frequency == .none ? "" : s.frequency.rawValue + "ly ")observations\(span))"
        ]
        lines[0] = lines[0].replacingOccurrences(of: "dayly", with: "daily")
        if !m.parameters.isEmpty {
            lines.append("  Parameters:")
            let width = m.parameters.map(\.name.count).max() ?? 0
            for p in m.parameters {
                lines.append(
                    "    \(p.name.padding(toLength: width, withPad: " ", startingAt: 0)) = \(String(format: "%.6g", p.value))"
                )
            }
        }
        let st = m.statistics
        lines.append("  sigma^2 = \(String(format: "%.6g", st.sigma2))")
        if let ll = st.logLikelihood, let aic = st.aic, let aicc = st.aicc, let bic = st.bic {
            lines.append(
                "  log-likelihood = \(String(format: "%.3f", ll))   AIC = \(String(format: "%.3f", aic))   AICc = \(String(format: "%.3f", aicc))   BIC = \(String(format: "%.3f", bic))"
            )
        }
        for note in m.notes { lines.append("  Note: \(LuaWording.lua(note))") }
        return lines.joined(separator: "\n")
    }
}
