import Testing

@testable import Inventory

/// Service per replenishment cycle (type 1) beside service per period: a cycle runs
/// from one order's arrival to the period before the next arrival.
@Suite struct SimulationCycleServiceTests {
    /// (r, Q) = (3, 4), lead time 1, starting with r + Q = 7 on hand; demand 3, 2, 0, 4, 5, 0, 1, 2.
    /// Period by period (0-based): orders of 4 in periods 2, 4 and 5 arrive in 3, 5 and 6;
    /// period 4 runs short by 3 (5 against 2 on hand). The cycles:
    /// periods 0–2 come before the first arrival (a partial cycle, not counted);
    /// 3–4 is a cycle with a shortage; 5 alone is a cycle with no demand at all (no shortage);
    /// 6–7 has no next arrival before the run ends (a partial cycle, not counted).
    static func worked(warmup: Int) -> PolicySimulation {
        let path: [Double] = [3, 2, 0, 4, 5, 0, 1, 2]
        var sim = PolicySimulation(policy: .rQ(reorderPoint: 3, orderQuantity: 4), demandPaths: [path, path])
        sim.leadTime = 1
        sim.warmup = warmup
        sim.periods = path.count - warmup
        sim.replications = 2
        sim.trace = true
        return sim
    }

    @Test func cyclesAreCountedFromArrivalToArrival() throws {
        let r = try Self.worked(warmup: 0).run()
        #expect(r.trace?.ordered == [0, 0, 4, 0, 4, 4, 0, 0] && r.trace?.short == [0, 0, 0, 0, 3, 0, 0, 0])
        // Two complete cycles per run, one of them short; two identical runs.
        #expect(r.cyclesCounted == 4)
        #expect(r.cycleServiceLevel == .init(mean: 0.5, halfWidth: 0))
        #expect(r.periodServiceLevel == .init(mean: 7.0 / 8, halfWidth: 0))
    }

    @Test func aCycleThatBeganInTheWarmUpIsNotCounted() throws {
        // Measuring from period 4: the short period 4 belongs to the cycle that began in
        // period 3, before the warm-up ended, so only the demand-free cycle of period 5 counts.
        let r = try Self.worked(warmup: 4).run()
        #expect(r.cyclesCounted == 2)
        #expect(r.cycleServiceLevel == .init(mean: 1, halfWidth: 0))
        #expect(r.periodServiceLevel == .init(mean: 3.0 / 4, halfWidth: 0))
    }

    @Test func withoutACompleteCycleThereIsNoEstimate() throws {
        var sim = PolicySimulation(policy: .sS(reorderPoint: 2, orderUpTo: 10), demandPaths: [[1, 1, 1], [0, 2, 0]])
        sim.warmup = 0
        sim.periods = 3
        let r = try sim.run()
        #expect(r.cyclesCounted == 0 && r.cycleServiceLevel == nil)
        #expect(r.periodServiceLevel.mean == 1)
    }

    /// Demand of 0 or 1 a period (each half the time), so the position reaches r exactly and
    /// at most one order is out at a time (Q = 20 ≫ 4 periods of demand). A cycle then runs
    /// short exactly when the 4 periods of demand after the order exceed r = 2:
    /// type 1 service = P(Binomial(4, ½) ≤ 2) = 11/16. Per period it is far higher.
    @Test func rQCycleServiceIsTheLeadTimeDemandQuantile() throws {
        var sim = PolicySimulation(policy: .rQ(reorderPoint: 2, orderQuantity: 20), demand: .empirical([0, 1]))
        sim.leadTime = 4
        sim.periods = 400_000
        sim.replications = 10
        sim.seed = 3
        let r = try sim.run()
        let perCycle = try #require(r.cycleServiceLevel)
        #expect(
            abs(perCycle.mean - 11.0 / 16) < 3 * perCycle.halfWidth,
            "simulated \(perCycle.mean) ± \(perCycle.halfWidth)")
        #expect(perCycle.halfWidth < 0.005)
        // 20 units an order at ½ a period: one cycle every 40 periods.
        #expect(abs(Double(r.cyclesCounted) - 4_000_000.0 / 40) < 1000)
        #expect(r.periodServiceLevel.mean > 0.98)
    }

    @Test func theRatioEstimatorPoolsCyclesAcrossRuns() throws {
        // Runs with 10 and 30 cycles, 9 and 21 without a shortage: 30 / 40, not the mean of 0.9 and 0.7.
        let estimate = try #require(PolicySimulation.Estimate.ratio([9, 21], over: [10, 30]))
        #expect(abs(estimate.mean - 0.75) < 1e-15)
        // Residuals 9 − 7.5 and 21 − 22.5: sd √4.5, over √2 · mean cycles 20, times t(1) = 12.706.
        #expect(abs(estimate.halfWidth - 12.706 * 4.5.squareRoot() / (2.0.squareRoot() * 20)) < 1e-12)
        #expect(PolicySimulation.Estimate.ratio([0, 0], over: [0, 0]) == nil)
    }
}
