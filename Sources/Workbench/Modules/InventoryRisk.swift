import AlmanacCore
import Forecasting
import Inventory
import LuaBridge

/// `inventory.risk`: stock-out and overstock risk per SKU from forecasts' sample paths, sorted by exposure.
enum InventoryRisk {
    static let itemFields = ["key", "on_hand", "on_order", "unit_cost", "demand"]

    static let itemType = LuaType.record([
        LuaField("key", .string), LuaField("on_hand", .number),
        .optional("on_order", .number, doc: "default 0"), .optional("unit_cost", .number, doc: "default 1"),
        LuaField(
            "demand", .fittedModel | .samplePaths | .distribution | .array(.array(.number)),
            doc: "a fitted model, sample paths, one period's distribution or scenarios"),
    ])

    /// The items, then the options.
    struct Arguments: LuaArguments {
        var items = LuaValue.nil
        var leadTime = 1
        var horizon = 8
        var n = 1000
        static let arguments: [LuaArgument<Self>] = [
            .required(
                \.items, "the SKUs, each { key =, on_hand =, on_order =, unit_cost =, demand = }",
                type: .array(itemType)),
            .option(
                \.leadTime, "periods until a new order would arrive", range: ParameterRange(lower: 1, upper: 10_000)),
            .option(
                \.horizon, "periods over which excess stock is measured", range: ParameterRange(lower: 1, upper: 10_000)
            ),
            .option(
                \.n, "paths to draw from a model or a distribution", range: ParameterRange(lower: 10, upper: 1_000_000)),
        ]
    }

    /// One row of the result: an item's risk.
    struct Row: LuaRecordEncodable {
        let risk: StockRisk
        static let fields: [LuaRecordField<Self>] = [
            .field(\.risk.key, name: "key"), .field(\.risk.onHand, name: "on_hand"),
            .field(\.risk.onOrder, name: "on_order"),
            .field(\.risk.stockoutProbability, name: "p_stockout"),
            .field(\.risk.expectedShortage, name: "expected_shortage"),
            .field(\.risk.periodsOfCover, name: "periods_of_cover"),
            .field(\.risk.expectedExcess, name: "expected_excess"),
            .field(\.risk.exposure, name: "exposure"), .field(\.risk.excessValue, name: "excess_value"),
        ]
    }

