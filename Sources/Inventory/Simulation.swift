import AlmanacCore
import Foundation

/// Monte Carlo simulation of a single-stage, periodic-review policy. Each period,
/// in Snyder & Shen's order: (1) review the inventory position and order,
/// (2) receive what was ordered `leadTime` periods ago (with lead time 0, the
/// order just placed), (3) demand occurs — backordered or lost — (4) costs:
/// h per unit on hand, p per unit backordered (or lost), K per order.
/// So a base-stock policy's steady-state cost is the newsvendor cost of
/// (L + 1)-period demand, and an (s, S) policy's is Zheng–Federgruen's c(s, S).
/// Lead times may be random (`leadTimeDistribution`) and demand may follow
/// given paths (`demandPaths`, e.g. forecast sample paths). Demand and lead
/// times come from separate streams drawn every period, so a seed gives every
/// policy the same demands and lead times (common random numbers).
public struct PolicySimulation: Sendable {
    public enum Policy: Sendable, Equatable {
        /// Order up to S every period.
        case baseStock(level: Double)
        /// When the position is at or below s, order up to S.
        case sS(reorderPoint: Double, orderUpTo: Double)
        /// When the position is at or below r, order Q (repeatedly if still at or below r).
        case rQ(reorderPoint: Double, orderQuantity: Double)
    }

    public var policy: Policy
    public var demand: Distribution
    public var leadTime = 0
    /// A random lead time, drawn for each period's order; replaces `leadTime`.
    public var leadTimeDistribution: Distribution?
    /// With random lead times: false keeps arrivals in the order placed (an order
    /// arrives no earlier than one placed the period before), true lets orders cross
    /// (each arrives its own lead time after it was placed).
    public var ordersCross = false
    /// Demand paths replacing `demand`: replication r follows path r mod count;
    /// negative values are read as 0.
    public var demandPaths: [[Double]]?
    public var backorders = true
    public var holdingCost = 1.0
    public var stockoutCost = 1.0
    public var fixedCost = 0.0
    public var periods = 1000
    public var warmup = 100
    public var replications = 10
    public var seed: UInt64 = 0
    /// Keep a per-period trace of the first replication.
    public var trace = false

    public init(policy: Policy, demand: Distribution) {
        self.policy = policy
        self.demand = demand
    }

    /// Demand from given paths (scenarios or forecast sample paths), one per replication.
    public init(policy: Policy, demandPaths: [[Double]]) {
        self.init(policy: policy, demand: .poisson(mean: 1))
        self.demandPaths = demandPaths
    }

    public struct Trace: Sendable, Equatable {
        public var onHand: [Double] = [], backordered: [Double] = [], onOrder: [Double] = []
        public var ordered: [Double] = [], demand: [Double] = [], short: [Double] = []
    }

    public struct Result: Sendable, Equatable {
        /// Per period: total, holding, stockout and ordering cost.
        public let cost: Estimate, holdingCost: Estimate, stockoutCost: Estimate, orderingCost: Estimate
        /// Share of periods in which all of the period's demand was met from stock.
        public let periodServiceLevel: Estimate
        /// Share of replenishment cycles without a shortage (type 1 service): a cycle runs
        /// from one order's arrival to the period before the next arrival. Only cycles that
        /// begin after the warm-up and end before the run does are counted; nil when no
        /// replication completed one.
        public let cycleServiceLevel: Estimate?
        /// The complete replenishment cycles counted, over all replications.
        public let cyclesCounted: Int
        /// Share of demand met from stock on hand.
        public let fillRate: Estimate
        public let averageOnHand: Estimate
        /// Orders placed per period.
        public let orderFrequency: Estimate
        public let periodsSimulated: Int
        public let trace: Trace?
    }

