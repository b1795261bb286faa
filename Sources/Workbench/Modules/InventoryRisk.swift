import AlmanacCore
import Forecasting
import Inventory
import LuaBridge

/// `inventory.risk`: stock-out and overstock risk per SKU from forecasts' sample paths, sorted by exposure.
enum InventoryRisk {
    static let itemFields = ["key", "on_hand", "on_order", "unit_cost", "demand"]

    static let options = [
        ParameterSpec("lead_time", .integer, default: .integer(1), range: ParameterRange(lower: 1, upper: 10_000), doc: "periods until a new order would arrive"),
        ParameterSpec("horizon", .integer, default: .integer(8), range: ParameterRange(lower: 1, upper: 10_000), doc: "periods over which excess stock is measured"),
        ParameterSpec("n", .integer, default: .integer(1000), range: ParameterRange(lower: 10, upper: 1_000_000), doc: "paths to draw from a model or a distribution"),
    ]

    static let itemType = LuaType.record([
        LuaField("key", .string), LuaField("on_hand", .number),
        .optional("on_order", .number, doc: "default 0"), .optional("unit_cost", .number, doc: "default 1"),
        LuaField("demand", .fittedModel | .samplePaths | .distribution | .array(.array(.number)),
                 doc: "a fitted model, sample paths, one period's distribution or scenarios"),
    ])
    static let rowType = LuaType.record(
        [LuaField("key", .string)] + ["on_hand", "on_order", "p_stockout", "expected_shortage", "periods_of_cover",
                                      "expected_excess", "exposure", "excess_value"].map { LuaField($0, .number) })

    static func function(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "risk", signature: "inventory.risk({ { key =, on_hand =, on_order = 0, unit_cost = 1, demand = model | paths | dist | { {...}, ... } }, ... } [, { lead_time = 1, horizon = 8, n = 1000 }]) -> { row, ... }",
            summary: "Per SKU: probability of a stock-out within the lead time, expected shortage, periods of cover and excess stock after the horizon, from demand scenarios; sorted by exposure (expected shortage × unit cost).",
            details: """
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
            types: LuaSignature([.init("items", .array(itemType)), .optional("options", .options(options))], returns: [.array(rowType)])
        ) { call in
            guard case .array(let items) = try call.value(1, "items") else {
                throw ScriptError("inventory.risk: argument 1 must be an array of items { key =, on_hand =, demand = ... }")
            }
            let (o, _) = try validateOptions(try call.record(2, "options"), against: options, owner: "inventory.risk")
            let lead = o.integer("lead_time") ?? 1, horizon = o.integer("horizon") ?? 8, n = o.integer("n") ?? 1000
            guard max(lead, horizon) * n <= 50_000_000 else {
                throw ScriptError("inventory.risk: \(n) paths of \(max(lead, horizon)) periods are too many (at most 50 million values); lower n")
            }
            var risks: [StockRisk] = []
            for (i, item) in items.enumerated() {
                guard case .record(let fields) = item else { throw ScriptError("inventory.risk: item \(i + 1) must be a table { key =, on_hand =, demand = ... }") }
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
                    guard let x = value.doubleValue else { throw ScriptError("inventory.risk: item '\(key)': \(name) must be a number, got a \(value.typeName)") }
                    return x
                }
                let position = StockPosition(key: key, onHand: try number("on_hand", nil), onOrder: try number("on_order", 0), unitCost: try number("unit_cost", 1))
                let scenarios = try demandScenarios(fields["demand"], key: key, periods: max(lead, horizon), count: n, call: call, context: context)
                risks.append(try StockRiskAnalysis.assess(position, demand: scenarios, leadTime: lead, horizon: horizon))
            }
            return call.returning(.array(StockRiskAnalysis.sorted(risks).map { r in
                .record(["key": .string(r.key), "on_hand": .number(r.onHand), "on_order": .number(r.onOrder),
                         "p_stockout": .number(r.stockoutProbability), "expected_shortage": .number(r.expectedShortage),
                         "periods_of_cover": .number(r.periodsOfCover), "expected_excess": .number(r.expectedExcess),
                         "exposure": .number(r.exposure), "excess_value": .number(r.excessValue)])
            }))
        }
    }

    static func demandScenarios(_ value: LuaValue?, key: String, periods: Int, count: Int, call: LuaCall, context: HostContext) throws -> DemandScenarios {
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
                guard case .array(let cells) = path, let row = Optional(cells.compactMap(\.doubleValue)), row.count == cells.count else {
                    throw ScriptError("inventory.risk: item '\(key)': demand scenario \(i + 1) must be an array of numbers")
                }
                if let width, width != row.count {
                    throw ScriptError("inventory.risk: item '\(key)': demand scenario \(i + 1) has \(row.count) periods, the first has \(width)")
                }
                width = row.count
                values += row
            }
            guard let width else { throw ScriptError("inventory.risk: item '\(key)': demand has no scenarios") }
            return try DemandScenarios(horizon: width, count: paths.count, values: values)
        default:
            throw ScriptError("inventory.risk: item '\(key)': demand must be a fitted model, sample paths, a distribution or an array of scenarios, got \(value?.typeName ?? "nothing")")
        }
    }
}
