import AlmanacCore
import TimeSeries

/// How to read a table (CSV file or SQL query result) into series.
public struct TableOptions: Sendable {
    /// The date column; default: a column named "date", else the first column.
    public var date: String?
    /// The key column (SKU, store, ...): given, the result is a panel in long form.
    public var key: String?
    /// The value column; default: the only column left, or every other column as a panel (wide form).
    public var value: String?
    /// Calendar; default: inferred from the dates.
    public var frequency: Frequency?
    public var seasonalPeriod: Int?
    public var dateOrder: DateParser.Order = .iso
    public var delimiter: UInt8 = UInt8(ascii: ",")
    /// What to do with dates missing inside a series; nil (default): it is an error.
    public var fillGaps: Series.GapFill?
    /// Numeric columns kept as dynamic covariates (long form).
    public var covariates: [String] = []
    /// Text or numeric columns kept as static attributes, constant per key (long form).
    public var attributes: [String] = []

    public init() {}
}

/// Rows gathered for one series before its calendar is checked.
struct SeriesRows {
    var name: String
    var dates: [Int32] = []  // raw ordinal at the dates' own precision (days fit in 32 bits)
    var values: [Double] = []
    var lines = LineLog()
    var covariates: [[Double]]
    var attributes: [String: (text: String, line: Int)] = [:]

    init(name: String, covariateCount: Int) {
        self.name = name
        covariates = [[Double]](repeating: [], count: covariateCount)
    }
}

/// What the dates in a table look like.
enum DatePrecision: Int, Comparable {
    case day, month, quarter, year
    static func < (a: DatePrecision, b: DatePrecision) -> Bool { a.rawValue < b.rawValue }

    init(_ parsed: DateParser.Parsed) {
        switch parsed {
        case .day: self = .day
        case .month: self = .month
        case .quarter: self = .quarter
        case .year: self = .year
        }
    }

    /// Raw ordinal at this precision (days, months, quarters or years).
    static func raw(_ parsed: DateParser.Parsed) -> Int {
        switch parsed {
        case .day(let d): return d.daysSinceEpoch
        case .month(let y, let m): return y * 12 + m - 1
        case .quarter(let y, let q): return y * 4 + q - 1
        case .year(let y): return y
        }
    }

    var frequency: Frequency {
        switch self {
        case .day: return .day
        case .month: return .month
        case .quarter: return .quarter
        case .year: return .year
        }
    }

    /// A raw ordinal of this precision as an ordinal at `frequency` (nil when too coarse).
    func ordinal(_ raw: Int, at frequency: Frequency) -> Int? {
        switch self {
        case .day:
            if frequency == .day || frequency == .week { return raw }  // already a day count
            return TimeIndex.ordinal(of: CivilDate(daysSinceEpoch: raw), frequency: frequency)
        case .month:
            return DateParser.Parsed.month(year: floorDiv(raw, 12), month: raw - floorDiv(raw, 12) * 12 + 1).ordinal(
                for: frequency)
        case .quarter:
            return DateParser.Parsed.quarter(year: floorDiv(raw, 4), quarter: raw - floorDiv(raw, 4) * 4 + 1).ordinal(
                for: frequency)
        case .year: return DateParser.Parsed.year(raw).ordinal(for: frequency)
        }
    }
}

func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
