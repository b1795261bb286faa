import AlmanacCore
import Inventory
import LuaBridge

/// `inventory.rq`: the (r, Q) policy, optimised exactly or by a textbook approximation.
enum InventoryRQ {
    static var function: LuaFunctionSpec {
        LuaFunctionSpec(
            "rq", in: "inventory",
            summary:
                "The (r, Q) policy, continuous review with backorders: exact optimisation (default) or the EOQ+SS, loss-function and EIL approximations; cost is the cost the method minimises (p per unit backordered per unit time, or per unit short for EIL), with exact_cost and eil_cost both given.",
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
            arguments: RQArguments.self, returns: [.init(RQResult.luaType)]
        ) { args, call in
            let sd: Double?
            switch args.demand {
            case .normal(_, let s): sd = s
            case .poisson: sd = nil
            default:
                throw ScriptError("demand must be dist.normal(rate, sd) or dist.poisson(rate), got \(args.demand.name)")
            }
            let model = try RQModel(
                holdingCost: args.holdingCost, stockoutCost: args.stockoutCost, fixedCost: args.fixedCost,
                demandMean: args.demand.mean, demandSD: sd, leadTime: args.leadTime)
            let r: Double, q: Double
            if let given = args.reorderPoint, let givenQ = args.orderQuantity {
                (r, q) = (given, givenQ)
            } else {
                switch args.method {
                case .eoqSS: (r, q) = model.eoqSafetyStockApproximation()
                case .lossFunction: (r, q) = model.lossFunctionApproximation()
                case .eil: (r, q) = try model.expectedInventoryLevelApproximation()
                case .eoqb: (r, q) = try model.eoqWithBackordersApproximation()
                case .exact:
                    let best = try model.optimize()
                    (r, q) = (best.reorderPoint, best.orderQuantity)
                }
            }
            let exact = try model.cost(reorderPoint: r, orderQuantity: q)
            let eil = try model.expectedInventoryLevelCost(reorderPoint: r, orderQuantity: q)
            return call.returning(
                record: RQResult(
                    reorderPoint: r, orderQuantity: q, cost: args.method == .eil ? eil : exact,
                    exactCost: exact, eilCost: eil))
        }
    }

    /// How (r, Q) is chosen.
    enum Method: String, LuaChoice {
        case exact
        case eoqSS = "eoq_ss"
        case eoqb
        case lossFunction = "loss_function"
        case eil
    }

    /// inventory.rq's model: `demand` is per unit time, and p's unit depends on the method's convention.
    struct RQArguments: LuaArguments {
        var holdingCost = 0.0, stockoutCost = 0.0, fixedCost = 0.0
        var leadTime = 0.0
        var method = Method.exact
        var reorderPoint: Double?
        var orderQuantity: Double?
        var demand = Distribution.unset
        static let arguments: [LuaArgument<Self>] = [
            InventoryPolicies.holdingCost(\.holdingCost),
            .option(
                \.stockoutCost, "p, cost per unit backordered per unit time (with method = \"eil\": per unit short)",
                range: .positive, required: true),
            InventoryPolicies.fixedCost(\.fixedCost),
            .option(\.leadTime, "L, in the unit of the demand rate", range: .positive, required: true),
            .option(\.method, "how (r, Q) is chosen"),
            .option(\.reorderPoint, "evaluate this r (with order_quantity)"),
            .option(\.orderQuantity, "evaluate this Q (with reorder_point)", range: .positive),
            .option(\.demand, "dist.normal(λ, σ) or dist.poisson(λ) per time unit", required: true),
        ]
        static var optionsTable: LuaOptionsTable { .model }
    }
}
