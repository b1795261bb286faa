import AlmanacCore
import Charts
import Inventory
import LuaBridge

/// plot.cost_curve, plot.eoq, plot.simulation, plot.pareto.
enum PlotInventory {
    struct CostCurveArguments: PlotArgumentList {
        var cost = LuaValue.nil
        var lo = FiniteNumber()
        var hi = FiniteNumber()
        var optimum: Double?
        var points = 101
        var xlabel: String?
        var ylabel = "cost"
        var optimumLabel: String?
        var common = PlotCommonOptions()
        static let arguments: [LuaArgument<Self>] =
            [
                .required(
                    \.cost,
                    "a bound cost (almanac.cost) or a Lua function of x giving the total and optionally its parts",
                    type: .cost
                        | .callback(
                            LuaSignature(
                                [.init("x", .number)], returns: [.number, .map(key: .string, value: .number) | .nil]))),
                .required(\.lo, "the smallest decision drawn"),
                .required(\.hi, "the largest decision drawn"),
                .option(\.optimum, "the decision to mark"),
                .option(\.points, "how many points to evaluate", range: ParameterRange(lower: 3, upper: 10000)),
                .option(\.xlabel, "the decision axis label (default from the cost's decision)"),
                .option(\.ylabel, "the cost axis label"),
                .option(
                    \.optimumLabel, "the text beside the optimum (default \"Q* = …, cost …\", named after the decision)"
                ),
            ] + commonOptions
    }

