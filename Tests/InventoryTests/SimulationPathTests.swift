import Testing

@testable import Inventory

/// Demand from given paths (forecast sample paths, scenarios), and common random numbers.
@Suite struct SimulationPathTests {
    /// Base stock 10, lead time 0, h = 1, p = 4 on demand 4, 12, 0, 7: the net stock
    /// ends at 6, −2, 10, 3; orders of 4 and 12 in periods 2 and 3.
    static func worked(_ paths: [[Double]]) -> PolicySimulation {
        var sim = PolicySimulation(policy: .baseStock(level: 10), demandPaths: paths)
        sim.holdingCost = 1
        sim.stockoutCost = 4
        sim.fixedCost = 2
        sim.periods = 4
        sim.warmup = 0
        sim.replications = 2
        sim.trace = true
        return sim
    }

    @Test func identicalPathsGiveTheDeterministicRun() throws {
        let r = try Self.worked([[4, 12, 0, 7], [4, 12, 0, 7]]).run()
        #expect(r.holdingCost == .init(mean: 19.0 / 4, halfWidth: 0))
        #expect(r.stockoutCost == .init(mean: 8.0 / 4, halfWidth: 0))
        #expect(r.orderingCost == .init(mean: 4.0 / 4, halfWidth: 0))
        #expect(r.cost == .init(mean: 31.0 / 4, halfWidth: 0))
        #expect(r.periodServiceLevel.mean == 0.75 && r.fillRate.mean == 21.0 / 23 && r.orderFrequency.mean == 0.5)
        // Orders arrive in periods 2 and 3: one complete cycle per run, and it ran short.
        #expect(r.cycleServiceLevel == .init(mean: 0, halfWidth: 0) && r.cyclesCounted == 2)
        #expect(r.trace?.ordered == [0, 4, 12, 0] && r.trace?.backordered == [0, 2, 0, 0])
    }

    @Test func negativeDemandIsReadAsZero() throws {
        let clipped = try Self.worked([[4, 12, -3, 7], [4, 12, -3, 7]]).run()
        #expect(clipped == (try Self.worked([[4, 12, 0, 7], [4, 12, 0, 7]]).run()))
    }

    @Test func replicationsCycleThroughThePaths() throws {
        var sim = Self.worked([[4, 12, 0, 7], [1, 1, 1, 1]])
        sim.replications = 4
        let r = try sim.run()
        // Paths 1, 2, 1, 2: holding 19/4 and 36/4 twice each.
        #expect(abs(r.holdingCost.mean - (19.0 + 36.0) / 8) < 1e-12)
        #expect(r.holdingCost.halfWidth > 0)
        #expect(r.trace?.demand == [4, 12, 0, 7])
        // Lead times drawn on their own stream leave the paths alone.
        sim.leadTimeDistribution = .poisson(mean: 1)
        #expect(try sim.run().trace?.demand == [4, 12, 0, 7])
    }

    @Test func everyPolicyTriedWithASeedSeesTheSameDemandAndLeadTimes() throws {
        // Common random numbers: the demand and arrivals do not depend on the policy.
        var sim = PolicySimulation(
            policy: .sS(reorderPoint: 4, orderUpTo: 10), demand: .negativeBinomial(size: 3, probability: 0.3))
        sim.leadTimeDistribution = .empirical([1, 2, 4])
        sim.periods = 300
        sim.seed = 5
        sim.trace = true
        let a = try sim.run()
        #expect(try sim.run() == a)
        sim.policy = .sS(reorderPoint: 9, orderUpTo: 30)
        let b = try sim.run()
        #expect(b.trace?.demand == a.trace?.demand)
        #expect(b.cost != a.cost)
    }

    @Test func badPathsAreExplained() {
        let cases: [([[Double]], Int, Int, String)] = [
            ([], 4, 0, "at least one path"),
            ([[1, 2, 3, 4], []], 4, 0, "path 2 is empty"),
            ([[1, 2, 3, 4], [1, 2]], 2, 0, "path 2 has 2"),
            ([[1, 2, .nan, 4]], 4, 0, "period 3"),
            ([[1, 2, 3, 4]], 4, 1, "exceed the paths' length (4)"),
        ]
        for (paths, periods, warmup, words) in cases {
            var sim = PolicySimulation(policy: .baseStock(level: 5), demandPaths: paths)
            sim.periods = periods
            sim.warmup = warmup
            let error = #expect(throws: InventoryError.self) { try sim.run() }
            #expect(error?.message.contains(words) == true, "\(String(describing: error))")
        }
    }
}
