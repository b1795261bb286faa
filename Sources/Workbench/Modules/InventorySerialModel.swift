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

/// The serial system as stockpyl's `ssm_serial` takes it, shared by
/// inventory.serial_base_stock and inventory.serial_expected_cost. Errors are
/// unnamed: the trampoline prefixes the function that was called.
struct SerialArguments: LuaArguments {
    var numNodes = 0
    var echelonHoldingCost = PerNode()
    var leadTime = PerNode()
    var stockoutCost = 0.0
    var demandMean: Double?
    var demandStandardDeviation: Double?
    var method = MethodName.fine
    var pointsPerSd = Given(64)
    var xNum = Given(StockpylGrid().xNum)
    var dNum = Given(StockpylGrid().dNum)
    var ltdLowerTailProb: Double?
    var ltdUpperTailProb: Double?
    var sumLtdLowerTailProb: Double?
    var sumLtdUpperTailProb: Double?
    var demand: Distribution?

    static let arguments: [LuaArgument<Self>] = [
        .option(
            \.numNodes, "N, the number of stages; node 1 faces the customers",
            range: ParameterRange(lower: 1, upper: 1000),
            required: true),
        .option(
            \.echelonHoldingCost,
            "h_j, one per node from node N down to node 1 (stockpyl's order), or one number for all",
            range: .nonNegative, required: true),
        .option(
            \.leadTime, "L_j, periods for a shipment into node j, from node N down to node 1, or one number for all",
            range: .nonNegative, required: true),
        .option(\.stockoutCost, "p, per unit backordered per period at node 1", range: .positive, required: true),
        .option(\.demandMean, "μ, mean demand per period (normal demand)", range: .nonNegative),
        .option(\.demandStandardDeviation, "σ, per period (normal demand)", range: .positive),
        .option(\.method, "\"fine\": Almanac's accurate grid; \"stockpyl_grid\": stockpyl 1.0.2's discretisation"),
        .option(
            \.pointsPerSd, "fine: grid steps per standard deviation of the shortest lead time's demand",
            range: ParameterRange(lower: 2)),
        .option(\.xNum, "stockpyl_grid: steps of the x range", range: ParameterRange(lower: 1, upper: 1_000_000)),
        .option(
            \.dNum, "stockpyl_grid: steps of each lead-time demand", range: ParameterRange(lower: 1, upper: 100_000)),
        .option(\.ltdLowerTailProb, "stockpyl_grid: lead-time demand cut below (default 1 − Φ(4))", range: .unitOpen),
        .option(\.ltdUpperTailProb, "stockpyl_grid: lead-time demand cut above (default 1 − Φ(4))", range: .unitOpen),
        .option(
            \.sumLtdLowerTailProb, "stockpyl_grid: demand over all lead times, cut below (default 1 − Φ(4))",
            range: .unitOpen),
        .option(
            \.sumLtdUpperTailProb, "stockpyl_grid: demand over all lead times, cut above (default 1 − Φ(4))",
            range: .unitOpen),
        .option(
            \.demand, "dist.normal or dist.poisson per period, instead of demand_mean and demand_standard_deviation"),
    ]
    static var optionsTable: LuaOptionsTable { .model }

    /// The method's name in a script.
    enum MethodName: String, LuaChoice {
        case fine
        case stockpylGrid = "stockpyl_grid"
    }

    /// One number per node, or one number for every node (stockpyl takes both).
    struct PerNode: LuaArgumentValue {
        var values: [Double] = []
        var isOneForAll = false

        static var luaType: LuaType { .number | .array(.number) }
        /// Validated as numbers: a lone number passes as a list of one.
        static var parameterType: ParameterType { .numbers }

        static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> PerNode {
            PerNode(values: try call.numbers(index, name))
        }

        init() {}
        init(values: [Double], isOneForAll: Bool = false) { (self.values, self.isOneForAll) = (values, isOneForAll) }

        init(option value: ParameterValue, raw: LuaValue, name: String) throws {
            guard case .numbers(let xs) = value else { throw UnexpectedOption(name: name) }
            values = xs
            isOneForAll = raw.doubleValue != nil
        }

        var shownDefault: ParameterValue? { nil }

        /// One value per node: a lone number repeated `count` times.
        func perNode(_ count: Int) -> [Double] {
            isOneForAll ? Array(repeating: values.first ?? 0, count: count) : values
        }
    }

