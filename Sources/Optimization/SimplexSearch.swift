/// A lean Nelder–Mead for the inner loops of model estimation: no throwing,
/// no allocation per step, per-coordinate initial steps, and an objective
/// that may return +∞ for inadmissible points (the simplex simply moves
/// away). Dimension-adaptive coefficients (Gao & Han 2012).
///
/// Stops when the spread of values over the simplex falls below
/// `relativeTolerance·(|f_best| + absoluteFloor)` or after `maxEvaluations`.
public struct SimplexSearch: Sendable {
    public struct Result: Sendable {
        public var x: [Double]
        public var value: Double
        public var evaluations: Int
        public var converged: Bool
    }

    public var relativeTolerance: Double
    public var absoluteFloor: Double
    public var maxEvaluations: Int

    public init(relativeTolerance: Double = 1e-8, absoluteFloor: Double = 1e-8, maxEvaluations: Int = 2000) {
        self.relativeTolerance = relativeTolerance
        self.absoluteFloor = absoluteFloor
        self.maxEvaluations = maxEvaluations
    }

    /// Minimizes `f` from `start`, the initial simplex stepping `steps[i]` along coordinate i.
    /// Bounds: `f` receives a buffer of exactly start.count coordinates each time.
    public func minimize(
        start: [Double], steps: [Double],
        _ f: (UnsafeBufferPointer<Double>) -> Double
    ) -> Result {
        let n = start.count
        precondition(steps.count == n && n > 0, "SimplexSearch: \(steps.count) steps for \(n) coordinates")
        let dim = Double(n)
        let (rho, chi, psi, sigma) =
            n > 1 ? (1.0, 1 + 2 / dim, 0.75 - 1 / (2 * dim), 1 - 1 / dim) : (1.0, 2.0, 0.5, 0.5)
        // Vertices stored row by row in one buffer.
        var simplex = [Double](repeating: 0, count: (n + 1) * n)
        var values = [Double](repeating: 0, count: n + 1)
        var centroid = [Double](repeating: 0, count: n)
        var trial = [Double](repeating: 0, count: n)
        var trial2 = [Double](repeating: 0, count: n)
        var evaluations = 0

        func evaluate(_ x: [Double]) -> Double {
            evaluations += 1
            let v = x.withUnsafeBufferPointer { f($0) }
            return v.isNaN ? .infinity : v
        }
        func replace(_ j: Int, with point: [Double], value: Double) {
            for i in 0..<n { simplex[j * n + i] = point[i] }
            values[j] = value
        }
        for j in 0...n {
            for i in 0..<n { simplex[j * n + i] = start[i] + (j == i + 1 ? steps[i] : 0) }
        }
        for j in 0...n {
            for i in 0..<n { trial[i] = simplex[j * n + i] }
            values[j] = evaluate(trial)
        }
        var order = Array(0...n)
        var converged = false
        while evaluations < maxEvaluations {
            order.sort { values[$0] < values[$1] }
            let best = order[0], worst = order[n], secondWorst = order[n - 1]
            let fBest = values[best], fWorst = values[worst]
            if fWorst.isFinite && fWorst - fBest <= relativeTolerance * (abs(fBest) + absoluteFloor) {
                converged = true
                break
            }
            for i in 0..<n {
                var s = 0.0
                for j in 0...n where j != worst { s += simplex[j * n + i] }
                centroid[i] = s / dim
            }
            for i in 0..<n { trial[i] = centroid[i] + rho * (centroid[i] - simplex[worst * n + i]) }
            let fReflect = evaluate(trial)
            if fReflect < fBest {
                for i in 0..<n { trial2[i] = centroid[i] + chi * (trial[i] - centroid[i]) }
                let fExpand = evaluate(trial2)
                if fExpand < fReflect {
                    replace(worst, with: trial2, value: fExpand)
                } else {
                    replace(worst, with: trial, value: fReflect)
                }
                continue
            }
            if fReflect < values[secondWorst] {
                replace(worst, with: trial, value: fReflect)
                continue
            }
            if fReflect < fWorst {
                // Outside contraction.
                for i in 0..<n { trial2[i] = centroid[i] + psi * (trial[i] - centroid[i]) }
                let fContract = evaluate(trial2)
                if fContract <= fReflect {
                    replace(worst, with: trial2, value: fContract)
                    continue
                }
            } else {
                // Inside contraction.
                for i in 0..<n { trial2[i] = centroid[i] - psi * (centroid[i] - simplex[worst * n + i]) }
                let fContract = evaluate(trial2)
                if fContract < fWorst {
                    replace(worst, with: trial2, value: fContract)
                    continue
                }
            }
            // Shrink towards the best vertex.
            for j in 0...n where j != best {
                for i in 0..<n {
                    simplex[j * n + i] = simplex[best * n + i] + sigma * (simplex[j * n + i] - simplex[best * n + i])
                    trial[i] = simplex[j * n + i]
                }
                values[j] = evaluate(trial)
            }
        }
        var bestIndex = 0
        for j in 1...n where values[j] < values[bestIndex] { bestIndex = j }
        let x = Array(simplex[(bestIndex * n)..<((bestIndex + 1) * n)])
        return Result(x: x, value: values[bestIndex], evaluations: evaluations, converged: converged)

    }
}
