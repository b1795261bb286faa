import AlmanacCore
import Inventory
import LuaBridge

/// `inventory.rq`: the (r, Q) policy, optimised exactly or by a textbook approximation.
enum InventoryRQ {
    static var function: LuaFunctionSpec {
        LuaFunctionSpec(
            "rq", signature: "inventory.rq{ holding_cost =, stockout_cost =, fixed_cost =, demand = dist.normal(λ, σ) | dist.poisson(λ), lead_time = L [, method =] } -> { reorder_point, order_quantity, cost, exact_cost, eil_cost }",
            summary: "The (r, Q) policy, continuous review with backorders: exact optimisation (default) or the EOQ+SS, loss-function and EIL approximations; cost is the cost the method minimises (p per unit backordered per unit time, or per unit short for EIL), with exact_cost and eil_cost both given.",
            details: """
            `demand` is the demand per unit time (normal: mean rate λ and sd σ over one unit of time; \
            or Poisson); `lead_time` is in the same unit, so lead-time demand is N(λL, σ√L) or \
            Poisson(λL), as in stockpyl's `rq` functions. `method`: `exact` (normal: Q by a \
            one-dimensional search with the best r for each Q; Poisson: Federgruen & Zheng), \
            `eoq_ss`, `eoqb` (Q of the EOQ with backorders, then the best r for it; Zheng 1992), \
            `loss_function` or `eil`. Give `reorder_point` and `order_quantity` to \
            evaluate a policy instead. Two cost conventions: `exact_cost` is the exact expected cost \
            per unit time with p charged per unit backordered per unit time (Snyder & Shen); \
            `eil_cost` is h(r − λL + Q/2) + Kλ/Q + pλn(r)/Q, with p charged once per unit short \
            (Nahmias; the cost the EIL approximation minimises). `cost` is `eil_cost` for \
            `method = "eil"` and `exact_cost` otherwise (docs/inventory.md).
            """,
            example: """
            local m = { holding_cost = 0.225, stockout_cost = 7.5, fixed_cost = 8,
                        demand = dist.normal(1300, 150), lead_time = 1 / 12 }
            local r = inventory.rq(m)
            print(r.reorder_point, r.order_quantity, r.cost)  --> about 126.87  328.45  78.0711
            m.method = "eoq_ss"
            print(inventory.rq(m).cost)                       --> 87.048...
            m.method = "eil"                                  -- p per unit short
            local e = inventory.rq(m)
            print(e.cost, e.exact_cost)                       --> 95.4511...  92.2868...
            """,
            types: LuaSignature([.init("model", InventoryPolicies.model(InventoryPolicies.rqOptions,
                                                                           [LuaField("demand", .distribution, doc: "dist.normal(λ, σ) or dist.poisson(λ) per time unit")]))],
                                returns: [.numbers(["reorder_point", "order_quantity", "cost", "exact_cost", "eil_cost"])])
        ) { call in
            try call.requireTable(1, "model")
            var given = try call.record(1, "model")
            let owner = "inventory.rq"
            let demand = try DistributionObject.argument(given.removeValue(forKey: "demand"), "demand", owner: owner)
            let (set, _) = try validateOptions(given, against: InventoryPolicies.rqOptions, owner: owner)
            let sd: Double?
            switch demand {
            case .normal(_, let s): sd = s
            case .poisson: sd = nil
            default: throw ScriptError.named("\(owner): demand must be dist.normal(rate, sd) or dist.poisson(rate), got \(demand.name)")
            }
            let model = try RQModel(holdingCost: set.number("holding_cost") ?? .nan, stockoutCost: set.number("stockout_cost") ?? .nan,
                                    fixedCost: set.number("fixed_cost") ?? .nan, demandMean: demand.mean, demandSD: sd,
                                    leadTime: set.number("lead_time") ?? .nan)
            let method = set.string("method") ?? "exact"
            let r: Double, q: Double
            if let given = set.number("reorder_point"), let givenQ = set.number("order_quantity") {
                (r, q) = (given, givenQ)
            } else {
                switch method {
                case "eoq_ss": (r, q) = model.eoqSafetyStockApproximation()
                case "loss_function": (r, q) = model.lossFunctionApproximation()
                case "eil": (r, q) = try model.expectedInventoryLevelApproximation()
                case "eoqb": (r, q) = try model.eoqWithBackordersApproximation()
                default:
                    let best = try model.optimize()
                    (r, q) = (best.reorderPoint, best.orderQuantity)
                }
            }
            let exact = try model.cost(reorderPoint: r, orderQuantity: q)
            let eil = try model.expectedInventoryLevelCost(reorderPoint: r, orderQuantity: q)
            return call.returning(.record(["reorder_point": .number(r), "order_quantity": .number(q),
                                           "cost": .number(method == "eil" ? eil : exact),
                                           "exact_cost": .number(exact), "eil_cost": .number(eil)]))
        }
    }

    /// p, whose unit depends on the method's convention.
    static let stockoutCost = ParameterSpec(
        "stockout_cost", .number, required: true, range: .positive,
        doc: "p, cost per unit backordered per unit time (with method = \"eil\": per unit short)")
}
