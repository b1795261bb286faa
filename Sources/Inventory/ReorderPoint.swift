/// The reorder point r for continuous review: order when the inventory position
/// falls to r, so r must cover the demand during the lead time (Snyder & Shen §5.2).
/// Safety stock is r − E[lead-time demand].
public struct ReorderPoint: Sendable {
    public enum Service: Sendable, Equatable {
        /// Type 1: the probability of no stock-out in a replenishment cycle (α).
        case cycle(Double)
        /// Type 2: the share of demand met from stock (β), given the order quantity Q.
        case fillRate(Double, orderQuantity: Double)
    }

    public let leadTimeDemand: Distribution
    public let service: Service

    public init(leadTimeDemand: Distribution, service: Service) throws(InventoryError) {
        self.leadTimeDemand = try leadTimeDemand.validated()
        switch service {
        case .cycle(let a):
            guard a > 0, a < 1 else {
                throw InventoryError("service_level must be between 0 and 1 (exclusive), got \(a)")
            }
        case .fillRate(let b, let q):
            guard b > 0, b < 1 else {
                throw InventoryError("service_level must be between 0 and 1 (exclusive), got \(b)")
            }
            try requirePositive(q, "order_quantity")
        }
        self.service = service
    }

    /// Lead-time demand from per-period demand and a lead time of `mean` periods,
    /// optionally random with standard deviation `sd`: fixed lead times sum the
    /// period demand (exact for the closed-form families; a normal lead time may be
    /// fractional); a random one uses the normal approximation with
    /// E = E[L]·μ and Var = E[L]·σ² + μ²·Var[L].
    public static func leadTimeDemand(perPeriod d: Distribution, leadTime mean: Double, sd: Double = 0)
        throws(InventoryError) -> Distribution
    {
        let d = try d.validated()
        guard mean.isFinite, mean > 0 else {
            throw InventoryError("lead_time must be a positive number of periods, got \(mean)")
        }
        guard sd.isFinite, sd >= 0 else { throw InventoryError("lead_time_sd must be ≥ 0, got \(sd)") }
        if sd > 0 {
            let m = mean * d.mean, v = mean * d.variance + d.mean * d.mean * sd * sd
            return .normal(mean: m, sd: v.squareRoot())
        }
        if case .normal(let mu, let sigma) = d { return .normal(mean: mean * mu, sd: sigma * mean.squareRoot()) }
        guard mean <= Double(PolicySimulation.RandomLeadTime.limit) else {
            throw InventoryError(
                "a lead time of \(mean) periods is longer than the \(PolicySimulation.RandomLeadTime.limit) periods a lead-time demand is summed over"
            )
        }
        guard mean == mean.rounded() else {
            throw InventoryError(
                "a lead time of \(mean) periods needs whole periods for \(d.name) demand (or give lead_time_sd, or the lead-time demand itself)"
            )
        }
        return try d.convolved(periods: Int(mean))
    }

    public struct Result: Sendable, Equatable {
        public let reorderPoint: Double
        public let safetyStock: Double
        /// P(lead-time demand ≤ r): the cycle service level achieved.
        public let cycleServiceLevel: Double
        /// 1 − n(r)/Q when an order quantity is known (NaN otherwise).
        public let fillRate: Double
        /// n(r): expected units short per replenishment cycle.
        public let expectedShortagePerCycle: Double
    }

    public func solve() -> Result {
        let d = leadTimeDemand
        let r: Double
        var q = Double.nan
        switch service {
        case .cycle(let a):
            r = d.quantile(a)
        case .fillRate(let b, let orderQuantity):
            q = orderQuantity
            // n(r) is decreasing: the smallest r with n(r) ≤ (1 − β)Q, by bisection (whole numbers when discrete).
            let target = (1 - b) * orderQuantity
            var lo = d.quantile(1e-9) - 1, hi = max(d.quantile(1 - 1e-12), d.mean + 1)
            while d.loss(hi).shortage > target { hi += max(1, d.standardDeviation) }
            if d.loss(lo).shortage <= target {
                r = lo
            } else if d.isDiscrete {
                var a = Int(lo.rounded(.down)), c = Int(hi.rounded(.up))
                while c - a > 1 {
                    let m = (a + c) / 2
                    if d.loss(Double(m)).shortage <= target { c = m } else { a = m }
                }
                r = Double(c)
            } else {
                for _ in 0..<200 {
                    let m = (lo + hi) / 2
                    if d.loss(m).shortage <= target { hi = m } else { lo = m }
                    if hi - lo <= 1e-12 * max(1, abs(hi)) { break }
                }
                r = hi
            }
        }
        let shortage = d.loss(r).shortage
        return Result(
            reorderPoint: r, safetyStock: r - d.mean, cycleServiceLevel: d.cdf(r),
            fillRate: q.isNaN ? .nan : 1 - shortage / q, expectedShortagePerCycle: shortage)
    }
}
