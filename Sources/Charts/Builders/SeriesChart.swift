import TimeSeries

extension ChartBuilder {
    /// One or several series on a shared calendar.
    public static func series(_ list: [Series], title: String = "", yLabel: String = "") throws(ChartError) -> Figure {
        var panel = ChartPanel(title: title)
        panel.xAxis.scale = try SeriesAxis.commonScale(list)
        panel.yAxis.label = yLabel
        for (i, s) in list.enumerated() {
            panel.marks.append(
                .line(
                    Line(
                        name: s.name.isEmpty && list.count > 1 ? "series \(i + 1)" : s.name,
                        x: SeriesAxis.x(s), y: s.values, color: ChartColor.cycled(i))))
        }
        if list.count == 1 { panel.legend = .hidden }
        return Figure(panel)
    }

    /// Small multiples: one panel per series, in a grid.
    public static func smallMultiples(_ list: [Series], columns: Int? = nil, title: String = "") throws(ChartError)
        -> Figure
    {
        guard !list.isEmpty else { throw ChartError("no series to draw") }
        guard list.count <= 48 else {
            throw ChartError(
                "\(list.count) series are too many for one figure (at most 48); pick some, e.g. the top sellers")
        }
        let columns = columns ?? min(4, Int(Double(list.count).squareRoot().rounded(.up)))
        let panels = list.enumerated().map { i, s -> ChartPanel in
            var panel = ChartPanel(title: s.name.isEmpty ? "series \(i + 1)" : s.name)
            panel.xAxis.scale = SeriesAxis.scale(s)
            panel.legend = .hidden
            panel.marks = [.line(Line(name: "", x: SeriesAxis.x(s), y: s.values, color: .blue))]
            return panel
        }
        let rows = (list.count + columns - 1) / columns
        return Figure(
            title: title, panels: panels, columns: columns,
            size: ChartSize(width: 800, height: max(300, min(1600, 220 * rows))))
    }
}
