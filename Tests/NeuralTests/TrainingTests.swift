import Foundation
import Testing
@testable import Neural

@Suite struct TrainingTests {
    /// Seasonal series of different levels: a global model must learn the
    /// shared shape once, whatever the scale.
    static func panel() -> [[Float]] {
        (0..<24).map { k in
            let level = Float(10 + 40 * k)
            return (0..<60).map { t in level * (1 + 0.3 * Float(sin(2 * Double.pi * Double(t + k) / 12))) }
        }
    }

    static let architecture = NBeatsArchitecture(lookback: 24, horizon: 6, quantiles: [0.1, 0.5, 0.9],
                                                 blocks: 2, layersPerBlock: 2, width: 32)

    static func settings() -> NetworkTrainer.Settings {
        var s = NetworkTrainer.Settings()
        s.maxSteps = 300
        s.batchSize = 64
        s.evaluateEvery = 25
        s.seed = 5
        return s
    }

    @Test func trainingLearnsASharedSeasonalShape() {
        let windows = TrainingWindows(series: Self.panel(), lookback: 24, horizon: 6, historyLimit: 36, minimumInputs: 6, validate: true)
        #expect(windows.validation.rows == 24)
        let start = NBeatsNetwork(architecture: Self.architecture, seed: 1)
        let result = NetworkTrainer(settings: Self.settings()).train(start, windows: windows)
        let first = result.history.first?.validationLoss ?? .nan
        let best = result.history.compactMap(\.validationLoss).min() ?? .nan
        // The median forecast's error falls to a small share of the level.
        #expect(best < first / 4, "validation loss \(first) → \(best)")
        #expect(best < 0.03)
    }

    @Test func sameSeedSameWeights() {
        let windows = TrainingWindows(series: Self.panel(), lookback: 24, horizon: 6, historyLimit: 36, minimumInputs: 6, validate: true)
        var settings = Self.settings()
        settings.maxSteps = 40
        let a = NetworkTrainer(settings: settings).train(NBeatsNetwork(architecture: Self.architecture, seed: 9), windows: windows)
        let b = NetworkTrainer(settings: settings).train(NBeatsNetwork(architecture: Self.architecture, seed: 9), windows: windows)
        #expect(a.network.parameters == b.network.parameters)
        settings.seed = 6
        let c = NetworkTrainer(settings: settings).train(NBeatsNetwork(architecture: Self.architecture, seed: 9), windows: windows)
        #expect(a.network.parameters != c.network.parameters)
    }

    /// The batch is split into fixed shards summed in order, so the thread count cannot change a bit.
    @Test func threadCountDoesNotChangeTheWeights() {
        let windows = TrainingWindows(series: Self.panel(), lookback: 24, horizon: 6, historyLimit: 36, minimumInputs: 6, validate: true)
        var settings = Self.settings()
        settings.maxSteps = 30
        settings.threads = 1
        let one = NetworkTrainer(settings: settings).train(NBeatsNetwork(architecture: Self.architecture, seed: 4), windows: windows)
        settings.threads = 3
        let three = NetworkTrainer(settings: settings).train(NBeatsNetwork(architecture: Self.architecture, seed: 4), windows: windows)
        #expect(one.network.parameters == three.network.parameters)
    }

    @Test func earlyStoppingKeepsTheBestWeights() {
        let windows = TrainingWindows(series: Self.panel(), lookback: 24, horizon: 6, historyLimit: 36, minimumInputs: 6, validate: true)
        var settings = Self.settings()
        settings.maxSteps = 400
        settings.learningRate = 0.05   // too high: validation loss soon stops improving
        settings.patience = 3
        let result = NetworkTrainer(settings: settings).train(NBeatsNetwork(architecture: Self.architecture, seed: 2), windows: windows)
        let losses = result.history.compactMap(\.validationLoss)
        let bestIndex = result.history.firstIndex { $0.step == result.bestStep } ?? -1
        #expect(bestIndex >= 0)
        #expect(losses[bestIndex] == losses.min())
        let rerun = NBeatsNetwork(architecture: Self.architecture, parameters: result.network.parameters)
        let v = windows.validation
        let preds = rerun.predict(values: v.values, mask: v.mask, rows: v.rows)
        let loss = PinballLoss(quantiles: Self.architecture.quantiles, horizon: 6)
        let check = preds.withUnsafeBufferPointer { p in
            v.targets.withUnsafeBufferPointer { t in
                v.targetMask.withUnsafeBufferPointer { m in
                    loss.evaluate(predictions: p.baseAddress!, targets: t.baseAddress!, mask: m.baseAddress!, rows: v.rows, gradient: nil)
                }
            }
        }
        #expect(abs(check - losses[bestIndex]) < 1e-5)
    }
}
