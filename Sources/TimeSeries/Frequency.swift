/// How often a series is observed. `none` is a plain integer index 1, 2, 3, …
/// with a seasonal period declared by the user.
public enum Frequency: String, Sendable, Hashable, CaseIterable {
    case day, week, month, quarter, year, none

    /// The usual seasonal period: 7 days a week, 52 weeks, 12 months, 4 quarters, none for years.
    public var defaultSeasonalPeriod: Int {
        switch self {
        case .day: return 7
        case .week: return 52
        case .month: return 12
        case .quarter: return 4
        case .year, .none: return 1
        }
    }

    /// Accepts the names scripts use: "day"/"daily"/"D", "month"/"monthly"/"M", ...
    public init?(name: String) {
        switch name.lowercased() {
        case "day", "daily", "d": self = .day
        case "week", "weekly", "w": self = .week
        case "month", "monthly", "m": self = .month
        case "quarter", "quarterly", "q": self = .quarter
        case "year", "yearly", "annual", "y", "a": self = .year
        case "none", "integer", "index": self = .none
        default: return nil
        }
    }

    /// How many of this period make one of `coarser` (nil if it does not divide evenly).
    public func periods(per coarser: Frequency) -> Int? {
        switch (self, coarser) {
        case (.month, .quarter): return 3
        case (.month, .year): return 12
        case (.quarter, .year): return 4
        case (.day, .week): return 7
        default: return nil
        }
    }
}
