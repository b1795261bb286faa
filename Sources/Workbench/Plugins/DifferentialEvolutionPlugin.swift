import AlmanacCore
import Optimization

extension NativeOptimizers {
    static let differentialEvolution = PluginDescriptor(
        name: "differential_evolution", kind: .optimizer, version: "1.0.0",
        summary:
            "Differential evolution: a seeded, derivative-free global search of a bounded box that tolerates noisy, simulated objectives",
        doc: """
            scipy.optimize's differential_evolution with its defaults: 15 members per variable on a \
            Latin hypercube, mutation best1bin with F drawn from [0.5, 1] each generation, binomial \
            crossover 0.7, a member replaced as soon as its trial is no worse. Needs finite lower and \
            upper bounds; x0, which must lie inside them, joins the first population. Converged when \
            the population's values have a standard deviation ≤ absolute_tolerance + tolerance × \
            |their mean| (scipy's rule). Random numbers come from a stream of its own, seeded by \
            `seed` or else by a draw from the run's generator, so almanac.seed repeats a run exactly. \
            With noise, a member's value is the draw it was accepted with and is not re-evaluated: a \
            lucky draw can linger, so compare a few seeds, average replications inside f, or use \
            rand1bin, which does not steer every trial by the best member. Where f's minimum is near 0 \
            the relative test cannot beat the noise: set absolute_tolerance to about the noise's size.
            """,
        parameters: [
            ParameterSpec(
                "strategy", .string, default: .string("best1bin"), choices: ["best1bin", "rand1bin"],
                doc: "mutant from the best member (best1bin, scipy's default) or from a random one (rand1bin)"),
            ParameterSpec(
                "population_size", .integer, default: .integer(15), range: ParameterRange(lower: 1),
                doc: "members per variable (scipy's popsize); at least 5 in all"),
            ParameterSpec(
                "mutation", .numbers, default: .numbers([0.5, 1]), range: ParameterRange(lower: 0, upper: 2),
                doc: "F, one number, or { low, high } to draw F uniformly each generation (dithering)"),
            ParameterSpec(
                "recombination", .number, default: .number(0.7), range: ParameterRange(lower: 0, upper: 1),
                doc: "probability that a variable of the trial comes from the mutant"),
            ParameterSpec(
                "tolerance", .number, default: .number(0.01), range: .nonNegative,
                doc: "relative tolerance of the convergence test"),
            ParameterSpec(
                "absolute_tolerance", .number, default: .number(0), range: .nonNegative,
                doc: "absolute tolerance of the convergence test; about the noise's size when f's minimum is near 0"),
            ParameterSpec(
                "max_generations", .integer, default: .integer(1000), range: ParameterRange(lower: 1),
                doc: "generation budget (scipy's maxiter)"),
            ParameterSpec(
                "max_evaluations", .integer, range: ParameterRange(lower: 1),
                doc: "evaluation budget; default none (the generations bound it)"),
            ParameterSpec(
                "polish", .boolean, default: .boolean(false),
                doc:
                    "finish with lbfgsb from the best point (scipy's default is true; off here, since noise misleads its finite differences)"
            ),
            ParameterSpec(
                "seed", .integer, range: .nonNegative,
                doc: "seed of the search's random stream; default a draw from the run's generator (almanac.seed)"),
        ],
        capabilities: ["scalar", "multivariate", "bounds", "requires_bounds", "derivative_free", "noisy"],
        example: """
            almanac.seed(7)
            local noisy = function(x) return (x[1] - 3)^2 + (x[2] + 1)^2 + 0.01 * math.random() end
            local r = optimize.minimize(noisy, { 0, 0 }, { method = "differential_evolution", lower = { -5, -5 }, upper = { 5, 5 },
                                                    absolute_tolerance = 0.01 })  -- about the noise: f's minimum is near 0
            print(r.x[1], r.x[2], r.converged)  --> about 3  -1  true
            """)

    static var differentialEvolutionImplementation: PluginImplementation {
        .nativeOptimizer { f, start, p in
            guard let lower = start.lower, let upper = start.upper else {
                throw OptimizationError(
                    "differential_evolution needs finite bounds: give both options 'lower' and 'upper'")
            }
            var options = DifferentialEvolution.Options()
            options.strategy =
                p.string("strategy").flatMap(DifferentialEvolution.Strategy.init(rawValue:)) ?? options.strategy
            options.populationSize = p.integer("population_size") ?? options.populationSize
            if case .numbers(let f) = p["mutation"] {
                guard f.count == 1 || f.count == 2 else {
                    throw OptimizationError(
                        "differential_evolution: option 'mutation' must be one number or two, { low, high }; got \(f.count)"
                    )
                }
                options.mutation = (f[0], f[f.count - 1])
            }
            options.recombination = p.number("recombination") ?? options.recombination
            options.tolerance = p.number("tolerance") ?? options.tolerance
            options.absoluteTolerance = p.number("absolute_tolerance") ?? options.absoluteTolerance
            options.maxGenerations = p.integer("max_generations") ?? options.maxGenerations
            options.maxEvaluations = p.integer("max_evaluations") ?? options.maxEvaluations
            options.polish = p.boolean("polish") ?? options.polish
            options.seed = UInt64(max(0, p.integer("seed") ?? 0))
            options.start = start.point
            return try DifferentialEvolution.minimize(f, lower: lower, upper: upper, options: options)
        }
    }
}
