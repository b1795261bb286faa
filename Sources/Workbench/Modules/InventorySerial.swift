import AlmanacCore
import Inventory
import LuaBridge

/// `inventory.serial_base_stock`: Clark–Scarf for a serial system, with stockpyl's
/// parameter names and its list order (node num_nodes first, node 1 last), so
/// `ssm_serial.optimize_base_stock_levels` calls translate word for word.
enum InventorySerial {
    static let owner = "inventory.serial_base_stock"

    static let gridOptions = ["x_num", "d_num", "ltd_lower_tail_prob", "ltd_upper_tail_prob",
                              "sum_ltd_lower_tail_prob", "sum_ltd_upper_tail_prob"]

    static let parameters = [
        ParameterSpec("num_nodes", .integer, required: true, range: ParameterRange(lower: 1, upper: 1000), doc: "N, the number of stages; node 1 faces the customers"),
        ParameterSpec("echelon_holding_cost", .numbers, required: true, range: .nonNegative,
                      doc: "h_j, one per node from node N down to node 1 (stockpyl's order), or one number for all"),
        ParameterSpec("lead_time", .numbers, required: true, range: .nonNegative,
                      doc: "L_j, periods for a shipment into node j, from node N down to node 1, or one number for all"),
        ParameterSpec("stockout_cost", .number, required: true, range: .positive, doc: "p, per unit backordered per period at node 1"),
        ParameterSpec("demand_mean", .number, range: .nonNegative, doc: "μ, mean demand per period (normal demand)"),
        ParameterSpec("demand_standard_deviation", .number, range: .positive, doc: "σ, per period (normal demand)"),
        ParameterSpec("method", .string, default: .string("fine"), choices: ["fine", "stockpyl_grid"],
                      doc: "\"fine\": Almanac's accurate grid; \"stockpyl_grid\": stockpyl 1.0.2's discretisation"),
        ParameterSpec("points_per_sd", .integer, default: .integer(64), range: ParameterRange(lower: 2),
                      doc: "fine: grid steps per standard deviation of the shortest lead time's demand"),
        ParameterSpec("x_num", .integer, default: .integer(1000), range: ParameterRange(lower: 1, upper: 1_000_000), doc: "stockpyl_grid: steps of the x range"),
        ParameterSpec("d_num", .integer, default: .integer(100), range: ParameterRange(lower: 1, upper: 100_000), doc: "stockpyl_grid: steps of each lead-time demand"),
        ParameterSpec("ltd_lower_tail_prob", .number, range: .unitOpen, doc: "stockpyl_grid: lead-time demand cut below (default 1 − Φ(4))"),
        ParameterSpec("ltd_upper_tail_prob", .number, range: .unitOpen, doc: "stockpyl_grid: lead-time demand cut above (default 1 − Φ(4))"),
        ParameterSpec("sum_ltd_lower_tail_prob", .number, range: .unitOpen, doc: "stockpyl_grid: demand over all lead times, cut below (default 1 − Φ(4))"),
        ParameterSpec("sum_ltd_upper_tail_prob", .number, range: .unitOpen, doc: "stockpyl_grid: demand over all lead times, cut above (default 1 − Φ(4))"),
    ]

    /// The model's fields: one number stands for every node's cost or lead time, and
    /// `demand` (taken apart from the specs) replaces the normal demand's mean and sd.
    static let modelFields: [LuaField] = parameters.map { spec in
        guard spec.type == .numbers else { return LuaField(spec) }
        return LuaField(spec.name, .number | .array(.number), optional: !spec.required, doc: spec.typeNote)
    } + [.optional("demand", .distribution, doc: "dist.normal or dist.poisson per period, instead of demand_mean and demand_standard_deviation")]
    static let modelType = LuaType.record(modelFields)
    static let resultType = LuaType.record([
        LuaField("S_star", .array(.number), doc: "echelon base-stock levels, node 1 first"),
        LuaField("local_S_star", .array(.number)), LuaField("stage_cost", .array(.number)),
        LuaField("C_star", .number, doc: "expected cost per period"), LuaField("method", .string),
    ])

    static var function: LuaFunctionSpec {
        LuaFunctionSpec(
            "serial_base_stock",
            signature: "inventory.serial_base_stock{ num_nodes =, echelon_holding_cost = {...}, lead_time = {...}, stockout_cost =, demand_mean =, demand_standard_deviation = | demand = dist.poisson(m) [, method = \"fine\" | \"stockpyl_grid\", x_num =, d_num =] } -> result",
            summary: "Optimal echelon base-stock levels of a serial system (Clark–Scarf, Chen–Zheng's recursion, Snyder & Shen ch. 6); returns S_star, local_S_star, C_star, stage_cost.",
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
            types: LuaSignature([.init("model", modelType)], returns: [resultType])
        ) { call in
            let (system, method, _) = try model(call, owner: owner)
            let solution = try ClarkScarf.optimize(system, method: method)
            return call.returning(.record([
                "S_star": .array(solution.echelonBaseStock.map { .number($0) }),
                "local_S_star": .array(solution.localBaseStock.map { .number($0) }),
                "stage_cost": .array(solution.stageCost.map { .number($0) }),
                "C_star": .number(solution.cost),
                "method": .string(method.name),
            ]))
        }
    }

    static func demandDistribution(_ object: LuaValue?, _ set: ParameterSet) throws -> Distribution {
        let mean = set.number("demand_mean"), sd = set.number("demand_standard_deviation")
        if let object {
            guard mean == nil, sd == nil else {
                throw ScriptError.named("\(owner): give either demand (a distribution) or demand_mean and demand_standard_deviation, not both")
            }
            let d = try DistributionObject.argument(object, "demand", owner: owner)
            switch d {
            case .normal, .poisson: return d
            default: throw ScriptError.named("\(owner): demand must be dist.normal or dist.poisson, got \(d.name)")
            }
        }
        guard let mean, let sd else {
            throw ScriptError.named("\(owner): needs demand_mean and demand_standard_deviation (normal demand per period), or demand = dist.poisson(mean)")
        }
        return .normal(mean: mean, sd: sd)
    }

    static func method(_ set: ParameterSet, given: [String: LuaValue], owner: String = owner) throws -> ClarkScarf.Method {
        if set.string("method") == "stockpyl_grid" {
            if given["points_per_sd"] != nil { throw ScriptError.named("\(owner): points_per_sd applies to method = \"fine\"") }
            var grid = StockpylGrid(xNum: set.integer("x_num") ?? 1000, dNum: set.integer("d_num") ?? 100)
            if let t = set.number("ltd_lower_tail_prob") { grid.lowerTail = t }
            if let t = set.number("ltd_upper_tail_prob") { grid.upperTail = t }
            if let t = set.number("sum_ltd_lower_tail_prob") { grid.sumLowerTail = t }
            if let t = set.number("sum_ltd_upper_tail_prob") { grid.sumUpperTail = t }
            return .stockpylGrid(grid)
        }
        if let stray = gridOptions.first(where: { given[$0] != nil }) {
            throw ScriptError.named("\(owner): \(stray) applies to method = \"stockpyl_grid\"")
        }
        return .fine(pointsPerSD: set.integer("points_per_sd") ?? 64)
    }
}
