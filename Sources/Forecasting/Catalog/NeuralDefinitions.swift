import AlmanacCore

extension ModelCatalog {
    static let neuralModels: [ModelDefinition] = [
        ModelDefinition(descriptor: describe(
            "nbeats", summary: "N-BEATS, a global neural network trained across every series of a panel (quantile outputs)",
            doc: """
            Oreshkin et al. (2020), generic blocks: stacked fully connected ReLU blocks, each giving a backcast \
            (removed from its input) and a forecast (added to the total). One network is trained on windows from \
            every series it is given: `forecast.fit_many(panel, "nbeats", …)` trains once for the whole panel, \
            `forecast.fit` on one series. Each window is divided by the mean absolute value of its inputs; short \
            series are zero-padded and the padding is masked. Trained in native Swift on the CPU (OpenBLAS for the \
            matrix products) with Adam on the pinball loss at 15 quantile levels (1 % … 99 %), each series' last \
            `horizon` held back for early stopping. The point forecast is the median; intervals are read off the \
            learned quantiles; sample paths follow a Gaussian copula fitted to the validation errors. Seeded: the \
            same seed and data give the same network on the same machine. See docs/forecasting-neural.md.
            """,
            parameters: [
                ParameterSpec("horizon", .integer, range: ParameterRange(lower: 1, upper: 520),
                              doc: "steps ahead the network forecasts (default: the seasonal period, at least 6); forecasts may ask for up to this many"),
                ParameterSpec("lookback", .integer, range: ParameterRange(lower: 2, upper: 2000),
                              doc: "observations the network sees (default: 2 × horizon)"),
                ParameterSpec("blocks", .integer, default: .integer(6), range: ParameterRange(lower: 1, upper: 64), doc: "blocks in sequence"),
                ParameterSpec("layers", .integer, default: .integer(4), range: ParameterRange(lower: 1, upper: 16), doc: "hidden layers per block"),
                ParameterSpec("width", .integer, default: .integer(256), range: ParameterRange(lower: 4, upper: 4096), doc: "units per hidden layer"),
                ParameterSpec("steps", .integer, default: .integer(2000), range: ParameterRange(lower: 1, upper: 1_000_000),
                              doc: "most training steps (batches)"),
                ParameterSpec("batch_size", .integer, default: .integer(256), range: ParameterRange(lower: 1, upper: 65536), doc: "windows per training step"),
                ParameterSpec("learning_rate", .number, default: .number(1e-3), range: ParameterRange(lower: 0, lowerInclusive: false, upper: 1),
                              doc: "Adam's step size (halved when the validation loss stalls)"),
                ParameterSpec("patience", .integer, default: .integer(8), range: ParameterRange(lower: 1, upper: 1000),
                              doc: "validation checks without improvement before training stops"),
                ParameterSpec("evaluate_every", .integer, default: .integer(50), range: ParameterRange(lower: 1, upper: 100_000),
                              doc: "training steps between validation checks"),
                ParameterSpec("history", .integer, default: .integer(10), range: ParameterRange(lower: 1, upper: 1000),
                              doc: "training windows end within this many horizons of each series' end"),
                ParameterSpec("validate", .boolean, default: .boolean(true),
                              doc: "hold back each series' last horizon for early stopping"),
                ParameterSpec("intervals", .boolean, default: .boolean(true),
                              doc: "learn 15 quantile levels for intervals and sample paths; false learns the median only (point forecasts)"),
                ParameterSpec("members", .integer, default: .integer(1), range: ParameterRange(lower: 1, upper: 100),
                              doc: "networks trained and averaged quantile by quantile; member k uses seed + k and, unless lookback is set, lookback (2 + k mod 3) × horizon"),
                ParameterSpec("seed", .integer, default: .integer(1), range: ParameterRange(lower: 0),
                              doc: "seed of the initial weights and the training windows"),
            ],
            capabilities: ["intervals", "samples", "seasonal", "non_negative"],
            example: """
            local panel = data.synthetic_retail{ skus = 12, periods = 104, seed = 3 }
            local fp = forecast.fit_many(panel, "nbeats", { horizon = 8, steps = 200, width = 64 })
            local fc = fp:forecast{ h = 8 }
            print(#fp, fc[panel:keys()[1]].mean[1])
            """)) { p in
                var f = NBeatsForecaster()
                f.horizon = p.integer("horizon")
                f.lookback = p.integer("lookback")
                f.blocks = p.integer("blocks") ?? f.blocks
                f.layersPerBlock = p.integer("layers") ?? f.layersPerBlock
                f.width = p.integer("width") ?? f.width
                f.historyHorizons = p.integer("history") ?? f.historyHorizons
                f.validate = p.boolean("validate") ?? true
                f.members = p.integer("members") ?? 1
                f.intervals = p.boolean("intervals") ?? true
                f.training.maxSteps = p.integer("steps") ?? f.training.maxSteps
                f.training.batchSize = p.integer("batch_size") ?? f.training.batchSize
                f.training.learningRate = Float(p.number("learning_rate") ?? 1e-3)
                f.training.patience = p.integer("patience") ?? f.training.patience
                f.training.evaluateEvery = p.integer("evaluate_every") ?? f.training.evaluateEvery
                f.training.seed = UInt64(p.integer("seed") ?? 1)
                return f
            },
    ]
}
