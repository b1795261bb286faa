import AlmanacCore
import Forecasting
import Inventory

/// The cost functions that ship in Swift, as plugins.
enum NativeCosts {
    static let eoqCost = PluginDescriptor(
        name: "eoq_cost", kind: .cost, version: "1.0.0",
        summary: "EOQ total cost per unit time, g(Q) = Kλ/Q + hQ/2 (ordering plus holding)",
        doc: """
            The economic order quantity model (Snyder & Shen §3.2): demand at constant rate λ, \
            no shortages, instantaneous replenishment. Minimised at Q* = √(2Kλ/h) with cost √(2Kλh). \
            Costs and the demand rate must use the same time unit (e.g. per year).
            """,
        parameters: [
            ParameterSpec("fixed_cost", .number, required: true, range: .positive, doc: "K, cost per order placed"),
            ParameterSpec(
                "holding_cost", .number, required: true, range: .positive,
                doc: "h, cost to hold one unit for one time unit"),
            ParameterSpec(
                "demand_rate", .number, required: true, range: .positive, doc: "λ, units demanded per time unit"),
        ],
        capabilities: ["parts"],
        decision: ["order_quantity"],
        example: """
            local c = almanac.cost("eoq_cost", { fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300 })
            print(c(304.0468))  --> 68.4105...
            """)

    static var all: [(PluginDescriptor, PluginImplementation)] {
        [
            (
                eoqCost,
                .nativeCost { x, p in
                    let model = try EOQ(
                        fixedCost: p.number("fixed_cost") ?? .nan, holdingCost: p.number("holding_cost") ?? .nan,
                        demandRate: p.number("demand_rate") ?? .nan)
                    let c = try model.cost(orderQuantity: x[0])
                    return CostValue(total: c.total, parts: [("ordering", c.ordering), ("holding", c.holding)])
                }
            )
        ]
    }
}

extension PluginRegistry {
    /// Registers every plugin written in Swift.
    public func registerNativePlugins() throws(ParameterError) {
        for (descriptor, implementation) in NativeOptimizers.all + NativeCosts.all {
            try register(descriptor, implementation)
        }
        for model in ModelCatalog.workbench.definitions {
            try register(model.descriptor, .nativeModel(model))
        }
    }
}
