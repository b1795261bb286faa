import AlmanacCore
import LuaBridge

/// The options the inventory policies validate, declared once for the check
/// and for the editor stubs' types, with what each function returns.
extension InventoryPolicies {
    static let newsvendorOptions = [h, p]

    static let baseStockOptions = [
        h, p, ParameterSpec("lead_time", .integer, default: .integer(0), range: .nonNegative, doc: "L, periods between ordering and receiving"),
        ParameterSpec("review_period", .integer, default: .integer(1), range: ParameterRange(lower: 1, upper: 10_000), doc: "R: order up to S every R periods (periodic review (R, S))"),
    ]

    static let reorderPointOptions = [
        ParameterSpec("lead_time", .number, range: .positive, doc: "L, periods from ordering to receiving"),
        ParameterSpec("lead_time_sd", .number, default: .number(0), range: .nonNegative, doc: "standard deviation of a random lead time"),
        ParameterSpec("service_level", .number, required: true, range: .unitOpen, doc: "α (cycle) or β (fill rate), between 0 and 1"),
        ParameterSpec("type", .string, default: .string("cycle"), choices: ["cycle", "fill_rate"], doc: "type 1 (cycle service) or type 2 (fill rate)"),
        ParameterSpec("order_quantity", .number, range: .positive, doc: "Q, needed for a fill-rate target"),
    ]

    static let rqOptions = [
        h, p, k,
        ParameterSpec("lead_time", .number, required: true, range: .positive, doc: "L, in the unit of the demand rate"),
        ParameterSpec("method", .string, default: .string("exact"), choices: ["exact", "eoq_ss", "eoqb", "loss_function", "eil"], doc: "how (r, Q) is chosen"),
        ParameterSpec("reorder_point", .number, doc: "evaluate this r (with order_quantity)"),
        ParameterSpec("order_quantity", .number, range: .positive, doc: "evaluate this Q (with reorder_point)"),
    ]

    static let eoqMultiOptions = [ParameterSpec("limit", .number, required: true, range: .positive, doc: "B, the shared budget or space")]

    static let eoqMultiItemOptions = [
        k, ParameterSpec("holding_cost", .number, required: true, range: .positive, doc: "h"),
        ParameterSpec("demand_rate", .number, required: true, range: .positive, doc: "λ"),
        ParameterSpec("usage", .number, required: true, range: .positive, doc: "resource per unit ordered"),
    ]

    static let simulateOptions = [
        ParameterSpec("orders_cross", .boolean, default: .boolean(false), doc: "with a random lead time: false keeps arrivals in the order placed, true lets orders cross"),
        ParameterSpec("holding_cost", .number, default: .number(1), range: .nonNegative, doc: "h per unit on hand per period"),
        ParameterSpec("stockout_cost", .number, default: .number(1), range: .nonNegative, doc: "p per unit backordered (or lost) per period"),
        ParameterSpec("fixed_cost", .number, default: .number(0), range: .nonNegative, doc: "K per order"),
        ParameterSpec("backorders", .boolean, default: .boolean(true), doc: "false: unmet demand is lost"),
        ParameterSpec("periods", .integer, range: ParameterRange(lower: 1), doc: "periods per replication after the warm-up (default 1000; with paths, their length minus the warm-up)"),
        ParameterSpec("warmup", .integer, range: .nonNegative, doc: "periods discarded at the start of each run (default 100; with paths, 0)"),
        ParameterSpec("replications", .integer, range: ParameterRange(lower: 2), doc: "runs (default 10; with paths, one per path, at least 2)"),
        ParameterSpec("seed", .integer, range: .nonNegative, doc: "seed of this simulation; default a draw from the run's generator"),
        ParameterSpec("trace", .boolean, default: .boolean(false), doc: "return the first run period by period"),
    ]

    static let abcXyzOptions = [
        ParameterSpec("value", .string, doc: "numeric attribute to value units at, or \"units\""),
        ParameterSpec("last", .integer, range: ParameterRange(lower: 1), doc: "use only the last n periods of each series"),
        ParameterSpec("a", .number, default: .number(0.8), range: .unitOpen, doc: "cumulative value share closing class A"),
        ParameterSpec("b", .number, default: .number(0.95), range: .unitOpen, doc: "cumulative value share closing class B"),
        ParameterSpec("x", .number, default: .number(0.5), range: .positive, doc: "largest CV of class X"),
        ParameterSpec("y", .number, default: .number(1.0), range: .positive, doc: "largest CV of class Y"),
    ]

    static let ssOptions = [h, p, k]

    static let epqOptions = [
        k, ParameterSpec("holding_cost", .number, required: true, range: .positive, doc: "h, cost to hold one unit for one time unit"),
        ParameterSpec("demand_rate", .number, required: true, range: .positive, doc: "λ, units demanded per time unit"),
        ParameterSpec("production_rate", .number, required: true, range: .positive, doc: "P, units produced per time unit (P > λ)"),
    ]

