import AlmanacCore
import Optimization

/// The optimizers that ship in Swift, as plugins.
enum NativeOptimizers {
    static let goldenSection = PluginDescriptor(
        name: "golden_section", kind: .optimizer, version: "1.0.0",
        summary: "Golden-section search for the minimum of a unimodal function of one variable on [lo, hi]",
        doc: """
            Shrinks the bracket [lo, hi] by 1/φ ≈ 0.618 per evaluation, keeping the part that \
            holds the minimum. Finds the global minimum when f is unimodal on the bracket, \
            and a local one otherwise.
            """,
        parameters: [
            ParameterSpec(
                "tolerance", .number, default: .number(1e-10), range: .positive,
                doc: "stop when the bracket is narrower than tolerance × max(1, |x|)"),
            ParameterSpec(
                "max_iterations", .integer, default: .integer(500), range: ParameterRange(lower: 1),
                doc: "stop after this many iterations (one evaluation each)"),
        ],
        capabilities: ["scalar", "bounds", "requires_bounds", "derivative_free"],
        example: "optimize.scalar(function(q) return (q - 3)^2 end, 0, 10, { method = \"golden_section\" })")

    static let brent = PluginDescriptor(
        name: "brent", kind: .optimizer, version: "1.0.0",
        summary: "Brent's method: parabolic interpolation with golden-section safeguards, for one variable on [lo, hi]",
        doc: """
            The algorithm of R's optimize() and scipy's minimize_scalar (Brent 1973): it fits a \
            parabola through the three best points and falls back to a golden-section step when \
            the parabola misbehaves, so it converges superlinearly on smooth functions and never \
            worse than golden section. With R's tolerance (1.22e-4) it visits the same points as R.
            """,
        parameters: [
            ParameterSpec(
                "tolerance", .number, default: .number(1e-10), range: .positive,
                doc: "stop when the bracket is within 2(√ε·|x| + tolerance/3) of x (R's rule)"),
            ParameterSpec(
                "max_iterations", .integer, default: .integer(500), range: ParameterRange(lower: 1),
                doc: "stop after this many iterations (one evaluation each)"),
        ],
        capabilities: ["scalar", "bounds", "requires_bounds", "derivative_free"],
        example:
            "print(optimize.scalar(function(q) return (q - 3)^2 + 1 end, 0, 10, { method = \"brent\" }).x)  --> 3.0")

    static let nelderMead = PluginDescriptor(
        name: "nelder_mead", kind: .optimizer, version: "1.0.0",
        summary:
            "Nelder–Mead downhill simplex: derivative-free minimization over several variables, with optional bounds",
        doc: """
            Reflection, expansion, contraction and shrink steps of a simplex of n+1 points \
            (Lagarias et al. 1998). Bounds are honoured by clipping into the box, as \
            scipy.optimize does. Converged when all vertices are within x_tolerance of the \
            best and their values within f_tolerance (scipy's xatol and fatol). Clipping can \
            flatten the simplex onto a face of the box, where it stalls, so after converging it \
            restarts from the best point with a fresh simplex while that still improves the value.
            """,
        parameters: [
            ParameterSpec(
                "x_tolerance", .number, default: .number(1e-8), range: .positive,
                doc: "largest coordinate distance from the best vertex at convergence"),
            ParameterSpec(
                "f_tolerance", .number, default: .number(1e-8), range: .positive,
                doc: "largest difference from the best value at convergence"),
            ParameterSpec(
                "max_iterations", .integer, range: ParameterRange(lower: 1),
                doc: "iteration budget; default 1000 × the number of variables"),
            ParameterSpec(
                "max_evaluations", .integer, range: ParameterRange(lower: 1),
                doc: "evaluation budget; default 2000 × the number of variables"),
            ParameterSpec(
                "adaptive", .boolean, default: .boolean(false),
                doc: "use Gao & Han's dimension-dependent coefficients (helps beyond ~5 variables)"),
            ParameterSpec(
                "initial_step", .number, default: .number(0.05), range: .positive,
                doc: "size of the first simplex, relative to each coordinate of x0"),
            ParameterSpec(
                "restarts", .integer, default: .integer(3), range: ParameterRange(lower: 0),
                doc:
                    "after converging, restart from the best point with a fresh simplex at most this often, while it still improves (0 behaves like scipy)"
            ),
        ],
        capabilities: ["scalar", "multivariate", "bounds", "derivative_free"],
        example: "optimize.minimize(function(x) return (1 - x[1])^2 + 100 * (x[2] - x[1]^2)^2 end, { -1.2, 1 })")

    /// A one-variable search on a bracket as an optimizer plugin.
    static func scalar(
        _ name: String,
        _ search:
            @escaping (@escaping (Double) throws -> Double, Double, Double, ScalarSearchOptions) throws ->
            OptimizationResult
    )
        -> PluginImplementation
    {
        .nativeOptimizer { f, start, p in
            guard start.dimension == 1, let lo = start.lower?.first, let hi = start.upper?.first else {
                throw OptimizationError("\(name) needs one variable with bounds lo and hi")
            }
            let options = ScalarSearchOptions(
                tolerance: p.number("tolerance") ?? 1e-10, maxIterations: p.integer("max_iterations") ?? 500)
            return try search({ try f([$0]) }, lo, hi, options)
        }
    }

    static var all: [(PluginDescriptor, PluginImplementation)] {
        [
            (goldenSection, scalar("golden_section", GoldenSection.minimize)),
            (brent, scalar("brent", Brent.minimize)),
            (
                nelderMead,
                .nativeOptimizer { f, start, p in
                    var options = NelderMead.Options()
                    options.xTolerance = p.number("x_tolerance") ?? options.xTolerance
                    options.fTolerance = p.number("f_tolerance") ?? options.fTolerance
                    options.maxIterations = p.integer("max_iterations")
                    options.maxEvaluations = p.integer("max_evaluations")
                    options.adaptive = p.boolean("adaptive") ?? false
                    options.initialStep = p.number("initial_step") ?? options.initialStep
                    options.restarts = p.integer("restarts") ?? options.restarts
                    options.lower = start.lower
                    options.upper = start.upper
                    let x0: [Double]
                    if let point = start.point {
                        x0 = point
                    } else if let lower = start.lower, let upper = start.upper,
                        zip(lower, upper).allSatisfy({ $0.isFinite && $1.isFinite })
                    {
                        x0 = zip(lower, upper).map { ($0 + $1) / 2 }  // no start given: the middle of the box
                    } else {
                        throw OptimizationError("nelder_mead needs a start point x0 (or finite bounds)")
                    }
                    return try NelderMead.minimize(f, start: x0, options: options)
                }
            ),
            (lbfgsb, lbfgsbImplementation),
            (gridSearch, gridSearchImplementation),
            (coordinateSearch, coordinateSearchImplementation),
            (differentialEvolution, differentialEvolutionImplementation),
        ]
    }
}
