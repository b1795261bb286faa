/// The economic production quantity (Snyder & Shen §3.4): the same trade-off as
/// the EOQ, but the lot arrives at a finite rate P > λ, so the peak stock is Q(1 − λ/P):
/// Q* = √(2Kλ / (h(1 − λ/P))), g* = √(2Kλh(1 − λ/P)).
public struct EPQ: Sendable, Equatable {
    public let base: EOQ
    public let productionRate: Double

    public init(fixedCost: Double, holdingCost: Double, demandRate: Double, productionRate: Double)
        throws(InventoryError)
    {
        base = try EOQ(fixedCost: fixedCost, holdingCost: holdingCost, demandRate: demandRate)
        try requirePositive(productionRate, "production_rate")
        guard productionRate > demandRate else {
            throw InventoryError(
                "production_rate (\(productionRate)) must exceed demand_rate (\(demandRate)), or stock never builds up")
        }
        self.productionRate = productionRate
    }

    private var rho: Double { base.demandRate / productionRate }
    public var orderQuantity: Double {
        (2 * base.fixedCost * base.demandRate / (base.holdingCost * (1 - rho))).squareRoot()
    }
    public var optimalCost: Double {
        (2 * base.fixedCost * base.demandRate * base.holdingCost * (1 - rho)).squareRoot()
    }
}

/// EOQ with quantity discounts (Snyder & Shen §3.5): unit cost c_j applies from
/// breakpoint b_j on; the holding cost is a rate i times the unit cost. All-units:
/// the price of the whole order drops; incremental: only the units beyond each breakpoint.
public struct QuantityDiscountEOQ: Sendable {
    public enum Kind: String, Sendable { case allUnits = "all_units", incremental }

    public let fixedCost: Double
    public let holdingCostRate: Double
    public let demandRate: Double
    public let breakpoints: [Double]
    public let unitCosts: [Double]
    public let kind: Kind

    public init(
        fixedCost: Double, holdingCostRate: Double, demandRate: Double, breakpoints: [Double],
        unitCosts: [Double], kind: Kind
    ) throws(InventoryError) {
        try requirePositive(fixedCost, "fixed_cost")
        try requirePositive(holdingCostRate, "holding_cost_rate")
        try requirePositive(demandRate, "demand_rate")
        guard !breakpoints.isEmpty, breakpoints.count == unitCosts.count else {
            throw InventoryError(
                "breakpoints and unit_costs must be non-empty and of the same length (\(breakpoints.count) and \(unitCosts.count))"
            )
        }
        guard breakpoints[0] == 0 else {
            throw InventoryError("the first breakpoint must be 0 (the price of the first unit), got \(breakpoints[0])")
        }
        for i in 1..<breakpoints.count where !(breakpoints[i] > breakpoints[i - 1]) {
            throw InventoryError("breakpoints must increase, but \(breakpoints[i]) follows \(breakpoints[i - 1])")
        }
        for (i, c) in unitCosts.enumerated() where !(c.isFinite && c > 0) {
            throw InventoryError("unit_costs[\(i + 1)] must be a positive number, got \(c)")
        }
        self.fixedCost = fixedCost
        self.holdingCostRate = holdingCostRate
        self.demandRate = demandRate
        self.breakpoints = breakpoints
        self.unitCosts = unitCosts
        self.kind = kind
    }

    /// Purchase cost of an order of q units.
    public func purchaseCost(_ q: Double) -> Double {
        switch kind {
        case .allUnits:
            let j = breakpoints.lastIndex { $0 <= q } ?? 0
            return unitCosts[j] * q
        case .incremental:
            var total = 0.0
            for j in breakpoints.indices {
                let upper = j + 1 < breakpoints.count ? breakpoints[j + 1] : .infinity
                guard q > breakpoints[j] else { break }
                total += unitCosts[j] * (min(q, upper) - breakpoints[j])
            }
            return total
        }
    }

    /// Total cost per unit time at order quantity q: ordering + purchasing + holding
    /// (holding charged on the average value held, i·(purchase cost of q)/q · q/2).
    public func cost(_ q: Double) -> Double {
        let c = purchaseCost(q)
        return fixedCost * demandRate / q + demandRate * c / q + holdingCostRate * c / 2
    }

    /// The optimal order quantity and its cost: for each price region, its own
    /// stationary point (all-units: the EOQ at that price, pushed up to the breakpoint;
    /// incremental: the EOQ with the fixed cost raised by the region's sunk discount),
    /// kept when it lies in the region, and the best of those.
    public func optimize() -> (orderQuantity: Double, cost: Double, region: Int) {
        var best = (orderQuantity: 0.0, cost: Double.infinity, region: 0)
        for j in breakpoints.indices {
            let lower = breakpoints[j]
            let upper = j + 1 < breakpoints.count ? breakpoints[j + 1] : .infinity
            var q: Double
            switch kind {
            case .allUnits:
                q = (2 * fixedCost * demandRate / (holdingCostRate * unitCosts[j])).squareRoot()
                q = max(q, lower)
                if q >= upper { continue }
            case .incremental:
                // Purchase cost in region j is c_j·q + R_j with R_j = purchaseCost(b_j) − c_j·b_j.
                let sunk = purchaseCost(lower) - unitCosts[j] * lower
                q = (2 * (fixedCost + sunk) * demandRate / (holdingCostRate * unitCosts[j])).squareRoot()
                if q < lower || q >= upper { continue }
            }
            if q <= 0 { continue }
            let c = cost(q)
            if c < best.cost { best = (q, c, j + 1) }
        }
        return best
    }
}
