import AlmanacCore
import Inventory
import LuaBridge

/// `inventory.simulate`: Monte Carlo simulation of a periodic-review policy.
enum InventorySimulation {
    static func function(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "simulate", in: "inventory",
            summary:
                "Monte Carlo simulation of a periodic-review policy — { type = \"base_stock\", level = S }, { type = \"ss\", s =, S = } or { type = \"rq\", r =, Q = } — reporting costs by component, service per replenishment cycle and per period, fill rate, average on hand and order frequency, each with a 95% confidence interval.",
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
            arguments: SimulationArguments.self, returns: [.init(SimulationResult.luaType)]
        ) { args, call in
            var sim: PolicySimulation
            switch args.demand {
            case .distribution(let d):
                sim = PolicySimulation(policy: args.policy.policy, demand: d)
            case .paths(let paths):
                sim = PolicySimulation(policy: args.policy.policy, demandPaths: paths)
                // With paths the run follows them: no warm-up, their length, one replication each (at least 2).
                sim.warmup = 0
                // Clamped at 1 so a warm-up as long as the paths gets validation's message.
                sim.periods = max(1, (paths.first?.count ?? 0) - (args.warmup ?? sim.warmup))
                sim.replications = max(2, paths.count)
            }
            if let warmup = args.warmup { sim.warmup = warmup }
            if let periods = args.periods { sim.periods = periods }
            if let replications = args.replications { sim.replications = replications }
            switch args.leadTime {
            case .fixed(let l): sim.leadTime = l
            case .random(let d): sim.leadTimeDistribution = d
            }
            sim.ordersCross = args.ordersCross
            sim.holdingCost = args.holdingCost
            sim.stockoutCost = args.stockoutCost
            sim.fixedCost = args.fixedCost
            sim.backorders = args.backorders
            sim.seed = args.seed.map(UInt64.init) ?? context.generator.next()
            sim.trace = args.trace
            return call.returning(record: SimulationResult(try sim.run(), replications: sim.replications))
        }
    }
}