    static func function(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "risk", in: "inventory",
            summary:
                "Per SKU: probability of a stock-out within the lead time, expected shortage, periods of cover and excess stock after the horizon, from demand scenarios; sorted by exposure (expected shortage × unit cost).",
            details: """
                Each item is `{ key =, on_hand =, on_order = 0, unit_cost = 1, demand = model | paths | dist | { {...}, ... } }`. \
                `demand` is a fitted model (its `n` sample paths are drawn), a SamplePaths (`m:sample{ h =, n = }`), \
                a distribution of one period's demand (`n` paths of independent draws) or an array of scenarios \
                (arrays of per-period demand). Stock available before a new order arrives is on hand + on order; \
                negative sampled demand counts as zero. Each row: `key`, `on_hand`, `on_order`, `p_stockout`, \
                `expected_shortage`, `periods_of_cover` (math.huge beyond the scenarios), `expected_excess`, `exposure`, \
                `excess_value`. See docs/inventory.md, Risk.
                """,
            example: """
                local p = data.synthetic_retail{ skus = 3, seed = 4 }
                local items = {}
                for _, key in ipairs(p:keys()) do
                  local s = p[key]
                  local last = s:values()[#s]
                  items[#items + 1] = { key = key, on_hand = 2 * last, unit_cost = p:attributes(key).unit_cost,
                                        demand = forecast.fit("ets", s) }
                end
                for _, r in ipairs(inventory.risk(items, { lead_time = 2, horizon = 8, n = 500 })) do
                  print(("%-9s P(out) %.2f  short %.1f  cover %.1f weeks"):format(r.key, r.p_stockout, r.expected_shortage, r.periods_of_cover))
                end
                """,
            arguments: Arguments.self, returns: [.init(.array(Row.luaType))]
        ) { args, call in
            guard case .array(let items) = args.items else {
                throw ScriptError(
                    "inventory.risk: argument 1 must be an array of items { key =, on_hand =, demand = ... }")
            }
            let lead = args.leadTime, horizon = args.horizon, n = args.n
            guard max(lead, horizon) * n <= 50_000_000 else {
                throw ScriptError(
                    "inventory.risk: \(n) paths of \(max(lead, horizon)) periods are too many (at most 50 million values); lower n"
                )
            }
            var risks: [StockRisk] = []
            for (i, item) in items.enumerated() {
                guard case .record(let fields) = item else {
                    throw ScriptError(
                        "inventory.risk: item \(i + 1) must be a table { key =, on_hand =, demand = ... }")
                }
                for name in fields.keys.sorted() where !itemFields.contains(name) {
                    let guess = closestMatch(to: name, in: itemFields).map { " (did you mean '\($0)'?)" } ?? ""
                    throw ScriptError("inventory.risk: item \(i + 1) has an unknown field '\(name)'\(guess)")
                }
                let key = fields["key"]?.keyText ?? "item \(i + 1)"
                func number(_ name: String, _ fallback: Double?) throws -> Double {
                    guard let value = fields[name], value != .nil else {
                        if let fallback { return fallback }
                        throw ScriptError("inventory.risk: item '\(key)' needs \(name)")
                    }
                    guard let x = value.doubleValue else {
                        throw ScriptError(
                            "inventory.risk: item '\(key)': \(name) must be a number, got a \(value.typeName)")
                    }
                    return x
                }
                let position = StockPosition(
                    key: key, onHand: try number("on_hand", nil), onOrder: try number("on_order", 0),
                    unitCost: try number("unit_cost", 1))
                let scenarios = try demandScenarios(
                    fields["demand"], key: key, periods: max(lead, horizon), count: n, call: call, context: context)
                risks.append(
                    try StockRiskAnalysis.assess(position, demand: scenarios, leadTime: lead, horizon: horizon))
            }
            return call.returning(.array(StockRiskAnalysis.sorted(risks).map { Row(risk: $0).luaValue }))
        }
    }

    static func demandScenarios(
        _ value: LuaValue?, key: String, periods: Int, count: Int, call: LuaCall, context: HostContext
    ) throws -> DemandScenarios {
        switch value {
        case .object(let m as FittedModelObject)?:
            let paths = try context.samplePaths(m.model, horizon: periods, count: count, future: [:], call: call)
            return try DemandScenarios(horizon: paths.horizon, count: paths.count, values: paths.values)
        case .object(let p as SamplePathsObject)?:
            return try DemandScenarios(horizon: p.paths.horizon, count: p.paths.count, values: p.paths.values)
        case .object(let d as DistributionObject)?:
            let dist = try d.distribution.validated()
            var values: [Double] = []
            values.reserveCapacity(periods * count)
            for _ in 0..<(periods * count) { values.append(dist.sample(using: &context.generator)) }
            return try DemandScenarios(horizon: periods, count: count, values: values)
        case .array(let paths)?:
            var values: [Double] = [], width: Int?
            for (i, path) in paths.enumerated() {
                guard case .array(let cells) = path, let row = Optional(cells.compactMap(\.doubleValue)),
                    row.count == cells.count
                else {
                    throw ScriptError(
                        "inventory.risk: item '\(key)': demand scenario \(i + 1) must be an array of numbers")
                }
                if let width, width != row.count {
                    throw ScriptError(
                        "inventory.risk: item '\(key)': demand scenario \(i + 1) has \(row.count) periods, the first has \(width)"
                    )
                }
                width = row.count
                values += row
            }
            guard let width else { throw ScriptError("inventory.risk: item '\(key)': demand has no scenarios") }
            return try DemandScenarios(horizon: width, count: paths.count, values: values)
        default:
            throw ScriptError(
                "inventory.risk: item '\(key)': demand must be a fitted model, sample paths, a distribution or an array of scenarios, got \(value?.typeName ?? "nothing")"
            )
        }
    }
}
