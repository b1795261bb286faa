import AlmanacCore
import Charts
import CLua
import Inventory
import LuaBridge

/// plot.cost_curve, plot.eoq, plot.simulation, plot.pareto.
enum PlotInventory {
    static let costCurveOptions = [
        ParameterSpec("optimum", .number, doc: "the decision to mark"),
        ParameterSpec("points", .integer, default: .integer(101), range: ParameterRange(lower: 3, upper: 10000), doc: "how many points to evaluate"),
        ParameterSpec("xlabel", .string, doc: "the decision axis label (default from the cost's decision)"),
        ParameterSpec("ylabel", .string, default: .string("cost"), doc: "the cost axis label"),
        ParameterSpec("optimum_label", .string, doc: "the text beside the optimum (default \"Q* = …, cost …\", named after the decision)"),
    ]

    static func costCurve(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "cost_curve", signature: "plot.cost_curve(cost, lo, hi [, { optimum =, points = 101, xlabel =, ylabel =, optimum_label =, out =, ... }]) -> Chart",
            summary: "A cost of one decision drawn over [lo, hi] with its parts (from a cost plugin's parts), and the optimum marked.",
            details: """
            `cost` is a bound cost (almanac.cost) or a Lua function returning the total and optionally a table of parts. \
            The labels follow the cost's declared decision: `order_quantity` gives the axis "order quantity Q" and the \
            optimum "Q* = …, cost …", `reorder_point` "reorder point r" and "r* = …"; another name is used as it is \
            ("best <name> = …"), and a Lua function gives "decision" and "optimum = …". The cost axis reads "cost". \
            `xlabel`, `ylabel` and `optimum_label` (the whole text beside the optimum) replace them; an \
            `xlabel` ending in a one-letter symbol ("order quantity S") names the optimum after it ("S* = …").
            """ + " " + PlotModule.commonDetails,
            example: """
            local c = almanac.cost("eoq_cost", { fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300 })
            local best = optimize.scalar(c, 50, 1200)
            plot.cost_curve(c, 50, 1200, { optimum = best.x, ylabel = "cost per year", out = "cost.svg" })
            """,
            types: LuaSignature([.init("cost", .cost | .callback(LuaSignature([.init("x", .number)], returns: [.number, .map(key: .string, value: .number) | .nil]))),
                                   .init("lo", .number), .init("hi", .number), .optional("options", PlotArguments.optionsType(costCurveOptions))], returns: [.chart])
        ) { call in
            let lo = try call.finiteNumber(2, "lo"), hi = try call.finiteNumber(3, "hi")
            guard lo < hi else { throw ScriptError("plot.cost_curve: lo (\(formatNumber(lo))) must be below hi (\(formatNumber(hi)))") }
            let (o, _) = try PlotArguments.options(call, 4, costCurveOptions, owner: "plot.cost_curve")
            let decision = try decisionName(call, 1)
            let evaluate = try evaluator(call, 1)
            let n = o.integer("points") ?? 101
            var xs = (0..<n).map { lo + (hi - lo) * Double($0) / Double(n - 1) }
            let optimum = o.number("optimum")
            if let q = optimum, q > lo, q < hi, !xs.contains(q) { xs.append(q); xs.sort() }
            let labels = CostCurveWording.labels(decision: decision, xLabel: o.string("xlabel"), yLabel: o.string("ylabel"),
                                                 optimumLabel: o.string("optimum_label"))
            let figure = try curve(xs, evaluate, optimum: optimum, labels: labels)
            return try PlotArguments.finish(figure, o, call, context: context)
        }
    }

    static let eoqModel = [
        ParameterSpec("fixed_cost", .number, required: true, range: .positive, doc: "cost per order K"),
        ParameterSpec("holding_cost", .number, required: true, range: .positive, doc: "holding cost per unit per period h"),
        ParameterSpec("demand_rate", .number, required: true, range: .positive, doc: "demand per period D"),
    ]

    static let eoqOptions = [
        ParameterSpec("from", .number, range: .positive, doc: "smallest Q drawn"),
        ParameterSpec("to", .number, range: .positive, doc: "largest Q drawn"),
    ]

    /// The decision a bound cost declares (nil for a Lua function or a plugin that names none);
    /// a cost of several decisions cannot be drawn as one curve.
    static func decisionName(_ call: LuaCall, _ index: Int32) throws -> String? {
        guard let cost = call.stack.object(at: index, as: CostHandle.self) else { return nil }
        let names = cost.plugin.descriptor.decision
        guard names.count <= 1 else {
            throw ScriptError("plot.cost_curve: \(cost.name) has \(names.count) decision variables (\(names.joined(separator: ", "))); a cost curve draws a cost of one")
        }
        return names.first
    }

    static func eoq(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "eoq", signature: "plot.eoq({ fixed_cost =, holding_cost =, demand_rate = } [, { from =, to =, out =, ... }]) -> Chart",
            summary: "The EOQ total cost K·D/Q + h·Q/2 against Q, with its ordering and holding parts and Q* marked: the flat bottom in one picture.",
            details: "The range defaults to Q*/4 … 3·Q*. " + PlotModule.commonDetails,
            example: "plot.eoq({ fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300 }, { out = \"eoq.png\" })",
            types: LuaSignature([.init("model", .options(eoqModel)), .optional("options", PlotArguments.optionsType(eoqOptions))], returns: [.chart])
        ) { call in
            let (m, _) = try validateOptions(try call.record(1, "model"), against: eoqModel, owner: "plot.eoq")
            let model = try EOQ(fixedCost: m.number("fixed_cost") ?? 0, holdingCost: m.number("holding_cost") ?? 0, demandRate: m.number("demand_rate") ?? 0)
            let (o, _) = try PlotArguments.options(call, 2, eoqOptions, owner: "plot.eoq")
            let q = model.orderQuantity
            let lo = o.number("from") ?? q / 4, hi = o.number("to") ?? 3 * q
            guard lo < hi else { throw ScriptError("plot.eoq: from (\(formatNumber(lo))) must be below to (\(formatNumber(hi)))") }
            var xs = (0..<121).map { lo + (hi - lo) * Double($0) / 120 }
            if q > lo, q < hi { xs.append(q); xs.sort() }
            let figure = try curve(xs, { x in
                let c = try model.cost(orderQuantity: x)
                return (c.total, [("ordering", c.ordering), ("holding", c.holding)])
            }, optimum: q, labels: .orderQuantity, title: "EOQ: total cost per period")
            return try PlotArguments.finish(figure, o, call, context: context)
        }
    }

    typealias Evaluation = (total: Double, parts: [(String, Double)])

    static func curve(_ xs: [Double], _ evaluate: (Double) throws -> Evaluation, optimum: Double?, labels: CostCurveLabels,
                      title: String = "Cost curve") throws -> Figure {
        var totals: [Double] = [], parts: [String: [Double]] = [:], names: [String] = []
        for x in xs {
            let e = try evaluate(x)
            totals.append(e.total)
            for (name, v) in e.parts {
                if parts[name] == nil { names.append(name) }
                parts[name, default: []].append(v)
            }
        }
        let complete = names.filter { parts[$0]?.count == xs.count }
        let best = try optimum.map { x in (x: x, cost: try evaluate(x).total) }
        return try ChartBuilder.costCurve(x: xs, total: totals, parts: complete.map { ($0, parts[$0] ?? []) },
                                          optimum: best, labels: labels, title: title)
    }

    /// The cost at x, from a bound cost or a Lua function.
    static func evaluator(_ call: LuaCall, _ index: Int32) throws -> (Double) throws -> Evaluation {
        if let cost = call.stack.object(at: index, as: CostHandle.self) {
            return { x in
                let v = try cost.evaluate([x], on: call.stack)
                return (v.total, v.parts.map { ($0.name, $0.value) })
            }
        }
        let function = try call.requireFunction(index, "cost")
        return { x in
            let top = lua_gettop(call.L)
            defer { lua_settop(call.L, top) }
            try call.call(function, [.number(x)], results: 2)
            let v = try CostHandle.costValue(on: call.stack, owner: "plot.cost_curve", at: " at x = \(formatNumber(x))")
            return (v.total, v.parts.map { ($0.name, $0.value) })
        }
    }

    static let simulationOptions = [
        ParameterSpec("periods", .integer, range: ParameterRange(lower: 1), doc: "draw only the first periods"),
    ]

    static func simulation(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "simulation", signature: "plot.simulation(result_or_trace [, { periods =, levels = { s =, S = }, out =, ... }]) -> Chart",
            summary: "An inventory simulation period by period: on hand, backorders, on order and the policy's levels above; demand, orders and stock-outs below.",
            details: "Takes the result of `inventory.simulate{ ..., trace = true }` (or its `trace`). `periods` shows only the first ones. " + PlotModule.commonDetails,
            example: """
            local r = inventory.simulate({ type = "ss", s = 20, S = 60 }, { demand = dist.poisson(10), lead_time = 2,
              holding_cost = 1, stockout_cost = 10, fixed_cost = 50, periods = 200, trace = true })
            plot.simulation(r, { periods = 60, levels = { s = 20, S = 60 }, out = "sim.svg" })
            """,
            types: LuaSignature([.init("result_or_trace", .table), .optional("options", PlotArguments.optionsType(simulationOptions, objects: [.optional("levels", .map(key: .string, value: .number), doc: "policy levels to draw as lines, e.g. { s = 20, S = 60 }")]))], returns: [.chart])
        ) { call in
            var record = try call.record(1, "result")
            if case .record(let inner)? = record["trace"] { record = inner }
            func column(_ name: String) throws -> [Double] {
                guard case .array(let items)? = record[name] else {
                    throw ScriptError("plot.simulation: no '\(name)' in the trace; pass the result of inventory.simulate{ ..., trace = true }")
                }
                return items.map { $0.doubleValue ?? .nan }
            }
            let trace = InventoryTrace(onHand: try column("on_hand"), backordered: try column("backordered"), onOrder: try column("on_order"),
                                       ordered: try column("ordered"), demand: try column("demand"), short: try column("short"))
            let (o, objects) = try PlotArguments.options(call, 2, simulationOptions, owner: "plot.simulation", objects: ["levels"])
            var levels: [(name: String, value: Double)] = []
            switch objects["levels"] ?? .nil {
            case .nil: break
            case .record(let fields):
                for key in fields.keys.sorted() {
                    guard let v = fields[key]?.doubleValue else { throw ScriptError("plot.simulation: level '\(key)' must be a number") }
                    levels.append((key, v))
                }
            default: throw ScriptError("plot.simulation: levels must be a table like { s = 20, S = 60 }")
            }
            let figure = try ChartBuilder.simulationTrace(trace, levels: levels, periods: o.integer("periods"), title: "Inventory simulation")
            return try PlotArguments.finish(figure, o, call, context: context)
        }
    }

    static let paretoOptions = [
        ParameterSpec("a", .number, default: .number(0.8), range: ParameterRange(lower: 0, upper: 1), doc: "cumulative share that closes class A"),
        ParameterSpec("b", .number, default: .number(0.95), range: ParameterRange(lower: 0, upper: 1), doc: "cumulative share that closes class B"),
        ParameterSpec("ylabel", .string, default: .string("value"), doc: "the left axis label"),
    ]

    static func pareto(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "pareto", signature: "plot.pareto(values_or_rows [, { a = 0.8, b = 0.95, ylabel =, out =, ... }]) -> Chart",
            summary: "A Pareto (ABC) chart: items by value, largest first, coloured by class, with the cumulative share on the right axis.",
            details: "Takes `{ name = value, ... }` or the rows of `inventory.abc_xyz` (their `key` and `value`). More than 40 items are drawn by rank, unlabelled. " + PlotModule.commonDetails,
            example: """
            plot.pareto({ sku1 = 5200, sku2 = 2100, sku3 = 900, sku4 = 450, sku5 = 120, sku6 = 60 }, { out = "pareto.svg" })
            """,
            types: LuaSignature([.init("values_or_rows", .map(key: .string, value: .number) | .array(.table)), .optional("options", PlotArguments.optionsType(paretoOptions))], returns: [.chart])
        ) { call in
            let given = try call.value(1, "values")
            var names: [String] = [], values: [Double] = []
            switch given {
            case .record(let fields):
                for key in fields.keys.sorted() {
                    guard let v = fields[key]?.doubleValue else { throw ScriptError("plot.pareto: the value of '\(key)' must be a number") }
                    names.append(key)
                    values.append(v)
                }
            case .array(let rows):
                for (i, row) in rows.enumerated() {
                    guard case .record(let r) = row, let key = r["key"]?.keyText, let v = r["value"]?.doubleValue else {
                        throw ScriptError("plot.pareto: row \(i + 1) needs a key and a numeric value (as inventory.abc_xyz gives)")
                    }
                    names.append(key)
                    values.append(v)
                }
            default: throw ScriptError("plot.pareto: argument 1 must be a table { name = value } or the rows of inventory.abc_xyz")
            }
            let (o, _) = try PlotArguments.options(call, 2, paretoOptions, owner: "plot.pareto")
            let a = o.number("a") ?? 0.8, b = o.number("b") ?? 0.95
            guard a < b else { throw ScriptError("plot.pareto: a (\(formatNumber(a))) must be below b (\(formatNumber(b)))") }
            let figure = try ChartBuilder.pareto(names: names, values: values, thresholds: (a, b), title: "Pareto chart (ABC)",
                                                 valueLabel: o.string("ylabel") ?? "value")
            return try PlotArguments.finish(figure, o, call, context: context)
        }
    }
}
