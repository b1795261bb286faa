import AlmanacCore
import Foundation

extension ModelCatalog {
    /// Petropoulos & Svetunkov's simple combination (M4): ETS, ARIMA, CES and dynamic optimised Theta.
    static let defaultEnsembleMembers = ["ets", "auto_arima", "ces", "dynamic_optimized_theta"]
    static let defaultAutoCandidates = ["ets", "auto_arima", "theta", "ces", "dynamic_optimized_theta"]

    /// The combinations, whose members are looked up among `candidates` (the
    /// catalog's other models, in listing order).
    static func combinationModels(candidates: [ModelDefinition]) -> [ModelDefinition] {
        [
            ModelDefinition(
                descriptor: describe(
                    "ensemble",
                    summary:
                        "the mean (or median) of several models' forecasts; by default ETS, ARIMA, CES and dynamic optimised Theta",
                    doc: """
                        Fits every member with its defaults and combines their forecasts step by step: the mean (default) or \
                        the median. The default members are those of Petropoulos & Svetunkov's combination (ets, auto_arima, ces, \
                        dynamic_optimized_theta). Interval bounds are combined the same way as the means (quantile averaging); sample paths \
                        pool an equal share of each member's paths. A member that fails is left out, with a note; the ensemble \
                        fails only if all do.
                        """,
                    parameters: [
                        ParameterSpec(
                            "members", .strings, default: .strings(defaultEnsembleMembers),
                            doc:
                                "the models to combine, by name (any model plugin, a Lua one too, other than ensemble and auto), each optionally with options: \"ets:model=ZZN\", \"nbeats:width=128,members=3\""
                        ),
                        ParameterSpec(
                            "combine", .string, default: .string("mean"),
                            choices: EnsembleForecaster.Combine.allCases.map(\.rawValue),
                            doc: "how forecasts are combined at each step"),
                        ParameterSpec(
                            "horizon", .integer, range: ParameterRange(lower: 1),
                            doc: "passed to members trained for a horizon (nbeats), which then forecast up to it"),
                    ],
                    capabilities: ["intervals", "samples", "seasonal", "non_negative"],
                    example: """
                        local air = data.dataset("airpassengers")
                        local m = forecast.fit("ensemble", air)
                        print(m.method)
                        local fc = m:forecast{ h = 12, levels = { 80 } }
                        print(fc.mean[1], fc:lower(80)[1], fc:upper(80)[1])
                        """),
                resolvingMembers: { p, resolver in try makeEnsemble(p, resolver: resolver ?? .candidates(candidates)) }),
            ModelDefinition(
                descriptor: describe(
                    "auto",
                    summary: "picks one model per series by how well it forecasts a holdout of the series' own end",
                    doc: """
                        Fits each candidate to the series without its last `holdout` observations, scores its forecasts of them \
                        (mean absolute error) and refits the best on the whole series. The default candidates are ets, \
                        auto_arima, theta, ces and dynamic_optimized_theta. The fitted model reports the chosen model's method, \
                        parameters and statistics, and a note with every candidate's holdout error. Candidates that fail are \
                        noted and skipped.
                        """,
                    parameters: [
                        ParameterSpec(
                            "candidates", .strings, default: .strings(defaultAutoCandidates),
                            doc: "the models to choose among, by name"),
                        ParameterSpec(
                            "holdout", .integer, range: ParameterRange(lower: 1),
                            doc:
                                "observations held out for scoring; default the seasonal period (at least 4), or 6, at most a fifth of the series"
                        ),
                    ],
                    capabilities: ["intervals", "samples", "seasonal", "non_negative"],
                    example: """
                        local m = forecast.fit("auto", data.dataset("ukgas"), { candidates = { "ets", "theta", "snaive" } })
                        print(m.method)
                        print(m.notes[1])
                        """),
                resolvingMembers: { p, resolver in try makeAuto(p, resolver: resolver ?? .candidates(candidates)) }),
        ]
    }

    /// Configures the named models (through `resolver`: the catalog's own models, or
    /// a host's plugin registry); `owner` names the combining model in errors.
    static func members(
        _ p: ParameterSet, _ key: String, defaults: [String], owner: String,
        resolver: ModelResolver
    ) throws(ForecastError) -> [EnsembleForecaster.Member] {
        var names = defaults
        if case .strings(let given)? = p[key] { names = given }
        guard !names.isEmpty else { throw ForecastError("\(owner): \(key) is empty; name at least one model") }
        let known = resolver.names()
        var out: [EnsembleForecaster.Member] = []
        for spec in names {
            let (name, given) = try memberSpec(spec, key: key, owner: owner)
            guard name != "ensemble" && name != "auto" else {
                throw ForecastError("\(owner): \(key) cannot include \(name) (a combination of combinations)")
            }
            guard known.contains(name) else {
                var message = "\(owner): no model named '\(name)' in \(key)"
                if let guess = closestMatch(to: name, in: known.filter { $0 != "ensemble" && $0 != "auto" }) {
                    message += " (did you mean '\(guess)'?)"
                }
                throw ForecastError(message)
            }
            guard !out.contains(where: { $0.name == name }) else {
                throw ForecastError("\(owner): \(name) appears twice in \(key)")
            }
            // A global member (nbeats) is trained for a horizon; the combination passes its own on.
            var options = given
            if options["horizon"] == nil, let h = p.integer("horizon"), resolver.takesOption(name, "horizon") {
                options["horizon"] = .integer(h)
            }
            guard let forecaster = try resolver.configure(name, options) else {
                throw ForecastError("\(owner): no model named '\(name)' in \(key)")
            }
            out.append(EnsembleForecaster.Member(name: name, forecaster: forecaster))
        }
        return out
    }

    /// "ets" or "ets:model=ZZN,damped=true": a member's name and its options
    /// (numbers, true/false, or text), as the bench runners write them.
    static func memberSpec(_ spec: String, key: String, owner: String) throws(ForecastError) -> (
        String, [String: ParameterValue]
    ) {
        guard let colon = spec.firstIndex(of: ":") else { return (spec, [:]) }
        let name = String(spec[..<colon])
        var options: [String: ParameterValue] = [:]
        for pair in spec[spec.index(after: colon)...].split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ForecastError("\(owner): in \(key), '\(spec)': options are written name:key=value,key=value")
            }
            let text = parts[1]
            if let i = Int(text) {
                options[parts[0]] = .integer(i)
            } else if let x = Double(text) {
                options[parts[0]] = .number(x)
            } else if text == "true" || text == "false" {
                options[parts[0]] = .boolean(text == "true")
            } else {
                options[parts[0]] = .string(text)
            }
        }
        return (name, options)
    }

    static func makeEnsemble(_ p: ParameterSet, resolver: ModelResolver) throws -> any Forecaster {
        EnsembleForecaster(
            members: try members(
                p, "members", defaults: defaultEnsembleMembers, owner: "ensemble",
                resolver: resolver),
            combine: EnsembleForecaster.Combine(rawValue: p.string("combine") ?? "mean") ?? .mean)
    }

    static func makeAuto(_ p: ParameterSet, resolver: ModelResolver) throws -> any Forecaster {
        AutoForecaster(
            candidates: try members(
                p, "candidates", defaults: defaultAutoCandidates, owner: "auto",
                resolver: resolver),
            holdout: p.integer("holdout"))
    }
}
