import Inventory
import LuaBridge

/// What the closed-form inventory functions return, declared once for the
/// table a script receives and the type the stubs declare (see LuaRecordEncodable).

/// inventory.eoq: Q*, its cost and cycle; with stockout_cost the backorder share; with order_quantity a comparison.
struct EOQResult: LuaRecordEncodable {
    var orderQuantity: Double
    var cost: Double
    var cycleTime: Double
    var ordersPerTime: Double
    var stockoutFraction: Double?
    var costAtQ: Double?
    var costRatio: Double?

    init(orderQuantity q: Double, cost: Double, demandRate lambda: Double) {
        (orderQuantity, self.cost, cycleTime, ordersPerTime) = (q, cost, q / lambda, lambda / q)
    }

    /// The cost of ordering another Q, and its ratio to the optimum.
    mutating func compare(atQ c: Double) {
        costAtQ = c
        costRatio = c / cost
    }

    static let fields: [LuaRecordField<Self>] = [
        .field(\.orderQuantity), .field(\.cost), .field(\.cycleTime), .field(\.ordersPerTime),
        .field(\.stockoutFraction, "with stockout_cost"), .field(\.costAtQ, "with order_quantity"),
        .field(\.costRatio, "with order_quantity"),
    ]
}

/// inventory.newsvendor: the outcome of ordering up to S.
struct NewsvendorResult: LuaRecordEncodable {
    let outcome: NewsvendorOutcome
    let criticalRatio: Double

    static let fields: [LuaRecordField<Self>] = [
        .field(\.outcome.orderQuantity, name: "base_stock_level"),
        .field(\.outcome.orderQuantity, name: "order_quantity"),
        .field(\.outcome.cost, name: "cost"), .field(\.outcome.expectedSales, name: "expected_sales"),
        .field(\.outcome.expectedLeftover, name: "expected_leftover"),
        .field(\.outcome.expectedShortage, name: "expected_shortage"),
        .field(\.outcome.stockoutProbability, name: "stockout_probability"),
        .field(\.outcome.fillRate, name: "fill_rate"),
        .field(\.criticalRatio),
    ]
}

/// inventory.base_stock: the newsvendor's fields for the lead-time demand, or with review_period > 1 the (R, S) policy's.
struct BaseStockResult: LuaRecordEncodable {
    var baseStockLevel: Double
    var orderQuantity: Double?
    var cost: Double
    var expectedSales: Double?
    var expectedLeftover: Double?
    var expectedShortage: Double?
    var stockoutProbability: Double
    var fillRate: Double?
    var criticalRatio: Double
    var orderUpToLevel: Double?
    var reviewPeriod: Int?
    var expectedBackorders: Double?
    var expectedOnHand: Double?
    var leadTimeDemandMean: Double?

    /// The newsvendor on the demand over the lead time and one period.
    init(_ o: NewsvendorOutcome, criticalRatio: Double, leadTimeDemandMean: Double) {
        (baseStockLevel, orderQuantity, cost, expectedSales) = (
            o.orderQuantity, o.orderQuantity, o.cost, o.expectedSales
        )
        (expectedLeftover, expectedShortage, stockoutProbability) = (
            o.expectedLeftover, o.expectedShortage, o.stockoutProbability
        )
        (fillRate, self.criticalRatio, self.leadTimeDemandMean) = (o.fillRate, criticalRatio, leadTimeDemandMean)
    }

    /// The periodic-review (R, S) policy at level S.
    init(
        level: Double, reviewPeriod: Int,
        _ e: (cost: Double, stockoutProbability: Double, expectedBackorders: Double, expectedOnHand: Double),
        criticalRatio: Double
    ) {
        (baseStockLevel, orderUpToLevel, cost, self.reviewPeriod) = (level, level, e.cost, reviewPeriod)
        (stockoutProbability, expectedBackorders, expectedOnHand) = (
            e.stockoutProbability, e.expectedBackorders, e.expectedOnHand
        )
        self.criticalRatio = criticalRatio
    }

    static let fields: [LuaRecordField<Self>] = [
        .field(\.baseStockLevel), .field(\.orderQuantity), .field(\.cost), .field(\.expectedSales),
        .field(\.expectedLeftover),
        .field(\.expectedShortage), .field(\.stockoutProbability), .field(\.fillRate), .field(\.criticalRatio),
        .field(\.orderUpToLevel), .field(\.reviewPeriod), .field(\.expectedBackorders), .field(\.expectedOnHand),
        .field(\.leadTimeDemandMean, "without review_period"),
    ]
}

