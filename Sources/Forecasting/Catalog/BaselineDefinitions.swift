import AlmanacCore

extension ModelCatalog {
    static let baselineModels: [ModelDefinition] = [
        ModelDefinition(
            descriptor: describe(
                "mean", summary: "the historical mean (R's meanf)",
                doc:
                    "Forecasts the mean of the data for every step. Intervals use Student's t with n − 1 degrees of freedom and the sample standard deviation, widened by √(1 + 1/n) for the uncertainty of the mean.",
                capabilities: ["intervals", "samples", "non_negative"],
                example: """
                    local air = data.dataset("airpassengers")
                    local fc = forecast.fit("mean", air):forecast{ h = 3 }
                    print(fc.mean[1], fc:lower(95)[1])
                    """)
        ) { _ in MeanForecaster() },
        ModelDefinition(
            descriptor: describe(
                "naive", summary: "the last observation, carried forward (a random walk)",
                doc:
                    "Forecasts the last value for every step; the h-step variance is h·σ², with σ² the mean squared one-step change (R's naive / rwf).",
                capabilities: ["intervals", "samples", "non_negative"],
                example: """
                    local air = data.dataset("airpassengers")
                    print(forecast.fit("naive", air):forecast{ h = 2 }.mean:values()[2])
                    """)
        ) { _ in LagWalkForecaster(kind: .naive) },
        ModelDefinition(
            descriptor: describe(
                "snaive", summary: "the value one season ago (seasonal naive)",
                doc:
                    "Forecasts each step with the observation one seasonal period earlier; the variance grows with the number of whole seasons ahead (R's snaive). Needs a seasonal series.",
                capabilities: ["intervals", "samples", "seasonal", "non_negative"],
                example: """
                    local air = data.dataset("airpassengers")
                    print(forecast.fit("snaive", air):forecast{ h = 12 }.mean[12])
                    """)
        ) { _ in LagWalkForecaster(kind: .snaive) },
        ModelDefinition(
            descriptor: describe(
                "drift", summary: "a random walk with drift: the line from the first to the last observation, extended",
                doc:
                    "The last value plus h times the average change (R's rwf(drift = TRUE)); intervals include the uncertainty of the drift.",
                capabilities: ["intervals", "samples", "non_negative"],
                example: """
                    local air = data.dataset("airpassengers")
                    print(forecast.fit("drift", air):params().drift)
                    """)
        ) { _ in LagWalkForecaster(kind: .drift) },
        ModelDefinition(
            descriptor: describe(
                "moving_average", summary: "the mean of the last `window` observations, carried forward",
                doc:
                    "A flat forecast at the mean of the most recent `window` observations. Intervals use the root mean squared one-step error of the trailing means and do not widen with the horizon (the method has no model of how errors grow).",
                parameters: [
                    ParameterSpec(
                        "window", .integer, default: .integer(3), range: ParameterRange(lower: 1),
                        doc: "how many recent observations to average")
                ],
                capabilities: ["intervals", "samples", "non_negative"],
                example: """
                    local s = series.new{ values = { 3, 5, 4, 6, 5 } }
                    print(forecast.fit("moving_average", s, { window = 2 }):forecast{ h = 1 }.mean[1])  -- 5.5
                    """)
        ) { p in MovingAverageForecaster(window: p.integer("window") ?? 3) },
    ]
}
