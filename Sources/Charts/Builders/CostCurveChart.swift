extension ChartBuilder {
    /// A cost against a decision (order quantity), with its parts and the optimum marked.
    public static func costCurve(x: [Double], total: [Double], parts: [(name: String, values: [Double])],
                                 optimum: (x: Double, cost: Double)?, xLabel: String = "order quantity Q",
                                 title: String = "") throws(ChartError) -> Figure {
        guard x.count >= 2 else { throw ChartError("a cost curve needs at least 2 points") }
        var panel = ChartPanel(title: title)
        panel.xAxis.label = xLabel
        panel.yAxis.label = "cost per period"
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
            panel.marks.append(.label(Label("Q* = \(shortNumber(optimum.x)), cost \(shortNumber(optimum.cost))", x: optimum.x, y: optimum.cost)))
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

import Foundation
