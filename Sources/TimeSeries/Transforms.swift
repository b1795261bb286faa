import AlmanacCore
import Foundation
import Optimization

extension Series {
    /// Natural logarithm; every value must be positive.
    public func log() throws(SeriesError) -> Series {
        if let i = values.firstIndex(where: { $0 <= 0 }) {
            throw SeriesError(
                "log: \(describedName) has a value ≤ 0 at \(label(at: i)) (\(values[i])); log needs positive values")
        }
        return map { Foundation.log($0) }
    }

    /// Box–Cox transform as R's forecast::BoxCox defines it: log(x) for λ = 0,
    /// (sign(x)·|x|^λ − 1)/λ otherwise; for λ < 0 negative values become NaN.
    public func boxCox(lambda: Double) -> Series {
        map { x in
            if lambda < 0 && x < 0 { return .nan }
            if lambda == 0 { return Foundation.log(x) }
            let signed = x < 0 ? -pow(-x, lambda) : pow(x, lambda)
            return (signed - 1) / lambda
        }
    }

    /// Inverse of `boxCox(lambda:)`.
    public func inverseBoxCox(lambda: Double) -> Series {
        map { y in
            if lambda == 0 { return exp(y) }
            let t = lambda * y + 1
            return t < 0 ? -pow(-t, 1 / lambda) : pow(t, 1 / lambda)
        }
    }

    /// Lag-`lag` differences, applied `differences` times: y_t − y_{t−lag}.
    public func differenced(lag: Int = 1, differences: Int = 1) throws(SeriesError) -> Series {
        guard lag >= 1, differences >= 1 else { throw SeriesError("diff: lag and differences must be at least 1") }
        try require(
            atLeast: lag.saturatingMultiplied(by: differences).saturatingAdding(1),
            for: "diff(lag = \(lag), differences = \(differences))")
        // Written without `slice(...).with(values:)` in the loop: Swift 6.3.1's
        // optimizer frees the sliced array (dead, as `with` replaces it) before
        // copying into it, a heap use-after-free in release builds
        // (bench/sanitizers/repro/array_slice_uaf.swift reproduces it in six lines).
        var values = self.values
        for _ in 0..<differences {
            let v = values
            values = (lag..<v.count).map { v[$0] - v[$0 - lag] }
        }
        var s = self
        s.values = values
        s.index = index.advanced(by: lag * differences)
        return s
    }

    /// Moving average of `order` points. Centred (as R's forecast::ma): an even
    /// order uses a 2×order MA so the result stays on the calendar; the ends,
    /// where the window does not fit, are NaN. Trailing: the mean of the last
    /// `order` values, NaN for the first order − 1.
    public func movingAverage(order: Int, centred: Bool = true) throws(SeriesError) -> Series {
        guard order >= 1 else { throw SeriesError("ma: the order must be at least 1") }
        try require(atLeast: order, for: "ma(\(order))")
        let n = count
        var out = [Double](repeating: .nan, count: n)
        if !centred {
            var sum = values[0..<order].reduce(0, +)
            out[order - 1] = sum / Double(order)
            for i in order..<n {
                sum += values[i] - values[i - order]
                out[i] = sum / Double(order)
            }
            return with(values: out)
        }
        let weights: [Double]
        if order % 2 == 1 {
            weights = [Double](repeating: 1 / Double(order), count: order)
        } else {
            weights =
                [0.5 / Double(order)] + [Double](repeating: 1 / Double(order), count: order - 1) + [0.5 / Double(order)]
        }
        let half = weights.count / 2
        if n >= weights.count {
            for i in half..<(n - half) {
                var s = 0.0
                for (k, w) in weights.enumerated() { s += w * values[i - half + k] }
                out[i] = s
            }
        }
        return with(values: out)
    }

    /// How to fill missing values (NaN).
    public enum GapFill: String, Sendable, CaseIterable {
        case zero, previous, linear, na
    }

