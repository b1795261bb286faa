import AlmanacCore
import Foundation
import Forecasting
import LuaBridge
import TimeSeries

/// `forecast.*`: fit any model plugin to a series or a panel, forecast,
/// backtest, score, save and load.
enum ForecastModule {
    static func spec(_ context: HostContext) -> LuaModuleSpec {
        LuaModuleSpec("forecast", summary: "Forecasting: fit model plugins (ets, arima, theta, ...) to series and panels, forecast with intervals and sample paths, backtest.", functions: [
            LuaFunctionSpec(
                "fit", signature: "forecast.fit(name, series [, params [, covariates]]) -> FittedModel",
                summary: "Fits the model plugin `name` to a series; `params` are the model's options (see almanac plugins show NAME). Every model also takes lambda, biasadj and non_negative. `covariates` = { name = array or Series, ... } gives models with regressors their data, one value per observation; values past the end of the series are known future values.",
                example: """
                local air = data.dataset("airpassengers")
                local m = forecast.fit("ets", air)
                print(m.method, m.aicc)
                local fc = m:forecast{ h = 12, levels = { 80, 95 } }
                print(fc.mean[1], fc:lower(95)[1], fc:upper(95)[1])
                """,
                types: LuaSignature([.init("name", .pluginName(.model)), .init("series", .seriesLike), .optional("params", .pluginParameters(.model)),
                                      .optional("covariates", .covariates)], returns: [.fittedModel])
            ) { call in
                let name = try call.string(1, "name")
                let series = try SeriesObject.argument(call, 2, "series")
                let params = try call.record(3, "params")
                let covariates = try FittedModelObject.covariateColumns(try call.record(4, "covariates"), owner: "fit", label: "covariates")
                let handle = try ModelHandle(name, options: params, context: context)
                let fitted = try context.runningModels(call) { try handle.fit(ModelData(series: series, covariates: covariates)) }
                call.stack.pushUserdata(FittedModelObject(fitted, forecaster: handle.forecaster, options: handle.options, covariates: covariates, context: context))
                return 1
            },
            LuaFunctionSpec(
                "fit_many", signature: "forecast.fit_many(panel, name [, params [, options]]) -> FittedPanel",
                summary: "Fits `name` to every series of a panel, on all cores for native models, with a progress bar on a terminal. A series that fails gets the fallback model and is listed in fp.failures with the reason. options: fallback (a model name, or false; default \"naive\"), threads (default: all cores), progress (default: when stderr is a terminal).",
                example: """
                local panel = data.synthetic_retail{ skus = 6, periods = 104, seed = 1 }
                local fp = forecast.fit_many(panel, "ets", { model = "ZZN" })
                local fcs = fp:forecast{ h = 4 }
                print(#fp, #fp.failures, fcs[panel:keys()[1]].mean[1])
                """,
                types: LuaSignature([.init("panel", .panel), .init("name", .pluginName(.model)), .optional("params", .pluginParameters(.model)),
                                      .optional("options", fitManyOptionsType)], returns: [.fittedPanel])
            ) { call in
                let panel = try call.object(1, "panel", as: PanelObject.self).panel
                let name = try call.string(2, "name")
                let params = try call.record(3, "params")
                var options = try call.record(4, "options")
                let fallbackName: String?
                switch options.removeValue(forKey: "fallback") ?? .string("naive") {
                case .string(let s): fallbackName = s
                case .boolean(false): fallbackName = nil
                default: throw ScriptError("fit_many: option 'fallback' must be a model name or false")
                }
                let threads: Int
                switch options.removeValue(forKey: "threads") {
                case nil: threads = ParallelMap.defaultThreads
                case let v?:
                    guard let x = v.doubleValue, x >= 1, x <= 1024, x == x.rounded() else {
                        throw ScriptError("fit_many: option 'threads' must be a whole number between 1 and 1024")
                    }
                    threads = Int(x)
                }
                var showProgress: Bool?
                if let v = options.removeValue(forKey: "progress") {
                    guard case .boolean(let b) = v else { throw ScriptError("fit_many: option 'progress' must be true or false") }
                    showProgress = b
                }
                if let key = options.keys.sorted().first {
                    let known = ["fallback", "threads", "progress"]
                    let guess = closestMatch(to: key, in: known).map { " (did you mean '\($0)'?)" } ?? ""
                    throw ScriptError("fit_many: unknown option '\(key)'\(guess)")
                }
                let handle = try ModelHandle(name, options: params, context: context)
                let fallback = try fallbackName.map { try ModelHandle($0, options: [:], context: context) }
                let items = panel.keys.compactMap { key in panel[key].map { (key: key, data: ModelData($0)) } }
                let bar = ProgressBar(label: "fit_many \(name)", total: items.count, enabled: showProgress)
                let forecaster = handle.forecaster
                let trainingBar = forecaster.learnsAcrossSeries ? TrainingBar(label: "train \(name)", enabled: showProgress, stop: ScriptStop(call.L)) : nil
                var trainingProgress: TrainingProgress?
                // A global model trains once: its bar shows the training, not a count of series.
                var seriesProgress: (@Sendable (Int) -> Void)? = { done in bar.update(done) }
                if let trainingBar {
                    trainingProgress = { report in trainingBar.update(report) }
                    seriesProgress = nil
                }
                let outcomes: [FitMany.Outcome]
                do throws(ForecastError) {
                    // A Lua model (or fallback) runs series after series on this thread (FitMany sees to it).
                    outcomes = try context.runningModels(call) { () throws(ForecastError) in
                        try FitMany.run(items, forecaster: forecaster, fallback: fallback.map { ($0.name, $0.forecaster) },
                                        threads: threads, progress: seriesProgress, training: trainingProgress)
                    }
                } catch {
                    try trainingBar?.finish()
                    throw error.scriptError()
                }
                try trainingBar?.finish()
                let entries: [FittedPanelObject.Entry] = zip(outcomes, items).map { o, item in
                    .init(key: o.key, model: o.model, forecaster: o.fallbackUsed == nil ? forecaster : fallback?.forecaster,
                          failure: o.failure, fallback: o.fallbackUsed, covariates: item.data.covariates)
                }
                call.stack.pushUserdata(FittedPanelObject(modelName: name, entries: entries, options: handle.options, context: context))
                return 1
            },
            LuaFunctionSpec(
                "backtest", signature: "forecast.backtest(name, series_or_panel, { h =, windows =, step =, refit =, params =, levels =, covariates = }) -> result",
                summary: "Rolling-origin evaluation: fits `name` at `windows` origins `step` apart (default h) ending at the last observation, forecasts h ahead from each, and scores them. refit = false estimates once at the first origin and replays those estimates at the later ones. Covariates (for a series, `covariates = { name = values }` over the whole series; for a panel, each key's own) are given to every window in full, so forecasts use their actual future values (ex-post).",
                details: "For a series the result has `metrics` (me, mae, rmse, mape, smape, mase, rmsse over all windows and steps; MASE scaled by each window's training data), `mae_by_h`, `coverage` (share of actuals inside each interval level) and `forecasts`. For a panel: `metrics` averaged over series, `series` (the metrics of each key) and `failures`.",
                example: """
                local air = data.dataset("airpassengers")
                local r = forecast.backtest("ets", air, { h = 12, windows = 3, params = { model = "MAM" } })
                print(r.metrics.mase, r.coverage["95"])
                """,
                types: LuaSignature([.init("name", .pluginName(.model)), .init("series_or_panel", .seriesLike | .panel), .init("options", backtestOptionsType)],
                                      returns: [backtestResultType])
            ) { call in
                let name = try call.string(1, "name")
                var options = try call.record(3, "options")
                let params: [String: LuaValue]
                switch options.removeValue(forKey: "params") ?? .record([:]) {
                case .record(let r): params = r
                case .array(let a) where a.isEmpty: params = [:]
                default: throw ScriptError("backtest: option 'params' must be a table of the model's options")
                }
                var covariates: [String: [Double]] = [:]
                switch options.removeValue(forKey: "covariates") ?? .record([:]) {
                case .record(let fields): covariates = try FittedModelObject.covariateColumns(fields, owner: "backtest", label: "covariates")
                case .array(let a) where a.isEmpty: break
                default: throw ScriptError("backtest: option 'covariates' must be a table like { price = { ... } }")
                }
                var refit = true
                if let v = options.removeValue(forKey: "refit") {
                    guard case .boolean(let b) = v else { throw ScriptError("backtest: option 'refit' must be true or false") }
                    refit = b
                }
                let (checked, _) = try validateOptions(options, against: backtestOptionSpecs, owner: "backtest")
                guard let h = checked.integer("h") else { throw ScriptError("backtest: needs the horizon, e.g. { h = 12 }") }
                var levels = [80.0, 95.0]
                if case .numbers(let xs)? = checked["levels"] { levels = xs }
                let settings = Backtest.Options(horizon: h, windows: checked.integer("windows") ?? 1,
                                                step: checked.integer("step"), levels: levels)
                let handle = try ModelHandle(name, options: params, context: context)
                if let panel = call.stack.object(at: 2, as: PanelObject.self)?.panel {
                    if !covariates.isEmpty { throw ScriptError("backtest: a panel's covariates come from the panel; drop the 'covariates' option") }
                    return call.returning(try backtestPanel(panel, handle: handle, settings: settings, refit: refit, call: call, context: context))
                }
                let series = try SeriesObject.argument(call, 2, "series_or_panel")
                let summary: Backtest.Summary
                do throws(ForecastError) {
                    summary = try context.runningModels(call) { () throws(ForecastError) in
                        try Backtest.runSeries(ModelData(series: series, covariates: covariates), forecaster: handle.forecaster,
                                               options: settings, refit: refit)
                    }
                } catch {
                    throw error.scriptError()
                }
                var record = summaryRecord(summary)
                record["forecasts"] = .array(summary.windows.map { .object(ForecastObject($0.forecast)) })
                return call.returning(.record(record))
            },
            LuaFunctionSpec(
                "accuracy", signature: "forecast.accuracy(fc, actual) -> { me, mae, rmse, mape, smape, mase, rmsse, coverage = { [\"80\"] = ... } }",
                summary: "Scores a forecast against actual values (a Series, aligned by date, or an array by position); MASE and RMSSE are scaled by the forecast's own training data.",
                example: """
                local train, test = data.dataset("airpassengers"):split(12)
                local fc = forecast.fit("snaive", train):forecast{ h = 12 }
                local a = forecast.accuracy(fc, test)
                print(a.mase, a.smape, a.coverage["95"])
                """,
                types: LuaSignature([.init("fc", .forecast), .init("actual", .seriesLike)], returns: [accuracyResultType])
            ) { call in
                let fc = try call.object(1, "fc", as: ForecastObject.self).forecast
                let actual: [Double]
                if let s = call.stack.object(at: 2, as: SeriesObject.self)?.series, s.frequency != .none, s.frequency == fc.mean.frequency {
                    actual = (0..<fc.horizon).map { h in
                        let ordinal = fc.mean.index.ordinal(at: h)
                        return s.index.position(of: ordinal).flatMap { $0 < s.count ? s.values[$0] : nil } ?? .nan
                    }
                } else {
                    let s = try SeriesObject.argument(call, 2, "actual")
                    guard s.count >= fc.horizon else {
                        throw ScriptError("accuracy: actual has \(s.count) values, the forecast \(fc.horizon)")
                    }
                    actual = Array(s.values.prefix(fc.horizon))
                }
                let window = Backtest.Window(trainingCount: fc.history.count, forecast: fc, actual: actual)
                let summary = Backtest.summarize([window], period: fc.history.seasonalPeriod, series: fc.history.with(values: fc.history.values + actual),
                                                 options: Backtest.Options(horizon: fc.horizon, levels: fc.levels))
                var record = metricsRecord(summary.metrics)
                record["coverage"] = coverageRecord(summary.coverage)
                return call.returning(.record(record))
            },
            LuaFunctionSpec(
                "load", signature: "forecast.load(path) -> FittedModel",
                summary: "Reads a model saved with m:save(path); it forecasts exactly as the saved one (nothing is re-estimated).",
                example: """
                local m = forecast.fit("ets", data.dataset("nile"))
                m:save("nile-ets.json")
                local again = forecast.load(almanac.out("nile-ets.json"))
                print(again.method, again:forecast{ h = 1 }.mean[1] == m:forecast{ h = 1 }.mean[1])
                """,
                types: LuaSignature([.init("path", .string)], returns: [.fittedModel])
            ) { call in
                let path = try context.readablePath(try call.string(1, "path"))
                guard let data = FileManager.default.contents(atPath: path) else { throw ScriptError("load: cannot read '\(path)'") }
                let archive: ModelArchive
                do throws(ForecastError) { archive = try ModelArchive.decode(data, source: path) } catch { throw ScriptError("load: \(error.message)") }
                // Native or Lua, the saved model's plugin rebuilds it from the stored state.
                _ = try context.registry.find(archive.model, kind: .model)
                let handle: ModelHandle
                do { handle = try ModelHandle(archive.model, parameterOptions: archive.parameterOptions, context: context) } catch let error as ScriptError {
                    throw ScriptError("load: \(error.message)")
                }
                let fit: any FittedModel
                do throws(ForecastError) { fit = try context.runningModels(call) { () throws(ForecastError) in try archive.restore(using: handle.forecaster) } } catch {
                    throw error.scriptError(prefix: "load: ")
                }
                call.stack.pushUserdata(FittedModelObject(fit, forecaster: handle.forecaster, options: archive.parameterOptions,
                                                          covariates: archive.covariates, context: context))
                return 1
            },
        ])
    }

