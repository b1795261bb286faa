import Foundation

/// The (r, Q) policy, continuous review with backorders (Snyder & Shen ch. 5):
/// when the inventory position falls to r, order Q. Demand arrives at rate λ
/// (mean `demandMean` per unit time, standard deviation `demandSD` over a unit
/// of time); the lead time L is in the same time unit, so lead-time demand is
/// N(λL, σ√L), or Poisson(λL). Costs: h per unit held and p per unit
/// backordered per unit time, K per order.
public struct RQModel: Sendable {
    public let holdingCost: Double
    public let stockoutCost: Double
    public let fixedCost: Double
    public let demandRate: Double
    public let leadTimeDemand: Distribution

    public init(
        holdingCost: Double, stockoutCost: Double, fixedCost: Double, demandMean: Double, demandSD: Double?,
        leadTime: Double
    ) throws(InventoryError) {
        try requirePositive(holdingCost, "holding_cost")
        try requirePositive(stockoutCost, "stockout_cost")
        try requirePositive(fixedCost, "fixed_cost")
        try requirePositive(demandMean, "demand_mean")
        try requirePositive(leadTime, "lead_time")
        self.holdingCost = holdingCost
        self.stockoutCost = stockoutCost
        self.fixedCost = fixedCost
        demandRate = demandMean
        if let sd = demandSD {
            try requirePositive(sd, "demand_sd")
            leadTimeDemand = .normal(mean: demandMean * leadTime, sd: sd * leadTime.squareRoot())
        } else {
            leadTimeDemand = .poisson(mean: demandMean * leadTime)
        }
    }

    private var h: Double { holdingCost }
    private var p: Double { stockoutCost }

    /// g(y) = h·E[(y − D_L)⁺] + p·E[(D_L − y)⁺]: the cost rate at inventory position y.
    func g(_ y: Double) -> Double {
        let (shortage, leftover) = leadTimeDemand.loss(y)
        return h * leftover + p * shortage
    }

    /// Exact expected cost per unit time: [Kλ + ∫_r^{r+Q} g(y) dy] / Q (a sum over
    /// y = r+1 … r+Q for Poisson demand). The integral is closed-form through the
    /// second-order loss: ∫ g = h(Q(r − λL) + Q²/2) + (h + p)(n²(r) − n²(r + Q)).
    public func cost(reorderPoint r: Double, orderQuantity q: Double) throws(InventoryError) -> Double {
        try requirePositive(q, "order_quantity")
        switch leadTimeDemand {
        case .poisson:
            guard r == r.rounded(), q == q.rounded() else {
                throw InventoryError("with Poisson demand r and Q are whole numbers, got r = \(r), Q = \(q)")
            }
            var total = fixedCost * demandRate
            for y in stride(from: r + 1, through: r + q, by: 1) { total += g(y) }
            return total / q
        default:
            let mean = leadTimeDemand.mean
            let integral =
                h * (q * (r - mean) + q * q / 2)
                + (h + p) * (leadTimeDemand.secondLoss(r).shortage - leadTimeDemand.secondLoss(r + q).shortage)
            return (fixedCost * demandRate + integral) / q
        }
    }

    /// The best r for a given Q (normal demand): where g(r) = g(r + Q), by bisection
    /// on the increasing difference g(r + Q) − g(r).
    public func optimalReorderPoint(orderQuantity q: Double) throws(InventoryError) -> Double {
        try requirePositive(q, "order_quantity")
        let sd = leadTimeDemand.standardDeviation, mean = leadTimeDemand.mean
        var lo = mean - q - 20 * sd, hi = mean + 20 * sd
        for _ in 0..<300 {
            let mid = (lo + hi) / 2
            if g(mid + q) - g(mid) < 0 { lo = mid } else { hi = mid }
            if hi - lo <= 1e-13 * max(1, abs(mid)) { break }
        }
        return (lo + hi) / 2
    }

    public struct Solution: Sendable, Equatable {
        public let reorderPoint: Double
        public let orderQuantity: Double
        public let cost: Double
    }

