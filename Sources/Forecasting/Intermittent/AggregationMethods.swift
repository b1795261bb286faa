/// Temporal aggregation: summing demand over blocks of several periods leaves
/// fewer zeros, so exponential smoothing works better on the block sums; the
/// block forecast is then spread evenly over its periods.
extension IntermittentMethods {
    /// The aggregation level statsforecast uses: the mean inter-demand interval, rounded half to even
    /// (Python's round), at least 1. Needs at least one demand.
    static func meanIntervalLevel(_ y: [Double]) -> Int {
        let gaps = IntermittentSmoothing.intervals(y)
        return max(1, IntermittentSmoothing.roundHalfEven(gaps.reduce(0, +) / Double(gaps.count)))
    }

    /// Nikolopoulos et al. (2011) as statsforecast's ADIDA: sum the demand over blocks of `level` periods
    /// (default: the mean interval), forecast the block sums by SES with α by golden section in
    /// [0.1, 0.3], divide by the block length.
    static func adida(_ y: [Double], level chosen: Int?) -> Result {
        let level = chosen ?? meanIntervalLevel(y)
        let forecast = IntermittentSmoothing.blockForecast(y[...], level: level) / Double(level)
        // statsforecast's fitted values: at each origin, the level from the intervals seen so far
        // (or the chosen level throughout).
        let gaps = IntermittentSmoothing.intervals(y)
        var fitted = [Double](repeating: .nan, count: y.count)
        var sum = 0.0, count = 0, current = chosen ?? 1
        for t in y.indices.dropFirst() {
            if y[t - 1] != 0 && chosen == nil {
                sum += gaps[count]
                count += 1
                current = max(1, IntermittentSmoothing.roundHalfEven(sum / Double(count)))
            }
            fitted[t] = IntermittentSmoothing.blockForecast(y[0..<t], level: current) / Double(current)
        }
        return Result(
            forecast: forecast, fitted: fitted, parameters: [NamedValue("aggregation_level", Double(level))],
            occurrence: demandFraction(y), estimatedCount: 1)
    }

    /// Petropoulos & Kourentzes (2015) as statsforecast's IMAPA: the ADIDA forecast at every block
    /// length 1…`top` (default: the mean interval), averaged.
    static func imapa(_ y: [Double], top chosen: Int?) -> Result {
        let top = chosen ?? meanIntervalLevel(y)
        let forecast =
            (1...top).map { IntermittentSmoothing.blockForecast(y[...], level: $0) / Double($0) }
            .reduce(0, +) / Double(top)
        // statsforecast's imapa_fitted_vals rounds with std::round (halves away from zero) and
        // caps the levels at the periods seen.
        let gaps = IntermittentSmoothing.intervals(y)
        var fitted = [Double](repeating: .nan, count: y.count)
        var sum = 0.0, count = 0
        for t in y.indices.dropFirst() {
            if y[t - 1] != 0 {
                sum += gaps[count]
                count += 1
            }
            guard count > 0 else { fitted[t] = 0; continue }
            let mean = Int((sum / Double(count)).rounded(.toNearestOrAwayFromZero))
            let levels = min(max(1, chosen ?? mean), t)
            fitted[t] =
                (1...levels).map { IntermittentSmoothing.blockForecast(y[0..<t], level: $0) / Double($0) }
                .reduce(0, +) / Double(levels)
        }
        return Result(
            forecast: forecast, fitted: fitted, parameters: [NamedValue("max_aggregation_level", Double(top))],
            occurrence: demandFraction(y), estimatedCount: top)
    }

    /// The share of periods with a demand: the occurrence rate for methods that do not smooth one.
    static func demandFraction(_ y: [Double]) -> Double {
        Double(y.count(where: { $0 != 0 })) / Double(y.count)
    }
}
