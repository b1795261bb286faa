import Foundation

/// The pieces the intermittent-demand methods share, as statsforecast 2.1.1
/// computes them (its ses.cpp and models.py): demand sizes, inter-demand
/// intervals, simple exponential smoothing started at the first value, the
/// golden-section choice of α, and sums over non-overlapping blocks.
enum IntermittentSmoothing {
    /// The nonzero demands, in order.
    static func sizes(_ y: [Double]) -> [Double] { y.filter { $0 > 0 } }

    /// Periods between demands, the first counted from before the start (t = 0).
    static func intervals(_ y: [Double]) -> [Double] {
        var out: [Double] = []
        var previous = 0
        for (i, v) in y.enumerated() where v != 0 {
            out.append(Double(i + 1 - previous))
            previous = i + 1
        }
        return out
    }

    /// SES with the level started at x₀: the forecast after the last value, and the
    /// one-step fitted values (NaN for the first).
    static func ses(_ x: [Double], alpha: Double) -> (forecast: Double, fitted: [Double]) {
        guard x.count > 1 else { return (x.first ?? .nan, [.nan]) }
        var fitted = [Double](repeating: 0, count: x.count)
        fitted[0] = x[0]
        for i in 1..<x.count { fitted[i] = alpha * x[i - 1] + (1 - alpha) * fitted[i - 1] }
        let forecast = alpha * x[x.count - 1] + (1 - alpha) * fitted[x.count - 1]
        fitted[0] = .nan
        return (forecast, fitted)
    }

    /// The forecast alone, without allocating.
    static func sesForecast(_ x: ArraySlice<Double>, alpha: Double) -> Double {
        guard let first = x.first else { return .nan }
        guard x.count > 1 else { return first }
        var level = first
        for i in (x.startIndex + 1)..<x.endIndex { level = alpha * x[i - 1] + (1 - alpha) * level }
        return alpha * x[x.endIndex - 1] + (1 - alpha) * level
    }

    static func sse(_ x: ArraySlice<Double>, alpha: Double) -> Double {
        guard x.count >= 2 else { return 0 }
        var forecast = x[x.startIndex], total = 0.0
        for i in (x.startIndex + 1)..<x.endIndex {
            forecast = alpha * x[i - 1] + (1 - alpha) * forecast
            total += (x[i] - forecast) * (x[i] - forecast)
        }
        return total
    }

    /// statsforecast's golden-section search for α on [lower, upper] by in-sample squared error;
    /// it stops on a tie, so a series too short to have an error returns the midpoint.
    static func goldenSectionAlpha(_ x: ArraySlice<Double>, lower: Double = 0.1, upper: Double = 0.3) -> Double {
        let ratio = (5.0.squareRoot() + 1) / 2
        var a = lower, b = upper
        var c = b - (b - a) / ratio, d = a + (b - a) / ratio
        var fc = sse(x, alpha: c), fd = sse(x, alpha: d)
        while abs(b - a) >= 1e-12 {
            if fc < fd {
                b = d; d = c; fd = fc
                c = b - (b - a) / ratio
                fc = sse(x, alpha: c)
            } else if fd < fc {
                a = c; c = d; fc = fd
                d = a + (b - a) / ratio
                fd = sse(x, alpha: d)
            } else {
                break
            }
        }
        return (b + a) / 2
    }

    /// Sums over non-overlapping blocks of `level` periods ending at the last value
    /// (the incomplete block at the start is dropped).
    static func blockSums(_ y: ArraySlice<Double>, level: Int) -> [Double] {
        let lost = y.count % level
        let start = y.startIndex + lost
        return stride(from: start, to: y.endIndex, by: level).map { i in y[i..<(i + level)].reduce(0, +) }
    }

    /// statsforecast's chunk_forecast: optimised SES on the block sums (the last value when
    /// there is not one whole block, the only sum when there is one).
    static func blockForecast(_ y: ArraySlice<Double>, level: Int) -> Double {
        let sums = blockSums(y, level: level)
        guard !sums.isEmpty else { return y.last ?? .nan }
        guard sums.count > 1 else { return sums[0] }
        let alpha = goldenSectionAlpha(sums[...])
        return sesForecast(sums[...], alpha: alpha)
    }

    /// Python's round() (statsforecast's aggregation level): halves to even.
    static func roundHalfEven(_ x: Double) -> Int { Int(x.rounded(.toNearestOrEven)) }
}
