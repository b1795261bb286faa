import Optimization
import Testing

/// Exhaustive and coordinate search over whole numbers, on an (r, Q) policy's
/// cost (Hadley–Whitin, discretely convex near its minimum). scipy's `brute`
/// over the same unit-step grid gives the reference minimum.
@Suite struct IntegerSearchTests {
    static let lower: [Double] = [40, 200], upper: [Double] = [100, 450]

    /// Every point by nested loops, independently of GridSearch.
    static func bruteForce() -> (x: [Double], f: Double) {
        var best: (x: [Double], f: Double) = ([], .infinity)
        for r in 40...100 {
            for q in 200...450 {
                let f = TestFunctions.reorderPointCost([Double(r), Double(q)])
                if f < best.f { best = ([Double(r), Double(q)], f) }
            }
        }
        return best
    }

    @Test func gridSearchFindsTheBruteForceAndScipyMinimum() throws {
        let scipy = try ScipyReference.load().grid
        let r = try GridSearch.minimize(TestFunctions.reorderPointCost, lower: Self.lower, upper: Self.upper)
        let brute = Self.bruteForce()
        #expect(r.x == brute.x && r.value == brute.f)
        #expect(r.x == scipy.x)
        #expect(abs(r.value - scipy.f) < 1e-9 * scipy.f)  // same formula, libm's erfc against scipy's
        #expect(r.evaluations == scipy.points && r.converged)
    }

    @Test func gridSearchKeepsTheFirstOfTiedPoints() throws {
        // Minimal on the whole line x₁ + x₂ = 3; the first in lexicographic order is (0, 3).
        let r = try GridSearch.minimize({ x in abs(x[0] + x[1] - 3) }, lower: [0, 0], upper: [5, 5])
        #expect(r.x == [0, 3])
        #expect(r.evaluations == 36 && r.iterations == 36)
    }

    @Test func gridSearchRefusesBoxesBeyondItsBudgetAndFractionalBounds() {
        func message(_ lower: [Double], _ upper: [Double], max: Int = 100_000) -> String {
            var options = GridSearch.Options()
            options.maxEvaluations = max
            do {
                _ = try GridSearch.minimize({ _ in 0 }, lower: lower, upper: upper, options: options);
                return "(no error)"
            } catch let error as OptimizationError { return error.message } catch { return "\(error)" }
        }
        #expect(
            message([0, 0], [999, 999])
                == "grid_search: the box holds 1000000 points, more than max_evaluations (100000); narrow 'lower' and 'upper' or raise 'max_evaluations'"
        )
        #expect(message([0, 0, 0], [1e7, 1e7, 1e7]).hasPrefix("grid_search: the box holds 1.00000030"))
        #expect(message([-1e15, -1e15, -1e15], [1e15, 1e15, 1e15]).hasPrefix("grid_search: the box holds 8.0"))
        #expect(
            message([0, 0.5], [3, 4])
                == "grid_search searches whole numbers: option 'lower' must be a whole number for variable 2, got 0.5")
        #expect(message([0], [.infinity]) == "grid_search needs finite bounds: option 'upper' is inf for variable 1")
        #expect(message([0, 0], [3]) == "grid_search: option 'upper' has 1 values for 2 variables")
    }

    @Test func coordinateSearchReachesTheExhaustiveMinimum() throws {
        let target = try GridSearch.minimize(TestFunctions.reorderPointCost, lower: Self.lower, upper: Self.upper)
        for (start, step) in [
            ([50.0, 250.0], 1), ([50, 250], 16), ([100, 200], 32), ([40, 450], 8), ([70, 330], 1),
        ] {
            var options = CoordinateSearch.Options()
            options.lower = Self.lower
            options.upper = Self.upper
            options.initialStep = step
            let r = try CoordinateSearch.minimize(TestFunctions.reorderPointCost, start: start, options: options)
            #expect(r.converged)
            #expect(r.x == target.x, "from \(start) with step \(step): \(r.x) after \(r.evaluations) evaluations")
            #expect(r.evaluations < 400)
        }
    }

    // Each point is evaluated once per run: a simulated objective is not re-run at a point it has seen.
    @Test func coordinateSearchNeverEvaluatesAPointTwice() throws {
        var seen: [[Double]: Int] = [:]
        var noise: UInt64 = 7
        let noisy: ([Double]) -> Double = { x in
            seen[x, default: 0] += 1
            noise = noise &* 6364136223846793005 &+ 1442695040888963407
            return (x[0] - 4) * (x[0] - 4) + (x[1] + 2) * (x[1] + 2) + 0.3 * Double(noise >> 11) * 0x1.0p-53
        }
        var options = CoordinateSearch.Options()
        options.initialStep = 4
        let r = try CoordinateSearch.minimize(noisy, start: [-10, 10], options: options)
        #expect(seen.values.allSatisfy { $0 == 1 })
        #expect(r.evaluations == seen.count)
        #expect(abs(r.x[0] - 4) <= 1 && abs(r.x[1] + 2) <= 1)  // noise of 0.3 hides the difference of ±1 at most
    }

    @Test func coordinateSearchStopsAtItsBudgetsAndExplainsBadStarts() {
        var options = CoordinateSearch.Options()
        options.maxEvaluations = 10
        let short = try? CoordinateSearch.minimize({ x in (x[0] - 100) * (x[0] - 100) }, start: [0], options: options)
        #expect(short?.converged == false && short?.evaluations == 10 && short?.x == [9])
        #expect(short?.message == "stopped after max_evaluations (10)")

        func message(_ start: [Double], lower: [Double]? = nil, upper: [Double]? = nil) -> String {
            var options = CoordinateSearch.Options()
            options.lower = lower
            options.upper = upper
            do {
                _ = try CoordinateSearch.minimize({ $0[0] }, start: start, options: options); return "(no error)"
            } catch let error as OptimizationError { return error.message } catch { return "\(error)" }
        }
        #expect(
            message([1.5])
                == "coordinate_search searches whole numbers: x0 must be whole numbers, got 1.5 for variable 1")
        #expect(
            message([12], lower: [0], upper: [10])
                == "coordinate_search: x0 is 12 for variable 1, outside its bounds [0, 10]")
        #expect(
            message([2], lower: [0], upper: [10.5])
                == "coordinate_search searches whole numbers: option 'upper' must be a whole number for variable 1, got 10.5"
        )
        #expect(
            message([2], lower: [3], upper: [1])
                == "coordinate_search: option 'lower' (3.0) is above option 'upper' (1.0) for variable 1")
        // Unbounded below: it walks down to the first whole number where f stops falling... never, so the budget ends it.
        #expect(message([2]) == "(no error)")
    }
}
