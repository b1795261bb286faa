import AlmanacCore
import Foundation
import Testing

@testable import Inventory

@Suite struct ReorderPointTests {
    @Test func cycleServiceWithNormalDemandIsMeanPlusZSigma() throws {
        // 4 periods of N(100, 20): lead-time demand N(400, 40); 95% → r = 400 + 1.6449·40.
        let ltd = try ReorderPoint.leadTimeDemand(perPeriod: .normal(mean: 100, sd: 20), leadTime: 4)
        #expect(ltd == .normal(mean: 400, sd: 40))
        let r = try ReorderPoint(leadTimeDemand: ltd, service: .cycle(0.95)).solve()
        #expect(abs(r.reorderPoint - (400 + 1.6448536269514722 * 40)) < 1e-9)
        #expect(abs(r.safetyStock - 1.6448536269514722 * 40) < 1e-9)
        #expect(abs(r.cycleServiceLevel - 0.95) < 1e-12)
    }

    @Test func fillRateMeetsItsShortageBudgetExactly() throws {
        let ltd = Distribution.normal(mean: 400, sd: 40)
        let r = try ReorderPoint(leadTimeDemand: ltd, service: .fillRate(0.99, orderQuantity: 500)).solve()
        // n(r) = (1 − β)Q = 5 units short per cycle: σ·L(z) = 5 → L(z) = 0.125.
        #expect(abs(r.expectedShortagePerCycle - 5) < 1e-9)
        #expect(abs(r.fillRate - 0.99) < 1e-12)
        #expect(abs(40 * Distribution.standardNormalLoss((r.reorderPoint - 400) / 40) - 5) < 1e-9)
        // Discrete demand: the smallest whole r meeting the budget.
        let p = try ReorderPoint(leadTimeDemand: .poisson(mean: 24), service: .fillRate(0.98, orderQuantity: 60))
            .solve()
        let d = Distribution.poisson(mean: 24)
        #expect(p.reorderPoint == p.reorderPoint.rounded())
        #expect(d.loss(p.reorderPoint).shortage <= 0.02 * 60 && d.loss(p.reorderPoint - 1).shortage > 0.02 * 60)
    }

    @Test func randomLeadTimesAddTheirVariance() throws {
        // E[L] = 4, sd(L) = 1; demand N(100, 20): Var = 4·400 + 100²·1 = 11,600.
        let ltd = try ReorderPoint.leadTimeDemand(perPeriod: .normal(mean: 100, sd: 20), leadTime: 4, sd: 1)
        #expect(ltd == .normal(mean: 400, sd: 11_600.0.squareRoot()))
        // Checked by simulation: the 95% quantile of simulated lead-time demand.
        var g = SeededGenerator(seed: 3)
        var sums: [Double] = []
        for _ in 0..<100_000 {
            let l = max(1, Int((4 + g.nextNormal()).rounded()))  // whole periods, mean ≈ 4, sd ≈ 1
            sums.append((0..<l).reduce(0) { acc, _ in acc + g.nextNormal(mean: 100, sd: 20) })
        }
        let simulated = Distribution.empirical(sums.sorted()).quantile(0.95)
        let r = try ReorderPoint(leadTimeDemand: ltd, service: .cycle(0.95)).solve().reorderPoint
        #expect(abs(simulated - r) / r < 0.02)  // the normal approximation, within 2%
    }

    @Test func wholePeriodsForDiscreteDemandAndClearErrors() throws {
        #expect(try ReorderPoint.leadTimeDemand(perPeriod: .poisson(mean: 6), leadTime: 3) == .poisson(mean: 18))
        #expect(throws: InventoryError.self) {
            try ReorderPoint.leadTimeDemand(perPeriod: .poisson(mean: 6), leadTime: 2.5)
        }
        #expect(throws: InventoryError.self) { try ReorderPoint(leadTimeDemand: .poisson(mean: 6), service: .cycle(1)) }
        #expect(throws: InventoryError.self) {
            try ReorderPoint(leadTimeDemand: .poisson(mean: 6), service: .fillRate(0.9, orderQuantity: 0))
        }
    }
}
