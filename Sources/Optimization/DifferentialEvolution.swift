import AlmanacCore

/// Differential evolution (Storn & Price 1997) as scipy.optimize runs it by
/// default: a population of 15 members per variable, started on a Latin
/// hypercube, each generation replacing a member by its trial (a mutant
/// crossed with it) whenever the trial is no worse, updating the best at once
/// ("immediate" updating). A global, derivative-free search of a bounded box
/// that tolerates noise: a member survives only by beating its own trial.
///
/// Randomness comes from its own SeededGenerator seeded with `seed`, so a run
/// repeats exactly; the objective may draw random numbers of its own without
/// disturbing it.
public enum DifferentialEvolution {
    public enum Strategy: String, Sendable, CaseIterable {
        /// Mutant = best + F·(a − b): fast, scipy's default.
        case best1bin
        /// Mutant = a + F·(b − c): slower, explores more; safer when one lucky
        /// noisy draw would otherwise lead the whole population.
        case rand1bin
    }

    public struct Options: Sendable {
        public var strategy = Strategy.best1bin
        /// Members per variable that is free to move (scipy's popsize); at least 5 in all.
        public var populationSize = 15
        /// Scale F drawn uniformly from this range once per generation (dithering);
        /// equal ends give a fixed F.
        public var mutation: (low: Double, high: Double) = (0.5, 1)
        /// Probability that a variable comes from the mutant (scipy's CR).
        public var recombination = 0.7
        /// Converged when the energies' standard deviation ≤ absoluteTolerance + tolerance·|mean|.
        public var tolerance = 0.01
        public var absoluteTolerance = 0.0
        public var maxGenerations = 1000
        public var maxEvaluations = Int.max
        /// Finish with L-BFGS-B from the best member (scipy's polish; its default is on,
        /// Almanac's off, since finite differences of a noisy f mislead it).
        public var polish = false
        public var seed: UInt64 = 0
        /// A point placed in the first population (scipy's x0).
        public var start: [Double]? = nil
        public init() {}
    }

    public static func minimize(
        _ f: @escaping ([Double]) throws -> Double, lower: [Double], upper: [Double],
        options: Options = Options()
    ) throws -> OptimizationResult {
        let name = "differential_evolution"
        guard !lower.isEmpty else { throw OptimizationError("\(name): the bounds are empty") }
        let box = try BoxBounds(
            lower: lower, upper: upper, dimension: lower.count, optimizer: name, requireFinite: true)
        try validateOptions(options, box: box)
        let free = (0..<box.dimension).filter { box.lower[$0] < box.upper[$0] }.count
        let (members, overflow) = options.populationSize.multipliedReportingOverflow(by: max(1, free))
        guard !overflow, members <= 1_000_000 else {
            throw OptimizationError(
                "\(name): option 'population_size' (\(options.populationSize)) × \(free) variables is more than 1000000 members"
            )
        }
        var generator = SeededGenerator(seed: options.seed)
        var population = DifferentialEvolutionPopulation(size: max(5, members), box: box, generator: &generator)
        if let start = options.start { population.members[0] = population.unit(start) }
        var objective = BudgetedObjective(f, maxEvaluations: options.maxEvaluations)

        var generations = 0
        var converged = false
        var message = "stopped after max_generations (\(options.maxGenerations))"
        do {
            for i in 0..<population.size {
                population.energies[i] = try objective(population.point(population.members[i]))
            }
            population.promoteLowest()
            while generations < options.maxGenerations {
                generations += 1
                let (low, high) = options.mutation
                let scale = low == high ? low : low + (high - low) * generator.nextDouble()
                for candidate in 0..<population.size {
                    let trial = population.trial(
                        for: candidate, strategy: options.strategy, scale: scale,
                        recombination: options.recombination, generator: &generator)
                    let energy = try objective(population.point(trial))
                    if energy <= population.energies[candidate] {
                        population.members[candidate] = trial
                        population.energies[candidate] = energy
                        if energy <= population.energies[0] { population.promoteLowest() }
                    }
                }
                if population.hasConverged(tolerance: options.tolerance, absoluteTolerance: options.absoluteTolerance) {
                    converged = true
                    message = "spread of the population's values ≤ absolute_tolerance + tolerance × |mean|"
                    break
                }
            }
        } catch is EvaluationBudgetExhausted {
            population.promoteLowest()
            message = "stopped after max_evaluations (\(options.maxEvaluations))"
        }
        var result = OptimizationResult(
            x: population.point(population.members[0]), value: population.energies[0],
            iterations: generations, evaluations: objective.evaluations,
            converged: converged, message: message)
        if options.polish, objective.remaining > 0 { try polish(&result, f, box, budget: objective.remaining) }
        return result
    }

    /// scipy's polish: L-BFGS-B from the best member, kept only if it converged lower.
    private static func polish(
        _ result: inout OptimizationResult, _ f: @escaping ([Double]) throws -> Double,
        _ box: BoxBounds, budget: Int
    ) throws {
        var options = LBFGSB.Options()
        options.lower = box.lower
        options.upper = box.upper
        options.maxEvaluations = min(options.maxEvaluations, budget)
        let polished = try LBFGSB.minimize(f, start: result.x, options: options)
        result.evaluations += polished.evaluations
        if polished.converged, polished.value < result.value, box.contains(polished.x) {
            result.message += "; polished by lbfgsb from f = \(result.value)"
            result.x = polished.x
            result.value = polished.value
        } else {
            result.message += "; polishing by lbfgsb did not improve it"
        }
    }

    private static func validateOptions(_ options: Options, box: BoxBounds) throws(OptimizationError) {
        let name = "differential_evolution"
        let (low, high) = options.mutation
        guard low >= 0, high <= 2, low <= high else {
            throw OptimizationError(
                "\(name): option 'mutation' must be one number or a range { low, high } with 0 ≤ low ≤ high ≤ 2, got {\(low), \(high)}"
            )
        }
        guard (0...1).contains(options.recombination) else {
            throw OptimizationError(
                "\(name): option 'recombination' must be between 0 and 1, got \(options.recombination)")
        }
        guard options.populationSize >= 1, options.maxEvaluations >= 1, options.maxGenerations >= 0 else {
            throw OptimizationError(
                "\(name): population_size and max_evaluations must be at least 1, max_generations at least 0")
        }
        if let start = options.start {
            try validateStart(start, dimension: box.dimension, optimizer: name)
            for i in 0..<start.count where !(box.lower[i]...box.upper[i]).contains(start[i]) {
                throw OptimizationError(
                    "\(name): x0 is \(start[i]) for variable \(i + 1), outside its bounds [\(box.lower[i]), \(box.upper[i])]"
                )
            }
        }
    }
}
