import AlmanacCore
import Forecasting
import Foundation
import LuaBridge
import TimeSeries

/// `forecast.*`: fit any model plugin to a series or a panel, forecast,
/// backtest, score, save and load.
enum ForecastModule {
    static func spec(_ context: HostContext) -> LuaModuleSpec {
        LuaModuleSpec(
            "forecast",
            summary:
                "Forecasting: fit model plugins (ets, arima, theta, ...) to series and panels, forecast with intervals and sample paths, backtest.",
            functions: [
                LuaFunctionSpec(
                    "fit", in: "forecast",
                    summary:
                        "Fits the model plugin `name` to a series; `params` are the model's options (see almanac plugins show NAME). Every model also takes lambda, biasadj and non_negative. `covariates` = { name = array or Series, ... } gives models with regressors their data, one value per observation; values past the end of the series are known future values.",
                    example: """
                        local air = data.dataset("airpassengers")
                        local m = forecast.fit("ets", air)
                        print(m.method, m.aicc)
                        local fc = m:forecast{ h = 12, levels = { 80, 95 } }
                        print(fc.mean[1], fc:lower(95)[1], fc:upper(95)[1])
                        """,
                    arguments: FitArguments.self, returns: [.init(.fittedModel)]
                ) { args, call in
                    let covariates = try args.covariates.columns(owner: "fit", label: "covariates")
                    let handle = try args.model.handle(context)
                    let data = ModelData(series: args.series.series, covariates: covariates)
                    let fitted = try context.runningModels(call) { try handle.fit(data) }
                    call.stack.pushUserdata(
                        FittedModelObject(
                            fitted, forecaster: handle.forecaster, options: handle.options, covariates: covariates,
                            context: context))
                    return 1
                },
                LuaFunctionSpec(
                    "fit_many", in: "forecast",
                    summary:
                        "Fits `name` to every series of a panel, on all cores for native models, with a progress bar on a terminal. A series that fails gets the fallback model and is listed in fp.failures with the reason. options: fallback (a model name, or false; default \"naive\"), threads (default: all cores), progress (default: when stderr is a terminal).",
                    example: """
                        local panel = data.synthetic_retail{ skus = 6, periods = 104, seed = 1 }
                        local fp = forecast.fit_many(panel, "ets", { model = "ZZN" })
                        local fcs = fp:forecast{ h = 4 }
                        print(#fp, #fp.failures, fcs[panel:keys()[1]].mean[1])
                        """,
                    arguments: FitManyArguments.self, returns: [.init(.fittedPanel)], owner: "fit_many"
                ) { args, call in
                    try fitMany(args, call: call, context: context)
                },
                LuaFunctionSpec(
                    "backtest", in: "forecast",
                    summary:
                        "Rolling-origin evaluation: fits `name` at `windows` origins `step` apart (default h) ending at the last observation, forecasts h ahead from each, and scores them. refit = false estimates once at the first origin and replays those estimates at the later ones. Covariates (for a series, `covariates = { name = values }` over the whole series; for a panel, each key's own) are given to every window in full, so forecasts use their actual future values (ex-post).",
                    details:
                        "For a series the result has `metrics` (me, mae, rmse, mape, smape, mase, rmsse over all windows and steps; MASE scaled by each window's training data), `mae_by_h`, `coverage` (share of actuals inside each interval level) and `forecasts`. For a panel: `metrics` averaged over series, `series` (the metrics of each key) and `failures`.",
                    example: """
                        local air = data.dataset("airpassengers")
                        local r = forecast.backtest("ets", air, { h = 12, windows = 3, params = { model = "MAM" } })
                        print(r.metrics.mase, r.coverage["95"])
                        """,
                    arguments: BacktestArguments.self, returns: [.init(backtestResultType, "result")], owner: "backtest"
                ) { args, call in
                    let covariates = try args.covariates.columns(owner: "backtest", label: "covariates")
                    let handle = try args.model.handle(context)
                    switch args.data {
                    case .panel(let panel):
                        if !covariates.isEmpty {
                            throw ScriptError(
                                "backtest: a panel's covariates come from the panel; drop the 'covariates' option")
                        }
                        return call.returning(
                            try backtestPanel(
                                panel, handle: handle, settings: args.settings, refit: args.refit, call: call,
                                context: context))
                    case .series(let series):
                        let summary: Backtest.Summary
                        do throws(ForecastError) {
                            summary = try context.runningModels(call) { () throws(ForecastError) in
                                try Backtest.runSeries(
                                    ModelData(series: series, covariates: covariates), forecaster: handle.forecaster,
                                    options: args.settings, refit: args.refit)
                            }
                        } catch {
                            throw error.scriptError()
                        }
                        return call.returning(record: SeriesBacktest(summary, forecasts: true))
                    }
                },
                LuaFunctionSpec(
                    "accuracy", in: "forecast",
                    summary:
                        "Scores a forecast against actual values (a Series, aligned by date, or an array by position); MASE and RMSSE are scaled by the forecast's own training data.",
                    example: """
                        local train, test = data.dataset("airpassengers"):split(12)
                        local fc = forecast.fit("snaive", train):forecast{ h = 12 }
                        local a = forecast.accuracy(fc, test)
                        print(a.mase, a.smape, a.coverage["95"])
                        """,
                    arguments: AccuracyArguments.self, returns: [.init(AccuracyResult.luaType)]
                ) { args, call in
                    guard let fc = args.forecast else { throw ScriptError("accuracy: no forecast") }
                    let s = args.actual.series
                    let actual: [Double]
                    if s.frequency != .none, s.frequency == fc.mean.frequency {
                        actual = (0..<fc.horizon).map { h in
                            let ordinal = fc.mean.index.ordinal(at: h)
                            return s.index.position(of: ordinal).flatMap { $0 < s.count ? s.values[$0] : nil } ?? .nan
                        }
                    } else {
                        guard s.count >= fc.horizon else {
                            throw ScriptError("accuracy: actual has \(s.count) values, the forecast \(fc.horizon)")
                        }
                        actual = Array(s.values.prefix(fc.horizon))
                    }
                    let window = Backtest.Window(trainingCount: fc.history.count, forecast: fc, actual: actual)
                    let summary = Backtest.summarize(
                        [window], period: fc.history.seasonalPeriod,
                        series: fc.history.with(values: fc.history.values + actual),
                        options: Backtest.Options(horizon: fc.horizon, levels: fc.levels))
                    return call.returning(
                        record: AccuracyResult(
                            metrics: Metrics(summary.metrics), coverage: Coverage(shares: summary.coverage)))
                },
                LuaFunctionSpec(
                    "load", in: "forecast",
                    summary:
                        "Reads a model saved with m:save(path); it forecasts exactly as the saved one (nothing is re-estimated).",
                    example: """
                        local m = forecast.fit("ets", data.dataset("nile"))
                        m:save("nile-ets.json")
                        local again = forecast.load(almanac.out("nile-ets.json"))
                        print(again.method, again:forecast{ h = 1 }.mean[1] == m:forecast{ h = 1 }.mean[1])
                        """,
                    arguments: LoadArguments.self, returns: [.init(.fittedModel)]
                ) { args, call in
                    let path = try context.readablePath(args.path)
                    guard let data = FileManager.default.contents(atPath: path) else {
                        throw ScriptError("load: cannot read '\(path)'")
                    }
                    let archive: ModelArchive
                    do throws(ForecastError) { archive = try ModelArchive.decode(data, source: path) } catch {
                        throw ScriptError("load: \(error.message)")
                    }
                    // Native or Lua, the saved model's plugin rebuilds it from the stored state.
                    _ = try context.registry.find(archive.model, kind: .model)
                    let handle: ModelHandle
                    do {
                        handle = try ModelHandle(
                            archive.model, parameterOptions: archive.parameterOptions, context: context)
                    } catch let error as ScriptError {
                        throw ScriptError("load: \(error.message)")
                    }
                    let fit: any FittedModel
                    do throws(ForecastError) {
                        fit = try context.runningModels(call) { () throws(ForecastError) in
                            try archive.restore(using: handle.forecaster)
                        }
                    } catch {
                        throw error.scriptError(prefix: "load: ")
                    }
                    call.stack.pushUserdata(
                        FittedModelObject(
                            fit, forecaster: handle.forecaster, options: archive.parameterOptions,
                            covariates: archive.covariates, context: context))
                    return 1
                },
            ])
    }