    static func costCurve(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "cost_curve", in: "plot",
            summary:
                "A cost of one decision drawn over [lo, hi] with its parts (from a cost plugin's parts), and the optimum marked.",
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
            arguments: CostCurveArguments.self, returns: [.init(.chart)]
        ) { args, call in
            let lo = args.lo.value, hi = args.hi.value
            guard lo < hi else {
                throw ScriptError("plot.cost_curve: lo (\(formatNumber(lo))) must be below hi (\(formatNumber(hi)))")
            }
            let decision = try decisionName(args.cost)
            let evaluate = try evaluator(args.cost, call)
            let n = args.points
            var xs = (0..<n).map { lo + (hi - lo) * Double($0) / Double(n - 1) }
            let optimum = args.optimum
            if let q = optimum, q > lo, q < hi, !xs.contains(q) { xs.append(q); xs.sort() }
            let labels = CostCurveWording.labels(
                decision: decision, xLabel: args.xlabel, yLabel: args.ylabel,
                optimumLabel: args.optimumLabel)
            let figure = try curve(xs, evaluate, optimum: optimum, labels: labels)
            return try PlotArguments.finish(figure, args.common, call, context: context)
        }
    }

    /// The EOQ model plot.eoq draws.
    struct EOQModelFields: LuaArguments {
        var fixedCost = 0.0
        var holdingCost = 0.0
        var demandRate = 0.0
        static let arguments: [LuaArgument<Self>] = [
            .option(\.fixedCost, "cost per order K", range: .positive, required: true),
            .option(\.holdingCost, "holding cost per unit per period h", range: .positive, required: true),
            .option(\.demandRate, "demand per period D", range: .positive, required: true),
        ]
    }

    struct EOQArguments: PlotArgumentList {
        var model = OptionsRecord<EOQModelFields>()
        /// nil: Q*/4 and 3·Q*, which depend on the model.
        var from: Double?
        var to: Double?
        var common = PlotCommonOptions()
        static let arguments: [LuaArgument<Self>] =
            [
                .required(\.model, "the EOQ model"),
                .option(\.from, "smallest Q drawn", range: .positive),
                .option(\.to, "largest Q drawn", range: .positive),
            ] + commonOptions
    }

    /// The decision a bound cost declares (nil for a Lua function or a plugin that names none);
    /// a cost of several decisions cannot be drawn as one curve.
    static func decisionName(_ given: LuaValue) throws -> String? {
        guard case .object(let cost as CostHandle) = given else { return nil }
        let names = cost.plugin.descriptor.decision
        guard names.count <= 1 else {
            throw ScriptError(
                "plot.cost_curve: \(cost.name) has \(names.count) decision variables (\(names.joined(separator: ", "))); a cost curve draws a cost of one"
            )
        }
        return names.first
    }

    static func eoq(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "eoq", in: "plot",
            summary:
                "The EOQ total cost K·D/Q + h·Q/2 against Q, with its ordering and holding parts and Q* marked: the flat bottom in one picture.",
            details: "`model` is `\(OptionsRecord<EOQModelFields>.shownTable)`. The range defaults to Q*/4 … 3·Q*. "
                + PlotModule.commonDetails,
            example: "plot.eoq({ fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300 }, { out = \"eoq.png\" })",
            arguments: EOQArguments.self, returns: [.init(.chart)]
        ) { args, call in
            let m = args.model.fields
            let model = try EOQ(fixedCost: m.fixedCost, holdingCost: m.holdingCost, demandRate: m.demandRate)
            let q = model.orderQuantity
            let lo = args.from ?? q / 4, hi = args.to ?? 3 * q
            guard lo < hi else {
                throw ScriptError("plot.eoq: from (\(formatNumber(lo))) must be below to (\(formatNumber(hi)))")
            }
            var xs = (0..<121).map { lo + (hi - lo) * Double($0) / 120 }
            if q > lo, q < hi { xs.append(q); xs.sort() }
            let figure = try curve(
                xs,
                { x in
                    let c = try model.cost(orderQuantity: x)
                    return (c.total, [("ordering", c.ordering), ("holding", c.holding)])
                }, optimum: q, labels: .orderQuantity, title: "EOQ: total cost per period")
            return try PlotArguments.finish(figure, args.common, call, context: context)
        }
    }

    typealias Evaluation = (total: Double, parts: [(String, Double)])

    static func curve(
        _ xs: [Double], _ evaluate: (Double) throws -> Evaluation, optimum: Double?, labels: CostCurveLabels,
        title: String = "Cost curve"
    ) throws -> Figure {
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
        return try ChartBuilder.costCurve(
            x: xs, total: totals, parts: complete.map { ($0, parts[$0] ?? []) },
            optimum: best, labels: labels, title: title)
    }

    /// The cost at x, from a bound cost or a Lua function.
    static func evaluator(_ given: LuaValue, _ call: LuaCall) throws -> (Double) throws -> Evaluation {
        if case .object(let cost as CostHandle) = given {
            return { x in
                let v = try cost.evaluate([x], on: call.stack)
                return (v.total, v.parts.map { ($0.name, $0.value) })
            }
        }
        guard case .function(let function) = given else {
            throw ScriptError(
                "argument 1 'cost' must be a function, got \(call.isNil(1) ? "nothing" : "a " + call.typeName(1))")
        }
        return { x in
            let top = call.stack.top
            defer { call.stack.drop(to: top) }
            try call.call(function, [.number(x)], results: 2)
            let v = try CostHandle.costValue(on: call.stack, owner: "plot.cost_curve", at: " at x = \(formatNumber(x))")
            return (v.total, v.parts.map { ($0.name, $0.value) })
        }
    }

    struct SimulationArguments: PlotArgumentList {
        var resultOrTrace: [String: LuaValue] = [:]
        var periods: Int?
        var levels = LuaValue.nil
        var common = PlotCommonOptions()
        static let arguments: [LuaArgument<Self>] =
            [
                .required(
                    \.resultOrTrace, "the result of inventory.simulate{ ..., trace = true }, or its trace", type: .table
                ),
                .option(\.periods, "draw only the first periods", range: ParameterRange(lower: 1)),
                .option(
                    \.levels, "policy levels to draw as lines, e.g. { s = 20, S = 60 }",
                    type: .map(key: .string, value: .number)),
            ] + commonOptions
    }

    static func simulation(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "simulation", in: "plot",
            summary:
                "An inventory simulation period by period: on hand, backorders, on order and the policy's levels above; demand, orders and stock-outs below.",
            details:
                "Takes the result of `inventory.simulate{ ..., trace = true }` (or its `trace`). `periods` shows only the first ones. "
                + PlotModule.commonDetails,
            example: """
                local r = inventory.simulate({ type = "ss", s = 20, S = 60 }, { demand = dist.poisson(10), lead_time = 2,
                  holding_cost = 1, stockout_cost = 10, fixed_cost = 50, periods = 200, trace = true })
                plot.simulation(r, { periods = 60, levels = { s = 20, S = 60 }, out = "sim.svg" })
                """,
            arguments: SimulationArguments.self, returns: [.init(.chart)]
        ) { args, call in
            var record = args.resultOrTrace
            if case .record(let inner)? = record["trace"] { record = inner }
            func column(_ name: String) throws -> [Double] {
                guard case .array(let items)? = record[name] else {
                    throw ScriptError(
                        "plot.simulation: no '\(name)' in the trace; pass the result of inventory.simulate{ ..., trace = true }"
                    )
                }
                return items.map { $0.doubleValue ?? .nan }
            }
            let trace = InventoryTrace(
                onHand: try column("on_hand"), backordered: try column("backordered"), onOrder: try column("on_order"),
                ordered: try column("ordered"), demand: try column("demand"), short: try column("short"))
            var levels: [(name: String, value: Double)] = []
            switch args.levels {
            case .nil: break
            case .record(let fields):
                for key in fields.keys.sorted() {
                    guard let v = fields[key]?.doubleValue else {
                        throw ScriptError("plot.simulation: level '\(key)' must be a number")
                    }
                    levels.append((key, v))
                }
            default: throw ScriptError("plot.simulation: levels must be a table like { s = 20, S = 60 }")
            }
            let figure = try ChartBuilder.simulationTrace(
                trace, levels: levels, periods: args.periods, title: "Inventory simulation")
            return try PlotArguments.finish(figure, args.common, call, context: context)
        }
    }

    struct ParetoArguments: PlotArgumentList {
        var valuesOrRows = LuaValue.nil
        var a = 0.8
        var b = 0.95
        var ylabel = "value"
        var common = PlotCommonOptions()
        static let arguments: [LuaArgument<Self>] =
            [
                .required(
                    \.valuesOrRows, "{ name = value, ... } or the rows of inventory.abc_xyz",
                    type: .map(key: .string, value: .number) | .array(.table)),
                .option(\.a, "cumulative share that closes class A", range: ParameterRange(lower: 0, upper: 1)),
                .option(\.b, "cumulative share that closes class B", range: ParameterRange(lower: 0, upper: 1)),
                .option(\.ylabel, "the left axis label"),
            ] + commonOptions
    }

    static func pareto(_ context: HostContext) -> LuaFunctionSpec {
        LuaFunctionSpec(
            "pareto", in: "plot",
            summary:
                "A Pareto (ABC) chart: items by value, largest first, coloured by class, with the cumulative share on the right axis.",
            details:
                "Takes `{ name = value, ... }` or the rows of `inventory.abc_xyz` (their `key` and `value`). More than 40 items are drawn by rank, unlabelled. "
                + PlotModule.commonDetails,
            example: """
                plot.pareto({ sku1 = 5200, sku2 = 2100, sku3 = 900, sku4 = 450, sku5 = 120, sku6 = 60 }, { out = "pareto.svg" })
                """,
            arguments: ParetoArguments.self, returns: [.init(.chart)]
        ) { args, call in
            var names: [String] = [], values: [Double] = []
            switch args.valuesOrRows {
            case .record(let fields):
                for key in fields.keys.sorted() {
                    guard let v = fields[key]?.doubleValue else {
                        throw ScriptError("plot.pareto: the value of '\(key)' must be a number")
                    }
                    names.append(key)
                    values.append(v)
                }
            case .array(let rows):
                for (i, row) in rows.enumerated() {
                    guard case .record(let r) = row, let key = r["key"]?.keyText, let v = r["value"]?.doubleValue else {
                        throw ScriptError(
                            "plot.pareto: row \(i + 1) needs a key and a numeric value (as inventory.abc_xyz gives)")
                    }
                    names.append(key)
                    values.append(v)
                }
            default:
                throw ScriptError(
                    "plot.pareto: argument 1 must be a table { name = value } or the rows of inventory.abc_xyz")
            }
            let a = args.a, b = args.b
            guard a < b else {
                throw ScriptError("plot.pareto: a (\(formatNumber(a))) must be below b (\(formatNumber(b)))")
            }
            let figure = try ChartBuilder.pareto(
                names: names, values: values, thresholds: (a, b), title: "Pareto chart (ABC)",
                valueLabel: args.ylabel)
            return try PlotArguments.finish(figure, args.common, call, context: context)
        }
    }
}
