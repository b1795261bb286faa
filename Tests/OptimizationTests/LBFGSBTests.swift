import Foundation
import Optimization
import Testing

/// L-BFGS-B against scipy.optimize's (Tests/References/scipy_optimizers.json).
/// Both stop on scipy's default tests (projected gradient ≤ 1e-5, or relative
/// reduction of f ≤ 2.2e-9) with finite-difference gradients, so each stops
/// within about 1e-5 of the true minimum, not at the same point: iteration
/// counts differ, and x is compared with the known minimum to 2e-5 and with
/// scipy's x to 3e-5 (the sum of the two stopping errors).
@Suite struct LBFGSBTests {
    func expectNear(_ x: [Double], _ target: [Double], _ tolerance: Double, _ what: String) {
        #expect(x.count == target.count)
        for i in 0..<min(x.count, target.count) {
            #expect(
                abs(x[i] - target[i]) <= tolerance, "\(what): x[\(i)] = \(x[i]), expected \(target[i]) ± \(tolerance)")
        }
    }

    @Test func solvesRosenbrockIn2And5Dimensions() throws {
        let reference = try ScipyReference.load()
        for name in ["rosenbrock_2d", "rosenbrock_5d"] {
            let scipy = try reference.lbfgsb(name)
            let r = try LBFGSB.minimize(TestFunctions.rosenbrock, start: scipy.x0 ?? [])
            #expect(r.converged, "\(name): \(r.message)")
            expectNear(r.x, [Double](repeating: 1, count: r.x.count), 2e-5, name)
            expectNear(r.x, scipy.x, 3e-5, "\(name) vs scipy")
            #expect(r.value < 1e-9)
            print(
                "\(name): Almanac x \(r.x) f \(r.value) nit \(r.iterations) nfev \(r.evaluations); scipy x \(scipy.x) f \(scipy.f) nit \(scipy.nit) nfev \(scipy.nfev)"
            )
        }
    }

    // Himmelblau has four minima; from each start L-BFGS-B must reach the one scipy reaches.
    @Test func reachesTheSameHimmelblauMinimumAsScipy() throws {
        let runs = try ScipyReference.load().lbfgsb.filter { $0.name.hasPrefix("himmelblau") }
        #expect(runs.count == 5)
        for scipy in runs {
            let r = try LBFGSB.minimize(TestFunctions.himmelblau, start: scipy.x0 ?? [])
            let minimum = try #require(
                TestFunctions.himmelblauMinima.first { m in zip(m, scipy.x).allSatisfy { abs($0 - $1) < 1e-4 } })
            #expect(r.converged)
            expectNear(r.x, minimum, 1e-5, scipy.name)
            print(
                "\(scipy.name) → \(minimum): Almanac x \(r.x) f \(r.value) nit \(r.iterations) nfev \(r.evaluations); scipy x \(scipy.x) f \(scipy.f) nit \(scipy.nit) nfev \(scipy.nfev)"
            )
        }
    }

    // With x₁ ≤ 0.5 the minimum is on the bound: x = (0.5, 0.25), f = 0.25.
    @Test func findsAMinimumOnAnActiveBound() throws {
        let scipy = try ScipyReference.load().lbfgsb("rosenbrock_2d_x1_at_most_half")
        var options = LBFGSB.Options()
        options.lower = [-2, -2]
        options.upper = [0.5, 2]
        let r = try LBFGSB.minimize(TestFunctions.rosenbrock, start: [-1.2, 1], options: options)
        #expect(r.converged)
        #expect(r.x[0] == 0.5)  // exactly on the bound
        expectNear(r.x, scipy.x, 1e-6, "bounded rosenbrock vs scipy")
        #expect(abs(r.value - 0.25) < 1e-9)
        print(
            "bounded rosenbrock: Almanac x \(r.x) f \(r.value) nit \(r.iterations) nfev \(r.evaluations); scipy x \(scipy.x) f \(scipy.f) nit \(scipy.nit) nfev \(scipy.nfev)"
        )
    }

    // EOQ with planned backorders: Q* = 310.812556, x* = h/(h+p) = 0.0430622, g* = 66.9213635.
    // The variables differ in scale by 10⁴, which the relative difference step absorbs.
    @Test func solvesTheBackorderEOQWithBounds() throws {
        let scipy = try ScipyReference.load().lbfgsb("eoq_backorders")
        var options = LBFGSB.Options()
        options.lower = [1, 0]
        options.upper = [5000, 1]
        let r = try LBFGSB.minimize(TestFunctions.eoqWithBackorders, start: [300, 0.5], options: options)
        #expect(r.converged)
        #expect(abs(r.x[0] - 310.812556) < 1e-3)
        #expect(abs(r.x[1] - 0.225 / 5.225) < 1e-6)
        #expect(abs(r.value - scipy.f) < 1e-8)
        print(
            "eoq backorders: Almanac nit \(r.iterations) nfev \(r.evaluations) x \(r.x) f \(r.value); scipy nit \(scipy.nit) nfev \(scipy.nfev) x \(scipy.x) f \(scipy.f)"
        )
    }

    @Test func countsEveryEvaluationAndStopsAtItsBudgets() throws {
        var calls = 0
        let counted: ([Double]) -> Double = { x in
            calls += 1; return TestFunctions.rosenbrock(x)
        }
        let full = try LBFGSB.minimize(counted, start: [-1.2, 1])
        #expect(full.evaluations == calls)  // finite differences included

        var options = LBFGSB.Options()
        options.maxEvaluations = 25
        calls = 0
        let short = try LBFGSB.minimize(counted, start: [-1.2, 1], options: options)
        #expect(!short.converged)
        #expect(short.evaluations <= 25 && calls == short.evaluations)
        #expect(short.message == "stopped after max_evaluations (25)")
        #expect(short.value <= TestFunctions.rosenbrock([-1.2, 1]))

        options = LBFGSB.Options()
        options.maxIterations = 3
        let few = try LBFGSB.minimize(TestFunctions.rosenbrock, start: [-1.2, 1], options: options)
        #expect(!few.converged && few.iterations == 3)
    }

    // f is infinite for x ≤ 0; a trial step that lands there is pulled back, not taken.
    @Test func stepsBackFromInfiniteValues() throws {
        let barrier: ([Double]) -> Double = { x in x[0] <= 0 ? .infinity : x[0] - log(x[0]) + (x[1] - 2) * (x[1] - 2) }
        let r = try LBFGSB.minimize(barrier, start: [8, 0])
        #expect(r.converged)
        #expect(abs(r.x[0] - 1) < 1e-4 && abs(r.x[1] - 2) < 1e-5)
    }

    @Test func aFixedVariableStaysPut() throws {
        var options = LBFGSB.Options()
        options.lower = [-5, 0.3]
        options.upper = [5, 0.3]
        let r = try LBFGSB.minimize(TestFunctions.rosenbrock, start: [0, 0.3], options: options)
        #expect(r.x[1] == 0.3)
        #expect(r.converged)
        let alongX1 = try Brent.minimize({ TestFunctions.rosenbrock([$0, 0.3]) }, lower: -5, upper: 5)
        #expect(abs(r.x[0] - alongX1.x[0]) < 1e-5)
    }

    @Test func badInputsAreExplained() {
        func message(_ body: () throws -> OptimizationResult) -> String {
            do { _ = try body(); return "(no error)" } catch let error as OptimizationError {
                return error.message
            } catch { return "\(error)" }
        }
        var options = LBFGSB.Options()
        options.lower = [2, 0]
        options.upper = [1, 1]
        #expect(
            message { try LBFGSB.minimize(TestFunctions.rosenbrock, start: [0, 0], options: options) }
                == "lbfgsb: option 'lower' (2.0) is above option 'upper' (1.0) for variable 1")
        #expect(
            message { try LBFGSB.minimize(TestFunctions.rosenbrock, start: [.nan, 0]) }
                == "lbfgsb: x0 must be finite, got nan for variable 1")
        options.lower = [0]
        #expect(
            message { try LBFGSB.minimize(TestFunctions.rosenbrock, start: [0, 0], options: options) }
                == "lbfgsb: option 'lower' has 1 values for 2 variables")
        #expect(
            message { try LBFGSB.minimize({ _ in .infinity }, start: [0]) }
                == "lbfgsb: the objective is inf at the start point")
        #expect(
            message { try LBFGSB.minimize({ x in x[0] > 1 ? .nan : -x[0] }, start: [0]) }.hasPrefix(
                "the objective returned NaN"))
    }
}