    /// The serial system and the method.
    func model() throws -> (SerialSystem, ClarkScarf.Method) {
        let n = numNodes
        let h = echelonHoldingCost.perNode(n), l = leadTime.perNode(n)
        for (key, values) in [("echelon_holding_cost", h), ("lead_time", l)] where values.count != n {
            throw ScriptError(
                "'\(key)' has \(values.count) values but num_nodes is \(n); give one per node, node \(n) first")
        }
        let system = try SerialSystem(
            echelonHoldingCost: h.reversed(), leadTime: l.reversed(), stockoutCost: stockoutCost,
            demand: try demandDistribution())
        return (system, try clarkScarfMethod())
    }

    /// Normal demand from its mean and sd, or a normal or Poisson distribution.
    func demandDistribution() throws -> Distribution {
        if let demand {
            guard demandMean == nil, demandStandardDeviation == nil else {
                throw ScriptError(
                    "give either demand (a distribution) or demand_mean and demand_standard_deviation, not both")
            }
            switch demand {
            case .normal, .poisson: return demand
            default: throw ScriptError("demand must be dist.normal or dist.poisson, got \(demand.name)")
            }
        }
        guard let demandMean, let demandStandardDeviation else {
            throw ScriptError(
                "needs demand_mean and demand_standard_deviation (normal demand per period), or demand = dist.poisson(mean)"
            )
        }
        return .normal(mean: demandMean, sd: demandStandardDeviation)
    }

    /// The grid: each method's own options are refused with the other.
    func clarkScarfMethod() throws -> ClarkScarf.Method {
        switch method {
        case .stockpylGrid:
            if pointsPerSd.isGiven { throw ScriptError("points_per_sd applies to method = \"fine\"") }
            var grid = StockpylGrid(xNum: xNum.value, dNum: dNum.value)
            if let t = ltdLowerTailProb { grid.lowerTail = t }
            if let t = ltdUpperTailProb { grid.upperTail = t }
            if let t = sumLtdLowerTailProb { grid.sumLowerTail = t }
            if let t = sumLtdUpperTailProb { grid.sumUpperTail = t }
            return .stockpylGrid(grid)
        case .fine:
            let gridOptions: [(String, Bool)] = [
                ("x_num", xNum.isGiven), ("d_num", dNum.isGiven), ("ltd_lower_tail_prob", ltdLowerTailProb != nil),
                ("ltd_upper_tail_prob", ltdUpperTailProb != nil),
                ("sum_ltd_lower_tail_prob", sumLtdLowerTailProb != nil),
                ("sum_ltd_upper_tail_prob", sumLtdUpperTailProb != nil),
            ]
            if let stray = gridOptions.first(where: \.1) {
                throw ScriptError("\(stray.0) applies to method = \"stockpyl_grid\"")
            }
            return .fine(pointsPerSD: pointsPerSd.value)
        }
    }
}

/// inventory.serial_expected_cost's model: the serial system and the levels to cost.
struct SerialCostArguments: LuaArguments {
    var levels = EchelonLevels()
    var system = SerialArguments()
    static let arguments: [LuaArgument<Self>] =
        [.option(\.levels, "node j's echelon level, node 1 first", name: "echelon_S", required: true)]
        + SerialArguments.arguments.map { $0.lifted(\.system) }
    static var optionsTable: LuaOptionsTable { .model }
}

/// `echelon_S = { S_1, ..., S_N }`, node 1 first.
struct EchelonLevels: LuaArgumentValue, LuaArgumentMissingMessage {
    var values: [Double] = []

    static var luaType: LuaType { .array(.number) }
    /// Checked here, with the messages below.
    static var parameterType: ParameterType { .any }

    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> EchelonLevels {
        try EchelonLevels(option: .integer(0), raw: try call.value(index, name), name: name)
    }

    init() {}

    init(option value: ParameterValue, raw: LuaValue, name: String) throws {
        guard case .array(let items) = raw, !items.isEmpty else { throw Self.missingOption(name) }
        values = try items.enumerated().map { i, v throws -> Double in
            guard let x = v.doubleValue else {
                throw ScriptError("\(name)[\(i + 1)] must be a number, got a \(v.typeName)")
            }
            return x
        }
    }

    var shownDefault: ParameterValue? { nil }

    static func missingOption(_ name: String) -> ScriptError {
        ScriptError("needs \(name) = { S_1, ..., S_N }, node 1 first")
    }
}

extension InventorySerial {
    static var expectedCostFunction: LuaFunctionSpec {
        LuaFunctionSpec(
            "serial_expected_cost", in: "inventory",
            summary:
                "The expected cost per period of given echelon base-stock levels in a serial system (stockpyl's ssm_serial.expected_cost).",
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
            arguments: SerialCostArguments.self, returns: [.init(.number, "cost")]
        ) { args, call in
            let (system, method) = try args.system.model()
            return call.returning(
                .number(try ClarkScarf.expectedCost(system, echelonBaseStock: args.levels.values, method: method)))
        }
    }
}