    static let backtestOptionSpecs = [
        ParameterSpec("h", .integer, required: true, range: ParameterRange(lower: 1), doc: "steps ahead"),
        ParameterSpec("windows", .integer, default: .integer(1), range: ParameterRange(lower: 1), doc: "number of origins"),
        ParameterSpec("step", .integer, range: ParameterRange(lower: 1), doc: "observations between origins (default h)"),
        ParameterSpec("levels", .numbers, doc: "interval levels whose coverage is scored (default { 80, 95 })"),
    ]

    static let fitManyOptionsType = LuaType.record([
        .optional("fallback", .pluginName(.model) | .boolean, doc: "the model for series that fail, or false (default \"naive\")"),
        .optional("threads", .integer, doc: "threads for native models (default: all cores)"),
        .optional("progress", .boolean, doc: "show a progress bar (default: when stderr is a terminal)"),
    ])

    static let backtestOptionsType = LuaType.record(backtestOptionSpecs.map(LuaField.init) + [
        .optional("refit", .boolean, doc: "re-estimate at every origin (default true); false replays the first fit's estimates"),
        .optional("params", .pluginParameters(.model), doc: "the model's options"),
        .optional("covariates", .covariates, doc: "a series' covariates over the whole series (a panel's come from the panel)"),
    ])

