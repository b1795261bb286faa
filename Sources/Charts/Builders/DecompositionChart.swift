import TimeSeries

extension ChartBuilder {
    /// Data, trend, seasonal and remainder stacked on one calendar (as R's plot(stl(...))).
    public static func decomposition(
        _ series: Series, trend: [Double], seasonal: [Double], remainder: [Double],
        title: String = ""
    ) throws(ChartError) -> Figure {
        let parts = [("data", series.values), ("trend", trend), ("seasonal", seasonal), ("remainder", remainder)]
        for (name, values) in parts where values.count != series.count {
            throw ChartError("decomposition: the \(name) has \(values.count) values for a series of \(series.count)")
        }
        let x = SeriesAxis.x(series)
        let panels = parts.map { name, values -> ChartPanel in
            var panel = ChartPanel(title: "")
            panel.legend = .hidden
            panel.yAxis.label = name
            panel.xAxis.scale = SeriesAxis.scale(series)
            panel.marks = [.line(Line(name: name, x: x, y: values, color: name == "data" ? .darkGrey : .blue))]
            if name == "remainder" { panel.marks.append(.rule(Rule(.horizontal, at: 0, color: .grey, dashed: false))) }
            return panel
        }
        return Figure(
            title: title.isEmpty ? "Decomposition of \(series.name.isEmpty ? "the series" : series.name)" : title,
            panels: panels, columns: 1, size: .tall)
    }
}
