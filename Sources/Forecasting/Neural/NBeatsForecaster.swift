import AlmanacCore
import Neural
import TimeSeries

/// N-BEATS with generic blocks as a global model: one network trained on
/// windows from every series it is given (fit_many gives it the whole panel;
/// fit, a single series). See docs/forecasting-neural.md.
public struct NBeatsForecaster: Forecaster {
    /// Steps ahead the network forecasts; nil: the series' seasonal period, at least 6.
    public var horizon: Int?
    /// Observations the network sees; nil: twice the horizon.
    public var lookback: Int?
    public var blocks = 6
    public var layersPerBlock = 4
    public var width = 256
    /// Windows end within this many horizons of each series' end (N-BEATS's L_H); nil: 10.
    public var historyHorizons = 10
    /// Hold back each series' last horizon for early stopping.
    public var validate = true
    public var training = NBeatsTrainer.Settings()
    /// Levels learned by the pinball loss; intervals and paths are read off them.
    public static let quantileLevels: [Float] = [0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99]
    /// A window needs this many observed values.
    static let minimumInputs = 3

    public init() {}

    public var learnsAcrossSeries: Bool { true }

    public func fit(_ data: ModelData) throws(ForecastError) -> any FittedModel {
        let members = try train([data], threads: ParallelMap.defaultThreads, progress: nil)
        guard let model = members.first?.model else {
            throw ForecastError(members.first?.failure ?? "nbeats: no model")
        }
        return model
    }

    public func fitTogether(_ items: [ModelData], threads: Int, progress: TrainingProgress?) throws(ForecastError) -> [PanelMember]? {
        try train(items, threads: threads, progress: progress)
    }

    public func restore(_ data: ModelData, state: JSONValue) throws(ForecastError) -> any FittedModel {
        guard let saved = state["network"] else { throw ForecastError("nbeats: the saved model has no network") }
        return NBeatsFit(global: try GlobalNetwork(saved: saved), series: data.series)
    }

    func architecture(for items: [ModelData]) -> NBeatsArchitecture {
        let period = items.first?.series.seasonalPeriod ?? 1
        let h = horizon ?? max(period, 6)
        return NBeatsArchitecture(lookback: lookback ?? 2 * h, horizon: h, quantiles: Self.quantileLevels,
                                  blocks: blocks, layersPerBlock: layersPerBlock, width: width)
    }

    private func train(_ items: [ModelData], threads: Int, progress: TrainingProgress?) throws(ForecastError) -> [PanelMember] {
        var failures: [String?] = []
        var values: [[Float]] = []
        for data in items {
            do {
                let v = try data.series.checkedValues(for: "nbeats", minimum: Self.minimumInputs + 1)
                values.append(v.map { Float($0) })
                failures.append(nil)
            } catch {
                values.append([])
                failures.append(error.message)
            }
        }
        let usable = items.indices.filter { failures[$0] == nil }
        guard !usable.isEmpty else {
            if items.count == 1, let reason = failures[0] { throw ForecastError(reason) }
            throw ForecastError("nbeats: no series has more than \(Self.minimumInputs) observations to train on")
        }
        let arch = architecture(for: items)
        let windows = TrainingWindows(series: usable.map { values[$0] }, lookback: arch.lookback, horizon: arch.horizon,
                                      historyLimit: historyHorizons * arch.horizon, minimumInputs: Self.minimumInputs,
                                      validate: validate)
        MatrixProduct.threads = threads
        let settings = training
        let result = NBeatsTrainer(settings: settings).train(NBeatsNetwork(architecture: arch, seed: settings.seed), windows: windows) { point in
            progress?(TrainingReport(step: point.step, maxSteps: settings.maxSteps, trainingLoss: Double(point.trainingLoss),
                                     validationLoss: point.validationLoss.map(Double.init)))
        }
        let best = result.history.first { $0.step == result.bestStep }
        let grid = QuantileGrid(levels: Self.quantileLevels.map { Double($0) })
        let provisional = GlobalNetwork(network: result.network, minimumInputs: Self.minimumInputs, grid: grid,
                                        copula: .independent(horizon: arch.horizon),
                                        training: .init(seriesCount: usable.count, steps: result.history.last?.step ?? 0,
                                                        bestStep: result.bestStep, validationLoss: best?.validationLoss.map(Double.init),
                                                        stoppedEarly: result.stoppedEarly))
        let global = GlobalNetwork(network: provisional.network, minimumInputs: provisional.minimumInputs, grid: grid,
                                   copula: copula(provisional, windows: windows), training: provisional.training)
        var members = items.indices.map { PanelMember(model: nil, failure: failures[$0]) }
        for i in usable { members[i] = PanelMember(model: NBeatsFit(global: global, series: items[i].series)) }
        return members
    }

    /// The copula from the validation windows: each actual's normal score under its forecast quantiles.
    private func copula(_ global: GlobalNetwork, windows: TrainingWindows) -> ForecastCopula {
        let v = windows.validation
        let a = global.architecture
        guard v.rows >= 3 else { return .independent(horizon: a.horizon) }
        let raw = global.network.predict(values: v.values, mask: v.mask, rows: v.rows)
        let q = a.quantiles.count, h = a.horizon
        var scores: [[Double]] = []
        for r in 0..<v.rows {
            scores.append((0..<h).map { t in
                let base = (r * h + t) * q
                let step = raw[base..<(base + q)].map(Double.init).sorted()
                return global.grid.score(of: Double(v.targets[r * h + t]), step[...])
            })
        }
        return ForecastCopula.estimate(scores: scores, horizon: h)
    }
}
