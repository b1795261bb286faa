import AlmanacCore
import Forecasting
import Neural
import TimeSeries

/// A global neural model (N-BEATS with generic blocks, or an LSTM): networks
/// trained on windows from every series it is given (fit_many gives it the
/// whole panel; fit, a single series). See docs/forecasting-neural.md.
public struct GlobalNeuralForecaster: Forecaster {
    /// The network: N-BEATS generic blocks or an LSTM encoder.
    public enum Design: Sendable, Equatable {
        case nbeats(blocks: Int, layers: Int, width: Int)
        case lstm(hidden: Int)

        var name: String {
            switch self {
            case .nbeats: return "nbeats"
            case .lstm: return "lstm"
            }
        }
    }

    /// The network trained.
    public var design: Design
    /// Steps ahead the network forecasts; nil: the series' seasonal period, at least 6.
    public var horizon: Int?
    /// Observations the network sees; nil: twice the horizon.
    public var lookback: Int?
    /// Windows end within this many horizons of each series' end (N-BEATS's L_H); nil: 10.
    public var historyHorizons = 10
    /// Hold back each series' last horizon for early stopping.
    public var validate = true
    /// Networks trained and averaged (quantile by quantile); member k has seed
    /// seed + k and, unless `lookback` is set, lookback (2 + k mod 3) × horizon.
    public var members: Int

    /// N-BEATS averages 5 networks: on M3 monthly 5 beat ETS on sMAPE for three
    /// seeds out of three, 3 only tied it (bench/README.md#neural). The LSTM, slower
    /// per network, keeps 3.
    public static func defaultMembers(_ design: Design) -> Int {
        switch design {
        case .nbeats: return 5
        case .lstm: return 3
        }
    }
    /// Steps, batch size, learning rate, early stopping and seed.
    public var training = NetworkTrainer.Settings()
    /// Levels learned by the pinball loss; intervals and paths are read off them.
    public static let quantileLevels: [Float] = [
        0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99,
    ]
    /// False: learn the median only (point forecasts; no intervals or paths).
    public var intervals = true
    var levels: [Float] { intervals ? Self.quantileLevels : [0.5] }
    /// A window needs this many observed values.
    static let minimumInputs = 3
    /// Covariates the network reads over the lookback and the horizon.
    public var covariateNames: [String] = []
    /// Their scales when continuing a trained model (fine-tuning); otherwise measured on the data.
    var covariateScales: [Float]?
    /// Static attributes the network embeds (category, store).
    public var categoryNames: [String] = []
    /// Weights per level of each; nil: about half the levels, 2 to 8 (CategoryEmbeddings.dimension).
    public var embeddingSize: Int?
    /// The levels when continuing a trained model (fine-tuning); otherwise read from the data.
    var vocabulary: CategoryVocabulary?
    /// Read each step's place in the seasonal cycle (CalendarFeatures) beside the covariates.
    public var calendar = false
    /// How windows' errors are weighed in the loss (LossWeighting.swift).
    public var weighting = Weighting.mase
    /// Covariate inputs per step: the named ones, then the calendar's.
    var covariateInputs: Int { covariateNames.count + (calendar ? CalendarFeatures.count : 0) }

    /// A forecaster for `design` with the default training settings.
    public init(design: Design) {
        self.design = design
        members = Self.defaultMembers(design)
    }

    /// Global: fit_many and backtest give it the whole panel.
    public var learnsAcrossSeries: Bool { true }

    /// Trains on one series alone (a panel of one).
    public func fit(_ data: ModelData) throws(ForecastError) -> any FittedModel {
        let members = try train([data], threads: ParallelMap.defaultThreads, progress: nil)
        guard let model = members.first?.model else {
            throw ForecastError(members.first?.failure ?? "\(design.name): no model")
        }
        return model
    }

    /// Trains once on windows from every series; one member per series.
    public func fitTogether(_ items: [ModelData], threads: Int, progress: TrainingProgress?) throws(ForecastError)
        -> [PanelMember]?
    {
        try train(items, threads: threads, progress: progress)
    }

    /// Rebuilds a fit from its saved networks without training.
    public func restore(_ data: ModelData, state: JSONValue) throws(ForecastError) -> any FittedModel {
        guard let saved = state["network"] else {
            throw ForecastError("\(design.name): the saved model has no network")
        }
        let global = try GlobalNetwork(saved: saved)
        let covariates =
            global.covariateNames.isEmpty
            ? nil
            : try RegressionCovariates(names: global.covariateNames, data: data, model: global.modelName)
        // The series' levels were saved with it; levels given with the data take precedence.
        var attributes: [String: String] = [:]
        if case .object(let saved)? = state["attributes"] {
            for (name, value) in saved { if case .string(let text) = value { attributes[name] = text } }
        }
        attributes.merge(global.categories.restrict(data.attributes)) { _, given in given }
        return NeuralFit(global: global, series: data.series, covariates: covariates, attributes: attributes)
    }

