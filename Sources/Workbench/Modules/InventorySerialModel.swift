import AlmanacCore
import Inventory
import LuaBridge

extension ClarkScarf.Method {
    /// The name a script gave it.
    var name: String {
        switch self {
        case .fine: "fine"
        case .stockpylGrid: "stockpyl_grid"
        }
    }
}

extension InventorySerial {
    /// The serial system and the method from a stockpyl-style table; `extra` keys are taken out for the caller.
    static func model(_ call: LuaCall, owner: String, extra: [String] = []) throws -> (SerialSystem, ClarkScarf.Method, [String: LuaValue]) {
        try call.requireTable(1, "model")
        var given = try call.record(1, "model")
        var taken: [String: LuaValue] = [:]
        for key in extra { taken[key] = given.removeValue(forKey: key) }
        let demandObject = given.removeValue(forKey: "demand")
        // stockpyl takes one number for "the same at every node".
        let count = given["num_nodes"]?.doubleValue.flatMap { Int(exactly: $0) } ?? 0
        for key in ["echelon_holding_cost", "lead_time"] {
            // Only for a count validation will accept: the array is made before validation runs.
            if let x = given[key]?.doubleValue, (1...1000).contains(count) { given[key] = .array(Array(repeating: .number(x), count: count)) }
        }
        let (set, _) = try validateOptions(given, against: parameters, owner: owner)
        let n = set.integer("num_nodes") ?? 0
        guard case .numbers(let h)? = set["echelon_holding_cost"], case .numbers(let l)? = set["lead_time"] else {
            throw ScriptError.named("\(owner): echelon_holding_cost and lead_time must be arrays of numbers")
        }
        for (key, values) in [("echelon_holding_cost", h), ("lead_time", l)] where values.count != n {
            throw ScriptError.named("\(owner): '\(key)' has \(values.count) values but num_nodes is \(n); give one per node, node \(n) first")
        }
        let demand = try demandDistribution(demandObject, set)
        let system = try SerialSystem(echelonHoldingCost: h.reversed(), leadTime: l.reversed(),
                                      stockoutCost: set.number("stockout_cost") ?? .nan, demand: demand)
        return (system, try method(set, given: given, owner: owner), taken)
    }

    static var expectedCostFunction: LuaFunctionSpec {
        let owner = "inventory.serial_expected_cost"
        return LuaFunctionSpec(
            "serial_expected_cost",
            signature: "inventory.serial_expected_cost{ echelon_S = { S_1, ..., S_N }, <the options of inventory.serial_base_stock> } -> cost",
            summary: "The expected cost per period of given echelon base-stock levels in a serial system (stockpyl's ssm_serial.expected_cost).",
            details: """
            `echelon_S[j]` is node j's echelon level, node 1 (facing the customers) first, as in stockpyl's dict \
            {1: ..., N: ...}. The same recursion as `inventory.serial_base_stock` with each S_j in place of the \
            minimiser, on the fine grid, reading C_j between grid points by interpolation (`method = "stockpyl_grid"` \
            is refused: see docs/inventory.md for how stockpyl's own numbers compare).
            """,
            example: """
            local m = { num_nodes = 3, echelon_holding_cost = { 2, 2, 3 }, lead_time = { 2, 1, 1 },
              stockout_cost = 37.12, demand_mean = 5, demand_standard_deviation = 1,
              echelon_S = { 6.5144388073261155, 12.012332294949644, 22.700237234889784 } }
            print(inventory.serial_expected_cost(m))   --> 47.661...  (stockpyl's coarse grid: 47.641)
            m.echelon_S = { 8, 14, 25 }
            print(inventory.serial_expected_cost(m))   --> 56.3...: these levels are not optimal
            """,
            types: LuaSignature([.init("model", .record([LuaField("echelon_S", .array(.number), doc: "node j's echelon level, node 1 first")] + modelFields))],
                          returns: [.number])
        ) { call in
            let (system, method, taken) = try model(call, owner: owner, extra: ["echelon_S"])
            guard case .array(let items)? = taken["echelon_S"], !items.isEmpty else {
                throw ScriptError.named("\(owner): needs echelon_S = { S_1, ..., S_N }, node 1 first")
            }
            let levels = try items.enumerated().map { i, v throws -> Double in
                guard let x = v.doubleValue else { throw ScriptError.named("\(owner): echelon_S[\(i + 1)] must be a number, got a \(v.typeName)") }
                return x
            }
            return call.returning(.number(try ClarkScarf.expectedCost(system, echelonBaseStock: levels, method: method)))
        }
    }
}
