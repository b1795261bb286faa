/// The clamped Nelder–Mead for batched objectives: same search, fewer round trips.
extension ClampedNelderMead {
    /// Up to this many points are handed to a batched objective at once.
    public static let batchWidth = 4

    /// The same search as `minimize`, point for point, for objectives that evaluate several points
    /// faster together than one after another (e.g. by running them in SIMD lanes). Each iteration
    /// evaluates its reflection together with all three points that may follow it (expansion,
    /// outer and inner contraction), then keeps only what the scalar search would have used, so
    /// the path, result and evaluation count are the scalar search's.
    /// `f(points, count, values)`: points hold `count` ≤ `batchWidth` points of n coordinates each.
    public func minimizeBatched(start: [Double], lower: [Double], upper: [Double],
                                _ f: (UnsafeBufferPointer<Double>, Int, UnsafeMutablePointer<Double>) -> Void) -> Result {
        let n = start.count
        precondition(n > 0 && lower.count == n && upper.count == n, "ClampedNelderMead: dimensions differ")
        let dim = Double(n)
        let reflection = 1.0
        let expansion = 1 + 2 / dim
        let contraction = 0.75 - 1 / (2 * dim)
        let shrinkage = 1 - 1 / dim
        var evaluations = 0
        var simplex = [Double](repeating: 0, count: (n + 1) * n)
        var values = [Double](repeating: 0, count: n + 1)
        var centroid = [Double](repeating: 0, count: n)
        // Reflected, expanded, outer- and inner-contracted points, in this order.
        var trials = [Double](repeating: 0, count: Self.batchWidth * n)
        var trialValues = [Double](repeating: 0, count: Self.batchWidth)

        @inline(__always) func clamp(_ x: Double, _ i: Int) -> Double { min(max(x, lower[i]), upper[i]) }
        /// Evaluates simplex vertices `rows` (in chunks of the batch width) into `values`.
        func evaluateVertices(_ rows: [Int]) {
            var next = 0
            while next < rows.count {
                let count = min(Self.batchWidth, rows.count - next)
                for b in 0..<count {
                    for i in 0..<n { trials[b * n + i] = simplex[rows[next + b] * n + i] }
                }
                trials.withUnsafeBufferPointer { p in trialValues.withUnsafeMutableBufferPointer { f(p, count, $0.baseAddress!) } }
                for b in 0..<count { values[rows[next + b]] = trialValues[b] }
                evaluations += count
                next += count
            }
        }
        func store(trial t: Int, at j: Int) {
            for i in 0..<n { simplex[j * n + i] = trials[t * n + i] }
            values[j] = trialValues[t]
        }
        for j in 0...n {
            for i in 0..<n { simplex[j * n + i] = clamp(start[i], i) }
        }
        for i in 0..<n {
            let value = simplex[i * n + i]
            simplex[i * n + i] = clamp(value == 0 ? zeroStep : value * (1 + relativeStep), i)
        }
        evaluateVertices(Array(0...n))
        var order = Array(0...n)
        var iteration = 0
        while iteration < maxIterations {
            if Self.populationSD(values) < valueTolerance { break }
            defer { iteration += 1 }
            let (best, worst, secondWorst) = Self.rank(values, simplex: simplex, n: n, order: &order, centroid: &centroid)
            for i in 0..<n {
                let r = clamp(centroid[i] + reflection * (centroid[i] - simplex[worst * n + i]), i)
                trials[i] = r
                trials[n + i] = clamp(centroid[i] + expansion * (r - centroid[i]), i)
                trials[2 * n + i] = clamp(centroid[i] + contraction * (r - centroid[i]), i)
                trials[3 * n + i] = clamp(centroid[i] - contraction * (r - centroid[i]), i)
            }
            trials.withUnsafeBufferPointer { p in trialValues.withUnsafeMutableBufferPointer { f(p, Self.batchWidth, $0.baseAddress!) } }
            let fReflected = trialValues[0]
            evaluations += 1
            if values[best] <= fReflected && fReflected < values[secondWorst] {
                store(trial: 0, at: worst)
                continue
            }
            evaluations += 1
            if fReflected < values[best] {
                store(trial: trialValues[1] < fReflected ? 1 : 0, at: worst)
                continue
            }
            if values[secondWorst] <= fReflected && fReflected < values[worst] {
                if trialValues[2] <= fReflected {
                    store(trial: 2, at: worst)
                    continue
                }
            } else if trialValues[3] < values[worst] {
                store(trial: 3, at: worst)
                continue
            }
            for j in 0...n where j != best {
                for i in 0..<n {
                    let b = simplex[best * n + i]
                    simplex[j * n + i] = clamp(b + shrinkage * (simplex[j * n + i] - b), i)
                }
            }
            evaluateVertices((0...n).filter { $0 != best })
        }
        var best = 0
        for j in 1...n where values[j] < values[best] { best = j }
        return Result(x: Array(simplex[(best * n)..<((best + 1) * n)]), value: values[best],
                      iterations: iteration + 1, evaluations: evaluations)
    }
}
