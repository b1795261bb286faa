import AlmanacCore
import Inventory
import LuaBridge

/// The inventory module's policies for random demand: the newsvendor, base stock,
/// the reorder point and (s, S). The other functions have files of their own;
/// `functions` lists them all in the reference's order.
enum InventoryPolicies {
    static func functions(_ context: HostContext) -> [LuaFunctionSpec] {
        [
            newsvendor, baseStock, reorderPoint, InventoryRQ.function, InventoryEOQVariants.multiItem,
            InventorySimulation.function(context), InventoryClassification.function, ss,
            InventoryEOQVariants.production, InventoryEOQVariants.discounts,
        ] + InventoryLotSizing.functions
    }

    static var newsvendor: LuaFunctionSpec {
        LuaFunctionSpec(
            "newsvendor", in: "inventory",
            summary:
                "One period of random demand: order S* = F⁻¹(p/(p + h)); returns base_stock_level (= order_quantity), cost, expected_sales, expected_leftover, expected_shortage, stockout_probability, fill_rate, critical_ratio.",
            details:
                "Any distribution from `dist.*`; for discrete demand S* is the smallest whole number with F(S) ≥ p/(p+h). Cost: h·E[(S−D)⁺] + p·E[(D−S)⁺]. Give `order_quantity` to evaluate another S instead.",
            example: """
                local r = inventory.newsvendor{ holding_cost = 0.18, stockout_cost = 0.70, demand = dist.normal(50, 8) }
                print(r.base_stock_level, r.cost)  --> 56.6040...  1.99761...
                """,
            arguments: NewsvendorArguments.self, returns: [.init(NewsvendorResult.luaType)]
        ) { args, call in
            let nv = try Newsvendor(holdingCost: args.holdingCost, stockoutCost: args.stockoutCost, demand: args.demand)
            let outcome = nv.evaluate(args.orderQuantity ?? nv.optimalOrder)
            return call.returning(record: NewsvendorResult(outcome: outcome, criticalRatio: nv.criticalRatio))
        }
    }

    static var baseStock: LuaFunctionSpec {
        LuaFunctionSpec(
            "base_stock", in: "inventory",
            summary:
                "Periodic review, order up to S every period, lead time L periods: the newsvendor on the demand of L + 1 periods (normal, gamma, Poisson and negbin sum in closed form).",
            details:
                "`demand` is one period's demand. Returns what inventory.newsvendor returns, for the lead-time demand. With `review_period = R` > 1, the periodic-review (R, S) policy: S minimises the cycle-average cost (1/R)·Σ_{j=1..R} g_{L+j}(S); returns `base_stock_level` (S), `cost` per period, and cycle averages `stockout_probability`, `expected_backorders`, `expected_on_hand`.",
            example: """
                local r = inventory.base_stock{ holding_cost = 1, stockout_cost = 9, demand = dist.poisson(6), lead_time = 2 }
                print(r.base_stock_level, r.cost, r.fill_rate)
                """,
            arguments: BaseStockArguments.self, returns: [.init(BaseStockResult.luaType)]
        ) { args, call in
            if args.reviewPeriod > 1 {
                let rs = try PeriodicReview(
                    holdingCost: args.holdingCost, stockoutCost: args.stockoutCost, demand: args.demand,
                    leadTime: args.leadTime, reviewPeriod: args.reviewPeriod)
                let level = rs.optimalLevel
                return call.returning(
                    record: BaseStockResult(
                        level: level, reviewPeriod: args.reviewPeriod, rs.evaluate(level),
                        criticalRatio: rs.criticalRatio))
            }
            let bs = try BaseStock(
                holdingCost: args.holdingCost, stockoutCost: args.stockoutCost, demand: args.demand,
                leadTime: args.leadTime)
            let nv = bs.newsvendor
            return call.returning(
                record: BaseStockResult(
                    nv.evaluate(nv.optimalOrder), criticalRatio: nv.criticalRatio,
                    leadTimeDemandMean: nv.demand.mean))
        }
    }