    /// A series' backtest and a panel's share the class; the panel's fields are optional.
    static let backtestResultType = LuaType.record(
        [
            LuaField(
                "metrics", .map(key: .string, value: .number),
                doc: "me, mae, rmse, mape, smape, mase, rmsse over all windows (a panel: averaged over series)"),
            .optional("mae_by_h", .array(.number), doc: "a series': MAE at each step ahead"),
            .optional(
                "coverage", .map(key: .string, value: .number),
                doc: "a series': share of actuals inside each level's interval"),
            .optional("windows", .integer, doc: "a series': how many origins"),
            .optional("forecasts", .array(.forecast), doc: "a series': the forecast from each origin"),
            .optional(
                "series", .map(key: .string, value: SeriesBacktest.luaType),
                doc: "a panel's: each key's metrics, mae_by_h, coverage and windows"),
            .optional(
                "failures", .array(.record([LuaField("key", .string), LuaField("reason", .string)])),
                doc: "a panel's: keys that failed"),
        ], named: "forecast.BacktestResult")

    /// forecast.fit_many: the orchestration is FitMany's; this shows progress and builds the FittedPanel.
    static func fitMany(_ args: FitManyArguments, call: LuaCall, context: HostContext) throws -> Int32 {
        let name = args.model.name
        let fallbackName = try args.fallbackName()
        let handle = try args.model.handle(context)
        let fallback = try fallbackName.map { try ModelHandle($0, options: [:], context: context) }
        let items = args.panel.keys.compactMap { key in args.panel[key].map { (key: key, data: ModelData($0)) } }
        let bar = ProgressBar(label: "fit_many \(name)", total: items.count, enabled: args.progress)
        let forecaster = handle.forecaster
        let trainingBar =
            forecaster.learnsAcrossSeries
            ? TrainingBar(label: "train \(name)", enabled: args.progress, stop: ScriptStop(call.L)) : nil
        var trainingProgress: TrainingProgress?
        // A global model trains once: its bar shows the training, not a count of series.
        var seriesProgress: (@Sendable (Int) -> Void)? = { done in bar.update(done) }
        if let trainingBar {
            trainingProgress = { report in trainingBar.update(report) }
            seriesProgress = nil
        }
        let threads = args.threads?.value ?? ParallelMap.defaultThreads
        let outcomes: [FitMany.Outcome]
        do throws(ForecastError) {
            // A Lua model (or fallback) runs series after series on this thread (FitMany sees to it).
            outcomes = try context.runningModels(call) { () throws(ForecastError) in
                try FitMany.run(
                    items, forecaster: forecaster, fallback: fallback.map { ($0.name, $0.forecaster) },
                    threads: threads, progress: seriesProgress, training: trainingProgress)
            }
        } catch {
            try trainingBar?.finish()
            throw error.scriptError()
        }
        try trainingBar?.finish()
        let entries: [FittedPanelObject.Entry] = zip(outcomes, items).map { o, item in
            .init(
                key: o.key, model: o.model, forecaster: o.fallbackUsed == nil ? forecaster : fallback?.forecaster,
                failure: o.failure, fallback: o.fallbackUsed, covariates: item.data.covariates)
        }
        call.stack.pushUserdata(
            FittedPanelObject(modelName: name, entries: entries, options: handle.options, context: context))
        return 1
    }

