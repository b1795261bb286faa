import TimeSeries

/// Where each observation falls in the seasonal cycle (0 ..< period), for
/// seasonal dummies. Months and quarters use the calendar, as R's cycle() does
/// for a ts that starts on its real date; days with period 7 use the weekday
/// (Monday first); a plain index counts from position 1, as ts(x, frequency = m)
/// does. Anything else (weeks, unusual periods) has no fixed calendar anchor,
/// so the first observation is season 1.
struct SeasonPosition: Sendable, Equatable {
    let period: Int
    /// Cycle position of observation 0.
    let first: Int

    init(series: Series, period: Int) {
        self.period = period
        let ordinal = series.index.ordinal(at: 0)
        switch (series.frequency, period) {
        case (.month, 12), (.quarter, 4): first = Self.modulo(ordinal, period)
        case (.day, 7): first = Self.modulo(ordinal + 3, 7)  // day 0, 1970-01-01, was a Thursday
        case (.none, _): first = Self.modulo(ordinal - 1, period)
        default: first = 0
        }
    }

    /// The cycle position of observation `i` (0-based; i ≥ count continues into the future).
    func position(of i: Int) -> Int { Self.modulo(first + i, period) }

    private static func modulo(_ a: Int, _ m: Int) -> Int { ((a % m) + m) % m }
}
