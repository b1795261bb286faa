import AlmanacCore
import Optimization

extension NativeOptimizers {
    static let lbfgsb = PluginDescriptor(
        name: "lbfgsb", kind: .optimizer, version: "1.0.0",
        summary: "L-BFGS-B: limited-memory quasi-Newton minimization of a smooth function, with optional bounds",
        doc: """
            Byrd, Lu, Nocedal & Zhu's algorithm (1995; version 3.0, as scipy.optimize runs it): each \
            iteration follows the projected gradient to the generalized Cauchy point, minimizes a \
            limited-memory BFGS model over the variables not held at a bound, and line-searches \
            towards that point (Moré–Thuente, strong Wolfe conditions). The gradient is taken by \
            forward differences (one evaluation per variable, stepping backwards at an upper bound), \
            and every evaluation counts against max_evaluations. x0 is moved into the bounds first. \
            For smooth objectives; a noisy one misleads the differences (use differential_evolution).
            """,
        parameters: [
            ParameterSpec(
                "memory", .integer, default: .integer(10), range: ParameterRange(lower: 1),
                doc: "correction pairs kept for the Hessian model (scipy's maxcor)"),
            ParameterSpec(
                "gradient_tolerance", .number, default: .number(1e-5), range: .nonNegative,
                doc: "converged when the projected gradient's largest component is at most this (scipy's gtol)"),
            ParameterSpec(
                "f_tolerance", .number, default: .number(2.220446049250313e-09), range: .nonNegative,
                doc: "converged when an iteration lowers f by at most this × max(|f|, 1), relatively (scipy's ftol)"),
            ParameterSpec(
                "max_iterations", .integer, default: .integer(15000), range: ParameterRange(lower: 1),
                doc: "iteration budget"),
            ParameterSpec(
                "max_evaluations", .integer, default: .integer(15000), range: ParameterRange(lower: 1),
                doc: "evaluation budget, finite differences included; never exceeded"),
            ParameterSpec(
                "max_line_search_steps", .integer, default: .integer(20), range: ParameterRange(lower: 1),
                doc: "evaluations of f (each with its gradient) allowed in one line search (scipy's maxls)"),
            ParameterSpec(
                "difference_step", .number, default: .number(Double.ulpOfOne.squareRoot()), range: .positive,
                doc: "forward-difference step, relative to max(1, |x_i|)"),
        ],
        capabilities: ["scalar", "multivariate", "bounds"],
        example: """
            local rosen = function(x) return (1 - x[1])^2 + 100 * (x[2] - x[1]^2)^2 end
            local r = optimize.minimize(rosen, { -1.2, 1 }, { method = "lbfgsb", upper = { 0.5, 2 } })
            print(r.x[1], r.x[2], r.f)  --> 0.5  0.25  0.25 (x1 <= 0.5 holds the minimum on the bound)
            """)

    static var lbfgsbImplementation: PluginImplementation {
        .nativeOptimizer { f, start, p in
            var options = LBFGSB.Options()
            options.memory = p.integer("memory") ?? options.memory
            options.gradientTolerance = p.number("gradient_tolerance") ?? options.gradientTolerance
            options.fTolerance = p.number("f_tolerance") ?? options.fTolerance
            options.maxIterations = p.integer("max_iterations") ?? options.maxIterations
            options.maxEvaluations = p.integer("max_evaluations") ?? options.maxEvaluations
            options.maxLineSearchSteps = p.integer("max_line_search_steps") ?? options.maxLineSearchSteps
            options.differenceStep = p.number("difference_step") ?? options.differenceStep
            options.lower = start.lower
            options.upper = start.upper
            return try LBFGSB.minimize(f, start: try startPoint(start, for: "lbfgsb"), options: options)
        }
    }

    /// x0, or with none (optimize.scalar) the middle of a finite box.
    static func startPoint(_ start: OptimizerStart, for name: String) throws(OptimizationError) -> [Double] {
        if let point = start.point { return point }
        if let lower = start.lower, let upper = start.upper,
            zip(lower, upper).allSatisfy({ $0.isFinite && $1.isFinite })
        {
            return zip(lower, upper).map { ($0 + $1) / 2 }
        }
        throw OptimizationError("\(name) needs a start point x0 (or finite bounds)")
    }
}
