/// Demand scenarios: `count` paths of `horizon` periods each, path after path
/// (forecast sample paths, or draws from a distribution).
public struct DemandScenarios: Sendable, Equatable {
    public let horizon: Int
    public let count: Int
    public let values: [Double]

    public init(horizon: Int, count: Int, values: [Double]) throws(InventoryError) {
        guard horizon >= 1, count >= 1, values.count == horizon * count else {
            throw InventoryError(
                "demand scenarios: \(values.count) values do not make \(count) paths of \(horizon) periods")
        }
        if let bad = values.first(where: { !$0.isFinite }) {
            throw InventoryError("demand scenarios: a value is \(bad); every demand must be a finite number")
        }
        self.horizon = horizon
        self.count = count
        self.values = values
    }

    /// Demand over the first `periods` periods of path `i`; negative draws count as zero demand.
    func total(path i: Int, periods: Int) -> Double {
        var sum = 0.0
        for t in 0..<periods { sum += max(0, values[i * horizon + t]) }
        return sum
    }
}

/// One SKU's stock: on hand, already ordered, and what a unit is worth.
public struct StockPosition: Sendable, Equatable {
    public var key: String
    public var onHand: Double
    public var onOrder: Double
    public var unitCost: Double
    public init(key: String, onHand: Double, onOrder: Double = 0, unitCost: Double = 1) {
        self.key = key
        self.onHand = onHand
        self.onOrder = onOrder
        self.unitCost = unitCost
    }
}

/// The risks of one SKU's stock against its demand scenarios.
public struct StockRisk: Sendable, Equatable {
    public let key: String
    public let onHand: Double
    public let onOrder: Double
    /// P(demand over the lead time > on hand + on order).
    public let stockoutProbability: Double
    /// E[(demand over the lead time − on hand − on order)⁺].
    public let expectedShortage: Double
    /// Periods until the mean cumulative demand uses up on hand + on order (interpolated); +∞ beyond the scenarios.
    public let periodsOfCover: Double
    /// E[(on hand + on order − demand over the horizon)⁺]: stock still there when the horizon ends.
    public let expectedExcess: Double
    /// Expected shortage × unit cost: what the sort is by.
    public let exposure: Double
    /// Expected excess × unit cost.
    public let excessValue: Double
}

/// Stock-out and overstock risk from demand scenarios, so a forecast's
/// uncertainty (its sample paths) reaches the decision.
public enum StockRiskAnalysis {
    public static func assess(_ position: StockPosition, demand: DemandScenarios, leadTime: Int, horizon: Int)
        throws(InventoryError) -> StockRisk
    {
        let name = position.key.isEmpty ? "risk" : "risk for '\(position.key)'"
        guard leadTime >= 1 else {
            throw InventoryError("\(name): lead_time must be at least 1 period, got \(leadTime)")
        }
        guard horizon >= 1 else { throw InventoryError("\(name): horizon must be at least 1 period, got \(horizon)") }
        guard demand.horizon >= max(leadTime, horizon) else {
            throw InventoryError(
                "\(name): the demand scenarios cover \(demand.horizon) periods but the lead time is \(leadTime) and the horizon \(horizon)"
            )
        }
        for (label, v) in [
            ("on_hand", position.onHand), ("on_order", position.onOrder), ("unit_cost", position.unitCost),
        ] where !(v.isFinite && v >= 0) {
            throw InventoryError("\(name): \(label) must be a number ≥ 0, got \(v)")
        }
        let available = position.onHand + position.onOrder
        var outs = 0, shortage = 0.0, excess = 0.0
        for i in 0..<demand.count {
            let lead = demand.total(path: i, periods: leadTime)
            if lead > available { outs += 1; shortage += lead - available }
            excess += max(0, available - demand.total(path: i, periods: horizon))
        }
        let n = Double(demand.count)
        return StockRisk(
            key: position.key, onHand: position.onHand, onOrder: position.onOrder,
            stockoutProbability: Double(outs) / n, expectedShortage: shortage / n,
            periodsOfCover: cover(available, demand), expectedExcess: excess / n,
            exposure: shortage / n * position.unitCost, excessValue: excess / n * position.unitCost)
    }

    /// Highest exposure first; ties by key, so the order never depends on the input's.
    public static func sorted(_ risks: [StockRisk]) -> [StockRisk] {
        risks.sorted { $0.exposure != $1.exposure ? $0.exposure > $1.exposure : $0.key < $1.key }
    }

    /// Walks the mean demand path until the stock is used up, interpolating within the period.
    static func cover(_ stock: Double, _ demand: DemandScenarios) -> Double {
        var used = 0.0
        for t in 0..<demand.horizon {
            var mean = 0.0
            for i in 0..<demand.count { mean += max(0, demand.values[i * demand.horizon + t]) }
            mean /= Double(demand.count)
            if used + mean >= stock, mean > 0 { return Double(t) + (stock - used) / mean }
            used += mean
        }
        return stock == 0 ? 0 : .infinity
    }
}
