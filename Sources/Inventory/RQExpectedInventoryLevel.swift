/// The expected-inventory-level (EIL) approximation (Hadley & Whitin 1963; Nahmias §5.4;
/// Snyder & Shen §5.2.4) works in its own cost convention: the stockout cost p is
/// charged **once per unit short**, not per unit backordered per unit of time as in
/// `cost(reorderPoint:orderQuantity:)`. Its cost per unit time is
///
///     h·(r − λL + Q/2) + K·λ/Q + p·λ·n(r)/Q
///
/// (holding at the expected inventory level, ordering, and p for each of the n(r)
/// units short in each of the λ/Q cycles per unit time).
extension RQModel {
    /// The expected-inventory-level (EIL) approximation: iterate
    /// Q = √(2λ(K + p·n(r))/h) and 1 − F(r) = hQ/(pλ) from the EOQ until both settle.
    public func expectedInventoryLevelApproximation() throws(InventoryError) -> (
        reorderPoint: Double, orderQuantity: Double
    ) {
        var q = (2 * fixedCost * demandRate / holdingCost).squareRoot()
        var r = 0.0
        for _ in 0..<1000 {
            let tail = holdingCost * q / (stockoutCost * demandRate)
            guard tail < 1 else { throw InventoryError("the EIL approximation does not apply: hQ/(pλ) = \(tail) ≥ 1") }
            r = leadTimeDemand.quantile(1 - tail)
            let next = (2 * demandRate * (fixedCost + stockoutCost * leadTimeDemand.loss(r).shortage) / holdingCost)
                .squareRoot()
            if abs(next - q) <= 1e-12 * q { q = next; break }
            q = next
        }
        r = leadTimeDemand.quantile(1 - holdingCost * q / (stockoutCost * demandRate))
        return (r, q)
    }

    /// The cost the EIL approximation minimises (Snyder & Shen eq. 5.16, stockpyl's
    /// `r_q_eil_approximation` cost): h(r − λL + Q/2) + Kλ/Q + pλn(r)/Q, with p per unit short.
    public func expectedInventoryLevelCost(reorderPoint r: Double, orderQuantity q: Double) throws(InventoryError)
        -> Double
    {
        try requirePositive(q, "order_quantity")
        let shortPerCycle = leadTimeDemand.loss(r).shortage
        return holdingCost * (r - leadTimeDemand.mean + q / 2) + fixedCost * demandRate / q
            + stockoutCost * demandRate * shortPerCycle / q
    }
}
