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

    static let eoqOptions = eoqParameters + [
        ParameterSpec("order_quantity", .number, range: .positive, doc: "a Q to compare with Q* (sensitivity)"),
    ]
    static let eoqResult = LuaType.record(
        ["order_quantity", "cost", "cycle_time", "orders_per_time"].map { LuaField($0, .number) }
            + [.optional("stockout_fraction", .number, doc: "with stockout_cost"),
               .optional("cost_at_q", .number, doc: "with order_quantity"), .optional("cost_ratio", .number, doc: "with order_quantity")])

    static func spec(_ context: HostContext) -> LuaModuleSpec {
        LuaModuleSpec("inventory", summary: "Inventory models in closed form (Snyder & Shen's notation).", functions: [
            LuaFunctionSpec(
                "eoq", signature: "inventory.eoq{ fixed_cost =, holding_cost =, demand_rate = [, stockout_cost =] [, order_quantity = Q] } -> result",
                summary: "Economic order quantity: Q* = √(2Kλ/h), cost √(2Kλh); with stockout_cost p, planned backorders.",
                details: """
                Returns `order_quantity` (Q*), `cost` (cost per time unit at Q*), `cycle_time` (Q*/λ) and \
                `orders_per_time` (λ/Q*); with `stockout_cost`, also `stockout_fraction` (x* = h/(h+p), the \
                share of each cycle's demand that is backordered). Costs and λ must share one time unit. \
                Sensitivity: with `order_quantity = Q`, also `cost_at_q` (the cost of ordering Q instead, \
                with the best backorder share for it) and `cost_ratio` = cost_at_q / cost, which for the plain \
                EOQ is ½(Q/Q* + Q*/Q): 25 % off Q* costs only about 4 % more (the flat bottom).
                """,
                example: """
                local r = inventory.eoq{ fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300 }
                print(r.order_quantity, r.cost)  --> 304.0467...  68.4105...
                local s = inventory.eoq{ fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300, order_quantity = 400 }
                print(s.cost_at_q, s.cost_ratio)  --> 71.0...  1.038...
                """,
                types: LuaSignature([.init("model", .options(eoqOptions))], returns: [eoqResult])
            ) { call in
                try call.requireTable(1, "model")
                let (p, _) = try validateOptions(try call.record(1, "model"), against: eoqOptions, owner: "inventory.eoq")
                let k = p.number("fixed_cost") ?? .nan, h = p.number("holding_cost") ?? .nan
                let lambda = p.number("demand_rate") ?? .nan
                var result: [String: LuaValue]
                if let stockout = p.number("stockout_cost") {
                    let m = try EOQWithBackorders(fixedCost: k, holdingCost: h, stockoutCost: stockout, demandRate: lambda)
                    result = ["order_quantity": .number(m.orderQuantity), "cost": .number(m.optimalCost),
                              "stockout_fraction": .number(m.stockoutFraction)]
                    if let q = p.number("order_quantity") {
                        // For a given Q the best backorder share is still h/(h + p) (Snyder & Shen §3.5).
                        let c = try m.cost(orderQuantity: q, stockoutFraction: m.stockoutFraction)
                        result["cost_at_q"] = .number(c)
                        result["cost_ratio"] = .number(c / m.optimalCost)
                    }
                } else {
                    let m = try EOQ(fixedCost: k, holdingCost: h, demandRate: lambda)
                    result = ["order_quantity": .number(m.orderQuantity), "cost": .number(m.optimalCost)]
                    if let q = p.number("order_quantity") {
                        let c = try m.cost(orderQuantity: q).total
                        result["cost_at_q"] = .number(c)
                        result["cost_ratio"] = .number(c / m.optimalCost)
                    }
                }
                let q = result["order_quantity"]?.doubleValue ?? .nan
                result["cycle_time"] = .number(q / lambda)
                result["orders_per_time"] = .number(lambda / q)
                return call.returning(.record(result))
            },
        ] + InventoryPolicies.functions(context) + [InventorySerial.function, InventorySerial.expectedCostFunction, InventoryRisk.function(context)])
    }
}
