import Foundation

extension ChartBuilder {
    /// A histogram; bins by Sturges' rule (R's hist default) unless given.
    public static func histogram(_ values: [Double], bins: Int? = nil, title: String = "", xLabel: String = "")
        throws(ChartError) -> Figure
    {
        let finite = values.filter(\.isFinite)
        guard !finite.isEmpty else { throw ChartError("a histogram needs at least one finite value") }
        if let bins, bins < 1 { throw ChartError("bins must be at least 1, got \(bins)") }
        var panel = histogramPanel(finite, bins: bins, title: title, withNormal: false)
        panel.xAxis.label = xLabel
        panel.legend = .hidden
        return Figure(panel)
    }

    static func histogramPanel(_ values: [Double], bins: Int?, title: String, withNormal: Bool) -> ChartPanel {
        let lo = values.min() ?? 0, hi = values.max() ?? 1
        let count = bins ?? Int((log2(Double(values.count)) + 1).rounded(.up))
        let width = hi > lo ? (hi - lo) / Double(count) : 1
        var counts = [Double](repeating: 0, count: count)
        for v in values {
            // (v − lo)/width is at most count, unless the range overflows to infinity (NaN then).
            let position = (v - lo) / width
            counts[position.isFinite ? min(count - 1, max(0, Int(position))) : count - 1] += 1
        }
        let centres = (0..<count).map { lo + (Double($0) + 0.5) * width }
        var panel = ChartPanel(title: title)
        panel.yAxis.label = "count"
        panel.yAxis.lower = 0
        panel.marks = [.bars(Bars(name: "count", x: centres, heights: counts, color: .skyBlue, width: width * 0.95))]
        if withNormal, values.count >= 2 {
            let mean = values.reduce(0, +) / Double(values.count)
            let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)).squareRoot()
            if sd > 0 {
                let xs = (0...60).map { lo - width + (hi - lo + 2 * width) * Double($0) / 60 }
                let scale = Double(values.count) * width / (sd * (2 * Double.pi).squareRoot())
                let ys = xs.map { scale * exp(-0.5 * (($0 - mean) / sd) * (($0 - mean) / sd)) }
                panel.marks.append(.line(Line(name: "normal", x: xs, y: ys, color: .vermillion)))
            }
        }
        return panel
    }

    /// Points, with the least-squares line if asked.
    public static func scatter(
        x: [Double], y: [Double], title: String = "", xLabel: String = "", yLabel: String = "",
        fitLine: Bool = false
    ) throws(ChartError) -> Figure {
        guard x.count == y.count else { throw ChartError("scatter: x has \(x.count) values but y has \(y.count)") }
        var panel = ChartPanel(title: title)
        panel.xAxis.label = xLabel
        panel.yAxis.label = yLabel
        panel.legend = .hidden
        panel.marks = [.points(Points(name: "", x: x, y: y, color: .blue))]
        let pairs = zip(x, y).filter { $0.0.isFinite && $0.1.isFinite }
        if fitLine, pairs.count >= 2 {
            let n = Double(pairs.count)
            let mx = pairs.map(\.0).reduce(0, +) / n, my = pairs.map(\.1).reduce(0, +) / n
            let sxx = pairs.map { ($0.0 - mx) * ($0.0 - mx) }.reduce(0, +)
            let sxy = pairs.map { ($0.0 - mx) * ($0.1 - my) }.reduce(0, +)
            if sxx > 0, let lo = pairs.map(\.0).min(), let hi = pairs.map(\.0).max() {
                let b = sxy / sxx, a = my - b * mx
                panel.marks.append(
                    .line(Line(name: "least squares", x: [lo, hi], y: [a + b * lo, a + b * hi], color: .vermillion)))
                panel.legend = .topLeft
            }
        }
        return Figure(panel)
    }

    /// A matrix as coloured cells (error by SKU × horizon).
    public static func heatmap(
        _ values: [[Double]], rowNames: [String], columnNames: [String], title: String = "",
        colorbarLabel: String = ""
    ) throws(ChartError) -> Figure {
        guard !values.isEmpty, let width = values.first?.count, width > 0, values.allSatisfy({ $0.count == width })
        else {
            throw ChartError("heatmap: the matrix must be non-empty with rows of equal length")
        }
        guard rowNames.count == values.count, columnNames.count == width else {
            throw ChartError(
                "heatmap: \(values.count) rows × \(width) columns but \(rowNames.count) row names and \(columnNames.count) column names"
            )
        }
        var panel = ChartPanel(title: title)
        panel.heatmap = Heatmap(
            values: values, rowNames: rowNames, columnNames: columnNames, colorbarLabel: colorbarLabel)
        panel.legend = .hidden
        return Figure(panel, size: ChartSize(width: 800, height: max(300, min(1400, 120 + 22 * values.count))))
    }
}