    /// Fills NaN values: with 0, the previous value, a straight line between the
    /// neighbours, or (na) leaves them as NaN. Leading gaps have no previous
    /// value and trailing gaps no line to follow; those are errors that say so.
    public func fillingGaps(_ method: GapFill) throws(SeriesError) -> Series {
        var v = values
        switch method {
        case .na:
            return self
        case .zero:
            for i in v.indices where v[i].isNaN { v[i] = 0 }
        case .previous:
            if let first = v.firstIndex(where: { !$0.isNaN }), first > 0 {
                throw SeriesError(
                    "fill_gaps(\"previous\"): \(describedName) starts with \(first) missing value\(first == 1 ? "" : "s") that have no previous value; use \"zero\" or trim them with s:window"
                )
            }
            for i in v.indices where v[i].isNaN && i > 0 { v[i] = v[i - 1] }
        case .linear:
            guard let first = v.firstIndex(where: { !$0.isNaN }), let last = v.lastIndex(where: { !$0.isNaN }) else {
                throw SeriesError("fill_gaps(\"linear\"): \(describedName) has no values to interpolate between")
            }
            if first > 0 || last < v.count - 1 {
                throw SeriesError(
                    "fill_gaps(\"linear\"): \(describedName) has missing values at its \(first > 0 ? "start" : "end") with nothing to interpolate towards; trim them with s:window or use \"zero\""
                )
            }
            var i = first
            while i < v.count {
                if v[i].isNaN {
                    let a = i - 1
                    var b = i
                    while v[b].isNaN { b += 1 }
                    for k in i..<b { v[k] = v[a] + (v[b] - v[a]) * Double(k - a) / Double(b - a) }
                    i = b
                }
                i += 1
            }
        }
        return with(values: v)
    }
}

extension Series {
    /// How to combine the observations of one coarser period.
    public enum Aggregation: String, Sendable, CaseIterable {
        case sum, mean
    }

    /// Sums or averages into a coarser calendar: month → quarter or year,
    /// quarter → year, day → week (weeks start on the series' first day),
    /// week or day → month, day → quarter or year. Only complete periods are
    /// kept; `dropped` counts the observations of incomplete ones at the ends.
    public func aggregated(to target: Frequency, _ how: Aggregation) throws(SeriesError) -> (
        series: Series, dropped: Int
    ) {
        guard count > 0 else { throw SeriesError("aggregate: \(describedName) is empty") }
        let source = frequency
        // Map each observation to the ordinal of its target period.
        func targetOrdinal(_ i: Int) -> Int? {
            let o = index.ordinal(at: i)
            switch (source, target) {
            case (.month, .quarter): return floorDivision(o, 3).quotient
            case (.month, .year): return floorDivision(o, 12).quotient
            case (.quarter, .year): return floorDivision(o, 4).quotient
            case (.day, .week): return index.start + floorDivision(o - index.start, 7).quotient * 7
            case (.day, .month), (.week, .month), (.day, .quarter), (.day, .year):
                return TimeIndex.ordinal(of: CivilDate(daysSinceEpoch: o), frequency: target)
            default: return nil
            }
        }
        guard targetOrdinal(0) != nil else {
            throw SeriesError(
                "aggregate: cannot turn a \(source.rawValue) series into a \(target.rawValue) one; possible: month → quarter/year, quarter → year, day → week/month/quarter/year, week → month"
            )
        }
        // Size of each target period in source observations (weeks in a month vary: count them).
        func expectedSize(_ t: Int) -> Int {
            switch (source, target) {
            case (.month, .quarter): return 3
            case (.month, .year): return 12
            case (.quarter, .year): return 4
            case (.day, .week): return 7
            case (.day, .month):
                let (y, m) = floorDivision(t, 12)
                return CivilDate.daysIn(month: m + 1, year: y)
            case (.day, .quarter):
                let (y, q) = floorDivision(t, 4)
                return (1...3).reduce(0) { $0 + CivilDate.daysIn(month: q * 3 + $1, year: y) }
            case (.day, .year): return CivilDate.isLeap(t) ? 366 : 365
            default: return -1  // weeks per month: decided by what falls in the month
            }
        }
        var groups: [(ordinal: Int, values: [Double])] = []
        for i in 0..<count {
            guard let t = targetOrdinal(i) else { continue }
            if groups.last?.ordinal == t {
                groups[groups.count - 1].values.append(values[i])
            } else {
                groups.append((t, [values[i]]))
            }
        }
        var kept = groups
        var dropped = 0
        if source == .week && target == .month {
            // A week belongs to the month of its first day; the first and last months may be partial.
            if kept.count > 2, let first = kept.first, let last = kept.last {
                dropped = first.values.count + last.values.count
                kept = Array(kept.dropFirst().dropLast())
            }
        } else {
            while let first = kept.first, first.values.count < expectedSize(first.ordinal) {
                dropped += first.values.count
                kept.removeFirst()
            }
            while let last = kept.last, last.values.count < expectedSize(last.ordinal) {
                dropped += last.values.count
                kept.removeLast()
            }
        }
        guard let start = kept.first?.ordinal else {
            throw SeriesError("aggregate: \(describedName) (\(rangeDescription)) covers no complete \(target.rawValue)")
        }
        let out = kept.map { g in
            let s = g.values.reduce(0, +)
            return how == .sum ? s : s / Double(g.values.count)
        }
        var result = Series(name: name, values: out, index: TimeIndex(frequency: target, start: start))
        result.seasonalPeriod = target.defaultSeasonalPeriod
        return (result, dropped)
    }
}
