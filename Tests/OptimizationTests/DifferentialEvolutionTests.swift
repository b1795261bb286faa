import Optimization
import Testing

/// Differential evolution against scipy's (Tests/References/scipy_optimizers.json).
/// The random streams differ (numpy's PCG64 and Almanac's xoshiro256**), so the
/// paths differ: what must agree is where the search ends, within a tolerance
/// set by the problem, and that a seed repeats a run exactly.
@Suite struct DifferentialEvolutionTests {
    /// 1 + (x₁ − 3)² + (x₂ + 1)² plus uniform noise on [−0.01, 0.01], from its own seeded stream.
    static func noisyQuadratic(seed: UInt64) -> ([Double]) -> Double {
        var state = seed
        return { x in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let u = Double(state >> 11) * 0x1.0p-53
            return 1 + (x[0] - 3) * (x[0] - 3) + (x[1] + 1) * (x[1] + 1) + 0.02 * (u - 0.5)
        }
    }

    // Noise of ±0.01 cannot tell apart points whose quadratic part differs by less than
    // 0.02, i.e. within √0.02 ≈ 0.14 of the minimum; scipy's runs end 0.003–0.05 away.
    @Test func findsTheNoisyQuadraticsMinimum() throws {
        let scipyRuns = try ScipyReference.load().differentialEvolution.filter { $0.name == "noisy_quadratic" }
        #expect(scipyRuns.count == 3)
        for (seed, scipy) in zip([UInt64(1), 2, 3], scipyRuns) {
            var options = DifferentialEvolution.Options()
            options.seed = seed
            let r = try DifferentialEvolution.minimize(
                Self.noisyQuadratic(seed: 100 + seed), lower: [-5, -5], upper: [5, 5],
                options: options)
            #expect(r.converged, "\(r.message)")
            #expect(abs(r.x[0] - 3) < 0.14 && abs(r.x[1] + 1) < 0.14, "seed \(seed): \(r.x)")
            #expect(abs(scipy.x[0] - 3) < 0.14 && abs(scipy.x[1] + 1) < 0.14)
            print(
                "noisy quadratic seed \(seed): Almanac x \(r.x) f \(r.value) nit \(r.iterations) nfev \(r.evaluations); scipy x \(scipy.x) f \(scipy.f) nit \(scipy.nit) nfev \(scipy.nfev)"
            )
        }
    }

    @Test func theSameSeedRepeatsARunExactly() throws {
        var options = DifferentialEvolution.Options()
        options.seed = 42
        let f = TestFunctions.himmelblau
        let a = try DifferentialEvolution.minimize(f, lower: [-5, -5], upper: [5, 5], options: options)
        let b = try DifferentialEvolution.minimize(f, lower: [-5, -5], upper: [5, 5], options: options)
        #expect(a == b)
        options.seed = 43
        let c = try DifferentialEvolution.minimize(f, lower: [-5, -5], upper: [5, 5], options: options)
        #expect(c.evaluations != a.evaluations || c.x != a.x)
        // Whichever minimum it finds is one of Himmelblau's four.
        for r in [a, c] {
            #expect(
                TestFunctions.himmelblauMinima.contains { m in abs(m[0] - r.x[0]) < 0.02 && abs(m[1] - r.x[1]) < 0.02 })
        }
    }

    // scipy (seed 1, no polish) ends exactly at (1, 1) after 120 generations: the
    // convergence test std ≤ 0.01·|mean| tightens as f → 0.
    @Test func solvesRosenbrockAndPolishesWithLBFGSB() throws {
        let scipy = try #require(try ScipyReference.load().differentialEvolution.first { $0.name == "rosenbrock_2d" })
        var options = DifferentialEvolution.Options()
        options.seed = 1
        let r = try DifferentialEvolution.minimize(
            TestFunctions.rosenbrock, lower: [-2, -2], upper: [2, 2], options: options)
        #expect(r.converged)
        #expect(abs(r.x[0] - 1) < 1e-3 && abs(r.x[1] - 1) < 2e-3, "\(r.x)")
        print(
            "DE rosenbrock: Almanac x \(r.x) f \(r.value) nit \(r.iterations) nfev \(r.evaluations); scipy x \(scipy.x) nit \(scipy.nit) nfev \(scipy.nfev)"
        )

        options.polish = true
        options.maxGenerations = 20
        let polished = try DifferentialEvolution.minimize(
            TestFunctions.rosenbrock, lower: [-2, -2], upper: [2, 2], options: options)
        #expect(abs(polished.x[0] - 1) < 2e-5 && abs(polished.x[1] - 1) < 4e-5, "\(polished.x) \(polished.message)")
        #expect(polished.message.contains("polished by lbfgsb"))
    }

    @Test func stopsAtItsBudgetsAndStartsFromX0() throws {
        var options = DifferentialEvolution.Options()
        options.maxEvaluations = 100
        var calls = 0
        let r = try DifferentialEvolution.minimize(
            { x in
                calls += 1; return TestFunctions.rosenbrock(x)
            },
            lower: [-2, -2], upper: [2, 2], options: options)
        #expect(!r.converged && r.evaluations == 100 && calls == 100)
        #expect(r.message == "stopped after max_evaluations (100)")

        options = DifferentialEvolution.Options()
        options.maxGenerations = 0
        options.start = [1, 1]  // placed in the first population, so it is the best member
        let start = try DifferentialEvolution.minimize(
            TestFunctions.rosenbrock, lower: [-2, -2], upper: [2, 2], options: options)
        #expect(start.x == [1, 1] && start.evaluations == 30 && start.iterations == 0)
    }

    @Test func badInputsAreExplained() {
        func message(
            _ lower: [Double], _ upper: [Double], _ change: (inout DifferentialEvolution.Options) -> Void = { _ in }
        ) -> String {
            var options = DifferentialEvolution.Options()
            change(&options)
            do {
                _ = try DifferentialEvolution.minimize(
                    TestFunctions.rosenbrock, lower: lower, upper: upper, options: options)
                return "(no error)"
            } catch let error as OptimizationError { return error.message } catch { return "\(error)" }
        }
        #expect(
            message([-1, -1], [1, .infinity])
                == "differential_evolution needs finite bounds: option 'upper' is inf for variable 2")
        #expect(
            message([-1, 3], [1, 2])
                == "differential_evolution: option 'lower' (3.0) is above option 'upper' (2.0) for variable 2")
        #expect(
            message([-1, -1], [1, 1]) { $0.start = [0, 4] }
                == "differential_evolution: x0 is 4.0 for variable 2, outside its bounds [-1.0, 1.0]")
        #expect(
            message([-1, -1], [1, 1]) { $0.mutation = (1, 3) }.hasPrefix("differential_evolution: option 'mutation'"))
    }
}
