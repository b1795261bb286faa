import AlmanacCore
import Inventory
import LuaBridge

/// Lot sizing for known, time-varying demand: the optimal plan and two heuristics, one declaration.
enum InventoryLotSizing {
    static var functions: [LuaFunctionSpec] {
        [
            function(
                "wagner_whitin",
                "The optimal ordering plan for known, time-varying demand (Wagner & Whitin 1958), by dynamic programming over the last order; periods are 1-based."
            ) {
                try LotSizing.wagnerWhitin(demand: $0, fixedCost: $1, holdingCost: $2, purchaseCost: $3)
            },
            function(
                "silver_meal", "The Silver–Meal heuristic: extend each order while the cost per period covered falls."
            ) {
                try LotSizing.silverMeal(demand: $0, fixedCost: $1, holdingCost: $2, purchaseCost: $3)
            },
            function(
                "least_unit_cost",
                "The least-unit-cost heuristic: extend each order while the cost per unit ordered falls."
            ) {
                try LotSizing.leastUnitCost(demand: $0, fixedCost: $1, holdingCost: $2, purchaseCost: $3)
            },
        ]
    }

    static func function(
        _ name: String, _ summary: String,
        _ plan: @escaping ([Double], Double, [Double], [Double]) throws -> LotSizingPlan
    ) -> LuaFunctionSpec {
        LuaFunctionSpec(
            name, in: "inventory", summary: summary,
            example:
                "local r = inventory.\(name){ fixed_cost = 500, holding_cost = 2, demand = { 90, 120, 80, 70 } }\nprint(table.concat(r.order_periods, \", \"), r.cost)",
            arguments: LotSizingArguments.self, returns: [.init(LotSizingPlanResult.luaType)]
        ) { args, call in
            let result = try plan(args.demand, args.fixedCost, args.holdingCost.values, args.purchaseCost.values)
            return call.returning(record: LotSizingPlanResult(plan: result))
        }
    }
}
