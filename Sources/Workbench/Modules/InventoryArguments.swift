import AlmanacCore
import Inventory
import LuaBridge
import TimeSeries

/// The declared model tables of the inventory functions (see LuaArguments).
/// Each is one table, `inventory.eoq{ ... }`, called `model` and required.
/// Parameter names follow Snyder & Shen and stockpyl, so textbook exercises translate directly.
/// The fields several models share are declared once here.
extension InventoryPolicies {
    /// h, p and K as the periodic-review models word them.
    static func holdingCost<T: LuaArguments>(_ path: WritableKeyPath<T, Double> & Sendable) -> LuaArgument<T> {
        .option(path, "h, cost per unit left over (held) per period", range: .positive, required: true)
    }
    static func stockoutCost<T: LuaArguments>(_ path: WritableKeyPath<T, Double> & Sendable) -> LuaArgument<T> {
        .option(path, "p, cost per unit short (backordered) per period", range: .positive, required: true)
    }
    static func fixedCost<T: LuaArguments>(_ path: WritableKeyPath<T, Double> & Sendable) -> LuaArgument<T> {
        .option(path, "K, cost per order placed", range: .positive, required: true)
    }
    static func demandRate<T: LuaArguments>(_ path: WritableKeyPath<T, Double> & Sendable) -> LuaArgument<T> {
        .option(path, "λ, units demanded per time unit", range: .positive, required: true)
    }
    /// `demand = dist`: one period's demand.
    static func demand<T: LuaArguments>(_ path: WritableKeyPath<T, Distribution> & Sendable) -> LuaArgument<T> {
        .option(path, "one period's demand (dist.*)", required: true)
    }
}

struct NewsvendorArguments: LuaArguments {
    var holdingCost = 0.0, stockoutCost = 0.0
    var demand = Distribution.unset
    var orderQuantity: Double?
    static let arguments: [LuaArgument<Self>] = [
        InventoryPolicies.holdingCost(\.holdingCost), InventoryPolicies.stockoutCost(\.stockoutCost),
        InventoryPolicies.demand(\.demand), .option(\.orderQuantity, "evaluate this S instead of the optimum"),
    ]
    static var optionsTable: LuaOptionsTable { .model }
}

struct BaseStockArguments: LuaArguments {
    var holdingCost = 0.0, stockoutCost = 0.0
    var leadTime = 0
    var reviewPeriod = 1
    var demand = Distribution.unset
    static let arguments: [LuaArgument<Self>] = [
        InventoryPolicies.holdingCost(\.holdingCost), InventoryPolicies.stockoutCost(\.stockoutCost),
        .option(\.leadTime, "L, periods between ordering and receiving", range: .nonNegative),
        .option(
            \.reviewPeriod, "R: order up to S every R periods (periodic review (R, S))",
            range: ParameterRange(lower: 1, upper: 10_000)),
        InventoryPolicies.demand(\.demand),
    ]
    static var optionsTable: LuaOptionsTable { .model }
}

/// Type 1 or type 2 service.
enum ReorderServiceType: String, LuaChoice {
    case cycle
    case fillRate = "fill_rate"
}

struct ReorderPointArguments: LuaArguments {
    var leadTime: Double?
    var leadTimeSd = 0.0
    var serviceLevel = 0.0
    var type = ReorderServiceType.cycle
    var orderQuantity: Double?
    var demand: Distribution?
    var leadTimeDemand: Distribution?
    static let arguments: [LuaArgument<Self>] = [
        .option(\.leadTime, "L, periods from ordering to receiving", range: .positive),
        .option(\.leadTimeSd, "standard deviation of a random lead time", range: .nonNegative),
        .option(\.serviceLevel, "α (cycle) or β (fill rate), between 0 and 1", range: .unitOpen, required: true),
        .option(\.type, "type 1 (cycle service) or type 2 (fill rate)"),
        .option(\.orderQuantity, "Q, needed for a fill-rate target", range: .positive),
        .option(\.demand, "one period's demand, with lead_time"),
        .option(\.leadTimeDemand, "the lead-time demand itself"),
    ]
    static var optionsTable: LuaOptionsTable { .model }
}

struct SSArguments: LuaArguments {
    var holdingCost = 0.0, stockoutCost = 0.0, fixedCost = 0.0
    var demand = Distribution.unset
    static let arguments: [LuaArgument<Self>] = [
        InventoryPolicies.holdingCost(\.holdingCost), InventoryPolicies.stockoutCost(\.stockoutCost),
        InventoryPolicies.fixedCost(\.fixedCost), InventoryPolicies.demand(\.demand),
    ]
    static var optionsTable: LuaOptionsTable { .model }
}

