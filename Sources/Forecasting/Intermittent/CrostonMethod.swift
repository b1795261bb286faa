/// Croston (1972) and its Syntetos–Boylan correction: simple exponential
/// smoothing of the nonzero demand sizes and, separately, of the intervals
/// between demands; the forecast is size level / interval level.
extension IntermittentMethods {
    /// How the two smoothing parameters are set.
    enum CrostonSmoothing: Equatable, Sendable {
        /// The same α for sizes and intervals (R's croston, statsforecast's CrostonClassic: 0.1).
        case fixed(Double)
        /// Each chosen by golden-section search in [0.1, 0.3] (statsforecast's CrostonOptimized).
        case optimized
    }

    /// `debiased` multiplies by 1 − α_interval/2 (Syntetos & Boylan 2005; 0.95 at statsforecast's α = 0.1).
    /// Fitted values are the method rerun on each prefix (0 before the first demand), as R's croston
    /// and statsforecast give them; the optimised variant re-searches α on every prefix, as statsforecast does.
    static func croston(_ y: [Double], smoothing: CrostonSmoothing, debiased: Bool) -> Result {
        let sizes = IntermittentSmoothing.sizes(y)
        let gaps = IntermittentSmoothing.intervals(y)
        // levels[j − 1]: the forecast after the first j sizes (or intervals).
        let sizeLevels: [Double], gapLevels: [Double]
        let alphaSize: Double, alphaInterval: Double
        switch smoothing {
        case .fixed(let alpha):
            (alphaSize, alphaInterval) = (alpha, alpha)
            sizeLevels = runningForecasts(sizes, alpha: alpha)
            gapLevels = runningForecasts(gaps, alpha: alpha)
        case .optimized:
            alphaSize = IntermittentSmoothing.goldenSectionAlpha(sizes[...])
            alphaInterval = IntermittentSmoothing.goldenSectionAlpha(gaps[...])
            sizeLevels = optimizedForecasts(sizes)
            gapLevels = optimizedForecasts(gaps)
        }
        let factor = debiased ? 1 - alphaInterval / 2 : 1
        // Intervals are at least 1, so their smoothed level is too: the ratio is always defined.
        func ratio(after j: Int) -> Double { j == 0 ? 0 : sizeLevels[j - 1] / gapLevels[j - 1] * factor }
        var fitted = [Double](repeating: .nan, count: y.count)
        var seen = 0
        for t in y.indices.dropFirst() {
            if y[t - 1] != 0 { seen += 1 }
            fitted[t] = ratio(after: seen)
        }
        let sizeLevel = sizeLevels.last ?? 0, intervalLevel = gapLevels.last ?? 1
        var parameters = [NamedValue("alpha_size", alphaSize), NamedValue("alpha_interval", alphaInterval)]
        if debiased { parameters.append(NamedValue("debiasing_factor", factor)) }
        parameters += [NamedValue("size_level", sizeLevel), NamedValue("interval_level", intervalLevel)]
        return Result(
            forecast: ratio(after: sizes.count), fitted: fitted, parameters: parameters,
            occurrence: 1 / intervalLevel, estimatedCount: smoothing == .optimized ? 2 : 0)
    }

    /// The SES forecast after each prefix of `x`, in one pass (SES is recursive).
    static func runningForecasts(_ x: [Double], alpha: Double) -> [Double] {
        var ses = RunningSES(alpha: alpha)
        return x.map { value in
            ses.add(value)
            return ses.forecast!
        }
    }

    /// The forecast after each prefix with α searched afresh on that prefix: O(k²) for k values.
    static func optimizedForecasts(_ x: [Double]) -> [Double] {
        x.indices.map { last in
            let prefix = x[...last]
            return IntermittentSmoothing.sesForecast(prefix, alpha: IntermittentSmoothing.goldenSectionAlpha(prefix))
        }
    }
}

/// SES fed one value at a time, giving after each the forecast
/// `IntermittentSmoothing.sesForecast` gives on everything so far.
struct RunningSES {
    let alpha: Double
    private var count = 0
    private var level = 0.0
    private var last = 0.0

    init(alpha: Double) { self.alpha = alpha }

    mutating func add(_ x: Double) {
        if count == 0 { level = x } else { level = alpha * last + (1 - alpha) * level }
        last = x
        count += 1
    }

    var forecast: Double? {
        switch count {
        case 0: return nil
        case 1: return last
        default: return alpha * last + (1 - alpha) * level
        }
    }
}
