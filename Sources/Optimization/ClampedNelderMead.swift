/// The bounded Nelder–Mead that statsforecast uses for Theta, CES and ETS
/// (its C++ `nm::NelderMead`), step for step, so that models estimated with
/// it land where statsforecast's do: every trial point is clamped to the box,
/// the first simplex moves each coordinate by 5 % (1e-4 when it is zero),
/// the coefficients are the dimension-adaptive ones, and the search stops when
/// the population standard deviation of the simplex values falls below
/// `valueTolerance` or after `maxIterations` iterations. The order of
/// operations follows statsforecast 2.1.1's (checked against its binary),
/// so the same objective gives the same path.
public struct ClampedNelderMead: Sendable {
    public var relativeStep: Double
    public var zeroStep: Double
    public var valueTolerance: Double
    public var maxIterations: Int

    public init(
        relativeStep: Double = 0.05, zeroStep: Double = 1e-4, valueTolerance: Double = 1e-4,
        maxIterations: Int = 1000
    ) {
        self.relativeStep = relativeStep
        self.zeroStep = zeroStep
        self.valueTolerance = valueTolerance
        self.maxIterations = maxIterations
    }

    public struct Result: Sendable {
        public var x: [Double]
        public var value: Double
        public var iterations: Int
        public var evaluations: Int
    }

    /// Minimizes `f` over the box [lower, upper] from `start`.
    /// Bounds: `f` receives a buffer of exactly start.count coordinates each time.
    public func minimize(
        start: [Double], lower: [Double], upper: [Double],
        _ f: (UnsafeBufferPointer<Double>) -> Double
    ) -> Result {
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
        var reflected = [Double](repeating: 0, count: n)
        var trial = [Double](repeating: 0, count: n)
        var row = [Double](repeating: 0, count: n)

        @inline(__always) func clamp(_ x: Double, _ i: Int) -> Double { min(max(x, lower[i]), upper[i]) }
        func evaluate(_ x: [Double]) -> Double {
            evaluations += 1
            return x.withUnsafeBufferPointer { f($0) }
        }
        for j in 0...n {
            for i in 0..<n { simplex[j * n + i] = clamp(start[i], i) }
        }
        for i in 0..<n {
            let value = simplex[i * n + i]
            simplex[i * n + i] = clamp(value == 0 ? zeroStep : value * (1 + relativeStep), i)
        }
        for j in 0...n {
            for i in 0..<n { row[i] = simplex[j * n + i] }
            values[j] = evaluate(row)
        }
        func store(_ point: [Double], value: Double, at j: Int) {
            for i in 0..<n { simplex[j * n + i] = point[i] }
            values[j] = value
        }
        var order = Array(0...n)
        var iteration = 0
        while iteration < maxIterations {
            if !Self.spread(of: values, reaches: valueTolerance) { break }
            defer { iteration += 1 }
            let (best, worst, secondWorst) = Self.rank(
                values, simplex: simplex, n: n, order: &order, centroid: &centroid)
            for i in 0..<n {
                reflected[i] = clamp(centroid[i] + reflection * (centroid[i] - simplex[worst * n + i]), i)
            }
            let fReflected = evaluate(reflected)
            if values[best] <= fReflected && fReflected < values[secondWorst] {
                store(reflected, value: fReflected, at: worst)
                continue
            }
            if fReflected < values[best] {
                for i in 0..<n { trial[i] = clamp(centroid[i] + expansion * (reflected[i] - centroid[i]), i) }
                let fExpanded = evaluate(trial)
                if fExpanded < fReflected {
                    store(trial, value: fExpanded, at: worst)
                } else {
                    store(reflected, value: fReflected, at: worst)
                }
                continue
            }
            if values[secondWorst] <= fReflected && fReflected < values[worst] {
                for i in 0..<n { trial[i] = clamp(centroid[i] + contraction * (reflected[i] - centroid[i]), i) }
                let fContracted = evaluate(trial)
                if fContracted <= fReflected {
                    store(trial, value: fContracted, at: worst)
                    continue
                }
            } else {
                for i in 0..<n { trial[i] = clamp(centroid[i] - contraction * (reflected[i] - centroid[i]), i) }
                let fContracted = evaluate(trial)
                if fContracted < values[worst] {
                    store(trial, value: fContracted, at: worst)
                    continue
                }
            }
            for j in 0...n where j != best {
                for i in 0..<n {
                    let b = simplex[best * n + i]
                    row[i] = clamp(b + shrinkage * (simplex[j * n + i] - b), i)
                    simplex[j * n + i] = row[i]
                }
                values[j] = evaluate(row)
            }
        }
        var best = 0
        for j in 1...n where values[j] < values[best] { best = j }
        return Result(
            x: Array(simplex[(best * n)..<((best + 1) * n)]), value: values[best],
            iterations: iteration + 1, evaluations: evaluations)
    }

    /// Orders the vertices by value (a stable sort, as std::sort on so few elements) and
    /// puts the centroid of all but the worst in `centroid`; returns best, worst, second worst.
    static func rank(
        _ values: [Double], simplex: [Double], n: Int, order: inout [Int],
        centroid: inout [Double]
    ) -> (best: Int, worst: Int, secondWorst: Int) {
        for j in 0...n { order[j] = j }
        order.sort { values[$0] < values[$1] }
        let worst = order[n]
        for i in 0..<n {
            var s = 0.0
            for j in 0...n { s += simplex[j * n + i] }
            centroid[i] = (s - simplex[worst * n + i]) / Double(n)
        }
        return (order[0], worst, order[n - 1])
    }

    /// The stopping test, population SD of the simplex values ≥ tolerance, settled by the range
    /// when the range alone decides it: the SD is at least range/√(2N), and the margin covers the
    /// rounding of the computed mean. Spares most iterations the SD's two passes and square root;
    /// NaN and infinite values always take the full test, so the answer is always the SD's.
    static func spread<C: Collection<Double>>(of x: C, reaches tolerance: Double) -> Bool {
        guard var lo = x.first else { return false }
        var hi = lo, finite = true
        for v in x {
            finite = finite && v.isFinite
            lo = min(lo, v)
            hi = max(hi, v)
        }
        let count = Double(x.count)
        if finite {
            let scale = max(abs(lo), abs(hi))
            let margin = 2 * tolerance * (2 * count).squareRoot() + 4 * count * Double.ulpOfOne * scale
            if hi - lo > margin { return true }
        }
        return populationSD(x) >= tolerance
    }

    /// √(mean of squared deviations), as Eigen computes it in statsforecast.
    static func populationSD<C: Collection<Double>>(_ x: C) -> Double {
        var mean = 0.0
        for v in x { mean += v }
        mean /= Double(x.count)
        var s = 0.0
        for v in x { s += (v - mean) * (v - mean) }
        return (s / Double(x.count)).squareRoot()
    }
}
