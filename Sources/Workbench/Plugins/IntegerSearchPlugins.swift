import AlmanacCore
import Optimization

extension NativeOptimizers {
    static let gridSearch = PluginDescriptor(
        name: "grid_search", kind: .optimizer, version: "1.0.0",
        summary: "Exhaustive search: f at every whole-number point of the box [lower, upper], the best kept",
        doc: """
            The global minimum over whole numbers whatever the shape of f, at one evaluation per \
            point. lower and upper are required and must be whole numbers; x0 only sets the number \
            of variables. Points are visited in lexicographic order (the last variable fastest) and \
            a tie keeps the first. A box holding more than max_evaluations points is refused with \
            its size, before any evaluation. converged is true: the whole box was searched.
            """,
        parameters: [
            ParameterSpec(
                "max_evaluations", .integer, default: .integer(100_000), range: ParameterRange(lower: 1),
                doc: "the most points the box may hold")
        ],
        capabilities: ["scalar", "multivariate", "bounds", "requires_bounds", "derivative_free", "integer"],
        example: """
            local eoq = almanac.cost("eoq_cost", { fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300 })
            print(optimize.scalar(eoq, 1, 1000, { method = "grid_search" }).x)  --> 304.0 (the best whole order quantity)
            """)

    static var gridSearchImplementation: PluginImplementation {
        .nativeOptimizer { f, start, p in
            guard let lower = start.lower, let upper = start.upper else {
                throw OptimizationError("grid_search needs finite bounds: give both options 'lower' and 'upper'")
            }
            var options = GridSearch.Options()
            options.maxEvaluations = p.integer("max_evaluations") ?? options.maxEvaluations
            return try GridSearch.minimize(f, lower: lower, upper: upper, options: options)
        }
    }

    static let coordinateSearch = PluginDescriptor(
        name: "coordinate_search", kind: .optimizer, version: "1.0.0",
        summary:
            "Coordinate (compass) search over whole numbers: ±step moves one variable at a time, the step halved down to 1",
        doc: """
            From a whole-number x0, tries moving each variable in turn by +step and -step, keeps a \
            move that lowers f and goes on that way while it does; when a sweep over all variables \
            finds nothing better the step is halved, and at step 1 the search stops: no single ±1 \
            move improves f. That is a local minimum on the lattice, the global one for discretely \
            convex costs such as (s, S) or (r, Q) policies. Each point's value is remembered, so a \
            noisy or simulated objective is evaluated once per point in a run and the search cannot \
            cycle on noise. Bounds are optional and must be whole numbers (or ±math.huge); \
            iterations counts sweeps, evaluations distinct points.
            """,
        parameters: [
            ParameterSpec(
                "initial_step", .integer, default: .integer(1), range: ParameterRange(lower: 1),
                doc:
                    "first step; halved down to 1 (a power of two halves evenly); large steps cross wide ranges quickly"
            ),
            ParameterSpec(
                "max_iterations", .integer, default: .integer(1000), range: ParameterRange(lower: 1),
                doc: "sweeps over all variables"),
            ParameterSpec(
                "max_evaluations", .integer, default: .integer(10_000), range: ParameterRange(lower: 1),
                doc: "distinct points evaluated"),
        ],
        capabilities: ["scalar", "multivariate", "bounds", "derivative_free", "integer"],
        example: """
            local eoq = almanac.cost("eoq_cost", { fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300 })
            local r = optimize.minimize(eoq, { 100 }, { method = "coordinate_search", lower = { 1 }, upper = { 1000 }, initial_step = 64 })
            print(r.x[1], r.evaluations)  --> 304.0  16
            """)

    static var coordinateSearchImplementation: PluginImplementation {
        .nativeOptimizer { f, start, p in
            var options = CoordinateSearch.Options()
            options.initialStep = p.integer("initial_step") ?? options.initialStep
            options.maxIterations = p.integer("max_iterations") ?? options.maxIterations
            options.maxEvaluations = p.integer("max_evaluations") ?? options.maxEvaluations
            options.lower = start.lower
            options.upper = start.upper
            // optimize.scalar gives no x0: start from the middle of the box, rounded down.
            let x0 = try start.point ?? startPoint(start, for: "coordinate_search").map { ($0).rounded(.down) }
            return try CoordinateSearch.minimize(f, start: x0, options: options)
        }
    }
}
