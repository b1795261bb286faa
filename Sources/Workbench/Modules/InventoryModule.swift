import AlmanacCore
import Inventory
import LuaBridge

/// Closed-form inventory models. Parameter names follow Snyder & Shen and stockpyl.
enum InventoryModule {
    static let eoqParameters = [
        ParameterSpec("fixed_cost", .number, required: true, range: .positive, doc: "K, cost per order placed"),
        ParameterSpec("holding_cost", .number, required: true, range: .positive, doc: "h, cost to hold one unit for one time unit"),
        ParameterSpec("demand_rate", .number, required: true, range: .positive, doc: "λ, units demanded per time unit"),
        ParameterSpec("stockout_cost", .number, range: .positive,
                      doc: "p, cost per unit backordered per time unit; given, the model plans backorders"),
    ]

    static func spec(_ context: HostContext) -> LuaModuleSpec {
        LuaModuleSpec("inventory", summary: "Inventory models in closed form (Snyder & Shen's notation).", functions: [
            LuaFunctionSpec(
                "eoq", signature: "inventory.eoq{ fixed_cost =, holding_cost =, demand_rate = [, stockout_cost =] } -> result",
                summary: "Economic order quantity: Q* = √(2Kλ/h), cost √(2Kλh); with stockout_cost p, planned backorders.",
                details: """
                Returns `order_quantity` (Q*), `cost` (cost per time unit at Q*), `cycle_time` (Q*/λ) and \
                `orders_per_time` (λ/Q*); with `stockout_cost`, also `stockout_fraction` (x* = h/(h+p), the \
                share of each cycle's demand that is backordered). Costs and λ must share one time unit.
                """,
                example: """
                local r = inventory.eoq{ fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300 }
                print(r.order_quantity, r.cost)  --> 304.0467...  68.4105...
                """
            ) { call in
                try call.requireTable(1, "model")
                let (p, _) = try validateOptions(try call.record(1, "model"), against: eoqParameters, owner: "inventory.eoq")
                let k = p.number("fixed_cost") ?? .nan, h = p.number("holding_cost") ?? .nan
                let lambda = p.number("demand_rate") ?? .nan
                var result: [String: LuaValue]
                if let stockout = p.number("stockout_cost") {
                    let m = try EOQWithBackorders(fixedCost: k, holdingCost: h, stockoutCost: stockout, demandRate: lambda)
                    result = ["order_quantity": .number(m.orderQuantity), "cost": .number(m.optimalCost),
                              "stockout_fraction": .number(m.stockoutFraction)]
                } else {
                    let m = try EOQ(fixedCost: k, holdingCost: h, demandRate: lambda)
                    result = ["order_quantity": .number(m.orderQuantity), "cost": .number(m.optimalCost)]
                }
                let q = result["order_quantity"]?.doubleValue ?? .nan
                result["cycle_time"] = .number(q / lambda)
                result["orders_per_time"] = .number(lambda / q)
                return call.returning(.record(result))
            },
        ] + InventoryPolicies.functions(context) + [InventorySerial.function, InventorySerial.expectedCostFunction, InventoryRisk.function(context)])
    }
}
