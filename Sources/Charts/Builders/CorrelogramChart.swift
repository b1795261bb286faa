extension ChartBuilder {
    /// ACF (and PACF) bars by lag with ±1.96/√n bounds, as R's acf() draws them.
    public static func correlogram(acf: [Double], pacf: [Double]?, observations n: Int, title: String = "")
        throws(ChartError) -> Figure
    {
        guard !acf.isEmpty else { throw ChartError("no autocorrelations to draw") }
        guard n >= 2 else { throw ChartError("a correlogram needs a series of at least 2 observations") }
        var panels = [correlogramPanel(acf, observations: n, title: "ACF")]
        if let pacf, !pacf.isEmpty { panels.append(correlogramPanel(pacf, observations: n, title: "PACF")) }
        return Figure(
            title: title, panels: panels, columns: panels.count,
            size: ChartSize(width: panels.count == 1 ? 800 : 1000, height: 400))
    }

    static func correlogramPanel(_ r: [Double], observations n: Int, title: String) -> ChartPanel {
        var panel = ChartPanel(title: title)
        panel.legend = .hidden
        panel.xAxis.label = "lag"
        panel.xAxis.lower = 0
        panel.xAxis.upper = Double(r.count) + 0.5
        let bound = 1.959964 / Double(n).squareRoot()
        let largest = max(bound, r.map { abs($0) }.filter(\.isFinite).max() ?? 0)
        panel.yAxis.lower = -min(1, largest * 1.1)
        panel.yAxis.upper = min(1, largest * 1.1)
        panel.marks = [
            .impulses(Impulses(name: title, x: (1...r.count).map(Double.init), y: r, color: .blue)),
            .rule(Rule(.horizontal, at: 0, color: .darkGrey, dashed: false)),
            .rule(Rule(.horizontal, at: bound, color: .vermillion)),
            .rule(Rule(.horizontal, at: -bound, color: .vermillion)),
        ]
        return panel
    }
}
