import Foundation

/// A serial supply chain of N stages under echelon base-stock control (Clark &
/// Scarf 1960; Snyder & Shen ch. 6). Stage 1 faces the customers, stage N is
/// supplied by an outside source that never runs short. Every period each stage
/// orders up to its echelon base-stock level; stock moves from stage j + 1 to j
/// in L_j periods. Unmet demand at stage 1 is backordered at p per unit per period.
///
/// Arrays here are indexed by stage, stage 1 first (`[0]` is stage 1).
public struct SerialSystem: Sendable, Equatable {
    /// h_j: the echelon holding cost, i.e. the value added at stage j (local cost h'_j − h'_{j+1}).
    public let echelonHoldingCost: [Double]
    /// L_j: periods for a shipment into stage j (from stage j + 1, or from the outside source for j = N).
    public let leadTime: [Double]
    /// p: cost per unit backordered per period at stage 1.
    public let stockoutCost: Double
    /// One period's demand at stage 1: `.normal` or `.poisson`.
    public let demand: Distribution

    public init(
        echelonHoldingCost: [Double], leadTime: [Double], stockoutCost: Double,
        demand: Distribution
    ) throws(InventoryError) {
        guard !echelonHoldingCost.isEmpty else { throw InventoryError("a serial system needs at least one stage") }
        guard leadTime.count == echelonHoldingCost.count else {
            throw InventoryError(
                "lead_time has \(leadTime.count) values but echelon_holding_cost has \(echelonHoldingCost.count); give one per stage"
            )
        }
        for (j, h) in echelonHoldingCost.enumerated() where !(h.isFinite && h >= 0) {
            throw InventoryError("echelon_holding_cost of stage \(j + 1) must be a number >= 0, got \(h)")
        }
        for (j, l) in leadTime.enumerated() where !(l.isFinite && l >= 0) {
            throw InventoryError("lead_time of stage \(j + 1) must be a number >= 0, got \(l)")
        }
        try requirePositive(stockoutCost, "stockout_cost")
        let demand = try demand.validated()
        switch demand {
        case .normal, .poisson: break
        default: throw InventoryError("Clark–Scarf here handles normal or poisson demand, got \(demand.name)")
        }
        if case .poisson = demand, leadTime.contains(where: { $0 != $0.rounded() }) {
            // Poisson demand over a fractional lead time is still Poisson, but the textbook's
            // discrete model counts whole periods; refuse rather than guess.
            throw InventoryError("with poisson demand every lead_time must be a whole number of periods")
        }
        self.echelonHoldingCost = echelonHoldingCost
        self.leadTime = leadTime
        self.stockoutCost = stockoutCost
        self.demand = demand
    }

    public var stageCount: Int { echelonHoldingCost.count }

    /// h'_j = Σ_{i ≥ j} h_i: the cost of holding a unit at stage j.
    public var localHoldingCost: [Double] {
        var total = 0.0
        return echelonHoldingCost.reversed().map {
            total += $0; return total
        }.reversed()
    }

    /// Demand over `periods` periods (normal: mean μL, sd σ√L; poisson: mean μL).
    func demand(over periods: Double) -> Distribution {
        switch demand {
        case .normal(let m, let s): return .normal(mean: m * periods, sd: s * periods.squareRoot())
        case .poisson(let m): return .poisson(mean: m * periods)
        default: return demand
        }
    }

    /// Ĉ_j(x) = slope·x + intercept for x below the computed range (Snyder & Shen
    /// Problem 6.13): there no stage ever reaches its base-stock level, so
    /// Ĉ_j(x) = Σ_{i≤j} h_i(x − μ·Σ_{k=i}^{j−1} L_k) − (p + h'_1)(x − μ·Σ_{k<j} L_k).
    /// `stage` counts from 0 (stage 1).
    func lowerAsymptote(stage j: Int) -> (slope: Double, intercept: Double) {
        let mu = demand.mean, h = echelonHoldingCost
        let shortage = stockoutCost + h.reduce(0, +)
        var downstreamLead = 0.0  // Σ_{k<j} L_k
        for k in 0..<j { downstreamLead += leadTime[k] }
        var slope = -shortage, intercept = shortage * mu * downstreamLead
        var lead = downstreamLead  // Σ_{k=i}^{j−1} L_k, shrinking as i rises
        for i in 0...j {
            slope += h[i]
            intercept -= h[i] * mu * lead
            if i < j { lead -= leadTime[i] }
        }
        return (slope, intercept)
    }
}