    /// A panel's backtest: one code path in the forecasting layer (Backtest.runPanel) for
    /// global, per-series and Lua models; this only shows progress and builds the result.
    static func backtestPanel(
        _ panel: Panel, handle: ModelHandle, settings: Backtest.Options, refit: Bool,
        call: LuaCall, context: HostContext
    ) throws -> LuaValue {
        let keys = panel.keys
        let items = keys.compactMap { panel[$0] }.map { ModelData($0) }  // every key of a panel has its entry
        let forecaster = handle.forecaster
        let trainingBar =
            forecaster.learnsAcrossSeries
            ? TrainingBar(label: "backtest \(handle.name)", stop: ScriptStop(call.L)) : nil
        let bar = forecaster.learnsAcrossSeries ? nil : ProgressBar(label: "backtest \(handle.name)", total: keys.count)
        var progress: (@Sendable (Int) -> Void)?
        if let bar { progress = { done in bar.update(done) } }
        var training: TrainingProgress?
        if let trainingBar { training = { report in trainingBar.update(report) } }
        let outcomes: [Result<Backtest.Summary, ForecastError>]
        do throws(ForecastError) {
            outcomes = try context.runningModels(call) { () throws(ForecastError) in
                try Backtest.runPanel(
                    items, forecaster: forecaster, options: settings, refit: refit, threads: ParallelMap.defaultThreads,
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
                let record = SeriesBacktest(summary, forecasts: false)
                perSeries[key] = record.luaValue
                guard case .record(let metrics) = record.metrics.luaValue else { continue }
                for (name, value) in metrics {
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
}
