import Foundation
import Optimization
import Testing

/// Standard test functions with known minima. Tolerances are set by the
/// default tolerances, not by what the code happens to reach.
@Suite struct OptimizerTests {
    @Test func goldenSectionFindsTheMinimumOfAParabola() throws {
        let r = try GoldenSection.minimize({ ($0 - 2.5) * ($0 - 2.5) + 1 }, lower: -10, upper: 10)
        // f is flat to within one ulp of 1 for |x − 2.5| < √ε ≈ 1.5e-8, so no method
        // that compares values can locate the minimum more closely than that.
        #expect(abs(r.x[0] - 2.5) < 3e-8)
        #expect(abs(r.value - 1) < 1e-15)
        #expect(r.converged)
        #expect(r.evaluations == r.iterations + 2)  // one evaluation per step after the first two
    }

    @Test func goldenSectionReportsBadBoundsAndBudgets() throws {
        #expect(throws: OptimizationError.self) { try GoldenSection.minimize({ $0 }, lower: 1, upper: 1) }
        #expect(throws: OptimizationError.self) { try GoldenSection.minimize({ $0 }, lower: 0, upper: .infinity) }
        #expect(throws: OptimizationError.self) { try GoldenSection.minimize({ _ in .nan }, lower: 0, upper: 1) }
        let r = try GoldenSection.minimize({ $0 * $0 }, lower: -1, upper: 1, options: .init(maxIterations: 5))
        #expect(!r.converged)
        #expect(r.iterations == 5)
    }

