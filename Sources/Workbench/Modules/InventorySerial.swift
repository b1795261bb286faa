import AlmanacCore
import Inventory
import LuaBridge

/// `inventory.serial_base_stock`: Clark–Scarf for a serial system, with stockpyl's
/// parameter names and its list order (node num_nodes first, node 1 last), so
/// `ssm_serial.optimize_base_stock_levels` calls translate word for word.
enum InventorySerial {
    static var function: LuaFunctionSpec {
        LuaFunctionSpec(
            "serial_base_stock", in: "inventory",
            summary:
                "Optimal echelon base-stock levels of a serial system (Clark–Scarf, Chen–Zheng's recursion, Snyder & Shen ch. 6); returns S_star, local_S_star, C_star, stage_cost.",
            details: """
                Node 1 faces the customers; node N is supplied from outside. As in stockpyl, `echelon_holding_cost` \
                and `lead_time` list the nodes from N down to 1 (one number means the same for all), and the \
                results are indexed by node: `S_star[1]` is node 1's echelon base-stock level. `lead_time[j]` is \
                the shipment lead time into node j, and demand over L periods is N(μL, σ²L) (poisson: mean μL, \
                whole-number L). Returns `S_star` (echelon levels), `local_S_star` (S_j − S_{j−1} after cutting each \
                S_j to the levels upstream of it), `C_star` (expected cost per period), `stage_cost` (C_j(S*_j)) \
                and `method`. The default method's C* is within about 3e-6 relative of the exact optimum (Example 6.1: 47.66029 against 47.66015); `method = "stockpyl_grid"` \
                reproduces stockpyl 1.0.2 with its `x_num`, `d_num` and tail options (see docs/inventory.md).
                """,
            example: """
                local r = inventory.serial_base_stock{ num_nodes = 3, echelon_holding_cost = { 2, 2, 3 },
                  lead_time = { 2, 1, 1 }, stockout_cost = 37.12, demand_mean = 5, demand_standard_deviation = 1 }
                print(r.S_star[1], r.S_star[2], r.S_star[3], r.C_star)  --> 6.4909...  12.0176...  22.7055...  47.6602...
                print(r.local_S_star[1], r.local_S_star[2], r.local_S_star[3])  --> 6.4909...  5.5267...  10.6878...
                """,
            arguments: SerialArguments.self, returns: [.init(SerialSolution.luaType)]
        ) { args, call in
            let (system, method) = try args.model()
            let solution = try ClarkScarf.optimize(system, method: method)
            return call.returning(record: SerialSolution(solution: solution, method: method.name))
        }
    }
}

/// What inventory.serial_base_stock returns.
struct SerialSolution: LuaRecordEncodable {
    let solution: SerialBaseStockSolution
    let method: String
    static let fields: [LuaRecordField<Self>] = [
        .field(\.solution.echelonBaseStock, "echelon base-stock levels, node 1 first", name: "S_star"),
        .field(\.solution.localBaseStock, name: "local_S_star"), .field(\.solution.stageCost, name: "stage_cost"),
        .field(\.solution.cost, "expected cost per period", name: "C_star"), .field(\.method),
    ]
}
