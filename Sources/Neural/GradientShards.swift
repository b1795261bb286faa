import Dispatch

/// A training batch split into a fixed number of shards, each with its own
/// workspace and gradient, run on up to `threads` threads with OpenBLAS kept
/// to one thread, and summed in shard order. The split never depends on the
/// thread count, so one thread or eight give the same bits; OpenBLAS's own
/// threading would not (it changes how sums are ordered).
final class GradientShards: @unchecked Sendable {
    /// Fixed, so results do not depend on the machine's cores.
    static let count = 4

    private let lookback: Int
    private let horizon: Int
    private let covariateWidth: Int
    private let categoryCount: Int
    private let starts: [Int]
    private let sizes: [Int]
    private let workspaces: [any NetworkWorkspace]
    private let gradients: [UnsafeMutablePointer<Float>]
    private let parameterCount: Int

    init(network: some ForecastNetwork, rows: Int) {
        lookback = network.lookback
        horizon = network.horizon
        covariateWidth = network.covariateWidth
        categoryCount = network.categoryCount
        parameterCount = network.parameters.count
        let shards = max(1, min(Self.count, rows))
        var starts: [Int] = [], sizes: [Int] = []
        var next = 0
        for s in 0..<shards {
            let size = rows / shards + (s < rows % shards ? 1 : 0)
            starts.append(next)
            sizes.append(size)
            next += size
        }
        self.starts = starts
        self.sizes = sizes
        // Bounds: the sizes sum to rows and starts are their running sums, so shard s covers batch
        // rows starts[s] ..< starts[s] + sizes[s] ≤ rows, and its workspace holds sizes[s] rows.
        // Each gradient holds parameterCount floats, the network's full parameter count.
        workspaces = sizes.map { network.makeWorkspace(rows: $0) }
        let count = parameterCount
        gradients = sizes.map { _ in
            let g = UnsafeMutablePointer<Float>.allocate(capacity: count)
            g.initialize(repeating: 0, count: count)
            return g
        }
    }

    deinit { for g in gradients { g.deallocate() } }

    /// The batch's mean loss; its gradient goes into `gradient` (overwritten).
    /// Batch layout: rows × lookback values and mask, rows × horizon targets and target mask
    /// (rows × covariateWidth covariates and rows × categoryCount levels where the network takes them).
    /// Bounds: those arrays must hold the `rows` this object was made for, with this network's
    /// lookback, horizon and widths; p and `gradient` need parameterCount floats. Shard s copies
    /// sizes[s] rows from row starts[s], inside both the batch and its workspace.
    func compute(
        parameters p: UnsafePointer<Float>, values: UnsafePointer<Float>, mask: UnsafePointer<Float>,
        covariates: UnsafePointer<Float>?, categories: UnsafePointer<Float>?,
        targets: UnsafePointer<Float>, targetMask: UnsafePointer<Float>, loss: PinballLoss,
        threads: Int, into gradient: UnsafeMutablePointer<Float>
    ) -> Float {
        let l = lookback, h = horizon
        let shards = sizes.count
        var losses = [Float](repeating: 0, count: shards)
        var present = [Float](repeating: 0, count: shards)
        let workers = max(1, min(threads, shards))
        losses.withUnsafeMutableBufferPointer { lb in
            present.withUnsafeMutableBufferPointer { pb in
                guard let lossOut = lb.baseAddress, let presentOut = pb.baseAddress else { return }
                let run = { (s: Int) in
                    let rows = self.sizes[s], start = self.starts[s]
                    let space = self.workspaces[s]
                    space.inputValues.update(from: values + start * l, count: rows * l)
                    space.inputMask.update(from: mask + start * l, count: rows * l)
                    if let covariates, let into = space.inputCovariates {
                        into.update(from: covariates + start * self.covariateWidth, count: rows * self.covariateWidth)
                    }
                    if let categories, let into = space.inputCategories {
                        into.update(from: categories + start * self.categoryCount, count: rows * self.categoryCount)
                    }
                    let g = self.gradients[s]
                    g.update(repeating: 0, count: self.parameterCount)
                    space.forward(parameters: p, rows: rows)
                    lossOut[s] = loss.evaluate(
                        predictions: space.forecast, targets: targets + start * h,
                        mask: targetMask + start * h, rows: rows, gradient: space.forecastGradient)
                    var count: Float = 0
                    for i in 0..<(rows * h) { count += targetMask[start * h + i] }
                    presentOut[s] = count
                    space.backward(parameters: p, gradient: g, rows: rows)
                }
                if workers == 1 {
                    for s in 0..<shards { run(s) }
                } else {
                    nonisolated(unsafe) let body = run
                    DispatchQueue.concurrentPerform(iterations: workers) { w in
                        for s in stride(from: w, to: shards, by: workers) { body(s) }
                    }
                }
            }
        }
        // Each shard's loss is a mean over its own present targets: weight by their share of the batch's.
        let total = present.reduce(0, +)
        gradient.update(repeating: 0, count: parameterCount)
        guard total > 0 else { return 0 }
        var value: Float = 0
        for s in 0..<shards where present[s] > 0 {
            let weight = present[s] / total
            value += weight * losses[s]
            let g = gradients[s]
            for i in 0..<parameterCount { gradient[i] += weight * g[i] }
        }
        return value
    }
}
