import Foundation

/// The words on a cost curve: its axes and the label beside the optimum.
public struct CostCurveLabels: Sendable, Equatable {
    /// The decision axis.
    public var x: String
    /// The cost axis.
    public var y: String
    /// What the optimum is called in its label: "Q*" gives "Q* = 304, cost 68.41".
    public var optimumName: String
    /// The whole label beside the optimum, replacing "<optimumName> = x, cost y".
    public var optimumText: String?

    public init(x: String, y: String, optimumName: String, optimumText: String? = nil) {
        self.x = x
        self.y = y
        self.optimumName = optimumName
        self.optimumText = optimumText
    }

    /// The EOQ's words: order quantity Q against cost per period, the optimum Q*.
    public static let orderQuantity = CostCurveLabels(x: "order quantity Q", y: "cost per period", optimumName: "Q*")

    func optimum(at x: Double, cost: Double) -> String {
        optimumText ?? "\(optimumName) = \(ChartBuilder.shortNumber(x)), cost \(ChartBuilder.shortNumber(cost))"
    }
}

extension ChartBuilder {
    /// A cost against a decision, with its parts and the optimum marked.
    public static func costCurve(
        x: [Double], total: [Double], parts: [(name: String, values: [Double])],
        optimum: (x: Double, cost: Double)?, labels: CostCurveLabels = .orderQuantity,
        title: String = ""
    ) throws(ChartError) -> Figure {
        guard x.count >= 2 else { throw ChartError("a cost curve needs at least 2 points") }
        var panel = ChartPanel(title: title)
        panel.xAxis.label = labels.x
        panel.yAxis.label = labels.y
        panel.yAxis.lower = 0
        panel.legend = .topRight
        for (i, part) in parts.enumerated() {
            var line = Line(name: part.name, x: x, y: part.values, color: ChartColor.cycled(i + 1))
            line.dashed = true
            panel.marks.append(.line(line))
        }
        var totalLine = Line(name: "total", x: x, y: total, color: .blue)
        totalLine.width = 2.5
        panel.marks.append(.line(totalLine))
        if let optimum, optimum.x.isFinite, optimum.cost.isFinite {
            var rule = Rule(.vertical, at: optimum.x, color: .grey)
            rule.dashed = true
            panel.marks.append(.rule(rule))
            var point = Points(name: "", x: [optimum.x], y: [optimum.cost], color: .black)
            point.size = 1.4
            panel.marks.append(.points(point))
            // An optimum in the right part of the range gets its label on the left, inside the plot.
            let nearRightEdge = (x.max() ?? optimum.x) - optimum.x < 0.4 * ((x.max() ?? 0) - (x.min() ?? 0))
            panel.marks.append(
                .label(
                    Label(
                        labels.optimum(at: optimum.x, cost: optimum.cost), x: optimum.x, y: optimum.cost,
                        side: nearRightEdge ? .left : .right)))
        }
        return Figure(panel)
    }

    /// A number for a label: 4 significant digits, no trailing zeros.
    static func shortNumber(_ x: Double) -> String {
        guard x.isFinite else { return "\(x)" }
        let magnitude = x == 0 ? 0 : Int(log10Floor(abs(x)))
        let decimals = min(12, max(0, 3 - magnitude))
        var text = String(format: "%.\(decimals)f", x)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    private static func log10Floor(_ x: Double) -> Double { (log10(x)).rounded(.down) }
}
