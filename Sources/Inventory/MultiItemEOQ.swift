/// EOQ for many items sharing a limit on the money or space tied up in stock
/// (Snyder & Shen §3.6): minimise Σ (K_i λ_i / Q_i + h_i Q_i / 2) subject to
/// Σ a_i Q_i ≤ B, where a_i is what one unit of item i uses of the shared
/// resource: its unit cost for a budget on the value of an order cycle's
/// orders, or its volume for a warehouse-space limit.
/// With a Lagrange multiplier θ ≥ 0 for the limit: Q_i(θ) = √(2K_iλ_i / (h_i + 2θa_i)),
/// and θ is the smallest value that meets the limit (0 when the plain EOQs already do),
/// found by bisection on the decreasing Σ a_i Q_i(θ).
public enum MultiItemEOQ {
    public struct Item: Sendable, Equatable {
        public let fixedCost: Double, holdingCost: Double, demandRate: Double
        /// Resource used per unit ordered (money or space).
        public let usage: Double

        public init(fixedCost: Double, holdingCost: Double, demandRate: Double, usage: Double) {
            self.fixedCost = fixedCost
            self.holdingCost = holdingCost
            self.demandRate = demandRate
            self.usage = usage
        }
    }

    public struct Solution: Sendable, Equatable {
        public let orderQuantities: [Double]
        /// Ordering + holding cost per unit time of all items.
        public let cost: Double
        /// θ: what one more unit of the resource would save per unit time (0 when the limit is slack).
        public let multiplier: Double
        public let resourceUsed: Double
    }

    public static func solve(_ items: [Item], limit: Double) throws(InventoryError) -> Solution {
        guard !items.isEmpty else { throw InventoryError("multi-item EOQ: there are no items") }
        try requirePositive(limit, "limit")
        for (i, item) in items.enumerated() {
            for (value, name) in [
                (item.fixedCost, "fixed_cost"), (item.holdingCost, "holding_cost"), (item.demandRate, "demand_rate"),
                (item.usage, "usage"),
            ] {
                guard value.isFinite, value > 0 else {
                    throw InventoryError("item \(i + 1): \(name) must be a positive number, got \(value)")
                }
            }
        }
        func quantities(_ theta: Double) -> [Double] {
            items.map { (2 * $0.fixedCost * $0.demandRate / ($0.holdingCost + 2 * theta * $0.usage)).squareRoot() }
        }
        func used(_ q: [Double]) -> Double { zip(items, q).reduce(0) { $0 + $1.0.usage * $1.1 } }
        var theta = 0.0
        var q = quantities(0)
        if used(q) > limit {
            var lo = 0.0, hi = 1.0
            while used(quantities(hi)) > limit { hi *= 2 }
            for _ in 0..<200 {
                let mid = (lo + hi) / 2
                if used(quantities(mid)) > limit { lo = mid } else { hi = mid }
                if hi - lo <= 1e-15 * hi { break }
            }
            theta = hi
            q = quantities(theta)
        }
        let cost = zip(items, q).reduce(0) {
            $0 + $1.0.fixedCost * $1.0.demandRate / $1.1 + $1.0.holdingCost * $1.1 / 2
        }
        return Solution(orderQuantities: q, cost: cost, multiplier: theta, resourceUsed: used(q))
    }
}
