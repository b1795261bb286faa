/// Trains a forecasting network on windows from many series: Adam on the pinball
/// loss, the validation loss checked every `evaluateEvery` steps, the learning
/// rate halved when it stalls, and training stopped (keeping the best weights)
/// after `patience` checks without improvement.
public struct NetworkTrainer: Sendable {
    public struct Settings: Sendable, Equatable {
        public var maxSteps = 2000
        public var batchSize = 256
        public var learningRate: Float = 1e-3
        public var evaluateEvery = 50
        public var patience = 8
        public var seed: UInt64 = 1
        /// Threads for the gradient shards (the result does not depend on it).
        public var threads = 1

        public init() {}
    }

    /// One validation check, for progress reports and the training record.
    public struct Checkpoint: Sendable, Equatable {
        public var step: Int
        /// Mean training loss since the previous check.
        public var trainingLoss: Float
        /// Loss on the validation windows (nil without any).
        public var validationLoss: Float?
        public var learningRate: Float
    }

    public struct Result<Network: ForecastNetwork>: Sendable {
        public var network: Network
        public var history: [Checkpoint]
        /// The step whose weights were kept.
        public var bestStep: Int
        public var stoppedEarly: Bool
        /// The progress callback asked to stop (a time limit or an interrupt).
        public var cancelled: Bool
    }

    public let settings: Settings

    public init(settings: Settings) { self.settings = settings }

    public func train<Network: ForecastNetwork>(
        _ start: Network, windows: TrainingWindows,
        progress: ((Checkpoint) -> Bool)? = nil
    ) -> Result<Network> {
        let rows = settings.batchSize
        let loss = PinballLoss(quantiles: start.quantiles, horizon: start.horizon)
        MatrixProduct.threads = 1
        let shards = GradientShards(network: start, rows: rows)
        // Bounds: the batch arrays hold rows × the network's widths. windows.sample writes rows ×
        // its own lookback, horizon, covariateWidth and categoryCount, so those must match the
        // network's: the caller builds the windows with start.lookback and start.horizon, and with
        // covariate and category columns of the counts the network was made with. The validation
        // workspace is made for validation.rows, the rows its arrays hold.
        var values = [Float](repeating: 0, count: rows * start.lookback)
        var mask = values
        var covariates = [Float](repeating: 0, count: rows * start.covariateWidth)
        var categories = [Float](repeating: 0, count: rows * start.categoryCount)
        let validation = windows.validation
        let validationSpace = validation.rows > 0 ? start.makeWorkspace(rows: validation.rows) : nil
        var network = start
        var best = start
        var bestLoss = Float.infinity
        var bestStep = 0
        var stalls = 0
        var gradient = [Float](repeating: 0, count: start.parameters.count)
        var adam = Adam(parameterCount: start.parameters.count, learningRate: settings.learningRate)
        var random = NeuralRandom(seed: settings.seed)
        var targets = [Float](repeating: 0, count: rows * start.horizon)
        var targetMask = targets
        var history: [Checkpoint] = []
        var running: Double = 0, runningCount = 0
        var stoppedEarly = false
        var cancelled = false

        func validationLoss() -> Float? {
            guard let space = validationSpace else { return nil }
            space.load(
                values: validation.values, mask: validation.mask, covariates: validation.covariates,
                categories: validation.categories, rows: validation.rows)
            network.parameters.withUnsafeBufferPointer { p in
                if let base = p.baseAddress { space.forward(parameters: base, rows: validation.rows) }
            }
            return validation.targets.withUnsafeBufferPointer { t in
                validation.targetMask.withUnsafeBufferPointer { m in
                    guard let tb = t.baseAddress, let mb = m.baseAddress else { return Float.nan }
                    return loss.evaluate(
                        predictions: space.forecast, targets: tb, mask: mb, rows: validation.rows, gradient: nil)
                }
            }
        }

        guard !windows.isEmpty else {
            return Result(network: network, history: [], bestStep: 0, stoppedEarly: false, cancelled: false)
        }
        for step in 1...max(1, settings.maxSteps) {
            let value = withBatchBuffers(&values, &mask, &targets, &targetMask) { v, m, t, tm in
                covariates.withUnsafeMutableBufferPointer { cb in
                    categories.withUnsafeMutableBufferPointer { kb in
                        windows.sample(
                            rows: rows, random: &random, values: v, mask: m, targets: t, targetMask: tm,
                            covariates: cb.baseAddress, categories: kb.baseAddress)
                        return network.parameters.withUnsafeBufferPointer { p in
                            gradient.withUnsafeMutableBufferPointer { g in
                                guard let pb = p.baseAddress, let gb = g.baseAddress else { return Float.nan }
                                return shards.compute(
                                    parameters: pb, values: v, mask: m,
                                    covariates: cb.baseAddress.map { UnsafePointer($0) },
                                    categories: kb.baseAddress.map { UnsafePointer($0) },
                                    targets: t, targetMask: tm, loss: loss, threads: settings.threads, into: gb)
                            }
                        }
                    }
                }
            }
            running += Double(value)
            runningCount += 1
            adam.step(&network.parameters, gradient: gradient)

            guard step % settings.evaluateEvery == 0 || step == settings.maxSteps else { continue }
            let checked = validationLoss()
            let point = Checkpoint(
                step: step, trainingLoss: Float(running / Double(max(runningCount, 1))),
                validationLoss: checked, learningRate: adam.learningRate)
            running = 0
            runningCount = 0
            history.append(point)
            if progress?(point) == false {
                stoppedEarly = true
                cancelled = true
                break
            }
            let score = checked ?? point.trainingLoss
            if score < bestLoss * 0.9995 {
                bestLoss = score
                best = network
                bestStep = step
                stalls = 0
            } else {
                stalls += 1
                if stalls % max(1, settings.patience / 2) == 0 { adam.learningRate *= 0.5 }
                if stalls >= settings.patience {
                    stoppedEarly = true
                    break
                }
            }
        }
        return Result(
            network: best, history: history, bestStep: bestStep, stoppedEarly: stoppedEarly, cancelled: cancelled)
    }

    /// The four batch arrays as pointers for one step.
    private func withBatchBuffers(
        _ values: inout [Float], _ mask: inout [Float], _ targets: inout [Float], _ targetMask: inout [Float],
        _ body: (
            UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>,
            UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>
        ) -> Float
    ) -> Float {
        values.withUnsafeMutableBufferPointer { v in
            mask.withUnsafeMutableBufferPointer { m in
                targets.withUnsafeMutableBufferPointer { t in
                    targetMask.withUnsafeMutableBufferPointer { tm in
                        guard let vb = v.baseAddress, let mb = m.baseAddress, let tb = t.baseAddress,
                            let tmb = tm.baseAddress
                        else { return .nan }
                        return body(vb, mb, tb, tmb)
                    }
                }
            }
        }
    }
}
