import Foundation

/// Brent's method for a minimum on [lower, upper] (Brent 1973, "Algorithms for
/// Minimization without Derivatives", ch. 5): parabolic interpolation through
/// the three best points, falling back to a golden-section step whenever the
/// parabola misbehaves. It is the algorithm behind R's optimize(), with the
/// same tolerance rule (tol1 = √ε·|x| + tol/3), so with the same tolerance it
/// visits the same points and returns the same x.
public enum Brent {
    public typealias Options = ScalarSearchOptions

    /// R's optimize() uses tolerance ε^¼ ≈ 1.22e-4; Almanac's default is tighter.
    public static func minimize(
        _ f: @escaping (Double) throws -> Double, lower: Double, upper: Double,
        options: Options = Options()
    ) throws -> OptimizationResult {
        try validateBracket(lower, upper)
        var objective = CountingObjective(f: { try f($0[0]) })
        let golden = (3 - 5.0.squareRoot()) / 2
        let eps = Double.ulpOfOne.squareRoot()
        let tol3 = options.tolerance / 3
        var a = lower, b = upper
        var x = a + golden * (b - a), w = x, v = x
        var d = 0.0, e = 0.0
        var fx = try objective([x])
        var fw = fx, fv = fx
        var iterations = 0
        var converged = false
        while iterations < options.maxIterations {
            let xm = (a + b) / 2
            let tol1 = eps * abs(x) + tol3
            let t2 = 2 * tol1
            if abs(x - xm) <= t2 - (b - a) / 2 {
                converged = true
                break
            }
            iterations += 1
            var p = 0.0, q = 0.0, r = 0.0
            if abs(e) > tol1 {  // try a parabola through x, w, v
                r = (x - w) * (fx - fv)
                q = (x - v) * (fx - fw)
                p = (x - v) * q - (x - w) * r
                q = 2 * (q - r)
                if q > 0 { p = -p } else { q = -q }
                r = e
                e = d
            }
            var u: Double
            if abs(p) >= abs(q * 0.5 * r) || p <= q * (a - x) || p >= q * (b - x) {
                e = x < xm ? b - x : a - x  // golden-section step into the larger part
                d = golden * e
            } else {
                d = p / q  // parabolic step, kept away from the ends
                u = x + d
                if u - a < t2 || b - u < t2 { d = x < xm ? tol1 : -tol1 }
            }
            // Never evaluate closer to x than tol1.
            u = abs(d) >= tol1 ? x + d : (d > 0 ? x + tol1 : x - tol1)
            let fu = try objective([u])
            if fu <= fx {
                if u < x { b = x } else { a = x }
                (v, fv) = (w, fw)
                (w, fw) = (x, fx)
                (x, fx) = (u, fu)
            } else {
                if u < x { a = u } else { b = u }
                if fu <= fw || w == x {
                    (v, fv) = (w, fw)
                    (w, fw) = (u, fu)
                } else if fu <= fv || v == x || v == w {
                    (v, fv) = (u, fu)
                }
            }
        }
        return OptimizationResult(
            x: [x], value: fx, iterations: iterations, evaluations: objective.evaluations, converged: converged,
            message: converged
                ? "bracket narrower than the tolerance" : "stopped after max_iterations (\(options.maxIterations))")
    }
}