struct EPQArguments: LuaArguments {
    var fixedCost = 0.0, holdingCost = 0.0, demandRate = 0.0, productionRate = 0.0
    static let arguments: [LuaArgument<Self>] = [
        InventoryPolicies.fixedCost(\.fixedCost),
        .option(\.holdingCost, "h, cost to hold one unit for one time unit", range: .positive, required: true),
        InventoryPolicies.demandRate(\.demandRate),
        .option(\.productionRate, "P, units produced per time unit (P > λ)", range: .positive, required: true),
    ]
    static var optionsTable: LuaOptionsTable { .model }
}

/// All-units or incremental discounts, by QuantityDiscountEOQ.Kind's names.
enum QuantityDiscountKind: String, LuaChoice {
    case allUnits = "all_units"
    case incremental
    var kind: QuantityDiscountEOQ.Kind { self == .allUnits ? .allUnits : .incremental }
}

struct EOQDiscountsArguments: LuaArguments {
    var fixedCost = 0.0, holdingCostRate = 0.0, demandRate = 0.0
    var breakpoints: [Double] = [], unitCosts: [Double] = []
    var kind = QuantityDiscountKind.allUnits
    static let arguments: [LuaArgument<Self>] = [
        InventoryPolicies.fixedCost(\.fixedCost),
        .option(
            \.holdingCostRate, "i, holding cost per unit time as a share of the unit cost", range: .positive,
            required: true),
        InventoryPolicies.demandRate(\.demandRate),
        .option(
            \.breakpoints, "order sizes where each price starts, increasing, first 0", range: .nonNegative,
            required: true),
        .option(\.unitCosts, "the price per unit from each breakpoint on", range: .positive, required: true),
        .option(\.kind, "all-units or incremental discounts"),
    ]
    static var optionsTable: LuaOptionsTable { .model }
}

struct LotSizingArguments: LuaArguments {
    var fixedCost = 0.0
    var holdingCost = PerPeriodCost()
    var demand: [Double] = []
    var purchaseCost = PerPeriodCost(values: [0])
    static let arguments: [LuaArgument<Self>] = [
        .option(\.fixedCost, "K, cost per order placed", range: .nonNegative, required: true),
        .option(\.holdingCost, "h, cost to hold a unit for a period: one number, or one per period", required: true),
        .option(\.demand, "known demand of each period", range: .nonNegative, required: true),
        .option(\.purchaseCost, "cost per unit, paid in the period it is ordered: one number, or one per period"),
    ]
    static var optionsTable: LuaOptionsTable { .model }
}

struct AbcXyzArguments: LuaArguments {
    var panel = ClassifiedPanel()
    var value: String?
    var last: Int?
    var a = ABCXYZ.Thresholds().a, b = ABCXYZ.Thresholds().b
    var x = ABCXYZ.Thresholds().x, y = ABCXYZ.Thresholds().y
    static let arguments: [LuaArgument<Self>] = [
        .required(\.panel, "the panel whose keys are classified"),
        .option(\.value, "numeric attribute to value units at, or \"units\""),
        .option(\.last, "use only the last n periods of each series", range: ParameterRange(lower: 1)),
        .option(\.a, "cumulative value share closing class A", range: .unitOpen),
        .option(\.b, "cumulative value share closing class B", range: .unitOpen),
        .option(\.x, "largest CV of class X", range: .positive),
        .option(\.y, "largest CV of class Y", range: .positive),
    ]

    var thresholds: ABCXYZ.Thresholds {
        var t = ABCXYZ.Thresholds()
        (t.a, t.b, t.x, t.y) = (a, b, x, y)
        return t
    }
}

/// inventory.eoq's model.
struct EOQArguments: LuaArguments {
    var fixedCost = 0.0, holdingCost = 0.0, demandRate = 0.0
    var stockoutCost: Double?
    var orderQuantity: Double?
    static let arguments: [LuaArgument<Self>] = [
        InventoryPolicies.fixedCost(\.fixedCost),
        .option(\.holdingCost, "h, cost to hold one unit for one time unit", range: .positive, required: true),
        InventoryPolicies.demandRate(\.demandRate),
        .option(
            \.stockoutCost, "p, cost per unit backordered per time unit; given, the model plans backorders",
            range: .positive),
        .option(\.orderQuantity, "a Q to compare with Q* (sensitivity)", range: .positive),
    ]
    static var optionsTable: LuaOptionsTable { .model }
}

/// A cost of the lot-sizing plans: one number for every period, or one per period.
struct PerPeriodCost: LuaArgumentValue, LuaArgumentMissingMessage {
    var values: [Double] = []

