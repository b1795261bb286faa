import AlmanacCore

/// The economic order quantity (Harris 1913), in the notation of Snyder & Shen,
/// "Fundamentals of Supply Chain Theory", §3.2: fixed cost K per order,
/// holding cost h per unit per unit time, demand rate λ units per unit time.
/// The total cost per unit time of ordering Q at a time is g(Q) = Kλ/Q + hQ/2,
/// minimised by Q* = √(2Kλ/h) at cost g(Q*) = √(2Kλh).
public struct EOQ: Sendable, Equatable {
    public let fixedCost: Double
    public let holdingCost: Double
    public let demandRate: Double

    public init(fixedCost: Double, holdingCost: Double, demandRate: Double) throws(InventoryError) {
        try requirePositive(fixedCost, "fixed_cost")
        try requirePositive(holdingCost, "holding_cost")
        try requirePositive(demandRate, "demand_rate")
        self.fixedCost = fixedCost
        self.holdingCost = holdingCost
        self.demandRate = demandRate
    }

    public var orderQuantity: Double { (2 * fixedCost * demandRate / holdingCost).squareRoot() }
    public var optimalCost: Double { (2 * fixedCost * demandRate * holdingCost).squareRoot() }
    /// Time between orders, Q*/λ.
    public var cycleTime: Double { orderQuantity / demandRate }

    /// Cost per unit time of ordering `q`, split into its two parts.
    public func cost(orderQuantity q: Double) throws(InventoryError) -> (
        total: Double, ordering: Double, holding: Double
    ) {
        try requirePositive(q, "order_quantity")
        let ordering = fixedCost * demandRate / q
        let holding = holdingCost * q / 2
        return (ordering + holding, ordering, holding)
    }
}

public struct InventoryError: MessageError {
    public let message: String
    public init(_ message: String) { self.message = message }
}

func requirePositive(_ x: Double, _ name: String) throws(InventoryError) {
    guard x.isFinite, x > 0 else { throw InventoryError("\(name) must be a positive number, got \(x)") }
}