    static var reorderPoint: LuaFunctionSpec {
        LuaFunctionSpec(
            "reorder_point", in: "inventory",
            summary:
                "Reorder point and safety stock for continuous review: type 1 (cycle service: P(no stock-out in a cycle) = α) or type 2 (fill rate: n(r) = (1 − β)·Q).",
            details: """
                Lead-time demand is `demand` (one period's) over `lead_time` periods — summed exactly for \
                normal, gamma, Poisson and negbin; with `lead_time_sd` (a random lead time), the normal \
                approximation with mean E[L]μ and variance E[L]σ² + μ²Var[L] — or give `lead_time_demand` \
                directly (e.g. `dist.empirical` of summed forecast sample paths). Returns `reorder_point`, \
                `safety_stock`, `lead_time_demand_mean`, `lead_time_demand_sd`, `cycle_service_level`, \
                `fill_rate` (with an order quantity) and `expected_shortage_per_cycle`.
                """,
            example: """
                local r = inventory.reorder_point{ demand = dist.normal(100, 20), lead_time = 4, service_level = 0.95 }
                print(r.reorder_point, r.safety_stock)  --> 465.79...  65.79...
                local f = inventory.reorder_point{ demand = dist.normal(100, 20), lead_time = 4, lead_time_sd = 1,
                  service_level = 0.99, type = "fill_rate", order_quantity = 500 }
                print(f.reorder_point, f.cycle_service_level)
                """,
            arguments: ReorderPointArguments.self, returns: [.init(ReorderPointResult.luaType)]
        ) { args, call in
            let owner = "inventory.reorder_point"
            let ltd: Distribution
            if let direct = args.leadTimeDemand {
                guard args.demand == nil else {
                    throw ScriptError.named(
                        "\(owner): give either demand (with lead_time) or lead_time_demand, not both")
                }
                ltd = direct
            } else {
                guard let d = args.demand else { throw Distribution.missingOption("demand") }
                guard let l = args.leadTime else {
                    throw ScriptError.named(
                        "\(owner): option 'lead_time' is required with demand (or give lead_time_demand)")
                }
                ltd = try ReorderPoint.leadTimeDemand(perPeriod: d, leadTime: l, sd: args.leadTimeSd)
            }
            let service: ReorderPoint.Service
            switch args.type {
            case .fillRate:
                guard let q = args.orderQuantity else {
                    throw ScriptError.named("\(owner): a fill-rate target needs order_quantity (Q)")
                }
                service = .fillRate(args.serviceLevel, orderQuantity: q)
            case .cycle:
                service = .cycle(args.serviceLevel)
            }
            let r = try ReorderPoint(leadTimeDemand: ltd, service: service).solve()
            return call.returning(record: ReorderPointResult(r, leadTimeDemand: ltd))
        }
    }

    static var ss: LuaFunctionSpec {
        LuaFunctionSpec(
            "ss", in: "inventory",
            summary:
                "The optimal (s, S) policy for periodic review with a fixed order cost and discrete demand, by the Zheng–Federgruen algorithm (exact).",
            example: """
                local r = inventory.ss{ holding_cost = 1, stockout_cost = 4, fixed_cost = 5, demand = dist.poisson(6) }
                print(r.reorder_point, r.order_up_to_level, r.cost)  --> 4  10  8.0341...
                """,
            arguments: SSArguments.self, returns: [.init(SSResult.luaType)]
        ) { args, call in
            let r = try ZhengFedergruen.optimize(
                holdingCost: args.holdingCost, stockoutCost: args.stockoutCost,
                fixedCost: args.fixedCost, demand: args.demand)
            return call.returning(
                record: SSResult(reorderPoint: r.reorderPoint, orderUpToLevel: r.orderUpToLevel, cost: r.cost))
        }
    }
}