    static var luaType: LuaType { .number | .array(.number) }
    /// Checked here, with the lot-sizing functions' own messages.
    static var parameterType: ParameterType { .any }

    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> PerPeriodCost {
        try PerPeriodCost(option: .integer(0), raw: try call.value(index, name), name: name)
    }

    init() {}
    init(values: [Double]) { self.values = values }

    init(option value: ParameterValue, raw: LuaValue, name: String) throws {
        switch raw {
        case .number(let x): values = [x]
        case .integer(let i): values = [Double(i)]
        case .array(let items) where items.allSatisfy({ $0.doubleValue != nil }):
            values = items.compactMap(\.doubleValue)
        default: throw ScriptError("option '\(name)' must be a number or an array of numbers")
        }
    }

    var shownDefault: ParameterValue? { values.count == 1 ? .number(values[0]) : nil }

    static func missingOption(_ name: String) -> ScriptError {
        ScriptError("option '\(name)' is required (a number, or one per period)")
    }
}

/// inventory.abc_xyz's panel, refused with a message that says where panels come from.
struct ClassifiedPanel: LuaArgumentValue {
    var panel = Panel()

    static var luaType: LuaType { .panel }
    static var parameterType: ParameterType { .any }

    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> ClassifiedPanel {
        guard let object = call.stack.object(at: index, as: PanelObject.self) else {
            throw ScriptError(
                "argument \(index) '\(name)' must be a Panel (from data.csv with key =, or data.synthetic_retail), got a \(call.typeName(index))"
            )
        }
        return ClassifiedPanel(panel: object.panel)
    }

    init() {}
    init(panel: Panel) { self.panel = panel }

    init(option value: ParameterValue, raw: LuaValue, name: String) throws {
        guard case .object(let object as PanelObject) = raw else { throw UnexpectedOption(name: name) }
        panel = object.panel
    }

    var shownDefault: ParameterValue? { nil }
}

/// inventory.eoq_multi's model: the shared limit and the items.
struct EOQMultiArguments: LuaArguments {
    var limit = 0.0
    var items = EOQMultiItems()
    static let arguments: [LuaArgument<Self>] = [
        .option(\.limit, "B, the shared budget or space", range: .positive, required: true),
        .option(\.items, "the items, each { fixed_cost =, holding_cost =, demand_rate =, usage = }", required: true),
    ]
    static var optionsTable: LuaOptionsTable { .model }
}

/// One item of inventory.eoq_multi, checked as an options table of its own.
struct EOQMultiItemArguments: LuaArguments {
    var fixedCost = 0.0, holdingCost = 0.0, demandRate = 0.0, usage = 0.0
    static let arguments: [LuaArgument<Self>] = [
        InventoryPolicies.fixedCost(\.fixedCost),
        .option(\.holdingCost, "h", range: .positive, required: true),
        .option(\.demandRate, "λ", range: .positive, required: true),
        .option(\.usage, "resource per unit ordered", range: .positive, required: true),
    ]
    var item: MultiItemEOQ.Item {
        MultiItemEOQ.Item(fixedCost: fixedCost, holdingCost: holdingCost, demandRate: demandRate, usage: usage)
    }
}

/// inventory.eoq_multi's `items`: a non-empty array of item tables, each
/// validated with "inventory.eoq_multi: items[2]" as its owner.
struct EOQMultiItems: LuaArgumentValue, LuaArgumentMissingMessage {
    var items: [MultiItemEOQ.Item] = []

    static var luaType: LuaType {
        .array(SignatureText.types(EOQMultiItemArguments.self, returns: []).parameters.last?.type ?? .table)
    }
    static var parameterType: ParameterType { .any }

    static func argument(_ call: LuaCall, _ index: Int32, _ name: String) throws -> EOQMultiItems {
        try EOQMultiItems(option: .integer(0), raw: try call.value(index, name), name: name)
    }

    init() {}

    init(option value: ParameterValue, raw: LuaValue, name: String) throws {
        guard case .array(let list) = raw, !list.isEmpty else { throw Self.missingOption(name) }
        items = try list.enumerated().map { i, value in
            guard case .record(let fields) = value else {
                throw ScriptError("\(name)[\(i + 1)] must be a table of named values")
            }
            return try EOQMultiItemArguments.decodeOptions(fields, owner: "inventory.eoq_multi: \(name)[\(i + 1)]").item
        }
    }

    var shownDefault: ParameterValue? { nil }

    static func missingOption(_ name: String) -> ScriptError {
        ScriptError("'\(name)' must be a non-empty array of { fixed_cost =, holding_cost =, demand_rate =, usage = }")
    }
}
