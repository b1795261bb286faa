import TimeSeries

extension Backtest {
    /// Rolling-origin evaluation of a global model over a panel: at each
    /// window the model is trained once on every series cut at its origin
    /// (with refit = false, only at the first window, and later windows reuse
    /// that network with the longer histories). Series too short for the
    /// windows, or that the model cannot serve, fail with their reason.
    public static func runTogether(
        _ items: [ModelData], forecaster: any Forecaster, options: Options, refit: Bool,
        threads: Int, progress: TrainingProgress? = nil
    ) -> [Result<Summary, ForecastError>] {
        let request = ForecastRequest(horizon: options.horizon, levels: options.levels)
        var origins: [[Int]?] = []
        var failures: [ForecastError?] = []
        for item in items {
            do {
                origins.append(try Backtest.origins(count: item.series.count, options: options))
                failures.append(nil)
            } catch {
                origins.append(nil)
                failures.append(error)
            }
        }
        var windows = items.map { _ in [Window]() }
        var firstModels: [(any FittedModel)?] = items.map { _ in nil }
        for w in 0..<options.windows {
            let active = items.indices.filter { failures[$0] == nil && origins[$0] != nil }
            guard !active.isEmpty else { break }
            let training = active.map { i in
                var data = items[i]
                data.series = items[i].series.slice(0..<(origins[i]?[w] ?? 0))
                return data
            }
            var models: [(any FittedModel)?] = []
            if w == 0 || refit {
                do {
                    let members =
                        try forecaster.fitTogether(training, threads: threads, progress: progress)
                        ?? training.map { _ in
                            PanelMember(model: nil, failure: "the model does not train across series")
                        }
                    models = members.map(\.model)
                    for (k, i) in active.enumerated() where members[k].model == nil {
                        failures[i] = ForecastError(members[k].failure ?? "no model")
                    }
                } catch {
                    for i in active { failures[i] = error }
                    break
                }
                if w == 0 { for (k, i) in active.enumerated() { firstModels[i] = models[k] } }
            } else {
                // The first window's fit on the longer history: a global network as it is, other models from their saved state.
                models = zip(active, training).map { i, data in
                    guard let first = firstModels[i] else { return nil }
                    return try? first.applied(to: data, forecaster: forecaster)
                }
            }
            for (k, i) in active.enumerated() where failures[i] == nil {
                guard let origin = origins[i]?[w] else { continue }
                guard let model = models[k] else {
                    failures[i] = ForecastError(
                        "backtest: the first window's model could not be reused at window \(w + 1); use refit = true")
                    continue
                }
                do {
                    var fc = try model.forecast(request)
                    fc.history = training[k].series
                    windows[i].append(
                        Window(
                            trainingCount: origin, forecast: fc,
                            actual: Array(items[i].series.values[origin..<(origin + options.horizon)])))
                } catch {
                    failures[i] = error
                }
            }
        }
        return items.indices.map { i in
            if let failure = failures[i] { return .failure(failure) }
            return .success(
                summarize(windows[i], period: items[i].series.seasonalPeriod, series: items[i].series, options: options)
            )
        }
    }
}
