import Inventory
import LuaBridge

/// What inventory.simulate returns (see LuaRecordEncodable).
struct SimulationResult: LuaRecordEncodable {
    let result: PolicySimulation.Result
    let replications: Int

    init(_ result: PolicySimulation.Result, replications: Int) {
        (self.result, self.replications) = (result, replications)
    }

    // Computed fields name themselves: a key path to a computed property has no name to derive one from.
    var cost: Estimate { Estimate(result.cost) }
    var holdingCost: Estimate { Estimate(result.holdingCost) }
    var stockoutCost: Estimate { Estimate(result.stockoutCost) }
    var orderingCost: Estimate { Estimate(result.orderingCost) }
    var periodServiceLevel: Estimate { Estimate(result.periodServiceLevel) }
    var fillRate: Estimate { Estimate(result.fillRate) }
    var averageOnHand: Estimate { Estimate(result.averageOnHand) }
    var orderFrequency: Estimate { Estimate(result.orderFrequency) }
    var cycleServiceLevel: Estimate? { result.cycleServiceLevel.map(Estimate.init) }
    var trace: Trace? { result.trace.map { Trace(trace: $0) } }

    static let recordName: String? = "inventory.SimulationResult"
    static let fields: [LuaRecordField<Self>] = [
        .field(\.cost, name: "cost"), .field(\.holdingCost, name: "holding_cost"),
        .field(\.stockoutCost, name: "stockout_cost"),
        .field(\.orderingCost, name: "ordering_cost"), .field(\.periodServiceLevel, name: "period_service_level"),
        .field(\.fillRate, name: "fill_rate"), .field(\.averageOnHand, name: "average_on_hand"),
        .field(\.orderFrequency, name: "order_frequency"),
        .field(
            \.cycleServiceLevel, "share of replenishment cycles without a shortage; absent when no cycle completed",
            name: "cycle_service_level"),
        .field(\.result.cyclesCounted, "replenishment cycles counted", name: "cycles"),
        .field(\.result.periodsSimulated, name: "periods_simulated"), .field(\.replications),
        .field(\.trace, "with trace = true: the first run, period by period", name: "trace"),
    ]

    /// A simulation estimate over replications.
    struct Estimate: LuaRecordEncodable, LuaResultValue {
        let mean: Double
        let halfWidth: Double
        init(_ e: PolicySimulation.Estimate) { (mean, halfWidth) = (e.mean, e.halfWidth) }
        static let recordName: String? = "inventory.Estimate"
        static let fields: [LuaRecordField<Self>] = [
            .field(\.mean), .field(\.halfWidth, "of the 95% confidence interval"),
        ]
    }

    /// The first run, period by period.
    struct Trace: LuaRecordEncodable, LuaResultValue {
        let trace: PolicySimulation.Trace
        static let fields: [LuaRecordField<Self>] = [
            .field(\.trace.onHand, name: "on_hand"), .field(\.trace.backordered, name: "backordered"),
            .field(\.trace.onOrder, name: "on_order"), .field(\.trace.ordered, name: "ordered"),
            .field(\.trace.demand, name: "demand"), .field(\.trace.short, name: "short"),
        ]
    }
}
