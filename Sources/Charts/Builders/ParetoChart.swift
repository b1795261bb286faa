extension ChartBuilder {
    /// Items by value, largest first, coloured by ABC class, with the cumulative share on the right axis.
    public static func pareto(
        names: [String], values: [Double], thresholds: (a: Double, b: Double) = (0.8, 0.95),
        title: String = "", valueLabel: String = "value"
    ) throws(ChartError) -> Figure {
        guard names.count == values.count, !values.isEmpty else {
            throw ChartError(
                "pareto: need as many names as values, and at least one (got \(names.count) and \(values.count))")
        }
        if let bad = values.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw ChartError(
                "pareto: the value of '\(names[bad])' is \(values[bad]); values must be finite and non-negative")
        }
        let order = values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : names[$0] < names[$1] }
        let total = values.reduce(0, +)
        guard total > 0 else { throw ChartError("pareto: every value is zero") }
        var cumulative: [Double] = [], running = 0.0
        for i in order { running += values[i]; cumulative.append(100 * running / total) }
        var panel = ChartPanel(title: title)
        let labelled = names.count <= 40
        panel.xAxis.scale = labelled ? .categories(order.map { names[$0] }) : .numeric
        panel.xAxis.label = labelled ? "" : "items by rank"
        panel.yAxis.label = valueLabel
        panel.yAxis.lower = 0
        var right = Axis(label: "cumulative share")
        right.lower = 0
        right.upper = 100
        right.tickFormat = "%g%%"
        panel.y2Axis = right
        panel.legend = .hidden
        // A, B, C by the cumulative share before each item, as the classification does.
        var classes: [String: (x: [Double], y: [Double])] = ["A": ([], []), "B": ([], []), "C": ([], [])]
        var before = 0.0
        for (rank, i) in order.enumerated() {
            let cls = before < thresholds.a * 100 ? "A" : before < thresholds.b * 100 ? "B" : "C"
            classes[cls]?.x.append(Double(labelled ? rank : rank + 1))
            classes[cls]?.y.append(values[i])
            before = cumulative[rank]
        }
        for (cls, color) in [("A", ChartColor.blue), ("B", .orange), ("C", .grey)] {
            if let c = classes[cls], !c.x.isEmpty {
                panel.marks.append(.bars(Bars(name: "class \(cls)", x: c.x, heights: c.y, color: color, width: 0.8)))
            }
        }
        let cx = order.indices.map { Double(labelled ? $0 : $0 + 1) }
        var line = Line(name: "cumulative", x: cx, y: cumulative, color: .darkGrey)
        line.onSecondAxis = true
        line.withPoints = labelled
        panel.marks.append(.line(line))
        for t in [thresholds.a, thresholds.b] {
            var rule = Rule(.horizontal, at: t * 100, color: .vermillion)
            rule.onSecondAxis = true
            panel.marks.append(.rule(rule))
        }
        panel.legend = .below
        return Figure(panel)
    }
}
