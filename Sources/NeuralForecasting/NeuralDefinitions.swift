import AlmanacCore
import Forecasting

/// The global neural models' catalog entries (nbeats, lstm), which a
/// `ModelCatalog(adding: NeuralModels.definitions)` lists after the
/// statistical models and lets ensembles name.
public enum NeuralModels {
    /// Options every global neural model shares (training, windows, ensembles);
    /// `members` is each model's default number of networks.
    static func neuralTrainingOptions(members: Int) -> [ParameterSpec] {
        [
            ParameterSpec(
                "covariates", .strings,
                doc:
                    "names of the data's covariates (price, promo, …) the network reads over the lookback and the horizon; forecasts need their future values (in the data past the series' end, or future = { … })"
            ),
            ParameterSpec(
                "categories", .strings,
                doc:
                    "names of the panel's static attributes (category, store, …) the network learns an embedding for; a level not seen in training (a new store) gets the embedding of an average level"
            ),
            ParameterSpec(
                "embedding_size", .integer, range: ParameterRange(lower: 1, upper: 64),
                doc: "weights per level of each category (default: about half its levels, 2 to 8)"),
            ParameterSpec(
                "weighting", .string, default: .string("mase"),
                choices: GlobalNeuralForecaster.Weighting.allCases.map(\.rawValue),
                doc:
                    "how each window's errors count in the loss: level (relative to its level, as sMAPE), mase (relative to its seasonal naive error, as MASE: smooth series count more), mixed (members alternate)"
            ),
            ParameterSpec(
                "calendar", .boolean, default: .boolean(false),
                doc:
                    "read each step's place in the seasonal cycle (month of the year, weekday: its sine and cosine) over the lookback and the horizon; needs a seasonal series"
            ),
            ParameterSpec(
                "horizon", .integer, range: ParameterRange(lower: 1, upper: 520),
                doc:
                    "steps ahead the network forecasts (default: the seasonal period, at least 6); forecasts may ask for up to this many"
            ),
            ParameterSpec(
                "lookback", .integer, range: ParameterRange(lower: 2, upper: 2000),
                doc: "observations the network sees (default: 2 × horizon, or (2 + k mod 3) × horizon for member k)"),
            ParameterSpec(
                "steps", .integer, default: .integer(2000), range: ParameterRange(lower: 1, upper: 1_000_000),
                doc: "most training steps (batches) per network"),
            ParameterSpec(
                "batch_size", .integer, default: .integer(256), range: ParameterRange(lower: 1, upper: 65536),
                doc: "windows per training step"),
            ParameterSpec(
                "learning_rate", .number, default: .number(1e-3),
                range: ParameterRange(lower: 0, lowerInclusive: false, upper: 1),
                doc: "Adam's step size (halved when the validation loss stalls)"),
            ParameterSpec(
                "patience", .integer, default: .integer(8), range: ParameterRange(lower: 1, upper: 1000),
                doc: "validation checks without improvement before training stops"),
            ParameterSpec(
                "evaluate_every", .integer, default: .integer(50), range: ParameterRange(lower: 1, upper: 100_000),
                doc: "training steps between validation checks"),
            ParameterSpec(
                "history", .integer, default: .integer(10), range: ParameterRange(lower: 1, upper: 1000),
                doc: "training windows end within this many horizons of each series' end"),
            ParameterSpec(
                "validate", .boolean, default: .boolean(true),
                doc: "hold back each series' last horizon for early stopping"),
            ParameterSpec(
                "intervals", .boolean, default: .boolean(true),
                doc:
                    "learn 15 quantile levels for intervals and sample paths; false learns the median only (point forecasts)"
            ),
            ParameterSpec(
                "members", .integer, default: .integer(members), range: ParameterRange(lower: 1, upper: 100),
                doc:
                    "networks trained and averaged quantile by quantile; member k uses seed + k and, unless lookback is set, lookback (2 + k mod 3) × horizon"
            ),
            ParameterSpec(
                "seed", .integer, default: .integer(1), range: ParameterRange(lower: 0),
                doc: "seed of the initial weights and the training windows"),
        ]
    }

