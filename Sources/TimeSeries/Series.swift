import AlmanacCore

/// A regularly observed series: values on a calendar index, a seasonal period
/// and a name. Missing observations are NaN and are never created silently
/// (see `fillingGaps`).
public struct Series: Sendable, Equatable {
    /// The series' name ("" when it has none), used in messages and charts.
    public var name: String
    /// The observations; NaN marks a missing one.
    public var values: [Double]
    /// The calendar of the observations.
    public var index: TimeIndex
    /// Observations per seasonal cycle (1: not seasonal), between 1 and
    /// `maximumSeasonalPeriod` (values outside are clamped).
    public var seasonalPeriod: Int {
        didSet { seasonalPeriod = min(Self.maximumSeasonalPeriod, max(1, seasonalPeriod)) }
    }

    /// The longest seasonal period a series may have: a million observations
    /// per cycle (a year of minutes is 525,600). Callers validate against it
    /// with a clear message; the initialiser clamps, so no computation built on
    /// a period (2 × period, period²) can overflow.
    public static let maximumSeasonalPeriod = 1_000_000

    /// A series on `index` (default 1, 2, 3, …); the seasonal period defaults to the frequency's usual one.
    public init(name: String = "", values: [Double], index: TimeIndex = .positions, seasonalPeriod: Int? = nil) {
        self.name = name
        self.values = values
        self.index = index
        self.seasonalPeriod = min(
            Self.maximumSeasonalPeriod, max(1, seasonalPeriod ?? index.frequency.defaultSeasonalPeriod))
    }

    /// Number of observations.
    public var count: Int { values.count }
    /// How often it is observed.
    public var frequency: Frequency { index.frequency }

    /// Labels of every observation ("2020-01", ...).
    public var labels: [String] { (0..<count).map { index.label(at: $0) } }
    /// The label of observation i ("2020-01").
    public func label(at i: Int) -> String { index.label(at: i) }

    /// The same series with other values (same index, name, period).
    public func with(values: [Double]) -> Series {
        var s = self
        s.values = values
        return s
    }

    /// Observations `range` (positions), with the index moved to match.
    public func slice(_ range: Range<Int>) -> Series {
        var s = self
        s.values = Array(values[range])
        s.index = index.advanced(by: range.lowerBound)
        return s
    }

    /// The first `n` observations (all when there are fewer).
    public func head(_ n: Int) -> Series { slice(0..<min(max(n, 0), count)) }
    /// The last `n` observations (all when there are fewer).
    public func tail(_ n: Int) -> Series { slice(max(0, count - max(n, 0))..<count) }

    /// Everything but the last `h` observations, and those `h`: a train/test split.
    public func split(holdout h: Int) throws(SeriesError) -> (train: Series, test: Series) {
        guard h >= 1, h < count else {
            throw SeriesError(
                "split(\(h)): the holdout must be between 1 and \(count - 1) for a series of \(count) observations")
        }
        return (slice(0..<(count - h)), slice((count - h)..<count))
    }

    /// Observations from label `from` to label `to`, inclusive; either may be nil (open).
    public func window(from: String?, to: String?) throws(SeriesError) -> Series {
        func position(_ label: String, _ which: String) throws(SeriesError) -> Int {
            guard let ordinal = index.ordinal(ofLabel: label) else {
                throw SeriesError(
                    "window: '\(label)' is not a \(index.frequency.rawValue) label like '\(self.label(at: 0))'")
            }
            let offset = ordinal - index.start
            return offset >= 0 ? offset / index.step : -((-offset + index.step - 1) / index.step)
        }
        var lo = 0, hi = count - 1
        if let from { lo = try position(from, "from") }
        if let to { hi = try position(to, "to") }
        let a = max(lo, 0), b = min(hi, count - 1)
        guard a <= b else {
            throw SeriesError(
                "window: no observations between \(from ?? "the start") and \(to ?? "the end") (the series runs \(label(at: 0)) to \(label(at: count - 1)))"
            )
        }
        return slice(a..<(b + 1))
    }

    /// Positions of missing (NaN) values.
    public var missingPositions: [Int] { values.indices.filter { values[$0].isNaN } }

    /// Throws unless every value is a number: the message names the first gaps and the fix.
    public func requireComplete(for purpose: String) throws(SeriesError) {
        let missing = missingPositions
        guard !missing.isEmpty else { return }
        let shown = missing.prefix(3).map { label(at: $0) }.joined(separator: ", ")
        throw SeriesError(
            "\(purpose): \(describedName) has \(missing.count) missing value\(missing.count == 1 ? "" : "s") (\(shown)\(missing.count > 3 ? ", ..." : "")); \(UsageHint.fillGaps)"
        )
    }

    /// Throws unless there are at least `n` observations.
    public func require(atLeast n: Int, for purpose: String) throws(SeriesError) {
        guard count >= n else {
            throw SeriesError(
                "\(purpose): \(describedName) has \(count) observation\(count == 1 ? "" : "s"), at least \(n) needed")
        }
    }

    /// How messages name it: "series 'sales'", or "the series".
    public var describedName: String { name.isEmpty ? "the series" : "series '\(name)'" }
}

/// Why an operation on a series failed, as one message for a person.
public struct SeriesError: MessageError {
    /// The message.
    public let message: String
    /// An error with `message`.
    public init(_ message: String) { self.message = message }
}

// MARK: - Arithmetic

extension Series {
    /// Applies `op` to aligned observations. Series must share frequency; the
    /// result covers the dates both have (an inner join on the calendar).
    public static func combine(_ a: Series, _ b: Series, _ op: (Double, Double) -> Double) throws(SeriesError) -> Series
    {
        guard a.frequency == b.frequency else {
            throw SeriesError("cannot combine a \(a.frequency.rawValue) series with a \(b.frequency.rawValue) series")
        }
        let step = a.index.step
        let start = max(a.index.start, b.index.start)
        let endA = a.index.ordinal(at: a.count - 1), endB = b.index.ordinal(at: b.count - 1)
        let end = min(endA, endB)
        guard a.count > 0, b.count > 0, start <= end,
            let i0 = a.index.position(of: start), let j0 = b.index.position(of: start)
        else {
            throw SeriesError("the two series share no dates (\(a.rangeDescription) and \(b.rangeDescription))")
        }
        let n = (end - start) / step + 1
        var values = [Double](repeating: 0, count: n)
        for k in 0..<n { values[k] = op(a.values[i0 + k], b.values[j0 + k]) }
        return Series(
            name: a.name, values: values, index: TimeIndex(frequency: a.frequency, start: start),
            seasonalPeriod: a.seasonalPeriod)
    }

    /// Every value passed through `f` (same index, name and period).
    public func map(_ f: (Double) -> Double) -> Series { with(values: values.map(f)) }

    var rangeDescription: String { count == 0 ? "empty" : "\(label(at: 0)) to \(label(at: count - 1))" }
}
