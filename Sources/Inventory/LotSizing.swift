/// Lot sizing for known, time-varying demand: when to order and how much,
/// trading a fixed cost per order against holding (Snyder & Shen §3.7).
public struct LotSizingPlan: Sendable, Equatable {
    /// 1-based periods in which an order is placed.
    public let orderPeriods: [Int]
    /// The order placed in each period (0 when none).
    public let orderQuantities: [Double]
    public let cost: Double
}

public enum LotSizing {
    /// One value for every period, or one per period, checked ≥ 0.
    static func perPeriod(_ values: [Double], _ name: String, periods: Int) throws(InventoryError) -> [Double] {
        let v = values.count == 1 ? [Double](repeating: values[0], count: periods) : values
        guard v.count == periods else {
            throw InventoryError(
                "\(name) has \(values.count) values for \(periods) periods; give one, or one per period")
        }
        if let i = v.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw InventoryError("\(name) in period \(i + 1) must be ≥ 0, got \(v[i])")
        }
        return v
    }

    /// Checks the common inputs; returns the per-period holding costs.
    static func validate(demand: [Double], fixedCost: Double, holdingCost: [Double]) throws(InventoryError) -> [Double]
    {
        guard !demand.isEmpty else { throw InventoryError("demand is empty: give one number per period") }
        if let i = demand.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw InventoryError("demand in period \(i + 1) must be a finite number ≥ 0, got \(demand[i])")
        }
        guard fixedCost.isFinite, fixedCost >= 0 else {
            throw InventoryError("fixed_cost must be ≥ 0, got \(fixedCost)")
        }
        return try perPeriod(holdingCost, "holding_cost", periods: demand.count)
    }

    /// Cost of ordering in `start` (0-based) the demand of periods start...end.
    static func segmentCost(_ demand: [Double], _ h: [Double], _ k: Double, _ start: Int, _ end: Int) -> Double {
        var holding = 0.0, carried = 0.0
        // Units for period j are held through periods start...j−1.
        for j in stride(from: end, to: start, by: -1) {
            carried += demand[j]
            holding += h[j - 1] * carried
        }
        return k + holding
    }

    static func plan(_ demand: [Double], _ h: [Double], _ k: Double, starts: [Int]) -> LotSizingPlan {
        var quantities = [Double](repeating: 0, count: demand.count)
        var cost = 0.0
        for (i, start) in starts.enumerated() {
            let end = i + 1 < starts.count ? starts[i + 1] - 1 : demand.count - 1
            quantities[start] = demand[start...end].reduce(0, +)
            cost += segmentCost(demand, h, k, start, end)
        }
        return LotSizingPlan(orderPeriods: starts.map { $0 + 1 }, orderQuantities: quantities, cost: cost)
    }

    /// Wagner–Whitin (1958): the optimal plan by dynamic programming over the last
    /// order period, O(T²). Periods without demand never need an order of their own.
    /// `purchaseCost` (per unit, one value or one per period) is paid in the period
    /// the unit is ordered; when it varies by period it changes the plan.
    public static func wagnerWhitin(
        demand: [Double], fixedCost k: Double, holdingCost: [Double],
        purchaseCost: [Double] = [0]
    ) throws(InventoryError) -> LotSizingPlan {
        let h = try validate(demand: demand, fixedCost: k, holdingCost: holdingCost)
        let c = try perPeriod(purchaseCost, "purchase_cost", periods: demand.count)
        let t = demand.count
        var best = [Double](repeating: .infinity, count: t + 1)  // best[j]: cost of periods 0..<j
        var from = [Int](repeating: 0, count: t + 1)
        best[0] = 0
        for end in 1...t {
            for start in 0..<end {
                let units = demand[start..<end].reduce(0, +)
                let total = best[start] + segmentCost(demand, h, k, start, end - 1) + c[start] * units
                if total < best[end] - 1e-12 { best[end] = total; from[end] = start }
            }
        }
        var starts: [Int] = []
        var j = t
        while j > 0 { starts.append(from[j]); j = from[j] }
        return withPurchases(plan(demand, h, k, starts: starts.reversed()), c)
    }

    /// Silver–Meal (1973): extend each order while the cost per period covered falls.
    /// The purchase cost is added to the plan's cost (it does not steer the heuristic).
    public static func silverMeal(
        demand: [Double], fixedCost k: Double, holdingCost: [Double],
        purchaseCost: [Double] = [0]
    ) throws(InventoryError) -> LotSizingPlan {
        let h = try validate(demand: demand, fixedCost: k, holdingCost: holdingCost)
        let c = try perPeriod(purchaseCost, "purchase_cost", periods: demand.count)
        return withPurchases(greedy(demand, h, k) { cost, start, end in cost / Double(end - start + 1) }, c)
    }

    /// Least unit cost: extend each order while the cost per unit ordered falls.
    public static func leastUnitCost(
        demand: [Double], fixedCost k: Double, holdingCost: [Double],
        purchaseCost: [Double] = [0]
    ) throws(InventoryError) -> LotSizingPlan {
        let h = try validate(demand: demand, fixedCost: k, holdingCost: holdingCost)
        let c = try perPeriod(purchaseCost, "purchase_cost", periods: demand.count)
        return withPurchases(
            greedy(demand, h, k) { cost, start, end in
                let units = demand[start...end].reduce(0, +)
                return units > 0 ? cost / units : .infinity
            }, c)
    }

    static func withPurchases(_ p: LotSizingPlan, _ c: [Double]) -> LotSizingPlan {
        let purchases = zip(p.orderQuantities, c).reduce(0) { $0 + $1.0 * $1.1 }
        return LotSizingPlan(orderPeriods: p.orderPeriods, orderQuantities: p.orderQuantities, cost: p.cost + purchases)
    }

    static func greedy(
        _ demand: [Double], _ h: [Double], _ k: Double,
        _ criterion: (Double, Int, Int) -> Double
    ) -> LotSizingPlan {
        var starts: [Int] = []
        var start = 0
        while start < demand.count {
            starts.append(start)
            var end = start
            var current = criterion(segmentCost(demand, h, k, start, end), start, end)
            while end + 1 < demand.count {
                let next = criterion(segmentCost(demand, h, k, start, end + 1), start, end + 1)
                if next > current { break }
                current = next
                end += 1
            }
            start = end + 1
        }
        return plan(demand, h, k, starts: starts)
    }
}