    /// nbeats and lstm, in listing order, without the common options (the catalog adds them).
    public static let definitions: [ModelDefinition] = [
        ModelDefinition(
            descriptor: ModelCatalog.describe(
                "nbeats",
                summary: "N-BEATS, a global neural network trained across every series of a panel (quantile outputs)",
                doc: """
                    Oreshkin et al. (2020), generic blocks: stacked fully connected ReLU blocks, each giving a backcast \
                    (removed from its input) and a forecast (added to the total). One network is trained on windows from \
                    every series it is given: `forecast.fit_many(panel, "nbeats", …)` trains once for the whole panel, \
                    `forecast.fit` on one series. Each window is divided by the mean absolute value of its inputs; short \
                    series are zero-padded and the padding is masked. Trained in native Swift on the CPU (OpenBLAS for the \
                    matrix products) with Adam on the pinball loss at 15 quantile levels (1 % … 99 %), each series' last \
                    `horizon` held back for early stopping; `members` networks are averaged. The point forecast is the \
                    median; intervals are read off the learned quantiles; sample paths follow a Gaussian copula fitted to \
                    the validation errors. `covariates` (price, promotion) join every block's input over the lookback and \
                    the horizon; `categories` (category, store) are learned embeddings joined to every block's input. \
                    Seeded: the same seed and data give the same networks on the same machine, whatever the number of \
                    threads. See docs/forecasting-neural.md.
                    """,
                parameters: [
                    ParameterSpec(
                        "blocks", .integer, default: .integer(6), range: ParameterRange(lower: 1, upper: 64),
                        doc: "blocks in sequence"),
                    ParameterSpec(
                        "layers", .integer, default: .integer(4), range: ParameterRange(lower: 1, upper: 16),
                        doc: "hidden layers per block"),
                    ParameterSpec(
                        "width", .integer, default: .integer(128), range: ParameterRange(lower: 4, upper: 4096),
                        doc: "units per hidden layer"),
                ]
                    + neuralTrainingOptions(
                        members: GlobalNeuralForecaster.defaultMembers(.nbeats(blocks: 6, layers: 4, width: 128))),
                capabilities: ["intervals", "samples", "seasonal", "exogenous", "non_negative"],
                example: """
                    local panel = data.synthetic_retail{ skus = 12, periods = 104, seed = 3 }
                    local fp = forecast.fit_many(panel, "nbeats", { horizon = 8, steps = 200, width = 64, members = 1,
                                                                     categories = { "category" } })
                    local fc = fp:forecast{ h = 8 }
                    print(#fp, fc[panel:keys()[1]].mean[1])
                    """)
        ) { p in
            var f = GlobalNeuralForecaster(
                design: .nbeats(
                    blocks: p.integer("blocks") ?? 6, layers: p.integer("layers") ?? 4,
                    width: p.integer("width") ?? 128))
            f.configure(p)
            return f
        },
        ModelDefinition(
            descriptor: ModelCatalog.describe(
                "lstm",
                summary:
                    "an LSTM encoder, a global recurrent network trained across every series of a panel (quantile outputs)",
                doc: """
                    A one-layer LSTM with a forget gate reads each window one step at a time (the scaled value, whether \
                    it is present, and any covariates); its last state, with the covariates over the horizon and the \
                    embedded categories, goes through a ReLU layer to the horizon × quantile outputs. Everything \
                    else is as for nbeats: one network (or `members` averaged) trained on windows from every series, \
                    per-window scaling, masked padding, the pinball loss at 15 levels, early stopping on each series' last \
                    horizon, intervals from the quantiles and copula sample paths. Backpropagation through time is written \
                    by hand and checked against finite differences. See docs/forecasting-neural.md.
                    """,
                parameters: [
                    ParameterSpec(
                        "hidden", .integer, default: .integer(64), range: ParameterRange(lower: 2, upper: 2048),
                        doc: "units in the LSTM's state and in the head's hidden layer")
                ] + neuralTrainingOptions(members: GlobalNeuralForecaster.defaultMembers(.lstm(hidden: 64))),
                capabilities: ["intervals", "samples", "seasonal", "exogenous", "non_negative"],
                example: """
                    local panel = data.synthetic_retail{ skus = 12, periods = 104, seed = 3 }
                    local fp = forecast.fit_many(panel, "lstm", { horizon = 8, steps = 100, hidden = 16, members = 1,
                                                                   covariates = { "promo" } })
                    print(fp:model(panel:keys()[1]).method)
                    """)
        ) { p in
            var f = GlobalNeuralForecaster(design: .lstm(hidden: p.integer("hidden") ?? 64))
            f.configure(p)
            return f
        },
    ]
}

extension GlobalNeuralForecaster {
    /// The options every global neural model shares.
    mutating func configure(_ p: ParameterSet) {
        horizon = p.integer("horizon")
        lookback = p.integer("lookback")
        historyHorizons = p.integer("history") ?? historyHorizons
        validate = p.boolean("validate") ?? true
        members = p.integer("members") ?? members
        intervals = p.boolean("intervals") ?? true
        training.maxSteps = p.integer("steps") ?? training.maxSteps
        training.batchSize = p.integer("batch_size") ?? training.batchSize
        training.learningRate = Float(p.number("learning_rate") ?? 1e-3)
        training.patience = p.integer("patience") ?? training.patience
        training.evaluateEvery = p.integer("evaluate_every") ?? training.evaluateEvery
        training.seed = UInt64(p.integer("seed") ?? 1)
        covariateNames = p.strings("covariates") ?? []
        categoryNames = p.strings("categories") ?? []
        embeddingSize = p.integer("embedding_size")
        calendar = p.boolean("calendar") ?? false
        weighting = p.string("weighting").flatMap(Weighting.init(rawValue:)) ?? .mase
    }
}
