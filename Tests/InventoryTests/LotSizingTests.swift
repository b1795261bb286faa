import Testing

@testable import Inventory

@Suite struct LotSizingTests {
    /// Every subset of order periods (period 1 always orders) for small instances.
    func bruteForce(_ demand: [Double], _ k: Double, _ h: [Double]) -> Double {
        let t = demand.count
        var best = Double.infinity
        for mask in 0..<(1 << (t - 1)) {
            var starts = [0]
            for i in 1..<t where mask & (1 << (i - 1)) != 0 { starts.append(i) }
            best = min(best, LotSizing.plan(demand, h, k, starts: starts).cost)
        }
        return best
    }

    @Test func wagnerWhitinIsOptimal() throws {
        let cases: [([Double], Double, [Double])] = [
            ([90, 120, 80, 70], 500, [2]),
            ([20, 50, 10, 50, 50, 10, 20, 40, 20, 30], 100, [1]),
            ([0, 40, 0, 0, 60, 10, 0, 80], 75, [0.5, 0.5, 1, 1, 2, 2, 1, 1]),
            ([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5], 30, [3]),
        ]
        for (demand, k, h) in cases {
            let plan = try LotSizing.wagnerWhitin(demand: demand, fixedCost: k, holdingCost: h)
            let hh = h.count == 1 ? [Double](repeating: h[0], count: demand.count) : h
            #expect(abs(plan.cost - bruteForce(demand, k, hh)) < 1e-9)
            #expect(plan.orderQuantities.reduce(0, +) == demand.reduce(0, +))
            #expect(plan.orderPeriods.first == 1)
        }
    }

    @Test func heuristicsAreFeasibleAndNoBetterThanOptimal() throws {
        let demand: [Double] = [20, 50, 10, 50, 50, 10, 20, 40, 20, 30]
        let best = try LotSizing.wagnerWhitin(demand: demand, fixedCost: 100, holdingCost: [1]).cost
        for plan in [
            try LotSizing.silverMeal(demand: demand, fixedCost: 100, holdingCost: [1]),
            try LotSizing.leastUnitCost(demand: demand, fixedCost: 100, holdingCost: [1]),
        ] {
            #expect(plan.cost >= best - 1e-9)
            #expect(plan.orderQuantities.reduce(0, +) == demand.reduce(0, +))
        }
    }

    @Test func badInputIsExplained() {
        #expect(throws: InventoryError.self) { try LotSizing.wagnerWhitin(demand: [], fixedCost: 1, holdingCost: [1]) }
        #expect(throws: InventoryError.self) {
            try LotSizing.wagnerWhitin(demand: [1, -2], fixedCost: 1, holdingCost: [1])
        }
        do { _ = try LotSizing.wagnerWhitin(demand: [1, 2, 3], fixedCost: 1, holdingCost: [1, 1]) } catch {
            #expect(error.message == "holding_cost has 2 values for 3 periods; give one, or one per period")
        }
    }

    @Test func quantityDiscountsPickTheCheapestRegion() throws {
        for kind in [QuantityDiscountEOQ.Kind.allUnits, .incremental] {
            let m = try QuantityDiscountEOQ(
                fixedCost: 150, holdingCostRate: 0.25, demandRate: 2400, breakpoints: [0, 100, 200],
                unitCosts: [100, 90, 80], kind: kind)
            let r = m.optimize()
            // A fine scan of the cost curve finds nothing cheaper.
            var q = 1.0, best = Double.infinity
            while q < 2000 { best = min(best, m.cost(q)); q += 0.05 }
            #expect(r.cost <= best + 1e-6, "\(kind)")
            #expect(abs(m.cost(r.orderQuantity) - r.cost) < 1e-9)
        }
        #expect(throws: InventoryError.self) {
            try QuantityDiscountEOQ(
                fixedCost: 1, holdingCostRate: 0.2, demandRate: 10, breakpoints: [10, 100], unitCosts: [5, 4],
                kind: .allUnits)
        }
    }

    @Test func epqClosedForm() throws {
        let m = try EPQ(fixedCost: 8, holdingCost: 0.225, demandRate: 1300, productionRate: 1900)
        let q = m.orderQuantity
        let cost = { (q: Double) in 8 * 1300 / q + 0.225 * (1 - 1300.0 / 1900) * q / 2 }
        #expect(abs(cost(q) - m.optimalCost) < 1e-9)
        #expect(cost(q * 1.01) > m.optimalCost && cost(q * 0.99) > m.optimalCost)
        #expect(throws: InventoryError.self) {
            try EPQ(fixedCost: 8, holdingCost: 0.225, demandRate: 1300, productionRate: 1000)
        }
    }
}