    static let accuracyResultType = LuaType.record(
        ["me", "mae", "rmse", "mape", "smape", "mase", "rmsse", "n"].map { LuaField($0, .number) }
            + [LuaField("coverage", .map(key: .string, value: .number), doc: "share of actuals inside each level's interval, by level (\"95\")")])

    /// A series' backtest and a panel's share the class; the panel's fields are optional.
    static let backtestResultType = LuaType.record([
        LuaField("metrics", .map(key: .string, value: .number), doc: "me, mae, rmse, mape, smape, mase, rmsse over all windows (a panel: averaged over series)"),
        .optional("mae_by_h", .array(.number), doc: "a series': MAE at each step ahead"),
        .optional("coverage", .map(key: .string, value: .number), doc: "a series': share of actuals inside each level's interval"),
        .optional("windows", .integer, doc: "a series': how many origins"),
        .optional("forecasts", .array(.forecast), doc: "a series': the forecast from each origin"),
        .optional("series", .map(key: .string, value: .table), doc: "a panel's: each key's metrics, mae_by_h, coverage and windows"),
        .optional("failures", .array(.record([LuaField("key", .string), LuaField("reason", .string)])), doc: "a panel's: keys that failed"),
    ], named: "forecast.BacktestResult")

    /// A panel's backtest: one code path in the forecasting layer (Backtest.runPanel) for
    /// global, per-series and Lua models; this only shows progress and builds the result.
    static func backtestPanel(_ panel: Panel, handle: ModelHandle, settings: Backtest.Options, refit: Bool,
                              call: LuaCall, context: HostContext) throws -> LuaValue {
        let keys = panel.keys
        let items = keys.compactMap { panel[$0] }.map { ModelData($0) }  // every key of a panel has its entry
        let forecaster = handle.forecaster
        let trainingBar = forecaster.learnsAcrossSeries ? TrainingBar(label: "backtest \(handle.name)", stop: ScriptStop(call.L)) : nil
        let bar = forecaster.learnsAcrossSeries ? nil : ProgressBar(label: "backtest \(handle.name)", total: keys.count)
        var progress: (@Sendable (Int) -> Void)?
        if let bar { progress = { done in bar.update(done) } }
        var training: TrainingProgress?
        if let trainingBar { training = { report in trainingBar.update(report) } }
        let outcomes: [Result<Backtest.Summary, ForecastError>]
        do throws(ForecastError) {
            outcomes = try context.runningModels(call) { () throws(ForecastError) in
                try Backtest.runPanel(items, forecaster: forecaster, options: settings, refit: refit, threads: ParallelMap.defaultThreads,
                                      progress: progress, training: training)
            }
        } catch {
            try trainingBar?.finish()
            throw error.scriptError()
        }
        try trainingBar?.finish()
        var results: [(key: String, summary: Backtest.Summary?, failure: String?)] = []
        for (key, outcome) in zip(keys, outcomes) {
            switch outcome {
            case .success(let s): results.append((key, s, nil))
            case .failure(let e): results.append((key, nil, e.message))
            }
        }
        var perSeries: [String: LuaValue] = [:]
        var failures: [LuaValue] = []
        var sums: [String: (total: Double, count: Int)] = [:]
        for (key, summary, failure) in results {
            if let summary {
                let record = metricsRecord(summary.metrics)
                perSeries[key] = .record(summaryRecord(summary))
                for (name, value) in record {
                    if let x = value.doubleValue, x.isFinite {
                        var entry = sums[name] ?? (0, 0)
                        entry.total += x
                        entry.count += 1
                        sums[name] = entry
                    }
                }
            } else {
                failures.append(.record(["key": .string(key), "reason": .string(LuaWording.lua(failure ?? ""))]))
            }
        }
        var means: [String: LuaValue] = [:]
        for (name, entry) in sums { means[name] = .number(entry.total / Double(entry.count)) }
        return .record(["metrics": .record(means), "series": .record(perSeries), "failures": .array(failures)])
    }

    static func metricsRecord(_ r: Accuracy.Report) -> [String: LuaValue] {
        ["me": .number(r.me), "mae": .number(r.mae), "rmse": .number(r.rmse), "mape": .number(r.mape),
         "smape": .number(r.smape), "mase": .number(r.mase), "rmsse": .number(r.rmsse), "n": .integer(Int64(r.count))]
    }

    static func coverageRecord(_ coverage: [Double: Double]) -> LuaValue {
        var r: [String: LuaValue] = [:]
        for (level, share) in coverage { r[formatNumber(level)] = .number(share) }
        return .record(r)
    }

    static func summaryRecord(_ s: Backtest.Summary) -> [String: LuaValue] {
        ["metrics": .record(metricsRecord(s.metrics)), "mae_by_h": .array(s.maeByHorizon.map { .number($0) }),
         "coverage": coverageRecord(s.coverage), "windows": .integer(Int64(s.windows.count))]
    }
}