    /// The horizon: given, or the series' seasonal period (at least 6).
    func horizon(for items: [ModelData]) -> Int {
        horizon ?? max(items.first?.series.seasonalPeriod ?? 1, 6)
    }

    /// Member k's network, freshly initialised from `seed`, embedding `categories`.
    func network(horizon h: Int, member k: Int, seed: UInt64, categories: CategoryVocabulary) -> any ForecastNetwork {
        let l = lookback ?? (2 + k % 3) * h
        let tables = categories.tableSizes
        let dimensions = tables.map { embeddingSize ?? CategoryEmbeddings.dimension(levels: $0) }
        switch design {
        case .nbeats(let blocks, let layers, let width):
            return NBeatsNetwork(
                architecture: NBeatsArchitecture(
                    lookback: l, horizon: h, quantiles: levels, blocks: blocks,
                    layersPerBlock: layers, width: width,
                    covariates: covariateInputs,
                    categoryLevels: tables, embeddingDimensions: dimensions), seed: seed)
        case .lstm(let hidden):
            return LSTMNetwork(
                lookback: l, horizon: h, quantiles: levels, hidden: hidden, covariates: covariateInputs,
                categoryLevels: tables, embeddingDimensions: dimensions, seed: seed)
        }
    }

    /// Trains fresh networks, or continues training `startingFrom` (fine-tuning; one member each).
    func train(
        _ items: [ModelData], threads: Int, progress: TrainingProgress?,
        startingFrom: [any ForecastNetwork]? = nil
    ) throws(ForecastError) -> [PanelMember] {
        var failures: [String?] = []
        var values: [[Float]] = []
        var covariates: [RegressionCovariates?] = []
        for data in items {
            do throws(ForecastError) {
                let v = try data.series.checkedValues(for: design.name, minimum: Self.minimumInputs + 1)
                if calendar && data.series.seasonalPeriod <= 1 {
                    throw ForecastError(
                        "\(design.name): calendar = true needs a seasonal series (period > 1); \(data.series.describedName) has period 1"
                    )
                }
                covariates.append(
                    covariateNames.isEmpty
                        ? nil : try RegressionCovariates(names: covariateNames, data: data, model: design.name))
                values.append(v.map { Float($0) })
                failures.append(nil)
            } catch {
                values.append([])
                covariates.append(nil)
                failures.append(error.message)
            }
        }
        let usable = items.indices.filter { failures[$0] == nil }
        guard !usable.isEmpty else {
            if items.count == 1, let reason = failures[0] { throw ForecastError(reason) }
            throw ForecastError(
                "\(design.name): no series has more than \(Self.minimumInputs) observations to train on")
        }
        let h = startingFrom?.first?.horizon ?? horizon(for: items)
        var categories = CategoryVocabulary.none
        if let vocabulary {
            categories = vocabulary
        } else {
            categories = try CategoryVocabulary(
                names: categoryNames, data: usable.map { items[$0] }, model: design.name)
        }
        let levelIndices = categories.isEmpty ? [] : usable.map { categories.indices(items[$0].attributes) }
        let scales =
            covariateScales ?? Self.covariateScales(usable.compactMap { covariates[$0] }, count: covariateNames.count)
        let scaledColumns: [[[Float]]] =
            covariateInputs == 0
            ? []
            : usable.map { i in
                let days =
                    calendar
                    ? CalendarFeatures.columns(for: items[i].series, count: items[i].series.count + h) ?? [] : []
                return GlobalNetwork.inputColumns(covariates[i]?.columns ?? [], scales: scales, calendar: days)
            }
        let memberCount = startingFrom?.count ?? max(1, members)
        var networks: [any ForecastNetwork] = []
        var steps: [Int] = [], bestSteps: [Int] = [], losses: [Double] = []
        var stoppedEarly = true
        var validationSets: [TrainingWindows.ValidationSet] = []
        for k in 0..<memberCount {
            var settings = training
            settings.seed = training.seed &+ UInt64(k)
            settings.threads = threads
            let start = startingFrom?[k] ?? network(horizon: h, member: k, seed: settings.seed, categories: categories)
            let windows = TrainingWindows(
                series: usable.map { values[$0] }, lookback: start.lookback, horizon: h,
                historyLimit: historyHorizons * h, minimumInputs: Self.minimumInputs,
                validate: validate, covariates: scaledColumns, categories: levelIndices,
                weighting: weighting(member: k),
                seasonalLag: items[usable[0]].series.seasonalPeriod)
            let budget = settings.maxSteps * memberCount
            let done = k * settings.maxSteps
            let result = trainMember(start, windows: windows, settings: settings) { point in
                progress?(
                    TrainingReport(
                        step: done + point.step, maxSteps: budget, trainingLoss: Double(point.trainingLoss),
                        validationLoss: point.validationLoss.map(Double.init))) ?? true
            }
            if result.cancelled {
                throw ForecastError("\(design.name): training was stopped (the time limit or an interrupt)")
            }
            networks.append(result.network)
            steps.append(result.history.last?.step ?? 0)
            bestSteps.append(result.bestStep)
            if let loss = result.history.first(where: { $0.step == result.bestStep })?.validationLoss {
                losses.append(Double(loss))
            }
            stoppedEarly = stoppedEarly && result.stoppedEarly
            validationSets.append(windows.validation)
        }
        let grid = QuantileGrid(levels: networks[0].quantiles.map { Double($0) })
        let record = GlobalNetwork.TrainingRecord(
            seriesCount: usable.count, steps: steps, bestSteps: bestSteps,
            validationLoss: losses.isEmpty ? nil : losses.reduce(0, +) / Double(losses.count),
            stoppedEarly: stoppedEarly)
        let global = GlobalNetwork(
            networks: networks, minimumInputs: Self.minimumInputs, grid: grid,
            copula: copula(networks, grid: grid, validation: validationSets), training: record,
            covariateNames: covariateNames, covariateScales: scales, categories: categories,
            calendar: calendar)
        var out = items.indices.map { PanelMember(model: nil, failure: failures[$0]) }
        for i in usable {
            out[i] = PanelMember(
                model: NeuralFit(
                    global: global, series: items[i].series, covariates: covariates[i],
                    attributes: categories.restrict(items[i].attributes)))
        }
        return out
    }

