/// A simulated run period by period, as the simulator's trace gives it.
public struct InventoryTrace: Sendable, Equatable {
    public var onHand: [Double]
    public var backordered: [Double]
    public var onOrder: [Double]
    public var ordered: [Double]
    public var demand: [Double]
    public var short: [Double]
    public init(
        onHand: [Double], backordered: [Double], onOrder: [Double], ordered: [Double], demand: [Double], short: [Double]
    ) {
        self.onHand = onHand
        self.backordered = backordered
        self.onOrder = onOrder
        self.ordered = ordered
        self.demand = demand
        self.short = short
    }
}

extension ChartBuilder {
    /// Two panels: stock (on hand, backorders below zero, on order, the policy's levels)
    /// and flows (demand, orders placed, stock-outs).
    public static func simulationTrace(
        _ trace: InventoryTrace, levels: [(name: String, value: Double)] = [],
        periods: Int? = nil, title: String = ""
    ) throws(ChartError) -> Figure {
        let n = min(periods ?? trace.onHand.count, trace.onHand.count)
        let columns = [trace.backordered, trace.onOrder, trace.ordered, trace.demand, trace.short]
        guard n >= 1, columns.allSatisfy({ $0.count >= n }) else {
            throw ChartError(
                "the simulation trace is empty or its columns differ in length; run inventory.simulate with trace = true"
            )
        }
        let x = (1...n).map(Double.init)
        func first(_ a: [Double]) -> [Double] { Array(a.prefix(n)) }
        var stock = ChartPanel(title: "Stock")
        stock.yAxis.label = "units"
        stock.legend = .below
        stock.xAxis.lower = 0.5
        stock.xAxis.upper = Double(n) + 0.5
        let highest =
            ([first(trace.onHand).max() ?? 0, first(trace.onOrder).max() ?? 0] + levels.map(\.value)).max() ?? 0
        if highest > 0 { stock.yAxis.upper = highest * 1.1 }
        var onHand = Line(name: "on hand", x: x, y: first(trace.onHand), color: .blue)
        onHand.steps = true
        var backorders = Line(name: "backordered", x: x, y: first(trace.backordered).map { -$0 }, color: .vermillion)
        backorders.steps = true
        var onOrder = Line(name: "on order", x: x, y: first(trace.onOrder), color: .green)
        onOrder.steps = true
        onOrder.dashed = true
        stock.marks = [.line(onHand), .line(onOrder)]
        if trace.backordered.prefix(n).contains(where: { $0 > 0 }) { stock.marks.append(.line(backorders)) }
        for (i, level) in levels.enumerated() {
            var rule = Rule(.horizontal, at: level.value, color: ChartColor.cycled(i + 3))
            rule.name = level.name
            stock.marks.append(.rule(rule))
        }
        stock.marks.append(.rule(Rule(.horizontal, at: 0, color: .darkGrey, dashed: false)))
        var flows = ChartPanel(title: "Demand, orders and stock-outs")
        flows.xAxis.label = "period"
        flows.yAxis.label = "units"
        flows.legend = .below
        flows.xAxis.lower = 0.5
        flows.xAxis.upper = Double(n) + 0.5
        var demand = Bars(name: "demand", x: x, heights: first(trace.demand), color: .skyBlue, width: 0.8)
        demand.onSecondAxis = false
        var orders = Impulses(name: "orders placed", x: x, y: first(trace.ordered), color: .blue)
        orders.width = 2
        let outs = (0..<n).filter { trace.short[$0] > 0 }
        var stockouts = Points(
            name: "stock-out", x: outs.map { Double($0 + 1) }, y: outs.map { trace.short[$0] }, color: .vermillion)
        stockouts.shape = .triangle
        stockouts.size = 1.2
        flows.marks = [.bars(demand), .impulses(orders)]
        if !outs.isEmpty { flows.marks.append(.points(stockouts)) }
        return Figure(title: title, panels: [stock, flows], columns: 1, size: ChartSize(width: 900, height: 700))
    }
}
