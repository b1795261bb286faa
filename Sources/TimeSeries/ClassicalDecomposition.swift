/// Classical decomposition by moving averages, as R's decompose() computes it.
extension Series {
    /// How the season combines with the trend: added or multiplied.
    public enum DecompositionType: String, Sendable, CaseIterable {
        case additive, multiplicative
    }

    /// Trend: a centred moving average over one cycle (2×m for even m), NaN at the
    /// ends. Seasonal: the average detrended value of each position in the cycle,
    /// centred to sum to 0 (additive) or average 1 (multiplicative), repeated.
    /// Remainder: what is left (NaN where the trend is).
    public func classicalDecomposition(_ type: DecompositionType) throws(SeriesError) -> Decomposition {
        try requireComplete(for: "decompose")
        let f = seasonalPeriod
        guard f >= 2 else { throw SeriesError("decompose: \(describedName) is not seasonal (period \(f))") }
        guard count >= 2 * f else {
            throw SeriesError(
                "decompose: \(describedName) has \(count) observations; at least two full cycles (\(2 * f)) are needed")
        }
        if type == .multiplicative, let i = values.firstIndex(where: { $0 <= 0 }) {
            throw SeriesError(
                "decompose: a multiplicative decomposition needs positive values; \(label(at: i)) is \(values[i])")
        }
        let trend = try movingAverage(order: f).values
        let detrended = (0..<count).map { type == .additive ? values[$0] - trend[$0] : values[$0] / trend[$0] }
        var figure = [Double](repeating: 0, count: f)
        for i in 0..<f {
            var sum = 0.0, n = 0
            var k = i
            while k < count {
                if !detrended[k].isNaN { sum += detrended[k]; n += 1 }
                k += f
            }
            figure[i] = sum / Double(n)
        }
        let centre = figure.reduce(0, +) / Double(f)
        figure = figure.map { type == .additive ? $0 - centre : $0 / centre }
        let seasonal = (0..<count).map { figure[$0 % f] }
        let remainder = (0..<count).map { (i: Int) -> Double in
            let (y, s, t) = (values[i], seasonal[i], trend[i])
            return type == .additive ? y - s - t : y / (s * t)
        }
        return Decomposition(
            trend: trend, seasonal: seasonal, remainder: remainder,
            weights: [Double](repeating: 1, count: count))
    }
}
