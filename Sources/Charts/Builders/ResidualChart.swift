import AlmanacCore
import TimeSeries

extension ChartBuilder {
    /// Four panels: residuals over time, their ACF, a histogram with the
    /// fitted normal density, and a normal Q–Q plot with R's qqline.
    public static func residualDiagnostics(_ residuals: Series, acf: [Double], title: String = "") throws(ChartError)
        -> Figure
    {
        let finite = residuals.values.filter(\.isFinite)
        guard finite.count >= 3 else {
            throw ChartError("residual diagnostics need at least 3 residuals, got \(finite.count)")
        }
        var time = ChartPanel(title: "Residuals")
        time.legend = .hidden
        time.xAxis.scale = SeriesAxis.scale(residuals)
        time.marks = [
            .line(Line(name: "residuals", x: SeriesAxis.x(residuals), y: residuals.values, color: .blue)),
            .rule(Rule(.horizontal, at: 0, color: .darkGrey, dashed: false)),
        ]
        var histogram = histogramPanel(finite, bins: nil, title: "Histogram", withNormal: true)
        histogram.legend = .hidden
        return Figure(
            title: title,
            panels: [
                time, correlogramPanel(acf, observations: finite.count, title: "ACF"), histogram, qqPanel(finite),
            ],
            columns: 2, size: ChartSize(width: 900, height: 650))
    }

    /// Sample quantiles against normal ones at R's ppoints, with the line through the quartiles.
    static func qqPanel(_ values: [Double]) -> ChartPanel {
        let sorted = values.sorted(), n = sorted.count
        let a = n <= 10 ? 3.0 / 8 : 0.5
        let theoretical = (1...n).map { SpecialFunctions.normalQuantile((Double($0) - a) / (Double(n) + 1 - 2 * a)) }
        var panel = ChartPanel(title: "Normal Q-Q")
        panel.legend = .hidden
        panel.xAxis.label = "theoretical quantiles"
        panel.yAxis.label = "sample quantiles"
        panel.marks = [.points(Points(name: "residuals", x: theoretical, y: sorted, color: .blue))]
        let q1 = quantile(sorted, 0.25), q3 = quantile(sorted, 0.75)
        let z1 = SpecialFunctions.normalQuantile(0.25), z3 = SpecialFunctions.normalQuantile(0.75)
        let slope = (q3 - q1) / (z3 - z1), intercept = q1 - slope * z1
        if let lo = theoretical.first, let hi = theoretical.last {
            panel.marks.append(
                .line(
                    Line(
                        name: "qqline", x: [lo, hi], y: [intercept + slope * lo, intercept + slope * hi],
                        color: .vermillion)))
        }
        return panel
    }

    /// R's default (type 7) quantile of sorted values.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}
