import AlmanacCore

extension ModelCatalog {
    static let cesModels: [ModelDefinition] = [
        ModelDefinition(
            descriptor: describe(
                "ces",
                summary: "complex exponential smoothing, its seasonal form chosen by AICc (statsforecast's AutoCES)",
                doc: """
                    Svetunkov, Kourentzes & Ord (2022): the level and an "information potential" smoothed together as one \
                    complex number, which lets the model move between level and trend behaviour without choosing a trend. \
                    Forms: N (no season), S (simple: the same recursion on lag m), P (partial: an additive seasonal smoothed \
                    with β₀), F (full: a second complex pair on lag m). Each form is estimated as statsforecast 2.1.1 does: its \
                    initial states, start values, bounds and clamped Nelder–Mead on n·log Σe² after backfitting (forward, \
                    backward, forward). form = "auto" fits N, and S, P, F when the period m > 1 and there are at least 2m \
                    observations, and keeps the smallest `ic`. Intervals are exact for the linear model: σ²·Σψ_j² with ψ the \
                    response of the forecasts to one error, σ² = Σe²/(n − k − 1) (statsforecast perturbs the final states \
                    instead); sample paths run the recursion with Gaussian errors of that variance.
                    """,
                parameters: [
                    ParameterSpec(
                        "form", .string, default: .string("auto"), choices: ["auto", "N", "S", "P", "F"],
                        doc: "seasonal form: none, simple, partial, full, or auto (by the information criterion)"),
                    ParameterSpec(
                        "ic", .string, default: .string("aicc"), choices: ["aicc", "aic", "bic"],
                        doc: "information criterion for choosing the form"),
                ],
                capabilities: ["intervals", "samples", "seasonal", "non_negative"],
                example: """
                    local air = data.dataset("airpassengers")
                    local m = forecast.fit("ces", air)
                    print(m.method, m:params().alpha0, m:forecast{ h = 12 }.mean[1])
                    """)
        ) { p in
            var f = CESForecaster()
            let form = p.string("form") ?? "auto"
            f.form = form == "auto" ? nil : CESKernel.Season(rawValue: form)
            f.criterion = ETSForecaster.InformationCriterion(rawValue: p.string("ic") ?? "aicc") ?? .aicc
            return f
        }
    ]
}