    static let eoqDiscountsOptions = [
        k, ParameterSpec("holding_cost_rate", .number, required: true, range: .positive, doc: "i, holding cost per unit time as a share of the unit cost"),
        ParameterSpec("demand_rate", .number, required: true, range: .positive, doc: "λ, units demanded per time unit"),
        ParameterSpec("breakpoints", .numbers, required: true, range: .nonNegative, doc: "order sizes where each price starts, increasing, first 0"),
        ParameterSpec("unit_costs", .numbers, required: true, range: .positive, doc: "the price per unit from each breakpoint on"),
        ParameterSpec("kind", .string, default: .string("all_units"), choices: ["all_units", "incremental"], doc: "all-units or incremental discounts"),
    ]

    /// `demand = dist`: one period's demand, taken apart from the specs.
    static let demandField = LuaField("demand", .distribution, doc: "one period's demand (dist.*)")

    /// A model table: the specs' fields and those taken apart before validation.
    static func model(_ specs: [ParameterSpec], _ extra: [LuaField] = []) -> LuaType {
        .record(specs.map(LuaField.init) + extra)
    }

    static let newsvendorResultFields = ["base_stock_level", "order_quantity", "cost", "expected_sales", "expected_leftover",
                                         "expected_shortage", "stockout_probability", "fill_rate", "critical_ratio"]
    static let newsvendorResult = LuaType.numbers(newsvendorResultFields)
    /// The newsvendor's fields, or with review_period > 1 the (R, S) policy's.
    static let baseStockResult = LuaType.record(newsvendorResultFields.map { LuaField.optional($0, .number) } + [
        .optional("order_up_to_level", .number), .optional("review_period", .integer),
        .optional("expected_backorders", .number), .optional("expected_on_hand", .number),
    ])
    static let reorderPointResult = LuaType.record(
        ["reorder_point", "safety_stock", "lead_time_demand_mean", "lead_time_demand_sd", "cycle_service_level", "expected_shortage_per_cycle"]
            .map { LuaField($0, .number) } + [.optional("fill_rate", .number, doc: "with an order quantity")])
    static let lotSizingResult = LuaType.record([
        LuaField("order_periods", .array(.integer)), LuaField("order_quantities", .array(.number)), LuaField("cost", .number),
    ], named: "inventory.LotSizingPlan")
    static let perPeriodCost = LuaType.number | .array(.number)

    /// A simulation estimate over replications.
    static let estimate = LuaType.record([LuaField("mean", .number), LuaField("half_width", .number, doc: "of the 95% confidence interval")],
                                         named: "inventory.Estimate")
    static let simulatePolicy = LuaType.record([
        LuaField("type", .oneOf(["base_stock", "ss", "rq"])),
        .optional("level", .number, doc: "base_stock: S"), .optional("s", .number, doc: "ss: reorder point"),
        .optional("S", .number, doc: "ss: order-up-to level"), .optional("r", .number, doc: "rq: reorder point"),
        .optional("Q", .number, doc: "rq: order quantity"),
    ])
    static let simulateOptionsType = model(simulateOptions, [
        LuaField("demand", .distribution | .samplePaths | .array(.array(.number)), doc: "a distribution, sample paths or scenarios"),
        .optional("lead_time", .integer | .distribution, doc: "whole periods, or a distribution of them (default 0)"),
    ])
    static let simulateResult = LuaType.record(
        ["cost", "holding_cost", "stockout_cost", "ordering_cost", "period_service_level", "fill_rate", "average_on_hand", "order_frequency"]
            .map { LuaField($0, estimate) }
            + [.optional("cycle_service_level", estimate, doc: "share of replenishment cycles without a shortage; absent when no cycle completed"),
               LuaField("cycles", .integer, doc: "replenishment cycles counted"),
               LuaField("periods_simulated", .integer), LuaField("replications", .integer),
               .optional("trace", .record(["on_hand", "backordered", "on_order", "ordered", "demand", "short"].map { LuaField($0, .array(.number)) }),
                         doc: "with trace = true: the first run, period by period")],
        named: "inventory.SimulationResult")
    static let abcXyzRow = LuaType.record([
        LuaField("key", .string), LuaField("value", .number), LuaField("share", .number), LuaField("cumulative_share", .number),
        LuaField("abc", .oneOf(["A", "B", "C"])), LuaField("cv", .number), LuaField("xyz", .oneOf(["X", "Y", "Z"])),
        LuaField("class", .string, doc: "\"AX\" … \"CZ\""), LuaField("service_level", .number),
    ], named: "inventory.AbcXyzRow")
}
