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

    public static func minimize(
        _ f: @escaping ([Double]) throws -> Double, start: [Double],
        options: Options = Options()
    ) throws -> OptimizationResult {
        let maxIterations = options.maxIterations ?? 1000 * start.count
        let maxEvaluations = options.maxEvaluations ?? 2000 * start.count
        var budget = options
        budget.maxIterations = maxIterations
        budget.maxEvaluations = maxEvaluations
        var result = try search(f, start: start, options: budget)
        var restartsUsed = 0
        while result.converged, restartsUsed < options.restarts {
            budget.maxIterations = maxIterations - result.iterations
            budget.maxEvaluations = maxEvaluations - result.evaluations
            guard let iterations = budget.maxIterations, let evaluations = budget.maxEvaluations,
                iterations > 0, evaluations > start.count + 1
            else { break }
            let again = try search(f, start: result.x, options: budget)
            restartsUsed += 1
            let improved = result.value - again.value > options.fTolerance
            let best = again.value < result.value ? again : result
            result = OptimizationResult(
                x: best.x, value: best.value, iterations: result.iterations + again.iterations,
                evaluations: result.evaluations + again.evaluations, converged: again.converged, message: again.message)
            if !improved { break }
        }
        if restartsUsed > 0 { result.message += " (after \(restartsUsed) restart\(restartsUsed == 1 ? "" : "s"))" }
        return result
    }

    /// One simplex search. When clipping flattens the simplex onto a face of
    /// the box (a coordinate equal at every vertex), a flat simplex can no
    /// longer leave that face. So the search first minimizes over the free
    /// coordinates on the face, then rebuilds a full simplex there to test
    /// moving off it, halving that simplex each time moving off does not help.
    static func search(
        _ f: @escaping ([Double]) throws -> Double, start: [Double],
        options: Options
    ) throws -> OptimizationResult {
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
        let (rho, chi, psi, sigma) =
            options.adaptive
            ? (1.0, 1 + 2 / dim, 0.75 - 1 / (2 * dim), 1 - 1 / dim)
            : (1.0, 2.0, 0.5, 0.5)
        let maxIterations = options.maxIterations ?? 1000 * n
        let maxEvaluations = options.maxEvaluations ?? 2000 * n
        var objective = CountingObjective(f: f)

        // A simplex: the point and n points each moved along one axis by
        // initialStep × scale relative to the coordinate.
        func freshSimplex(around point: [Double], scale: Double = 1) -> [[Double]] {
            var vertices = [clip(point)]
            for i in 0..<n {
                var p = point
                p[i] = p[i] != 0 ? p[i] * (1 + options.initialStep * scale) : 0.00025 * scale
                var clipped = clip(p)
                if clipped[i] == vertices[0][i] {  // pinned at a bound: step the other way
                    clipped[i] = min(max(point[i] - (p[i] - point[i]), lower[i]), upper[i])
                }
                vertices.append(clipped)
            }
            return vertices
        }
        var simplex = freshSimplex(around: start)
        var values = try simplex.map { try objective($0) }

        var iterations = 0
        var converged = false
        var rebuilds = 0
        var stalled = 0
        var previousSimplex: [[Double]] = []
        var flatScale = 1.0
        var bestAtLastRebuild = Double.infinity
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
            // A simplex that no longer moves is degenerate (its worst vertex on its
            // neighbours' centroid) or at the limit of floating point. With equal
            // values it has converged as far as f can tell; otherwise rebuild it.
            stalled = simplex == previousSimplex ? stalled + 1 : 0
            previousSimplex = simplex
            if stalled > 2 * n {
                if fSpread <= options.fTolerance {
                    converged = true
                    message =
                        "values equal within f_tolerance; x varies by \(xSpread) (x_tolerance is below what f can resolve)"
                    break
                }
                let largest = simplex[0].map(abs).max() ?? 1
                let relativeSize = max(xSpread / max(largest, 1), 1e-6)
                simplex = freshSimplex(around: simplex[0], scale: relativeSize / options.initialStep)
                values = try simplex.map { try objective($0) }
                stalled = 0
                continue
            }
            // Flat on a bound only: a coordinate that merely converged is not stuck.
            let flat = (0..<n).filter { (j: Int) -> Bool in
                let value = simplex[0][j]
                guard value == lower[j] || value == upper[j] else { return false }
                return simplex.allSatisfy { $0[j] == value }
            }
            if n > 1, !flat.isEmpty, iterations < maxIterations, objective.evaluations < maxEvaluations {
                var best = simplex[0], bestValue = values[0]
                let free = (0..<n).filter { !flat.contains($0) }
                if !free.isEmpty {
                    func embed(_ z: [Double]) -> [Double] {
                        var x = best
                        for (k, j) in free.enumerated() { x[j] = z[k] }
                        return x
                    }
                    var face = options
                    face.lower = free.map { lower[$0] }
                    face.upper = free.map { upper[$0] }
                    face.maxIterations = maxIterations - iterations
                    face.maxEvaluations = maxEvaluations - objective.evaluations
                    let onFace = try search({ try f(embed($0)) }, start: free.map { best[$0] }, options: face)
                    iterations += onFace.iterations
                    objective.evaluations += onFace.evaluations
                    if onFace.value < bestValue { (best, bestValue) = (embed(onFace.x), onFace.value) }
                }
                flatScale = bestValue < bestAtLastRebuild ? 1 : flatScale / 2
                bestAtLastRebuild = bestValue
                simplex = freshSimplex(around: best, scale: flatScale)
                values = try simplex.map { try objective($0) }
                rebuilds += 1
                continue
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
        if rebuilds > 0 { message += "; rebuilt \(rebuilds)× after flattening onto a bound" }
        return OptimizationResult(
            x: simplex[0], value: values[0], iterations: iterations,
            evaluations: objective.evaluations, converged: converged, message: message)
    }
}
