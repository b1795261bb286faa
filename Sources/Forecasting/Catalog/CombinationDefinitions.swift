import AlmanacCore

extension ModelCatalog {
    /// Petropoulos & Svetunkov's simple combination (M4): ETS, ARIMA, CES and dynamic optimised Theta.
    static let defaultEnsembleMembers = ["ets", "auto_arima", "ces", "dynamic_optimized_theta"]
    static let defaultAutoCandidates = ["ets", "auto_arima", "theta", "ces", "dynamic_optimized_theta"]

    static let combinationModels: [ModelDefinition] = [
        ModelDefinition(descriptor: describe(
            "ensemble", summary: "the mean (or median) of several models' forecasts; by default ETS, ARIMA, CES and dynamic optimised Theta",
            doc: """
            Fits every member with its defaults and combines their forecasts step by step: the mean (default) or \
            the median. The default members are those of Petropoulos & Svetunkov's combination (ets, auto_arima, ces, \
            dynamic_optimized_theta). Interval bounds are combined the same way as the means (quantile averaging); sample paths \
            pool an equal share of each member's paths. A member that fails is left out, with a note; the ensemble \
            fails only if all do.
            """,
            parameters: [
                ParameterSpec("members", .strings, default: .strings(defaultEnsembleMembers),
                              doc: "the models to combine, by name (native models other than ensemble and auto)"),
                ParameterSpec("combine", .string, default: .string("mean"), choices: EnsembleForecaster.Combine.allCases.map(\.rawValue),
                              doc: "how forecasts are combined at each step"),
            ],
            capabilities: ["intervals", "samples", "seasonal", "non_negative"],
            example: """
            local air = data.dataset("airpassengers")
            local m = forecast.fit("ensemble", air)
            print(m.method)
            local fc = m:forecast{ h = 12, levels = { 80 } }
            print(fc.mean[1], fc:lower(80)[1], fc:upper(80)[1])
            """), make: makeEnsemble),
        ModelDefinition(descriptor: describe(
            "auto", summary: "picks one model per series by how well it forecasts a holdout of the series' own end",
            doc: """
            Fits each candidate to the series without its last `holdout` observations, scores its forecasts of them \
            (mean absolute error) and refits the best on the whole series. The default candidates are ets, \
            auto_arima, theta, ces and dynamic_optimized_theta. The fitted model reports the chosen model's method, \
            parameters and statistics, and a note with every candidate's holdout error. Candidates that fail are \
            noted and skipped.
            """,
            parameters: [
                ParameterSpec("candidates", .strings, default: .strings(defaultAutoCandidates),
                              doc: "the models to choose among, by name"),
                ParameterSpec("holdout", .integer, range: ParameterRange(lower: 1),
                              doc: "observations held out for scoring; default the seasonal period (at least 4), or 6, at most a fifth of the series"),
            ],
            capabilities: ["intervals", "samples", "seasonal", "non_negative"],
            example: """
            local m = forecast.fit("auto", data.dataset("ukgas"), { candidates = { "ets", "theta", "snaive" } })
            print(m.method)
            print(m.notes[1])
            """), make: makeAuto),
    ]

    /// Configures the named models with their defaults; `owner` names the combining model in errors.
    static func members(_ p: ParameterSet, _ key: String, defaults: [String], owner: String) throws(ForecastError) -> [EnsembleForecaster.Member] {
        var names = defaults
        if case .strings(let given)? = p[key] { names = given }
        guard !names.isEmpty else { throw ForecastError("\(owner): \(key) is empty; name at least one model") }
        var out: [EnsembleForecaster.Member] = []
        for name in names {
            guard name != "ensemble" && name != "auto" else {
                throw ForecastError("\(owner): \(key) cannot include \(name) (a combination of combinations)")
            }
            guard let definition = definition(named: name) else {
                let known = all.map(\.name).filter { $0 != "ensemble" && $0 != "auto" }
                var message = "\(owner): no model named '\(name)' in \(key)"
                if let guess = closestMatch(to: name, in: known) { message += " (did you mean '\(guess)'?)" }
                throw ForecastError(message)
            }
            guard !out.contains(where: { $0.name == name }) else { throw ForecastError("\(owner): \(name) appears twice in \(key)") }
            out.append(EnsembleForecaster.Member(name: name, forecaster: try definition.configure([:])))
        }
        return out
    }

    @Sendable static func makeEnsemble(_ p: ParameterSet) throws -> any Forecaster {
        EnsembleForecaster(members: try members(p, "members", defaults: defaultEnsembleMembers, owner: "ensemble"),
                           combine: EnsembleForecaster.Combine(rawValue: p.string("combine") ?? "mean") ?? .mean)
    }

    @Sendable static func makeAuto(_ p: ParameterSet) throws -> any Forecaster {
        AutoForecaster(candidates: try members(p, "candidates", defaults: defaultAutoCandidates, owner: "auto"),
                       holdout: p.integer("holdout"))
    }
}