    /// Each covariate's mean absolute value over the training series (1 for an all-zero one).
    static func covariateScales(_ sets: [RegressionCovariates], count: Int) -> [Float] {
        (0..<count).map { j in
            var sum = 0.0, n = 0
            for c in sets { for x in c.history[j] { sum += abs(x); n += 1 } }
            let scale = n > 0 ? sum / Double(n) : 0
            return scale > 1e-9 ? Float(scale) : 1
        }
    }

    /// Opens the existential so the trainer sees the concrete network type.
    private func trainMember<N: ForecastNetwork>(
        _ start: N, windows: TrainingWindows, settings: NetworkTrainer.Settings,
        progress: @escaping (NetworkTrainer.Checkpoint) -> Bool
    )
        -> (
            network: any ForecastNetwork, history: [NetworkTrainer.Checkpoint], bestStep: Int, stoppedEarly: Bool,
            cancelled: Bool
        )
    {
        let r = NetworkTrainer(settings: settings).train(start, windows: windows, progress: progress)
        return (r.network, r.history, r.bestStep, r.stoppedEarly, r.cancelled)
    }

    /// The copula from the validation windows: each actual's normal score
    /// under the ensemble's forecast quantiles (the members' validation rows
    /// are the same series in the same order; only their lookbacks differ).
    private func copula(
        _ networks: [any ForecastNetwork], grid: QuantileGrid,
        validation sets: [TrainingWindows.ValidationSet]
    ) -> ForecastCopula {
        guard let h = networks.first?.horizon else { return .independent(horizon: 1) }
        guard let first = sets.first, first.rows >= 3, grid.levels.count >= 2 else { return .independent(horizon: h) }
        let q = grid.levels.count
        var total = [Double](repeating: 0, count: first.rows * h * q)
        for (network, v) in zip(networks, sets) {
            let raw = network.predict(
                values: v.values, mask: v.mask, covariates: v.covariates, categories: v.categories, rows: v.rows)
            GlobalNetwork.accumulate(raw, rows: v.rows, horizon: h, levels: q, scale: { _ in 1 }, into: &total)
        }
        let share = 1 / Double(sets.count)
        var scores: [[Double]] = []
        for r in 0..<first.rows {
            scores.append(
                (0..<h).map { t in
                    let base = (r * h + t) * q
                    return grid.score(
                        of: Double(first.targets[r * h + t]), total[base..<(base + q)].map { $0 * share }[...])
                })
        }
        return ForecastCopula.estimate(scores: scores, horizon: h)
    }
}
