import TimeSeries

extension Backtest {
    /// One series' rolling-origin evaluation of `forecaster`: fitted at every
    /// origin, or with refit = false fitted at the first and applied (estimates
    /// kept, see `FittedModel.applied`) at the later ones. Covariates go to every
    /// window in full, so forecasts read their actual future values (ex-post).
    public static func runSeries(
        _ data: ModelData, forecaster: any Forecaster, options: Options,
        refit: Bool
    ) throws(ForecastError) -> Summary {
        let request = ForecastRequest(horizon: options.horizon, levels: options.levels)
        var first: (any FittedModel)?
        do {
            return try run(data.series, options: options) { training, _ in
                let window = ModelData(series: training, covariates: data.covariates)
                if !refit, let first {
                    return try first.applied(to: window, forecaster: forecaster).forecast(request)
                }
                let model = try forecaster.fit(window)
                if first == nil { first = model }
                return try model.forecast(request)
            }
        } catch let error as ForecastError {
            throw error
        } catch {
            throw ForecastError("\(error)")
        }
    }

    /// Every series of a panel, one code path for every kind of model: a global
    /// model (learnsAcrossSeries) is trained across the panel at each window
    /// (`runTogether`); any other is backtested series by series, on `threads`
    /// threads, or on the calling thread for a model confined to it (a Lua
    /// model). A series' failure is its result; only an error that stops the
    /// run is thrown. `progress` counts finished series; `training` follows a
    /// global model's training.
    public static func runPanel(
        _ items: [ModelData], forecaster: any Forecaster, options: Options, refit: Bool,
        threads: Int, progress: (@Sendable (Int) -> Void)? = nil,
        training: TrainingProgress? = nil
    ) throws(ForecastError) -> [Result<Summary, ForecastError>] {
        if forecaster.learnsAcrossSeries {
            let results = runTogether(
                items, forecaster: forecaster, options: options, refit: refit,
                threads: forecaster.usableThreads(threads), progress: training)
            if let stop = results.lazy.compactMap(\.stop).first { throw stop }
            return results
        }
        let one: @Sendable (Int) -> Result<Summary, ForecastError> = { i in
            do throws(ForecastError) {
                return .success(try runSeries(items[i], forecaster: forecaster, options: options, refit: refit))
            } catch {
                return .failure(error)
            }
        }
        guard forecaster.runsOnCallingThread else {
            return ParallelMap.run(count: items.count, threads: threads, progress: progress, one)
        }
        var results: [Result<Summary, ForecastError>] = []
        for i in items.indices {
            let result = one(i)
            if let stop = result.stop { throw stop }
            results.append(result)
            progress?(i + 1)
        }
        return results
    }
}

extension Result<Backtest.Summary, ForecastError> {
    /// The error, when it stops the whole run.
    var stop: ForecastError? {
        if case .failure(let error) = self, error.stopsTheRun { return error }
        return nil
    }
}
