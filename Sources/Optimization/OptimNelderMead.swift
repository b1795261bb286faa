/// Nelder–Mead exactly as R's optim(method = "Nelder-Mead") runs it (the
/// `nmmin` routine of R's optim.c, after Nash's Compact Numerical Methods):
/// one initial step for every coordinate, 10% of the largest |x_i|; the
/// convergence test VH ≤ VL + reltol·(|f(x0)| + reltol) fixed from the start;
/// non-finite values replaced by 1e35; `maxEvaluations` counting every call.
/// Models that must reproduce R's estimates (ets, Arima with method "CSS-ML"
/// under R's settings) use it; it is not the best general-purpose simplex.
public struct OptimNelderMead: Sendable {
    public var absoluteTolerance: Double
    public var relativeTolerance: Double
    public var alpha: Double, beta: Double, gamma: Double
    public var maxEvaluations: Int

    public init(absoluteTolerance: Double = -.infinity, relativeTolerance: Double = 1.490116119384765625e-8,
                alpha: Double = 1, beta: Double = 0.5, gamma: Double = 2, maxEvaluations: Int = 500) {
        self.absoluteTolerance = absoluteTolerance
        self.relativeTolerance = relativeTolerance
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
        self.maxEvaluations = maxEvaluations
    }

    /// nil when f(start) is not finite (R stops with an error then).
    public func minimize(start: [Double], _ f: (UnsafeBufferPointer<Double>) -> Double) -> SimplexSearch.Result? {
        let n = start.count
        guard n > 0 else { return nil }
        let big = 1.0e35
        let n1 = n + 1
        // p[i][j]: coordinate i of vertex j (j < n1), column n1 is the centroid; row n holds values.
        var p = [[Double]](repeating: [Double](repeating: 0, count: n1 + 1), count: n1)
        var x = start
        func value(_ point: [Double]) -> Double { point.withUnsafeBufferPointer { f($0) } }
        let f0 = value(x)
        guard f0.isFinite else { return nil }
        var evaluations = 1
        let convergenceTolerance = relativeTolerance * (abs(f0) + relativeTolerance)
        p[n][0] = f0
        for i in 0..<n { p[i][0] = start[i] }
        var low = 1  // 1-based index of the best vertex, as in the original
        var step = 0.0
        for i in 0..<n where 0.1 * abs(start[i]) > step { step = 0.1 * abs(start[i]) }
        if step == 0 { step = 0.1 }
        var size = 0.0
        for j in 2...n1 {
            for i in 0..<n { p[i][j - 1] = start[i] }
            var tryStep = step
            while p[j - 2][j - 1] == start[j - 2] {
                p[j - 2][j - 1] = start[j - 2] + tryStep
                tryStep *= 10
            }
            size += tryStep
        }
        var oldSize = size
        var computeVertices = true
        let c = n1  // centroid column
        var converged = false
        repeat {
            if computeVertices {
                for j in 0..<n1 where j + 1 != low {
                    for i in 0..<n { x[i] = p[i][j] }
                    var v = value(x)
                    if !v.isFinite { v = big }
                    evaluations += 1
                    p[n][j] = v
                }
                computeVertices = false
            }
            var vLow = p[n][low - 1], vHigh = vLow
            var high = low
            for j in 1...n1 where j != low {
                let v = p[n][j - 1]
                if v < vLow { low = j; vLow = v }
                if v > vHigh { high = j; vHigh = v }
            }
            if vHigh <= vLow + convergenceTolerance || vLow <= absoluteTolerance {
                converged = true
                break
            }
            for i in 0..<n {
                var t = -p[i][high - 1]
                for j in 0..<n1 { t += p[i][j] }
                p[i][c] = t / Double(n)
            }
            for i in 0..<n { x[i] = (1 + alpha) * p[i][c] - alpha * p[i][high - 1] }
            var v = value(x)
            if !v.isFinite { v = big }
            evaluations += 1
            let vReflect = v
            if vReflect < vLow {
                p[n][c] = v
                for i in 0..<n {
                    let e = gamma * x[i] + (1 - gamma) * p[i][c]
                    p[i][c] = x[i]
                    x[i] = e
                }
                v = value(x)
                if !v.isFinite { v = big }
                evaluations += 1
                if v < vReflect {
                    for i in 0..<n { p[i][high - 1] = x[i] }
                    p[n][high - 1] = v
                } else {
                    for i in 0..<n { p[i][high - 1] = p[i][c] }
                    p[n][high - 1] = vReflect
                }
            } else {
                if vReflect < vHigh {
                    for i in 0..<n { p[i][high - 1] = x[i] }
                    p[n][high - 1] = vReflect
                }
                for i in 0..<n { x[i] = (1 - beta) * p[i][high - 1] + beta * p[i][c] }
                v = value(x)
                if !v.isFinite { v = big }
                evaluations += 1
                if v < p[n][high - 1] {
                    for i in 0..<n { p[i][high - 1] = x[i] }
                    p[n][high - 1] = v
                } else if vReflect >= vHigh {
                    // Shrink towards the best vertex.
                    computeVertices = true
                    size = 0
                    for j in 0..<n1 where j + 1 != low {
                        for i in 0..<n {
                            p[i][j] = beta * (p[i][j] - p[i][low - 1]) + p[i][low - 1]
                            size += abs(p[i][j] - p[i][low - 1])
                        }
                    }
                    if size < oldSize {
                        oldSize = size
                    } else {
                        break  // R: "polytope size measure not decreased in shrink"
                    }
                }
            }
        } while evaluations <= maxEvaluations
        let best = (0..<n).map { p[$0][low - 1] }
        return SimplexSearch.Result(x: best, value: p[n][low - 1], evaluations: evaluations, converged: converged)
    }
}
