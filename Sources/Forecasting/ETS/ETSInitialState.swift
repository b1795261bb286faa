import AlmanacCore
import Foundation
import LinearAlgebra
import TimeSeries

/// Starting values for the states, by R's heuristic (forecast:::initstate):
/// a classical decomposition (or, with fewer than three cycles, a regression
/// on a trend and one pair of Fourier terms) for the season, then a line
/// through the first max(10, 2m) seasonally adjusted values for level and slope.
enum ETSInitialState {
    struct States {
        var level: Double
        var slope: Double
        /// s_1…s_{m−1}, most recent first (the last one, s_m, is implied by normalisation).
        var seasonal: [Double]
    }

    static func estimate(_ y: [Double], m: Int, trend: ETSSpec.Component, season: ETSSpec.Component)
        throws(ForecastError) -> States
    {
        let n = y.count
        var adjusted = y
        var seasonal: [Double] = []
        var period = 1
        if season != .none {
            period = m
            guard n >= 4 else { throw ForecastError("ets: \(n) observations are too few to estimate a seasonal model") }
            let pattern: [Double]
            if n < 3 * m {
                // Too short to decompose: detrend with a line plus one Fourier pair.
                let t = (1...n).map(Double.init)
                var columns: [[Double]] = [[Double](repeating: 1, count: n), t]
                let angle = 2 * Double.pi / Double(m)
                let sines = t.map { sin(angle * $0) }
                if sines.contains(where: { abs($0) > 1e-12 }) { columns.append(sines) }
                columns.append(t.map { cos(angle * $0) })
                let fit = LeastSquares.fit(columns: columns, y)
                let a = fit.coefficients[0], b = fit.coefficients[1]
                pattern = (0..<n).map { season == .additive ? y[$0] - a - b * t[$0] : y[$0] / (a + b * t[$0]) }
            } else {
                let series = Series(values: y, seasonalPeriod: m)
                do {
                    pattern = try series.classicalDecomposition(season == .additive ? .additive : .multiplicative)
                        .seasonal
                } catch {
                    throw ForecastError("ets: \(error.message)")
                }
            }
            // States s_1…s_{m−1} are the pattern at cycle positions m, m−1, …, 2.
            seasonal = (1..<m).map { pattern[m - $0] }
            if season == .additive {
                adjusted = (0..<n).map { y[$0] - pattern[$0] }
            } else {
                seasonal = seasonal.map { max($0, 0.01) }
                let total = seasonal.reduce(0, +)
                if total > Double(m) { seasonal = seasonal.map { $0 / (total + 0.01 * Double(seasonal.count)) } }
                adjusted = (0..<n).map { y[$0] / max(pattern[$0], 0.01) }
            }
        }
        let maxn = min(max(10, 2 * period), n)
        if trend == .none {
            let level = adjusted[0..<maxn].reduce(0, +) / Double(maxn)
            return States(level: level, slope: 0, seasonal: seasonal)
        }
        let t = (1...maxn).map(Double.init)
        let line = LeastSquares.fit(columns: [[Double](repeating: 1, count: maxn), t], Array(adjusted[0..<maxn]))
        let a = line.coefficients[0], b = line.coefficients[1]
        if trend == .additive {
            var level = a, slope = b
            if abs(level + slope) < 1e-8 {
                level *= 1 + 1e-3
                slope *= 1 - 1e-3
            }
            return States(level: level, slope: slope, seasonal: seasonal)
        }
        var level = a + b
        if abs(level) < 1e-8 { level = 1e-7 }
        var slope = (a + 2 * b) / level
        level /= slope
        if abs(slope) > 1e10 { slope = slope < 0 ? -1e10 : 1e10 }
        if level < 1e-8 || slope < 1e-8 {
            level = max(adjusted[0], 1e-3)
            slope = max(adjusted[1] / adjusted[0], 1e-3)
        }
        return States(level: level, slope: slope, seasonal: seasonal)
    }
}
