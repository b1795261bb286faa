/// The periodic-review order-up-to policy (R, S): every R periods, order up to S;
/// an order arrives L periods later; unmet demand is backordered; holding h and
/// backorder p are charged on the end-of-period level. The order placed at a review
/// covers the R periods from its arrival, whose end-of-period levels are
/// S − D(L + 1), …, S − D(L + R) (D(n): demand over n periods), so the cost per period is
/// C(S) = (1/R)·Σ_{j=1..R} g_{L+j}(S), a mean of newsvendor costs; it is convex, and its
/// minimum is where the mean of the R CDFs reaches p/(p + h). R = 1 is the base-stock policy.
public struct PeriodicReview: Sendable {
    public let reviewPeriod: Int
    public let leadTime: Int
    /// The newsvendors on D(L + 1) … D(L + R).
    let stages: [Newsvendor]

    public init(holdingCost: Double, stockoutCost: Double, demand: Distribution, leadTime: Int, reviewPeriod: Int)
        throws(InventoryError)
    {
        guard leadTime >= 0 else { throw InventoryError("lead_time must be a whole number ≥ 0, got \(leadTime)") }
        guard reviewPeriod >= 1 else {
            throw InventoryError("review_period must be a whole number ≥ 1, got \(reviewPeriod)")
        }
        let d = try demand.validated()
        var stages: [Newsvendor] = []
        for j in 1...reviewPeriod {
            stages.append(
                try Newsvendor(
                    holdingCost: holdingCost, stockoutCost: stockoutCost, demand: try d.convolved(periods: leadTime + j)
                ))
        }
        self.stages = stages
        self.leadTime = leadTime
        self.reviewPeriod = reviewPeriod
    }

    public var criticalRatio: Double { stages[0].criticalRatio }

    /// Expected cost per period of order-up-to level s.
    public func cost(_ s: Double) -> Double { stages.reduce(0) { $0 + $1.evaluate(s).cost } / Double(stages.count) }

    /// Mean over the cycle of P(end-of-period level ≥ 0): the cycle-average no-backorder probability.
    public func meanCDF(_ s: Double) -> Double { stages.reduce(0) { $0 + $1.demand.cdf(s) } / Double(stages.count) }

    /// The S* where the mean CDF reaches p/(p + h) (the smallest whole S for discrete demand).
    public var optimalLevel: Double {
        let target = criticalRatio
        var lo = stages[0].demand.quantile(target), hi = stages[stages.count - 1].demand.quantile(target)
        if stages[0].demand.isDiscrete {
            // The mean CDF is a step function: the first whole S in [lo, hi] where it reaches the target.
            var s = lo.rounded(.down)
            while s < hi, meanCDF(s) < target { s += 1 }
            return s
        }
        // Each CDF reaches the target between its own quantiles: bisection on the mean.
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if meanCDF(mid) < target { lo = mid } else { hi = mid }
            if hi - lo <= 1e-12 * max(1, abs(mid)) { break }
        }
        return (lo + hi) / 2
    }

    /// Cycle averages at level s: cost, expected backorders at period end, fill rate over the cycle.
    public func evaluate(_ s: Double) -> (
        cost: Double, stockoutProbability: Double, expectedBackorders: Double, expectedOnHand: Double
    ) {
        var cost = 0.0, shortage = 0.0, leftover = 0.0, out = 0.0
        for stage in stages {
            let o = stage.evaluate(s)
            cost += o.cost
            shortage += o.expectedShortage
            leftover += o.expectedLeftover
            out += o.stockoutProbability
        }
        let n = Double(stages.count)
        return (cost / n, out / n, shortage / n, leftover / n)
    }
}
