import TimeSeries

/// Where a series' observations sit on a chart's x axis: days since
/// 1970-01-01 for daily to quarterly calendars (so ticks can follow the
/// calendar), years for yearly series, positions otherwise.
enum SeriesAxis {
    static func scale(_ s: Series) -> AxisScale {
        switch s.frequency {
        case .day, .week, .month, .quarter: .calendar
        case .year, .none: .numeric
        }
    }

    static func x(_ s: Series) -> [Double] { (0..<s.count).map { x(s, at: $0) } }

    static func x(_ s: Series, at i: Int) -> Double {
        let ordinal = s.index.ordinal(at: i)
        switch s.frequency {
        case .day, .week, .year, .none: return Double(ordinal)
        case .month: return firstDay(month: ordinal)
        case .quarter: return firstDay(month: ordinal * 3)
        }
    }

    private static func firstDay(month ordinal: Int) -> Double {
        let year = Int((Double(ordinal) / 12).rounded(.down))
        return Double(CivilDate.daysSinceEpoch(year: year, month: ordinal - year * 12 + 1, day: 1))
    }

    /// One scale for several series, or an error naming the odd one out.
    static func commonScale(_ list: [Series]) throws(ChartError) -> AxisScale {
        guard let first = list.first else { throw ChartError("no series to draw") }
        let scale = self.scale(first)
        for s in list.dropFirst() where self.scale(s) != scale {
            throw ChartError(
                "series '\(s.name)' is on a \(s.frequency.rawValue) calendar but '\(first.name)' is on \(first.frequency.rawValue); draw them on separate charts"
            )
        }
        return scale
    }
}

/// Builders turn results into figures; one file per chart kind.
public enum ChartBuilder {}
