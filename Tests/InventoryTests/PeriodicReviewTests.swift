import AlmanacCore
import Inventory
import Testing

/// The (R, S) policy: the closed form against a plain simulation written here (independent
/// of PolicySimulation), and the optimality condition.
@Suite struct PeriodicReviewTests {
    /// Average end-of-period cost of ordering up to `s` every `r` periods, lead time `l`, by simulation.
    static func simulatedCost(s: Double, r: Int, l: Int, demand: Distribution, h: Double, p: Double, periods: Int)
        -> Double
    {
        var g = SeededGenerator(seed: 7)
        var net = s, pipeline = [Double](repeating: 0, count: l + 1), onOrder = 0.0, total = 0.0
        let warmup = 1000
        for t in 0..<(periods + warmup) {
            if t % r == 0 {
                let q = max(0, s - (net + onOrder))
                pipeline[(t + l) % (l + 1)] += q
                onOrder += q
            }
            let arriving = pipeline[t % (l + 1)]
            pipeline[t % (l + 1)] = 0
            onOrder -= arriving
            net += arriving
            net -= demand.sample(using: &g)
            if t >= warmup { total += h * max(net, 0) + p * max(-net, 0) }
        }
        return total / Double(periods)
    }

    @Test func poissonMatchesSimulationAndIsOptimal() throws {
        let m = try PeriodicReview(
            holdingCost: 1, stockoutCost: 9, demand: .poisson(mean: 6), leadTime: 1, reviewPeriod: 4)
        let s = m.optimalLevel
        #expect(s == 32)
        // 2 million periods: the standard error of the mean cost is about 0.02 here; allow 0.1.
        let simulated = Self.simulatedCost(s: s, r: 4, l: 1, demand: .poisson(mean: 6), h: 1, p: 9, periods: 2_000_000)
        #expect(abs(simulated - m.cost(s)) < 0.1, "simulated \(simulated) vs \(m.cost(s))")
        #expect(m.cost(s - 1) > m.cost(s) && m.cost(s + 1) > m.cost(s))
        // R = 1 is the base-stock policy.
        let one = try PeriodicReview(
            holdingCost: 1, stockoutCost: 9, demand: .poisson(mean: 6), leadTime: 1, reviewPeriod: 1)
        let base = try BaseStock(holdingCost: 1, stockoutCost: 9, demand: .poisson(mean: 6), leadTime: 1)
        #expect(one.optimalLevel == base.newsvendor.optimalOrder)
        #expect(abs(one.cost(17) - base.newsvendor.evaluate(17).cost) < 1e-12)
    }

    @Test func normalMeetsTheCriticalRatioOnAverage() throws {
        let m = try PeriodicReview(
            holdingCost: 1, stockoutCost: 9, demand: .normal(mean: 10, sd: 3), leadTime: 2, reviewPeriod: 3)
        let s = m.optimalLevel
        #expect(abs(m.meanCDF(s) - 0.9) < 1e-10)
        #expect(m.cost(s - 0.5) > m.cost(s) && m.cost(s + 0.5) > m.cost(s))
        let simulated = Self.simulatedCost(
            s: s, r: 3, l: 2, demand: .normal(mean: 10, sd: 3), h: 1, p: 9, periods: 1_000_000)
        #expect(abs(simulated - m.cost(s)) < 0.15, "simulated \(simulated) vs \(m.cost(s))")
    }

    @Test func badInput() {
        #expect(throws: InventoryError.self) {
            try PeriodicReview(holdingCost: 1, stockoutCost: 9, demand: .poisson(mean: 6), leadTime: 1, reviewPeriod: 0)
        }
        #expect(throws: InventoryError.self) {
            try PeriodicReview(
                holdingCost: 1, stockoutCost: 9, demand: .poisson(mean: 6), leadTime: -1, reviewPeriod: 2)
        }
    }
}