    /// The exact optimum. Normal demand: Q by Brent's method on C(Q) = cost(r*(Q), Q),
    /// which is convex. Poisson demand: Federgruen & Zheng (1992) — the best window of
    /// Q consecutive positions grows by its cheaper neighbour, and the average cost
    /// (Kλ + window sum)/Q is unimodal in Q.
    public func optimize() throws(InventoryError) -> Solution {
        if case .poisson = leadTimeDemand {
            var y = Double(Int(leadTimeDemand.mean))
            while g(y - 1) < g(y) { y -= 1 }
            while g(y + 1) < g(y) { y += 1 }
            var low = y, high = y, sum = g(y)
            var best = Solution(reorderPoint: y - 1, orderQuantity: 1, cost: (fixedCost * demandRate + sum) / 1)
            var q = 1.0
            while true {
                let left = g(low - 1), right = g(high + 1)
                if left <= right { low -= 1; sum += left } else { high += 1; sum += right }
                q += 1
                let c = (fixedCost * demandRate + sum) / q
                if c < best.cost - 1e-12 {
                    best = Solution(reorderPoint: low - 1, orderQuantity: q, cost: c)
                } else if c > best.cost + 1e-12 {
                    break
                }
                if q > 1e7 { break }
            }
            return best
        }
        let eoq = (2 * fixedCost * demandRate / holdingCost).squareRoot()
        var failure: InventoryError?
        let objective: (Double) -> Double = { q in
            do throws(InventoryError) {
                let r = try self.optimalReorderPoint(orderQuantity: q)
                return try self.cost(reorderPoint: r, orderQuantity: q)
            } catch {
                failure = error
                return .infinity
            }
        }
        let lower = eoq / 50, upper = eoq * 50 + 10 * leadTimeDemand.standardDeviation
        var a = lower, b = upper
        let invPhi = (5.0.squareRoot() - 1) / 2
        var c = b - invPhi * (b - a), d = a + invPhi * (b - a)
        var fc = objective(c), fd = objective(d)
        for _ in 0..<200 where b - a > 1e-10 * max(1, b) {
            if fc <= fd {
                b = d; d = c; fd = fc; c = b - invPhi * (b - a); fc = objective(c)
            } else {
                a = c; c = d; fc = fd; d = a + invPhi * (b - a); fd = objective(d)
            }
        }
        if let failure { throw failure }
        let q = (a + b) / 2
        let r = try optimalReorderPoint(orderQuantity: q)
        return Solution(reorderPoint: r, orderQuantity: q, cost: try cost(reorderPoint: r, orderQuantity: q))
    }

    /// EOQ + safety stock: Q = EOQ; r = the p/(p + h) quantile of lead-time demand.
    public func eoqSafetyStockApproximation() -> (reorderPoint: Double, orderQuantity: Double) {
        let q = (2 * fixedCost * demandRate / holdingCost).squareRoot()
        return (leadTimeDemand.quantile(p / (p + h)), q)
    }

    /// EOQ with backorders (Zheng 1992): Q from the EOQ with planned backorders,
    /// √(2Kλ(h + p)/(hp)), then the exact optimal r for that Q (g(r) = g(r + Q)).
    public func eoqWithBackordersApproximation() throws(InventoryError) -> (reorderPoint: Double, orderQuantity: Double)
    {
        let q = (2 * fixedCost * demandRate * (h + p) / (h * p)).squareRoot()
        return (try optimalReorderPoint(orderQuantity: q), q)
    }

    /// The loss-function approximation: the exact cost with the n²(r + Q) term dropped,
    /// optimal where n(r) = hQ/(h + p) and Q = √(2(Kλ + (h + p)·n²(r))/h); iterated from the EOQ.
    public func lossFunctionApproximation() -> (reorderPoint: Double, orderQuantity: Double) {
        var q = (2 * fixedCost * demandRate / holdingCost).squareRoot()
        var r = leadTimeDemand.mean
        for _ in 0..<1000 {
            r = reorderPointWhereShortageIs(h * q / (h + p))
            let next = (2 * (fixedCost * demandRate + (h + p) * leadTimeDemand.secondLoss(r).shortage) / h).squareRoot()
            let settled = abs(next - q) <= 1e-13 * q
            q = next
            if settled { break }
        }
        return (reorderPointWhereShortageIs(h * q / (h + p)), q)
    }

    /// The r with n(r) = target (n decreases in r), by bisection.
    func reorderPointWhereShortageIs(_ target: Double) -> Double {
        let sd = leadTimeDemand.standardDeviation, mean = leadTimeDemand.mean
        var lo = mean - 40 * sd - target, hi = mean + 40 * sd
        for _ in 0..<300 {
            let mid = (lo + hi) / 2
            if leadTimeDemand.loss(mid).shortage > target { lo = mid } else { hi = mid }
            if hi - lo <= 1e-13 * max(1, abs(mid)) { break }
        }
        return (lo + hi) / 2
    }
}
