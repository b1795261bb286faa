/// Nelder–Mead downhill simplex, derivative-free, for several variables.
/// Reflection, expansion, contraction and shrink as in Lagarias et al. (1998);
/// with `adaptive`, the dimension-dependent coefficients of Gao & Han (2012),
/// which help beyond a few variables. Bounds are honoured by clipping points
/// into the box, as scipy does. Clipping can flatten the simplex onto a face
/// of the box, where it stalls; so after converging it restarts from the best
/// point with a fresh simplex (`restarts` times at most) until a restart no
/// longer improves the value.
public enum NelderMead {
    public struct Options: Sendable {
        /// Converged when every vertex is within xTolerance of the best, coordinate-wise...
        public var xTolerance: Double = 1e-8
        /// ...and every vertex's value within fTolerance of the best value.
        public var fTolerance: Double = 1e-8
        public var maxIterations: Int? = nil  // default 1000 × n
        public var maxEvaluations: Int? = nil  // default 2000 × n
        public var adaptive: Bool = false
        /// Relative size of the initial simplex around the start.
        public var initialStep: Double = 0.05
        public var lower: [Double]? = nil
        public var upper: [Double]? = nil
        /// Fresh simplexes tried from the best point after converging.
        public var restarts: Int = 3
        public init() {}
    }

    public static func minimize(_ f: @escaping ([Double]) throws -> Double, start: [Double],
                                options: Options = Options()) throws -> OptimizationResult {
        let maxIterations = options.maxIterations ?? 1000 * start.count
        let maxEvaluations = options.maxEvaluations ?? 2000 * start.count
        var budget = options
        budget.maxIterations = maxIterations
        budget.maxEvaluations = maxEvaluations
        var (result, collapsed) = try search(f, start: start, options: budget)
        var restartsUsed = 0
        while result.converged || collapsed, restartsUsed < options.restarts {
            budget.maxIterations = maxIterations - result.iterations
            budget.maxEvaluations = maxEvaluations - result.evaluations
            guard let iterations = budget.maxIterations, let evaluations = budget.maxEvaluations,
                  iterations > 0, evaluations > start.count + 1 else { break }
            let (again, againCollapsed) = try search(f, start: result.x, options: budget)
            restartsUsed += 1
            let improved = result.value - again.value > options.fTolerance
            let best = again.value < result.value ? again : result
            result = OptimizationResult(
                x: best.x, value: best.value, iterations: result.iterations + again.iterations,
                evaluations: result.evaluations + again.evaluations,
                converged: again.converged || (againCollapsed && !improved),
                message: againCollapsed && !improved ? "converged on a bound" : again.message)
            collapsed = againCollapsed
            if !improved { break }
        }
        if restartsUsed > 0 { result.message += " (after \(restartsUsed) restart\(restartsUsed == 1 ? "" : "s"))" }
        return result
    }

    /// One simplex search. `collapsed`: clipping flattened the simplex onto a
    /// face of the box (one coordinate equal at every vertex), so it stopped.
    static func search(_ f: @escaping ([Double]) throws -> Double, start: [Double],
                       options: Options) throws -> (OptimizationResult, collapsed: Bool) {
        let n = start.count
        guard n > 0 else { throw OptimizationError("the start point is empty") }
        guard start.allSatisfy(\.isFinite) else { throw OptimizationError("the start point must be finite") }
        let lower = options.lower ?? [Double](repeating: -.infinity, count: n)
        let upper = options.upper ?? [Double](repeating: .infinity, count: n)
        guard lower.count == n, upper.count == n else {
            throw OptimizationError("bounds have \(lower.count) and \(upper.count) entries for \(n) variables")
        }
        for i in 0..<n where !(lower[i] <= upper[i]) {
            throw OptimizationError("lower bound \(i + 1) (\(lower[i])) is above upper bound (\(upper[i]))")
        }
        func clip(_ x: [Double]) -> [Double] { (0..<n).map { min(max(x[$0], lower[$0]), upper[$0]) } }

        let dim = Double(n)
        let (rho, chi, psi, sigma) = options.adaptive
            ? (1.0, 1 + 2 / dim, 0.75 - 1 / (2 * dim), 1 - 1 / dim)
            : (1.0, 2.0, 0.5, 0.5)
        let maxIterations = options.maxIterations ?? 1000 * n
        let maxEvaluations = options.maxEvaluations ?? 2000 * n
        var objective = CountingObjective(f: f)

        // Initial simplex: the start and n points each moved along one axis.
        var simplex = [clip(start)]
        for i in 0..<n {
            var p = start
            p[i] = p[i] != 0 ? p[i] * (1 + options.initialStep) : 0.00025
            var clipped = clip(p)
            if clipped[i] == simplex[0][i] {  // pinned at a bound: step the other way
                clipped[i] = min(max(start[i] - (p[i] - start[i]), lower[i]), upper[i])
            }
            simplex.append(clipped)
        }
        var values = try simplex.map { try objective($0) }

        var iterations = 0
        var converged = false
        var collapsed = false
        var message = ""
        while true {
            // Order vertices best to worst (stable, so ties keep their order).
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }

            let xSpread = simplex.dropFirst().map { v in zip(v, simplex[0]).map { abs($0 - $1) }.max() ?? 0 }.max() ?? 0
            let fSpread = values.dropFirst().map { abs($0 - values[0]) }.max() ?? 0
            if xSpread <= options.xTolerance && fSpread <= options.fTolerance {
                converged = true
                message = "simplex smaller than the tolerances"
                break
            }
            if n > 1, (0..<n).contains(where: { j in simplex.allSatisfy { $0[j] == simplex[0][j] } }) {
                collapsed = true
                message = "simplex flattened onto a bound"
                break
            }
            if iterations >= maxIterations {
                message = "stopped after max_iterations (\(maxIterations))"
                break
            }
            if objective.evaluations >= maxEvaluations {
                message = "stopped after max_evaluations (\(maxEvaluations))"
                break
            }
            iterations += 1

            var centroid = [Double](repeating: 0, count: n)
            for v in simplex.dropLast() { for j in 0..<n { centroid[j] += v[j] / dim } }
            let worst = simplex[n]
            func along(_ t: Double) -> [Double] { clip((0..<n).map { centroid[$0] + t * (centroid[$0] - worst[$0]) }) }

            let reflected = along(rho)
            let fr = try objective(reflected)
            if fr < values[0] {
                let expanded = along(rho * chi)
                let fe = try objective(expanded)
                if fe < fr { simplex[n] = expanded; values[n] = fe } else { simplex[n] = reflected; values[n] = fr }
                continue
            }
            if fr < values[n - 1] {
                simplex[n] = reflected; values[n] = fr
                continue
            }
            // Contract, outside if the reflection helped a little, inside otherwise.
            let outside = fr < values[n]
            let contracted = along(outside ? psi * rho : -psi)
            let fcon = try objective(contracted)
            if fcon <= (outside ? fr : values[n]) {
                simplex[n] = contracted; values[n] = fcon
                continue
            }
            // Shrink towards the best vertex.
            for i in 1...n {
                simplex[i] = clip((0..<n).map { simplex[0][$0] + sigma * (simplex[i][$0] - simplex[0][$0]) })
                values[i] = try objective(simplex[i])
            }
        }
        return (OptimizationResult(x: simplex[0], value: values[0], iterations: iterations,
                                   evaluations: objective.evaluations, converged: converged, message: message), collapsed)
    }
}