/// Optimal echelon base-stock levels and their expected cost per period.
public struct SerialBaseStockSolution: Sendable, Equatable {
    /// S*_j, stage 1 first.
    public let echelonBaseStock: [Double]
    /// C_j(S*_j), stage 1 first; the last is the system's optimal cost C*.
    public let stageCost: [Double]

    public var cost: Double { stageCost[stageCount - 1] }
    public var stageCount: Int { echelonBaseStock.count }

    /// Local levels: S'_j = S̃_j − S̃_{j−1} with S̃_j = min_{i ≥ j} S_i and S̃_0 = 0
    /// (an echelon level above an upstream one can never be reached, so it is cut to it).
    public var localBaseStock: [Double] {
        var reachable = echelonBaseStock
        for j in stride(from: stageCount - 2, through: 0, by: -1) { reachable[j] = min(reachable[j], reachable[j + 1]) }
        return reachable.indices.map { $0 == 0 ? reachable[0] : reachable[$0] - reachable[$0 - 1] }
    }
}

public enum ClarkScarf {
    /// How the recursion is computed.
    public enum Method: Sendable, Equatable {
        /// Almanac's default: a fine grid with `pointsPerSD` steps per standard deviation of the
        /// shortest stage's lead-time demand, functions read between grid points by linear
        /// interpolation, each expectation exact for that interpolant, and S* refined between grid
        /// points. For poisson demand the grid is the whole numbers and the sums are exact.
        case fine(pointsPerSD: Int = 64)
        /// stockpyl 1.0.2's discretisation (`optimize_base_stock_levels`): x on `xNum` steps, each
        /// lead-time demand on `dNum` steps, nearest-grid-point lookups. Reproduces its numbers.
        case stockpylGrid(StockpylGrid)
    }

    public static func optimize(_ system: SerialSystem, method: Method = .fine()) throws(InventoryError)
        -> SerialBaseStockSolution
    {
        switch method {
        case .fine(let points):
            guard points >= 2 else { throw InventoryError("points_per_sd must be at least 2, got \(points)") }
            guard let solution = FineRecursion(system: system, pointsPerSD: points).solve() else {
                throw InventoryError("the Clark–Scarf recursion has no solution on its grid")
            }
            return solution
        case .stockpylGrid(let grid):
            try grid.validate()
            return StockpylGridRecursion(system: system, grid: grid).solve()
        }
    }

    /// The expected cost per period of given echelon base-stock levels (node 1 first), by the same
    /// recursion with S_j in place of each minimiser (stockpyl's `ssm_serial.expected_cost`).
    public static func expectedCost(
        _ system: SerialSystem, echelonBaseStock levels: [Double],
        method: Method = .fine()
    ) throws(InventoryError) -> Double {
        guard levels.count == system.stageCount else {
            throw InventoryError("echelon_S has \(levels.count) levels but the system has \(system.stageCount) nodes")
        }
        if let bad = levels.first(where: { !$0.isFinite }) {
            throw InventoryError("echelon_S: a level is \(bad); levels must be finite")
        }
        switch method {
        case .fine(let points):
            guard points >= 2 else { throw InventoryError("points_per_sd must be at least 2, got \(points)") }
            guard let solution = FineRecursion(system: system, pointsPerSD: points).solve(fixedLevels: levels) else {
                throw InventoryError(
                    "echelon_S: a level lies outside the range the recursion covers (about 8.5 standard deviations of the demand over all lead times); it cannot be a sensible base-stock level"
                )
            }
            return solution.cost
        case .stockpylGrid:
            // stockpyl's expected_cost re-derives its grid from the levels and does not agree with its own
            // optimiser (C* 47.6654 but expected_cost(S*) 47.6459 on Example 6.1); we do not imitate that.
            throw InventoryError(
                "the expected cost at given levels is computed with method = \"fine\" only (docs/inventory.md)")
        }
    }
}
