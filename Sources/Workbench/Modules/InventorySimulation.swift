import AlmanacCore
import Inventory
import LuaBridge

/// `inventory.simulate`: Monte Carlo simulation of a periodic-review policy.
enum InventorySimulation {
    static func function(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "simulate", signature: "inventory.simulate(policy, { demand = dist | paths | { {...}, ... }, lead_time = L | dist, holding_cost =, stockout_cost =, fixed_cost =, backorders =, orders_cross =, periods =, warmup =, replications =, seed =, trace = }) -> result",
            summary: "Monte Carlo simulation of a periodic-review policy — { type = \"base_stock\", level = S }, { type = \"ss\", s =, S = } or { type = \"rq\", r =, Q = } — reporting costs by component, service per replenishment cycle and per period, fill rate, average on hand and order frequency, each with a 95% confidence interval.",
            details: """
            Each period: review and order, receive what was ordered `lead_time` periods ago, demand \
            (backordered, or lost with `backorders = false`), then costs. Every estimate is \
            `{ mean =, half_width = }` over `replications` independent runs of `periods` periods \
            after `warmup`. `cycle_service_level` is type 1 service: the share of replenishment \
            cycles (from one order's arrival to the next) without a shortage, pooled over the \
            `cycles` counted (absent when none completed); `period_service_level` is the share of \
            periods without one; `fill_rate` the share of demand met from stock. `seed` (default: a draw from the run's generator) makes it reproducible; \
            `trace = true` returns the first run's `on_hand`, `backordered`, `on_order`, `ordered`, \
            `demand` and `short` per period. `lead_time` may be a distribution of whole \
            periods (dist.poisson, dist.empirical, ...; continuous ones are rounded to the \
            nearest period, normal is refused): orders arrive in the order placed unless \
            `orders_cross = true`. `demand` may be forecast sample paths (`m:sample{ h =, n = }`) \
            or scenarios `{ { ... }, ... }`: replication r follows path ((r − 1) mod n) + 1, \
            negative values count as 0, and periods, warm-up and replications default to the \
            path length, 0 and n. Demands and lead times are drawn every period from streams \
            of the seed, so with one seed every policy sees the same demand (common random \
            numbers): run it inside `optimize.minimize` to tune a policy.
            """,
            example: """
            local r = inventory.simulate({ type = "ss", s = 4, S = 10 },
              { demand = dist.poisson(6), holding_cost = 1, stockout_cost = 4, fixed_cost = 5,
                periods = 5000, replications = 10, seed = 1 })
            print(r.cost.mean, "±", r.cost.half_width)  --> about 8.03 (Zheng–Federgruen's exact cost)
            """,
            types: LuaSignature([.init("policy", InventoryPolicies.simulatePolicy), .init("options", InventoryPolicies.simulateOptionsType)],
                                returns: [InventoryPolicies.simulateResult])
        ) { call in
            let policyFields = try call.record(1, "policy")
            let owner = "inventory.simulate"
            func field(_ name: String) throws -> Double {
                guard let x = policyFields[name]?.doubleValue else {
                    throw ScriptError.named("\(owner): the policy needs '\(name)' (a number)")
                }
                return x
            }
            let policy: PolicySimulation.Policy
            switch policyFields["type"] ?? .nil {
            case .string("base_stock"): policy = .baseStock(level: try field("level"))
            case .string("ss"): policy = .sS(reorderPoint: try field("s"), orderUpTo: try field("S"))
            case .string("rq"): policy = .rQ(reorderPoint: try field("r"), orderQuantity: try field("Q"))
            default: throw ScriptError.named("\(owner): the policy's type must be \"base_stock\", \"ss\" or \"rq\"")
            }
            var given = try call.record(2, "options")
            let demand = try SimulationArguments.demand(given.removeValue(forKey: "demand"), owner: owner)
            let leadTime = try SimulationArguments.leadTime(given.removeValue(forKey: "lead_time"), owner: owner)
            let (set, _) = try validateOptions(given, against: InventoryPolicies.simulateOptions, owner: owner)
            var sim: PolicySimulation
            switch demand {
            case .distribution(let d):
                sim = PolicySimulation(policy: policy, demand: d)
                sim.warmup = set.integer("warmup") ?? 100
                sim.periods = set.integer("periods") ?? 1000
                sim.replications = set.integer("replications") ?? 10
            case .paths(let paths):
                sim = PolicySimulation(policy: policy, demandPaths: paths)
                sim.warmup = set.integer("warmup") ?? 0
                // Clamped at 1 so a warm-up as long as the paths gets validation's message.
                sim.periods = set.integer("periods") ?? max(1, (paths.first?.count ?? 0) - sim.warmup)
                sim.replications = set.integer("replications") ?? max(2, paths.count)
            }
            switch leadTime {
            case .fixed(let l): sim.leadTime = l
            case .random(let d): sim.leadTimeDistribution = d
            }
            sim.ordersCross = set.boolean("orders_cross") ?? false
            sim.holdingCost = set.number("holding_cost") ?? 1
            sim.stockoutCost = set.number("stockout_cost") ?? 1
            sim.fixedCost = set.number("fixed_cost") ?? 0
            sim.backorders = set.boolean("backorders") ?? true
            sim.seed = set.integer("seed").map(UInt64.init) ?? context.generator.next()
            sim.trace = set.boolean("trace") ?? false
            let r = try sim.run()
            func e(_ x: PolicySimulation.Estimate) -> LuaValue { .record(["mean": .number(x.mean), "half_width": .number(x.halfWidth)]) }
            var record: [String: LuaValue] = [
                "cost": e(r.cost), "holding_cost": e(r.holdingCost), "stockout_cost": e(r.stockoutCost),
                "ordering_cost": e(r.orderingCost), "period_service_level": e(r.periodServiceLevel), "fill_rate": e(r.fillRate),
                "average_on_hand": e(r.averageOnHand), "order_frequency": e(r.orderFrequency), "cycles": .integer(Int64(r.cyclesCounted)),
                "periods_simulated": .integer(Int64(r.periodsSimulated)), "replications": .integer(Int64(sim.replications)),
            ]
            if let cycleService = r.cycleServiceLevel { record["cycle_service_level"] = e(cycleService) }
            if let t = r.trace {
                func a(_ xs: [Double]) -> LuaValue { .array(xs.map { .number($0) }) }
                record["trace"] = .record(["on_hand": a(t.onHand), "backordered": a(t.backordered), "on_order": a(t.onOrder),
                                           "ordered": a(t.ordered), "demand": a(t.demand), "short": a(t.short)])
            }
            return call.returning(.record(record))
        }
    }
}
