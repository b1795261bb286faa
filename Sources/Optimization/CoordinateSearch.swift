/// Coordinate (compass) search on the whole-number lattice: from x0, try
/// moving each variable in turn by ±step, keep any move that lowers f and keep
/// going that way while it does; when a full sweep over the variables finds
/// nothing better, halve the step, down to 1. It stops at a point no single
/// ±1 move improves: a local minimum on the lattice, which is the global one
/// for the discretely convex costs of inventory policies (s, S, Q) but not in
/// general. Each point's value is remembered, so a noisy or simulated
/// objective is never evaluated twice at the same point within one run and
/// the search cannot cycle on noise.
public enum CoordinateSearch {
    public struct Options: Sendable {
        /// The first step; it is halved down to 1 (a power of two halves evenly).
        public var initialStep = 1
        /// Sweeps over all variables.
        public var maxIterations = 1000
        /// Distinct points evaluated (remembered values are free).
        public var maxEvaluations = 10_000
        public var lower: [Double]? = nil
        public var upper: [Double]? = nil
        public init() {}
    }

    public static func minimize(
        _ f: @escaping ([Double]) throws -> Double, start: [Double],
        options: Options = Options()
    ) throws -> OptimizationResult {
        try validateStart(start, optimizer: "coordinate_search")
        let box = try BoxBounds(
            lower: options.lower, upper: options.upper, dimension: start.count,
            optimizer: "coordinate_search")
        let bounds = try IntegerBounds(box, optimizer: "coordinate_search")
        guard options.initialStep >= 1 else {
            throw OptimizationError(
                "coordinate_search: option 'initial_step' must be at least 1, got \(options.initialStep)")
        }
        var objective = BudgetedObjective(f, maxEvaluations: options.maxEvaluations)
        var remembered: [[Int]: Double] = [:]
        func value(_ point: [Int]) throws -> Double {
            if let known = remembered[point] { return known }
            let v = try objective(point.map(Double.init))
            remembered[point] = v
            return v
        }

        var x = try integerStart(start, within: bounds, optimizer: "coordinate_search")
        var fx = try value(x)
        var step = options.initialStep
        var iterations = 0
        func finish(_ converged: Bool, _ message: String) -> OptimizationResult {
            OptimizationResult(
                x: x.map(Double.init), value: fx, iterations: iterations,
                evaluations: objective.evaluations, converged: converged, message: message)
        }
        do {
            while true {
                if iterations >= options.maxIterations {
                    return finish(false, "stopped after max_iterations (\(options.maxIterations))")
                }
                iterations += 1
                var improved = false
                for i in 0..<x.count {
                    for direction in [1, -1] {
                        var moved = false
                        // Walk while it helps; a point outside the box or the ±2⁵³ range is not tried.
                        while let next = neighbour(x, i, direction * step, bounds) {
                            let fn = try value(next)
                            guard fn < fx else { break }
                            (x, fx) = (next, fn)
                            moved = true
                        }
                        if moved { improved = true; break }  // no need to look back the way we came
                    }
                }
                if improved { continue }
                if step == 1 { return finish(true, "no move of ±1 in any variable lowers f") }
                step /= 2
            }
        } catch is EvaluationBudgetExhausted {
            return finish(false, "stopped after max_evaluations (\(options.maxEvaluations))")
        }
    }

    /// x with variable i moved by delta, if that stays in the bounds.
    static func neighbour(_ x: [Int], _ i: Int, _ delta: Int, _ bounds: IntegerBounds) -> [Int]? {
        let (moved, overflow) = x[i].addingReportingOverflow(delta)
        guard !overflow, moved.magnitude <= 9_007_199_254_740_992, bounds.contains(variable: i, moved) else {
            return nil
        }
        var next = x
        next[i] = moved
        return next
    }
}
