/// A regular calendar index: a frequency and the position of the first
/// observation, as an ordinal that counts periods:
/// - day: days since 1970-01-01; week: the days-since-epoch of the first day of the
///   week, stepping by 7 (weeks are anchored on whatever weekday the data uses);
/// - month: year × 12 + (month − 1); quarter: year × 4 + (quarter − 1); year: the year;
/// - none: the 1-based position.
public struct TimeIndex: Sendable, Hashable {
    /// How often observations come.
    public let frequency: Frequency
    /// The first observation's ordinal (see the type's description).
    public let start: Int

    /// The index at `frequency` starting at ordinal `start`.
    public init(frequency: Frequency, start: Int) {
        self.frequency = frequency
        self.start = start
    }

    /// The index at `frequency` whose first observation is labelled `label`,
    /// as `label(at:)` writes it: "1949-01" for months, "2020-Q1", "2020",
    /// "2020-01-05" for days and weeks, "1" for positions. Nil when the label
    /// does not parse at that frequency.
    public init?(frequency: Frequency, startingAt label: String) {
        let grid = TimeIndex(frequency: frequency, start: 0)
        guard let start = grid.ordinal(ofLabel: label) else { return nil }
        self.init(frequency: frequency, start: start)
    }

    /// A plain 1, 2, 3, … index.
    public static let positions = TimeIndex(frequency: .none, start: 1)

    /// Ordinal units per observation (7 for weeks, 1 otherwise).
    public var step: Int { frequency == .week ? 7 : 1 }

    /// The ordinal of observation i.
    public func ordinal(at i: Int) -> Int { start + i * step }

    /// Position of `ordinal`, if it falls on this index's grid.
    public func position(of ordinal: Int) -> Int? {
        let offset = ordinal - start
        guard offset % step == 0 else { return nil }
        return offset / step
    }

    /// The index shifted by `n` observations.
    public func advanced(by n: Int) -> TimeIndex { TimeIndex(frequency: frequency, start: ordinal(at: n)) }

    /// The label of observation i ("2020-01", "2020-Q1", "2020-01-05").
    public func label(at i: Int) -> String { TimeIndex.label(ordinal: ordinal(at: i), frequency: frequency) }

    /// The label of `ordinal` at `frequency`.
    public static func label(ordinal: Int, frequency: Frequency) -> String {
        switch frequency {
        case .day, .week: return CivilDate(daysSinceEpoch: ordinal).description
        case .month:
            let (y, m) = floorDivision(ordinal, 12)
            return "\(formatYear(y))-\(pad(m + 1, 2))"
        case .quarter:
            let (y, q) = floorDivision(ordinal, 4)
            return "\(formatYear(y))-Q\(q + 1)"
        case .year: return String(ordinal)
        case .none: return String(ordinal)
        }
    }

    /// The ordinal of a date at this frequency (its month, quarter, year, or day).
    public static func ordinal(of date: CivilDate, frequency: Frequency) -> Int {
        switch frequency {
        case .day, .week, .none: return date.daysSinceEpoch
        case .month: return date.year * 12 + date.month - 1
        case .quarter: return date.year * 4 + (date.month - 1) / 3
        case .year: return date.year
        }
    }

    /// Parses a label as `label(at:)` writes it ("2020-01", "2020-Q1", "2020", "2020-01-05", "7").
    public func ordinal(ofLabel text: String) -> Int? {
        switch frequency {
        // Positions and years within ±10⁹, so an index advanced by any series length
        // (or horizon) stays far inside Int's range.
        case .none, .year: return Int(text).flatMap { abs($0) <= 1_000_000_000 ? $0 : nil }
        case .day, .week, .month, .quarter:
            guard let parsed = DateParser.iso.parse(text) else { return nil }
            return parsed.ordinal(for: frequency)
        }
    }
}

extension TimeIndex {
    /// Where observation i falls in a cycle of `period` observations, counted
    /// on the calendar rather than from the series' start, so series that start
    /// on different dates agree: the month of the year (0 = January) for monthly
    /// data with period 12, the quarter, the weekday for daily data with
    /// period 7, a 52-week cycle for weeks. Without a calendar (`none`) it counts
    /// from position 1.
    public func seasonalPhase(at i: Int, period: Int) -> Int {
        let periods = floorDivision(ordinal(at: i), step).quotient
        return floorDivision(periods - (frequency == .none ? 1 : 0), max(1, period)).remainder
    }
}

/// Floor division and non-negative remainder (Swift's / and % truncate towards zero).
func floorDivision(_ a: Int, _ b: Int) -> (quotient: Int, remainder: Int) {
    let q = a >= 0 ? a / b : -((-a + b - 1) / b)
    return (q, a - q * b)
}
