import Foundation

/// Adam (Kingma & Ba 2015) over one flat parameter vector, with the gradient's
/// global norm clipped first so one bad batch cannot throw the weights far.
public struct Adam: Sendable {
    public var learningRate: Float
    public var beta1: Float = 0.9
    public var beta2: Float = 0.999
    public var epsilon: Float = 1e-8
    /// Largest gradient norm applied; larger gradients are scaled down to it (nil: no clipping).
    public var clipNorm: Float?
    private var m: [Float]
    private var v: [Float]
    public private(set) var steps = 0

    public init(parameterCount: Int, learningRate: Float = 1e-3, clipNorm: Float? = 1) {
        self.learningRate = learningRate
        self.clipNorm = clipNorm
        m = [Float](repeating: 0, count: parameterCount)
        v = [Float](repeating: 0, count: parameterCount)
    }

    /// One update of `parameters` from `gradient` (left unchanged).
    public mutating func step(_ parameters: inout [Float], gradient: [Float]) {
        steps += 1
        var scale: Float = 1
        if let clipNorm {
            var sum: Double = 0
            for g in gradient { sum += Double(g) * Double(g) }
            let norm = Float(sum.squareRoot())
            if norm > clipNorm { scale = clipNorm / norm }
        }
        let b1 = beta1, b2 = beta2, eps = epsilon
        let correction1 = 1 - Float(pow(Double(b1), Double(steps)))
        let correction2 = 1 - Float(pow(Double(b2), Double(steps)))
        let rate = learningRate * correction2.squareRoot() / correction1
        // Bounds: m and v were sized parameterCount at init, and the trainer passes parameters and
        // a gradient of that same count (the network's), so i < n indexes all four.
        let n = parameters.count
        parameters.withUnsafeMutableBufferPointer { p in
            m.withUnsafeMutableBufferPointer { m in
                v.withUnsafeMutableBufferPointer { v in
                    gradient.withUnsafeBufferPointer { g in
                        for i in 0..<n {
                            let gi = g[i] * scale
                            m[i] = b1 * m[i] + (1 - b1) * gi
                            v[i] = b2 * v[i] + (1 - b2) * gi * gi
                            p[i] -= rate * m[i] / (v[i].squareRoot() + eps)
                        }
                    }
                }
            }
        }
    }
}
