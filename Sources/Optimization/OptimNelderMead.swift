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

    public init(
        absoluteTolerance: Double = -.infinity, relativeTolerance: Double = 1.490116119384765625e-8,
        alpha: Double = 1, beta: Double = 0.5, gamma: Double = 2, maxEvaluations: Int = 500
    ) {
        self.absoluteTolerance = absoluteTolerance
        self.relativeTolerance = relativeTolerance
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
        self.maxEvaluations = maxEvaluations
    }

    /// nil when f(start) is not finite (R stops with an error then).
    /// Bounds: `f` receives a buffer of exactly start.count coordinates each time.
    public func minimize(start: [Double], _ f: (UnsafeBufferPointer<Double>) -> Double) -> SimplexSearch.Result? {
        let n = start.count
        guard n > 0 else { return nil }
        let big = 1.0e35
        let n1 = n + 1
        // One flat buffer: coordinate i of vertex j at p[j * n + i], vertex n1 is the centroid;
        // values[j] holds f at vertex j (the original keeps them as an extra row).
        var p = [Double](repeating: 0, count: (n1 + 1) * n)
        var values = [Double](repeating: 0, count: n1 + 1)
        var x = start
        func value(_ point: [Double]) -> Double { point.withUnsafeBufferPointer { f($0) } }
        let f0 = value(x)
        guard f0.isFinite else { return nil }
        var evaluations = 1
        let convergenceTolerance = relativeTolerance * (abs(f0) + relativeTolerance)
        values[0] = f0
        for i in 0..<n { p[i] = start[i] }
        var low = 1  // 1-based index of the best vertex, as in the original
        var step = 0.0
        for i in 0..<n where 0.1 * abs(start[i]) > step { step = 0.1 * abs(start[i]) }
        if step == 0 { step = 0.1 }
        var size = 0.0
        for j in 2...n1 {
            let v = (j - 1) * n
            for i in 0..<n { p[v + i] = start[i] }
            var tryStep = step
            while p[v + j - 2] == start[j - 2] {
                p[v + j - 2] = start[j - 2] + tryStep
                tryStep *= 10
            }
            size += tryStep
        }
        var oldSize = size
        var computeVertices = true
        let c = n1 * n  // the centroid's offset
        var converged = false
        repeat {
            if computeVertices {
                for j in 0..<n1 where j + 1 != low {
                    for i in 0..<n { x[i] = p[j * n + i] }
                    var v = value(x)
                    if !v.isFinite { v = big }
                    evaluations += 1
                    values[j] = v
                }
                computeVertices = false
            }
            var vLow = values[low - 1], vHigh = vLow
            var high = low
            for j in 1...n1 where j != low {
                let v = values[j - 1]
                if v < vLow { low = j; vLow = v }
                if v > vHigh { high = j; vHigh = v }
            }
            if vHigh <= vLow + convergenceTolerance || vLow <= absoluteTolerance {
                converged = true
                break
            }
            let h = (high - 1) * n
            for i in 0..<n {
                var t = -p[h + i]
                for j in 0..<n1 { t += p[j * n + i] }
                p[c + i] = t / Double(n)
            }
            for i in 0..<n { x[i] = (1 + alpha) * p[c + i] - alpha * p[h + i] }
            var v = value(x)
            if !v.isFinite { v = big }
            evaluations += 1
            let vReflect = v
            if vReflect < vLow {
                values[n1] = v
                for i in 0..<n {
                    let e = gamma * x[i] + (1 - gamma) * p[c + i]
                    p[c + i] = x[i]
                    x[i] = e
                }
                v = value(x)
                if !v.isFinite { v = big }
                evaluations += 1
                if v < vReflect {
                    for i in 0..<n { p[h + i] = x[i] }
                    values[high - 1] = v
                } else {
                    for i in 0..<n { p[h + i] = p[c + i] }
                    values[high - 1] = vReflect
                }
            } else {
                if vReflect < vHigh {
                    for i in 0..<n { p[h + i] = x[i] }
                    values[high - 1] = vReflect
                }
                for i in 0..<n { x[i] = (1 - beta) * p[h + i] + beta * p[c + i] }
                v = value(x)
                if !v.isFinite { v = big }
                evaluations += 1
                if v < values[high - 1] {
                    for i in 0..<n { p[h + i] = x[i] }
                    values[high - 1] = v
                } else if vReflect >= vHigh {
                    // Shrink towards the best vertex.
                    computeVertices = true
                    size = 0
                    let l = (low - 1) * n
                    for j in 0..<n1 where j + 1 != low {
                        for i in 0..<n {
                            p[j * n + i] = beta * (p[j * n + i] - p[l + i]) + p[l + i]
                            size += abs(p[j * n + i] - p[l + i])
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
        let best = Array(p[((low - 1) * n)..<(low * n)])
        return SimplexSearch.Result(x: best, value: values[low - 1], evaluations: evaluations, converged: converged)
    }
}
