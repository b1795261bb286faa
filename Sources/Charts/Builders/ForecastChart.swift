import TimeSeries

/// A prediction interval for the fan chart.
public struct ForecastBand: Sendable, Equatable {
    public let level: Double
    public let lower: [Double]
    public let upper: [Double]
    public init(level: Double, lower: [Double], upper: [Double]) {
        self.level = level
        self.lower = lower
        self.upper = upper
    }
}

extension ChartBuilder {
    /// A fan chart: history, the point forecasts, intervals (widest palest) and actuals if known.
    public static func forecast(
        history: Series, mean: Series, bands: [ForecastBand], actuals: Series? = nil,
        title: String = "", yLabel: String = ""
    ) throws(ChartError) -> Figure {
        var panel = ChartPanel(title: title)
        panel.xAxis.scale = try SeriesAxis.commonScale([history, mean] + (actuals.map { [$0] } ?? []))
        panel.yAxis.label = yLabel
        let future = SeriesAxis.x(mean)
        let opacities = [0.18, 0.32, 0.45]
        for (k, band) in bands.sorted(by: { $0.level > $1.level }).enumerated() {
            guard band.lower.count == future.count, band.upper.count == future.count else {
                throw ChartError(
                    "the \(band.level)% interval has \(band.lower.count) values for a horizon of \(future.count)")
            }
            panel.marks.append(
                .band(
                    Band(
                        name: "\(GnuplotQuoting.number(band.level))% interval", x: future,
                        lower: band.lower, upper: band.upper, color: .blue, opacity: opacities[min(k, 2)])))
        }
        panel.marks.append(
            .line(
                Line(
                    name: history.name.isEmpty ? "history" : history.name,
                    x: SeriesAxis.x(history), y: history.values, color: .darkGrey)))
        // The forecast line starts at the last observation so the two join.
        var fx = future, fy = mean.values
        if let last = history.values.last, history.count > 0 {
            fx.insert(SeriesAxis.x(history, at: history.count - 1), at: 0)
            fy.insert(last, at: 0)
        }
        var line = Line(name: "forecast", x: fx, y: fy, color: .blue)
        line.width = 2.5
        panel.marks.append(.line(line))
        if let actuals {
            var a = Line(name: "actual", x: SeriesAxis.x(actuals), y: actuals.values, color: .vermillion)
            a.withPoints = true
            panel.marks.append(.line(a))
        }
        return Figure(panel)
    }
}
