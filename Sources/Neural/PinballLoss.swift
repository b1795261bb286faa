/// The quantile (pinball) loss over a batch of multi-horizon, multi-quantile
/// forecasts, with a mask for targets that do not exist (past a series' end).
/// Prediction layout: row r, step t, quantile q at [r·H·Q + t·Q + q].
public struct PinballLoss: Sendable {
    public let quantiles: [Float]
    public let horizon: Int

    public init(quantiles: [Float], horizon: Int) {
        self.quantiles = quantiles
        self.horizon = horizon
    }

    /// The mean loss over present targets and quantiles; writes dLoss/dPrediction into `gradient`.
    /// Bounds: targets and mask need rows·horizon values, predictions and gradient rows·horizon·q
    /// (q = quantiles.count): index i·q + j < rows·horizon·q for i < rows·horizon, j < q.
    @discardableResult
    public func evaluate(
        predictions: UnsafePointer<Float>, targets: UnsafePointer<Float>,
        mask: UnsafePointer<Float>, rows: Int,
        gradient: UnsafeMutablePointer<Float>?
    ) -> Float {
        let q = quantiles.count, h = horizon
        var present: Float = 0
        for i in 0..<(rows * h) { present += mask[i] }
        guard present > 0 else {
            gradient?.update(repeating: 0, count: rows * h * q)
            return 0
        }
        let weight = 1 / (present * Float(q))
        var total: Double = 0
        quantiles.withUnsafeBufferPointer { levels in
            for i in 0..<(rows * h) {
                let m = mask[i], y = targets[i]
                let base = i * q
                for j in 0..<q {
                    let u = y - predictions[base + j]
                    let tau = levels[j]
                    let below: Float = u < 0 ? 1 : 0
                    total += Double(m * u * (tau - below))
                    gradient?[base + j] = m * (below - tau) * weight
                }
            }
        }
        return Float(total) * weight
    }
}