    public func validate() throws(InventoryError) {
        if let paths = demandPaths {
            try PolicySimulation.validatePaths(paths, periods: periods, warmup: warmup)
        } else {
            _ = try demand.validated()
        }
        if let d = leadTimeDistribution { _ = try RandomLeadTime.validated(d) }
        guard leadTime >= 0 else { throw InventoryError("lead_time must be ≥ 0, got \(leadTime)") }
        guard periods >= 1, periods <= 100_000_000 else {
            throw InventoryError("periods must be between 1 and 100000000, got \(periods)")
        }
        guard warmup >= 0 else { throw InventoryError("warmup must be ≥ 0, got \(warmup)") }
        guard replications >= 2, replications <= 100_000 else {
            throw InventoryError(
                "replications must be between 2 and 100000 (a confidence interval needs 2), got \(replications)")
        }
        for (x, name) in [(holdingCost, "holding_cost"), (stockoutCost, "stockout_cost"), (fixedCost, "fixed_cost")]
        where !(x.isFinite && x >= 0) {
            throw InventoryError("\(name) must be a number ≥ 0, got \(x)")
        }
        switch policy {
        case .baseStock(let s):
            guard s.isFinite else { throw InventoryError("the base-stock level must be a finite number") }
        case .sS(let s, let S):
            guard s.isFinite, S.isFinite, S > s else {
                throw InventoryError("(s, S) needs S > s, got s = \(s), S = \(S)")
            }
        case .rQ(let r, let q):
            guard r.isFinite, q.isFinite, q > 0 else {
                throw InventoryError("(r, Q) needs Q > 0, got r = \(r), Q = \(q)")
            }
        }
    }

    public func run() throws(InventoryError) -> Result {
        try validate()
        guard leadTime <= RandomLeadTime.limit else {
            throw InventoryError("lead_time must be at most \(RandomLeadTime.limit) periods, got \(leadTime)")
        }
        if let paths = demandPaths {
            var demand = PathDemand(paths)
            return try run(&demand)
        }
        var demand = DrawnDemand(sampler: Sampler(try demand.validated()), generator: SeededGenerator(seed: seed))
        return try run(&demand)
    }

    /// Picks the lead-time source; generic so each combination is specialised.
    private func run<D: DemandSource>(_ demand: inout D) throws(InventoryError) -> Result {
        if let d = leadTimeDistribution {
            var leadTimes = try RandomLeadTime(d, seed: seed)
            return replicate(&demand, &leadTimes)
        }
        var leadTimes = FixedLeadTime(longest: leadTime)
        return replicate(&demand, &leadTimes)
    }

    private func replicate<D: DemandSource, L: LeadTimeSource>(_ demand: inout D, _ leadTimes: inout L) -> Result {
        var outcomes: [ReplicationOutcome] = []
        outcomes.reserveCapacity(replications)
        var firstTrace: Trace?
        for replication in 0..<replications {
            demand.start(replication: replication)
            let outcome = simulateOnce(&demand, &leadTimes, keepTrace: trace && replication == 0)
            if let t = outcome.trace { firstTrace = t }
            outcomes.append(outcome)
        }
        func estimate(_ value: (ReplicationOutcome) -> Double) -> Estimate { Estimate.mean(of: outcomes.map(value)) }
        let cycles = outcomes.map { Double($0.cycles) }
        let cyclesWithoutShortage = outcomes.map { Double($0.cycles - $0.cyclesWithShortage) }
        return Result(
            cost: estimate(\.cost), holdingCost: estimate(\.holding),
            stockoutCost: estimate(\.stockout), orderingCost: estimate(\.ordering),
            periodServiceLevel: estimate(\.periodsWithoutShortage),
            cycleServiceLevel: Estimate.ratio(cyclesWithoutShortage, over: cycles),
            cyclesCounted: outcomes.reduce(0) { $0 + $1.cycles },
            fillRate: estimate(\.fillRate), averageOnHand: estimate(\.averageOnHand),
            orderFrequency: estimate(\.orderFrequency), periodsSimulated: periods * replications, trace: firstTrace)
    }

