import Testing

@testable import Inventory

/// The textbook values shared/anchors.md records (Snyder & Shen, as stockpyl 1.0.2 computes them).
@Suite struct PolicyAnchorTests {
    @Test func newsvendorNormalTextbookInstance() throws {
        // h = 0.18, p = 0.70, D ~ N(50, 8) → S* = 56.6040, cost 1.99761.
        let nv = try Newsvendor(holdingCost: 0.18, stockoutCost: 0.70, demand: .normal(mean: 50, sd: 8))
        #expect(abs(nv.optimalOrder - 56.6040) < 5e-5)
        #expect(abs(nv.evaluate(nv.optimalOrder).cost - 1.99761) < 5e-6)
    }

    @Test func zhengFedergruenTextbookInstance() throws {
        // h = 1, p = 4, K = 5, D ~ Poisson(6) → (s, S) = (4, 10), cost 8.03411.
        let r = try ZhengFedergruen.optimize(holdingCost: 1, stockoutCost: 4, fixedCost: 5, demand: .poisson(mean: 6))
        #expect(r.reorderPoint == 4 && r.orderUpToLevel == 10)
        #expect(abs(r.cost - 8.03411) < 5e-6)
    }

    /// The search against every (s, S) on a grid, with the same cost formula.
    @Test(arguments: [(6.0, 5.0), (20.0, 30.0), (50.0, 100.0)])
    func zhengFedergruenBeatsEveryPairOnAGrid(_ mean: Double, _ k: Double) throws {
        let r = try ZhengFedergruen.optimize(
            holdingCost: 1, stockoutCost: 4, fixedCost: k, demand: .poisson(mean: mean))
        let model = ZhengFedergruen.Model(h: 1, p: 4, k: k, demand: .poisson(mean: mean))
        var best = Double.infinity
        for s in 0..<Int(2 * mean) {
            for S in (s + 1)..<Int(3 * mean + 20) { best = min(best, model.cost(s, S)) }
        }
        #expect(abs(r.cost - best) < 1e-9)
    }
}
