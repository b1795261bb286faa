/// Golden-section search for the minimum of a unimodal function on [lower, upper].
/// Each step keeps the sub-interval that brackets the minimum and reuses one
/// interior point, so it costs one evaluation per iteration and shrinks the
/// interval by 1/φ ≈ 0.618.
public enum GoldenSection {
    public typealias Options = ScalarSearchOptions

    public static func minimize(
        _ f: @escaping (Double) throws -> Double, lower: Double, upper: Double,
        options: Options = Options()
    ) throws -> OptimizationResult {
        try validateBracket(lower, upper)
        var objective = CountingObjective(f: { try f($0[0]) })
        let invPhi = (5.0.squareRoot() - 1) / 2  // 1/φ
        var a = lower, b = upper
        var c = b - invPhi * (b - a), d = a + invPhi * (b - a)
        var fc = try objective([c]), fd = try objective([d])
        var iterations = 0
        var converged = false
        while iterations < options.maxIterations {
            if b - a <= options.tolerance * max(1, abs((a + b) / 2)) {
                converged = true
                break
            }
            iterations += 1
            if fc <= fd {
                b = d; d = c; fd = fc
                c = b - invPhi * (b - a)
                fc = try objective([c])
            } else {
                a = c; c = d; fc = fd
                d = a + invPhi * (b - a)
                fd = try objective([d])
            }
        }
        let (x, value) = fc <= fd ? (c, fc) : (d, fd)
        return OptimizationResult(
            x: [x], value: value, iterations: iterations, evaluations: objective.evaluations, converged: converged,
            message: converged
                ? "bracket narrower than the tolerance" : "stopped after max_iterations (\(options.maxIterations))")
    }
}