    /// One replication: per-period averages and replenishment cycles after the warm-up.
    private func simulateOnce<D: DemandSource, L: LeadTimeSource>(
        _ demand: inout D, _ leadTimes: inout L,
        keepTrace: Bool
    ) -> ReplicationOutcome {
        // Pipeline: pipeline[a % size] arrives at period a; no order is due more than `longest` ahead.
        let size = leadTimes.longest + 1
        var pipeline = [Double](repeating: 0, count: size)
        var onOrder = 0.0
        var lastArrival = 0
        // t mod size, kept by counting: two integer divisions a period cost a fifth of the loop.
        var head = 0
        var net: Double
        switch policy {
        case .baseStock(let s): net = s
        case .sS(_, let S): net = S
        case .rQ(let r, let q): net = r + q
        }
        // Sums over the periods after the warm-up; the costs are their multiples, taken once at the end.
        var onHandSum = 0.0, backlogOrLostSum = 0.0, orders = 0.0, demanded = 0.0, metFromStock = 0.0
        // Replenishment cycles: one opens at each arrival after the warm-up and is counted
        // when the next arrival closes it (the partial cycles at either end are not).
        var cycleOpen = false, cycleShort = false, cycles = 0, cyclesWithShortage = 0, periodsOK = 0
        var trace: Trace? = keepTrace ? Trace() : nil
        let total = warmup + periods
        for t in 0..<total {
            // (1) Review and order.
            let position = net + onOrder
            var q = 0.0
            switch policy {
            case .baseStock(let s):
                q = max(0, s - position)
            case .sS(let s, let S):
                if position <= s { q = S - position }
            case .rQ(let r, let qq):
                if position <= r { q = qq * ((r - position) / qq + 1).rounded(.down) }
            }
            let slot: Int
            if L.varies {
                var arrival = t + leadTimes.next()
                if !ordersCross {
                    // In order: each period's arrival date is no earlier than the last period's,
                    // order or not, so the arrival dates do not depend on the policy
                    // (and arrival - t < size still holds).
                    arrival = max(arrival, lastArrival)
                    lastArrival = arrival
                }
                slot = arrival % size
            } else {
                // A fixed lead time L = size − 1: slot (t + L) mod size is the one before `head`.
                slot = head == 0 ? size - 1 : head - 1
            }
            if q > 0 {
                pipeline[slot] += q
                onOrder += q
            }
            // (2) Receive.
            let arriving = pipeline[head]
            pipeline[head] = 0
            onOrder -= arriving
            net += arriving
            // (3) Demand.
            let x = demand.next(period: t)
            let available = max(net, 0)
            let fromStock = min(available, x)
            var short = 0.0
            if backorders {
                let backlogBefore = max(-net, 0)
                net -= x
                short = max(-net, 0) - backlogBefore
            } else {
                short = x - fromStock
                net = available - fromStock
            }
            // (4) Costs and service, after the warm-up.
            if t >= warmup {
                onHandSum += max(net, 0)
                backlogOrLostSum += backorders ? max(-net, 0) : short  // units backordered (or lost) this period
                if q > 0 { orders += 1 }
                if arriving > 0 {  // an arrival closes the open cycle
                    if cycleOpen {
                        cycles += 1
                        if cycleShort { cyclesWithShortage += 1 }
                    }
                    cycleOpen = true  // and this period begins the next
                    cycleShort = false
                }
                if short > 0 { cycleShort = true } else { periodsOK += 1 }
                demanded += x
                metFromStock += fromStock
            }
            if trace != nil {
                trace?.onHand.append(max(net, 0)); trace?.backordered.append(max(-net, 0));
                trace?.onOrder.append(onOrder)
                trace?.ordered.append(q); trace?.demand.append(x); trace?.short.append(short)
            }
            head += 1
            if head == size { head = 0 }
        }
        let n = Double(periods)
        let holding = holdingCost * onHandSum, shortageCost = stockoutCost * backlogOrLostSum,
            ordering = fixedCost * orders
        return ReplicationOutcome(
            cost: (holding + shortageCost + ordering) / n, holding: holding / n, stockout: shortageCost / n,
            ordering: ordering / n,
            periodsWithoutShortage: Double(periodsOK) / n, fillRate: demanded > 0 ? metFromStock / demanded : 1,
            averageOnHand: onHandSum / n, orderFrequency: orders / n,
            cycles: cycles, cyclesWithShortage: cyclesWithShortage, trace: trace)
    }
}
