import Testing

@testable import Inventory

/// The simulator against the analytic models it must reproduce in steady state.
@Suite struct SimulationTests {
    @Test func baseStockCostMatchesTheNewsvendorOnLeadTimeDemand() throws {
        // Normal N(50, 8) per period, lead time 2, h = 0.18, p = 0.70: stockpyl's 161.4384 at cost 3.45995.
        var sim = PolicySimulation(policy: .baseStock(level: 161.43838719726114), demand: .normal(mean: 50, sd: 8))
        sim.leadTime = 2
        sim.holdingCost = 0.18
        sim.stockoutCost = 0.70
        sim.periods = 20_000
        sim.replications = 20
        sim.seed = 1
        let r = try sim.run()
        #expect(abs(r.cost.mean - 3.45995368804539) < max(3 * r.cost.halfWidth, 0.02))
        #expect(r.cost.halfWidth < 0.03)
        #expect(abs(r.periodServiceLevel.mean - 0.7955) < 0.01)  // P(no shortage in a period) = the critical ratio
        // An order arrives every period, so every cycle is one period long and the measures agree.
        let perCycle = try #require(r.cycleServiceLevel)
        #expect(abs(perCycle.mean - r.periodServiceLevel.mean) < 1e-3)
    }

    @Test func ssCostMatchesZhengFedergruen() throws {
        // Poisson(6), h = 1, p = 4, K = 5, L = 0: (4, 10) costs 8.0341 per period.
        var sim = PolicySimulation(policy: .sS(reorderPoint: 4, orderUpTo: 10), demand: .poisson(mean: 6))
        sim.holdingCost = 1
        sim.stockoutCost = 4
        sim.fixedCost = 5
        sim.periods = 20_000
        sim.replications = 20
        sim.seed = 2
        let r = try sim.run()
        #expect(abs(r.cost.mean - 8.034111561471642) < max(3 * r.cost.halfWidth, 0.03))
        // A worse policy costs more.
        sim.policy = .sS(reorderPoint: 1, orderUpTo: 20)
        #expect(try sim.run().cost.mean > r.cost.mean)
    }

    @Test func lostSalesTracesAndReproducibility() throws {
        var sim = PolicySimulation(policy: .rQ(reorderPoint: 20, orderQuantity: 30), demand: .poisson(mean: 8))
        sim.leadTime = 1
        sim.backorders = false
        sim.holdingCost = 1
        sim.stockoutCost = 10
        sim.fixedCost = 20
        sim.periods = 500
        sim.seed = 9
        sim.trace = true
        let a = try sim.run(), b = try sim.run()
        #expect(a == b)
        let trace = try #require(a.trace)
        #expect(trace.onHand.count == 600)
        #expect(trace.backordered.allSatisfy { $0 == 0 })  // lost sales never backorder
        #expect(a.fillRate.mean > 0.9 && a.fillRate.mean <= 1)
        sim.seed = 10
        #expect(try sim.run() != a)
    }

    @Test func badSettingsAreExplained() {
        var sim = PolicySimulation(policy: .sS(reorderPoint: 5, orderUpTo: 5), demand: .poisson(mean: 3))
        #expect(throws: InventoryError.self) { try sim.run() }
        sim.policy = .baseStock(level: 10)
        sim.replications = 1
        #expect(throws: InventoryError.self) { try sim.run() }
    }
}
