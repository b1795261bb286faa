import AlmanacCore
import Inventory
import LuaBridge

/// The EOQ's variants: several items under a shared limit, a finite production rate, quantity discounts.
enum InventoryEOQVariants {
    static var multiItem: LuaFunctionSpec {
        LuaFunctionSpec(
            "eoq_multi", in: "inventory",
            summary:
                "EOQ for several items under a shared limit Σ usage·Q ≤ B (a budget or warehouse space), by a Lagrange multiplier: Q_i = √(2K_iλ_i/(h_i + 2θ·usage_i)).",
            details:
                "`multiplier` is θ, what one more unit of the resource would save per unit time (0 when the limit does not bind).",
            example: """
                local r = inventory.eoq_multi{ limit = 3000, items = {
                  { fixed_cost = 100, holding_cost = 2, demand_rate = 1000, usage = 10 },
                  { fixed_cost = 50, holding_cost = 1, demand_rate = 500, usage = 4 },
                  { fixed_cost = 80, holding_cost = 3, demand_rate = 2000, usage = 6 } } }
                print(table.concat(r.order_quantities, ", "), r.cost, r.multiplier)
                """,
            arguments: EOQMultiArguments.self, returns: [.init(EOQMultiResult.luaType)]
        ) { args, call in
            call.returning(
                record: EOQMultiResult(solution: try MultiItemEOQ.solve(args.items.items, limit: args.limit)))
        }
    }

    static var production: LuaFunctionSpec {
        LuaFunctionSpec(
            "epq", in: "inventory",
            summary:
                "Economic production quantity: the EOQ with a finite production rate P > λ: Q* = √(2Kλ/(h(1 − λ/P))).",
            example:
                "local r = inventory.epq{ fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300, production_rate = 1900 }\nprint(r.order_quantity, r.cost)",
            arguments: EPQArguments.self, returns: [.init(EPQResult.luaType)]
        ) { args, call in
            let m = try EPQ(
                fixedCost: args.fixedCost, holdingCost: args.holdingCost, demandRate: args.demandRate,
                productionRate: args.productionRate)
            return call.returning(
                record: EPQResult(
                    orderQuantity: m.orderQuantity, cost: m.optimalCost,
                    cycleTime: m.orderQuantity / m.base.demandRate))
        }
    }

    static var discounts: LuaFunctionSpec {
        LuaFunctionSpec(
            "eoq_discounts", in: "inventory",
            summary:
                "EOQ with quantity discounts: unit cost unit_costs[j] from breakpoints[j] on (the first breakpoint is 0); holding cost = rate × unit cost; cost includes purchasing.",
            example: """
                local r = inventory.eoq_discounts{ fixed_cost = 150, holding_cost_rate = 0.25, demand_rate = 2400,
                  breakpoints = { 0, 100, 200 }, unit_costs = { 100, 90, 80 }, kind = "all_units" }
                print(r.order_quantity, r.cost, r.region)
                """,
            arguments: EOQDiscountsArguments.self, returns: [.init(EOQDiscountsResult.luaType)]
        ) { args, call in
            let m = try QuantityDiscountEOQ(
                fixedCost: args.fixedCost, holdingCostRate: args.holdingCostRate,
                demandRate: args.demandRate, breakpoints: args.breakpoints, unitCosts: args.unitCosts,
                kind: args.kind.kind)
            let r = m.optimize()
            return call.returning(
                record: EOQDiscountsResult(orderQuantity: r.orderQuantity, cost: r.cost, region: r.region))
        }
    }
}
