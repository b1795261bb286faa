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

    static let architecture = NBeatsArchitecture(
        lookback: 24, horizon: 6, quantiles: [0.1, 0.5, 0.9],
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
        let windows = TrainingWindows(
            series: Self.panel(), lookback: 24, horizon: 6, historyLimit: 36, minimumInputs: 6, validate: true)
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
        let windows = TrainingWindows(
            series: Self.panel(), lookback: 24, horizon: 6, historyLimit: 36, minimumInputs: 6, validate: true)
        var settings = Self.settings()
        settings.maxSteps = 40
        let a = NetworkTrainer(settings: settings).train(
            NBeatsNetwork(architecture: Self.architecture, seed: 9), windows: windows)
        let b = NetworkTrainer(settings: settings).train(
            NBeatsNetwork(architecture: Self.architecture, seed: 9), windows: windows)
        #expect(a.network.parameters == b.network.parameters)
        settings.seed = 6
        let c = NetworkTrainer(settings: settings).train(
            NBeatsNetwork(architecture: Self.architecture, seed: 9), windows: windows)
        #expect(a.network.parameters != c.network.parameters)
    }

    /// The batch is split into fixed shards summed in order, so the thread count cannot change a bit.
    @Test func threadCountDoesNotChangeTheWeights() {
        let windows = TrainingWindows(
            series: Self.panel(), lookback: 24, horizon: 6, historyLimit: 36, minimumInputs: 6, validate: true)
        var settings = Self.settings()
        settings.maxSteps = 30
        settings.threads = 1
        let one = NetworkTrainer(settings: settings).train(
            NBeatsNetwork(architecture: Self.architecture, seed: 4), windows: windows)
        settings.threads = 3
        let three = NetworkTrainer(settings: settings).train(
            NBeatsNetwork(architecture: Self.architecture, seed: 4), windows: windows)
        #expect(one.network.parameters == three.network.parameters)
    }

    @Test func earlyStoppingKeepsTheBestWeights() {
        let windows = TrainingWindows(
            series: Self.panel(), lookback: 24, horizon: 6, historyLimit: 36, minimumInputs: 6, validate: true)
        var settings = Self.settings()
        settings.maxSteps = 400
        settings.learningRate = 0.05  // too high: validation loss soon stops improving
        settings.patience = 3
        let result = NetworkTrainer(settings: settings).train(
            NBeatsNetwork(architecture: Self.architecture, seed: 2), windows: windows)
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
                    loss.evaluate(
                        predictions: p.baseAddress!, targets: t.baseAddress!, mask: m.baseAddress!, rows: v.rows,
                        gradient: nil)
                }
            }
        }
        #expect(abs(check - losses[bestIndex]) < 1e-5)
    }

    /// MASE weighting counts a smooth series' window more than a noisy one's (through
    /// the target mask the loss reads as weights); level weighting counts all alike.
    @Test func maseWeightingFavoursSmoothSeries() {
        let smooth = (0..<40).map { Float(100 + $0) }
        let noisy = (0..<40).map { Float($0 % 2 == 0 ? 20 : 180) }
        let mase = TrainingWindows(
            series: [smooth, noisy], lookback: 8, horizon: 4, historyLimit: 40, minimumInputs: 8,
            validate: true, weighting: .mase, seasonalLag: 1)
        let v = mase.validation
        #expect(v.rows == 2)
        let smoothWeight = v.targetMask[0], noisyWeight = v.targetMask[4]
        #expect(smoothWeight == 5, "a nearly flat scaled window hits the cap: \(smoothWeight)")
        #expect(noisyWeight < 1, "a window jumping by 1.6 times its level each step: \(noisyWeight)")
        let level = TrainingWindows(
            series: [smooth, noisy], lookback: 8, horizon: 4, historyLimit: 40, minimumInputs: 8, validate: true)
        #expect(level.validation.targetMask.allSatisfy { $0 == 1 })
        // Sampled windows carry the weights too (and 0 past a series' end).
        var random = NeuralRandom(seed: 3)
        var values = [Float](repeating: 0, count: 16 * 8), mask = values,
            targets = [Float](repeating: 0, count: 16 * 4), weights = targets
        values.withUnsafeMutableBufferPointer { vb in
            mask.withUnsafeMutableBufferPointer { mb in
                targets.withUnsafeMutableBufferPointer { tb in
                    weights.withUnsafeMutableBufferPointer { wb in
                        mase.sample(
                            rows: 16, random: &random, values: vb.baseAddress!, mask: mb.baseAddress!,
                            targets: tb.baseAddress!,
                            targetMask: wb.baseAddress!)
                    }
                }
            }
        }
        #expect(weights.contains { $0 > 1 } && weights.contains { $0 > 0 && $0 < 1 })
    }
}
