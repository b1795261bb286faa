/// The newsvendor: order S before one period of random demand D; leftovers cost
/// h each, shortages p each. S* is the critical fractile F⁻¹(p/(p + h)) (the
/// smallest whole S with F(S) ≥ p/(p + h) for discrete demand), and the expected
/// cost is g(S) = h·n̄(S) + p·n(S) (Snyder & Shen §4.3).
public struct Newsvendor: Sendable {
    public let holdingCost: Double
    public let stockoutCost: Double
    public let demand: Distribution

    public init(holdingCost: Double, stockoutCost: Double, demand: Distribution) throws(InventoryError) {
        try requirePositive(holdingCost, "holding_cost")
        try requirePositive(stockoutCost, "stockout_cost")
        self.holdingCost = holdingCost
        self.stockoutCost = stockoutCost
        self.demand = try demand.validated()
    }

    public var criticalRatio: Double { stockoutCost / (stockoutCost + holdingCost) }

    public var optimalOrder: Double { demand.quantile(criticalRatio) }

    /// Expected cost, sales, leftovers, shortage and service of ordering `s`.
    public func evaluate(_ s: Double) -> NewsvendorOutcome {
        let (shortage, leftover) = demand.loss(s)
        return NewsvendorOutcome(
            orderQuantity: s, cost: holdingCost * leftover + stockoutCost * shortage,
            expectedSales: demand.mean - shortage, expectedLeftover: leftover, expectedShortage: shortage,
            stockoutProbability: 1 - demand.cdf(s), fillRate: demand.mean > 0 ? 1 - shortage / demand.mean : 1)
    }
}

public struct NewsvendorOutcome: Sendable, Equatable {
    public let orderQuantity: Double
    public let cost: Double
    public let expectedSales: Double
    public let expectedLeftover: Double
    public let expectedShortage: Double
    /// P(D > S): the chance of running out (1 − the cycle service level).
    public let stockoutProbability: Double
    /// Share of demand met from stock: 1 − n(S)/E[D].
    public let fillRate: Double
}

extension Distribution {
    /// The sum of `periods` independent copies, where that has a closed form
    /// (normal, gamma with one scale, Poisson, negative binomial with one p, and
    /// an empirical distribution by exact convolution of its samples up to 10⁶ points).
    public func convolved(periods: Int) throws(InventoryError) -> Distribution {
        guard periods >= 1 else { throw InventoryError("the number of periods must be at least 1, got \(periods)") }
        if periods == 1 { return self }
        let n = Double(periods)
        switch self {
        case .normal(let m, let s): return .normal(mean: n * m, sd: s * n.squareRoot())
        case .gamma(let k, let t): return .gamma(shape: n * k, scale: t)
        case .poisson(let m): return .poisson(mean: n * m)
        case .negativeBinomial(let r, let p): return .negativeBinomial(size: n * r, probability: p)
        case .lognormal:
            throw InventoryError(
                "a sum of lognormal demands has no closed form; give the lead-time demand distribution itself (e.g. fitted to simulated sums)"
            )
        case .empirical(let xs):
            var sums = xs
            for _ in 1..<periods {
                guard sums.count * xs.count <= 1_000_000 else {
                    throw InventoryError(
                        "convolving \(xs.count) samples over \(periods) periods is too large; pass lead-time demand samples instead"
                    )
                }
                sums = sums.flatMap { a in xs.map { a + $0 } }
            }
            return .empirical(sums.sorted())
        }
    }
}

/// Base-stock policy, periodic review with lead time L (Snyder & Shen §4.4):
/// each period order up to S; what arrives L periods later covers demand over
/// L + 1 periods, so it is a newsvendor on the (L + 1)-period demand.
public struct BaseStock: Sendable {
    public let newsvendor: Newsvendor
    public let leadTime: Int

    public init(holdingCost: Double, stockoutCost: Double, demand: Distribution, leadTime: Int) throws(InventoryError) {
        guard leadTime >= 0 else { throw InventoryError("lead_time must be a whole number ≥ 0, got \(leadTime)") }
        self.leadTime = leadTime
        newsvendor = try Newsvendor(
            holdingCost: holdingCost, stockoutCost: stockoutCost,
            demand: try demand.validated().convolved(periods: leadTime + 1))
    }
}
