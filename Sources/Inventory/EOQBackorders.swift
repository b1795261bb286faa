/// EOQ with planned backorders (Snyder & Shen §3.5): a fraction x of each
/// cycle's demand waits, at stockout cost p per unit per unit time.
/// g(Q, x) = Kλ/Q + h(1−x)²Q/2 + p·x²Q/2, minimised at
/// x* = h/(h+p), Q* = √(2Kλ(h+p)/(hp)), g* = √(2Kλhp/(h+p)).
public struct EOQWithBackorders: Sendable, Equatable {
    public let base: EOQ
    public let stockoutCost: Double

    public init(fixedCost: Double, holdingCost: Double, stockoutCost: Double, demandRate: Double) throws(InventoryError)
    {
        base = try EOQ(fixedCost: fixedCost, holdingCost: holdingCost, demandRate: demandRate)
        try requirePositive(stockoutCost, "stockout_cost")
        self.stockoutCost = stockoutCost
    }

    private var h: Double { base.holdingCost }
    private var p: Double { stockoutCost }

    public var stockoutFraction: Double { h / (h + p) }
    public var orderQuantity: Double { (2 * base.fixedCost * base.demandRate * (h + p) / (h * p)).squareRoot() }
    public var optimalCost: Double { (2 * base.fixedCost * base.demandRate * h * p / (h + p)).squareRoot() }

    public func cost(orderQuantity q: Double, stockoutFraction x: Double) throws(InventoryError) -> Double {
        try requirePositive(q, "order_quantity")
        guard x >= 0, x <= 1 else { throw InventoryError("stockout_fraction must be in [0, 1], got \(x)") }
        return base.fixedCost * base.demandRate / q + h * (1 - x) * (1 - x) * q / 2 + p * x * x * q / 2
    }
}