    // Rosenbrock from (-1.2, 1), minimum 0 at (1, 1); scipy.optimize.minimize(method="Nelder-Mead",
    // options={"xatol": 1e-8, "fatol": 1e-8}) reaches it to about 1e-8 as well.
    @Test func nelderMeadSolvesRosenbrock() throws {
        let rosenbrock: ([Double]) -> Double = { x in
            (1 - x[0]) * (1 - x[0]) + 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0])
        }
        let r = try NelderMead.minimize(rosenbrock, start: [-1.2, 1])
        #expect(r.converged)
        #expect(abs(r.x[0] - 1) < 1e-6 && abs(r.x[1] - 1) < 1e-6)
        #expect(r.value < 1e-12)
    }

    // Himmelblau has four minima (value 0); from (0, 0) the simplex descends to (3, 2).
    @Test func nelderMeadSolvesHimmelblau() throws {
        let himmelblau: ([Double]) -> Double = { x in
            let a = x[0] * x[0] + x[1] - 11, b = x[0] + x[1] * x[1] - 7
            return a * a + b * b
        }
        let r = try NelderMead.minimize(himmelblau, start: [0, 0])
        #expect(r.value < 1e-12)
        let minima: [[Double]] = [[3, 2], [-2.805118, 3.131312], [-3.779310, -3.283186], [3.584428, -1.848126]]
        #expect(minima.contains { m in abs(m[0] - r.x[0]) < 1e-5 && abs(m[1] - r.x[1]) < 1e-5 })
    }

    @Test func boundsAreHonouredAndAMinimumOnABoundIsFound() throws {
        var options = NelderMead.Options()
        options.lower = [2, -5]
        options.upper = [10, 5]
        let r = try NelderMead.minimize(
            { x in x[0] * x[0] + (x[1] - 1) * (x[1] - 1) }, start: [5, 3], options: options)
        #expect(r.converged)
        #expect(abs(r.x[0] - 2) < 1e-6)
        #expect(abs(r.x[1] - 1) < 1e-6)
    }

    @Test func aSimplexFlattenedOntoABoundIsRebuilt() throws {
        // EOQ with planned backorders (K=8, h=0.225, p=5, λ=1300): the optimum is off the x=0 face,
        // x* = h/(h+p) = 0.0430622, Q* = 310.81256, but clipping flattens the first simplex onto it.
        let cost: ([Double]) -> Double = { v in
            let (q, x) = (v[0], v[1])
            return 8 * 1300 / q + 0.225 * (1 - x) * (1 - x) * q / 2 + 5 * x * x * q / 2
        }
        var options = NelderMead.Options()
        options.lower = [1, 0]
        options.upper = [6080.9, 1]
        options.restarts = 0
        let r = try NelderMead.minimize(cost, start: [304.0468, 0.5], options: options)
        #expect(r.message.contains("rebuilt"))
        #expect(r.converged)
        #expect(abs(r.x[0] - 310.812555) < 1e-4)
        #expect(abs(r.x[1] - 0.225 / 5.225) < 1e-6)
    }

    // Started at the optimum with an x tolerance finer than f can resolve (√ε · 310 ≈ 5e-6),
    // the simplex degenerates into a line and stops moving; it must stop too, and say why.
    @Test func aSimplexThatStopsMovingEndsWithAReason() throws {
        // Evaluated exactly as plugins/eoq_backorder_cost.lua does (Lua's ^ is pow).
        let cost: ([Double]) -> Double = { v in
            let ordering = 8.0 * 1300.0 / v[0]
            let holding = 0.225 * pow(1 - v[1], 2) * v[0] / 2
            let backorder = 5.0 * pow(v[1], 2) * v[0] / 2
            return ordering + holding + backorder
        }
        var options = NelderMead.Options()
        options.lower = [1, 0]
        options.upper = [20 * 304.0467800264368, 1]
        options.xTolerance = 1e-10
        options.fTolerance = 1e-12
        options.restarts = 0
        let r = try NelderMead.minimize(cost, start: [310.81255637022628, 0.043062200777070805], options: options)
        #expect(r.converged)
        #expect(r.message.contains("values equal within f_tolerance"))
        #expect(r.evaluations < 1000)
    }

    @Test func aNoisyQuadraticStillLandsNearItsMinimum() throws {
        var state: UInt64 = 12345
        let noisy: ([Double]) -> Double = { x in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let u = Double(state >> 11) * 0x1.0p-53 - 0.5
            return (x[0] - 3) * (x[0] - 3) + (x[1] + 1) * (x[1] + 1) + 1e-6 * u
        }
        let r = try NelderMead.minimize(noisy, start: [0, 0])
        #expect(abs(r.x[0] - 3) < 1e-2 && abs(r.x[1] + 1) < 1e-2)
    }

    @Test func badStartsAreExplained() {
        #expect(throws: OptimizationError.self) { try NelderMead.minimize({ _ in 0 }, start: []) }
        #expect(throws: OptimizationError.self) { try NelderMead.minimize({ _ in 0 }, start: [.nan]) }
        #expect(throws: OptimizationError.self) { try NelderMead.minimize({ _ in .nan }, start: [1]) }
    }

    // The batched search must retrace the scalar one exactly: same points, same values, same count,
    // while its guesses about the next points save batches.
    @Test func clampedNelderMeadBatchedMatchesTheScalarSearch() {
        let rosenbrock: (Double, Double) -> Double = { a, b in (1 - a) * (1 - a) + 100 * (b - a * a) * (b - a * a) }
        let search = ClampedNelderMead()
        for (start, upper) in [([-1.2, 1.0], [2.0, 2.0]), ([0.3, 0.0], [0.9, 0.5])] {
            let lower = [-2.0, -2.0]
            let scalar = search.minimize(start: start, lower: lower, upper: upper) { x in rosenbrock(x[0], x[1]) }
            var batches = 0
            let batched = search.minimizeBatched(start: start, lower: lower, upper: upper) { points, count, values in
                batches += 1
                for j in 0..<count { values[j] = rosenbrock(points[2 * j], points[2 * j + 1]) }
            }
            #expect(batched.x == scalar.x)
            #expect(batched.value == scalar.value)
            #expect(batched.iterations == scalar.iterations)
            #expect(batched.evaluations == scalar.evaluations)
            #expect(
                Double(batches) < 0.6 * Double(scalar.evaluations),
                "\(batches) batches for \(scalar.evaluations) evaluations")
        }
    }

    // Four coordinates (CES's full form), a box the search runs into, a region where the objective
    // is infinite (as CES's is where its recursion overflows), and a staircase that forces shrinks:
    // every branch of the search and every kind of guess, on paths that must still be the scalar one.
    @Test func clampedNelderMeadBatchedRetracesEveryBranchInFourDimensions() {
        let objective: ([Double]) -> Double = { x in
            if x[2] > 1.45 { return .infinity }
            let a = x[0] - 1.2, b = x[1] - 0.3, c = x[2] - 1.4, d = x[3] - x[0] * x[1]
            return a * a + 10 * b * b + (c * c) * (1 + a * a) + 5 * d * d + 0.1 * sin(7 * x[1])
        }
        let staircase: ([Double]) -> Double = { x in
            (x[0] * 7).rounded() + (x[1] * 5).rounded() + (x[2] * 3).rounded() + (x[3] * 9).rounded() + 0.01 * x[0]
                * x[1]
        }
        for (f, start) in [
            (objective, [1.3, 1.0, 1.1, 1.0]), (objective, [0.05, 1.8, 0.1, 1.4]), (staircase, [0.5, 0.5, 0.5, 0.5]),
        ] {
            let lower = [0.01, 0.01, 0.01, 0.01], upper = [1.8, 1.9, 1.5, 1.5]
            let search = ClampedNelderMead(valueTolerance: 1e-10)
            let scalar = search.minimize(start: start, lower: lower, upper: upper) { x in f(Array(x)) }
            var batches = 0
            let batched = search.minimizeBatched(start: start, lower: lower, upper: upper) { points, count, values in
                batches += 1
                for j in 0..<count { values[j] = f(Array(points[(4 * j)..<(4 * j + 4)])) }
            }
            #expect(batched.x == scalar.x)
            #expect(batched.value == scalar.value)
            #expect(batched.iterations == scalar.iterations)
            #expect(batched.evaluations == scalar.evaluations)
            #expect(batches < scalar.iterations, "\(batches) batches for \(scalar.iterations) iterations")
        }
    }
}