/// inventory.reorder_point.
struct ReorderPointResult: LuaRecordEncodable {
    let reorderPoint: Double
    let safetyStock: Double
    let leadTimeDemandMean: Double
    let leadTimeDemandSd: Double
    let cycleServiceLevel: Double
    let expectedShortagePerCycle: Double
    let fillRate: Double?

    init(_ r: ReorderPoint.Result, leadTimeDemand ltd: Distribution) {
        (reorderPoint, safetyStock, cycleServiceLevel) = (r.reorderPoint, r.safetyStock, r.cycleServiceLevel)
        (leadTimeDemandMean, leadTimeDemandSd) = (ltd.mean, ltd.standardDeviation)
        expectedShortagePerCycle = r.expectedShortagePerCycle
        fillRate = r.fillRate.isNaN ? nil : r.fillRate
    }

    static let fields: [LuaRecordField<Self>] = [
        .field(\.reorderPoint), .field(\.safetyStock), .field(\.leadTimeDemandMean), .field(\.leadTimeDemandSd),
        .field(\.cycleServiceLevel), .field(\.expectedShortagePerCycle), .field(\.fillRate, "with an order quantity"),
    ]
}

/// inventory.rq: the policy, the cost its method minimises and both conventions' costs.
struct RQResult: LuaRecordEncodable {
    let reorderPoint: Double
    let orderQuantity: Double
    let cost: Double
    let exactCost: Double
    let eilCost: Double
    static let fields: [LuaRecordField<Self>] = [
        .field(\.reorderPoint), .field(\.orderQuantity), .field(\.cost), .field(\.exactCost), .field(\.eilCost),
    ]
}

/// inventory.eoq_multi.
struct EOQMultiResult: LuaRecordEncodable {
    let solution: MultiItemEOQ.Solution
    static let fields: [LuaRecordField<Self>] = [
        .field(\.solution.orderQuantities, name: "order_quantities"), .field(\.solution.cost, name: "cost"),
        .field(\.solution.multiplier, name: "multiplier"), .field(\.solution.resourceUsed, name: "resource_used"),
    ]
}

/// inventory.ss: the Zheng–Federgruen optimum.
struct SSResult: LuaRecordEncodable {
    let reorderPoint: Int
    let orderUpToLevel: Int
    let cost: Double
    static let fields: [LuaRecordField<Self>] = [.field(\.reorderPoint), .field(\.orderUpToLevel), .field(\.cost)]
}

/// inventory.epq.
struct EPQResult: LuaRecordEncodable {
    let orderQuantity: Double
    let cost: Double
    let cycleTime: Double
    static let fields: [LuaRecordField<Self>] = [.field(\.orderQuantity), .field(\.cost), .field(\.cycleTime)]
}

/// inventory.eoq_discounts: the best order size, its cost and its price region.
struct EOQDiscountsResult: LuaRecordEncodable {
    let orderQuantity: Double
    let cost: Double
    let region: Int
    static let fields: [LuaRecordField<Self>] = [.field(\.orderQuantity), .field(\.cost), .field(\.region)]
}

/// The lot-sizing functions' plan.
struct LotSizingPlanResult: LuaRecordEncodable {
    let plan: LotSizingPlan
    static let recordName: String? = "inventory.LotSizingPlan"
    static let fields: [LuaRecordField<Self>] = [
        .field(\.plan.orderPeriods, name: "order_periods"), .field(\.plan.orderQuantities, name: "order_quantities"),
        .field(\.plan.cost, name: "cost"),
    ]
}

/// One row of inventory.abc_xyz.
struct AbcXyzRow: LuaRecordEncodable {
    let item: ABCXYZ.Item
    static let recordName: String? = "inventory.AbcXyzRow"
    static let fields: [LuaRecordField<Self>] = [
        .field(\.item.key, name: "key"), .field(\.item.value, name: "value"), .field(\.item.share, name: "share"),
        .field(\.item.cumulativeShare, name: "cumulative_share"),
        .field(\.item.abc, name: "abc", type: .oneOf(["A", "B", "C"])),
        .field(\.item.coefficientOfVariation, name: "cv"),
        .field(\.item.xyz, name: "xyz", type: .oneOf(["X", "Y", "Z"])),
        .field(\.item.cell, "\"AX\" … \"CZ\"", name: "class"), .field(\.item.serviceLevel, name: "service_level"),
    ]
}
