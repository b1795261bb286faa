import AlmanacCore
import Forecasting

/// A forecast distribution known at a few quantile levels, read between them
/// linearly in normal scores Φ⁻¹(p) and extrapolated past the ends along the
/// end segments: exact at the learned levels, Gaussian-like in between.
struct QuantileGrid: Sendable, Equatable {
    let levels: [Double]
    let scores: [Double]

    init(levels: [Double]) {
        self.levels = levels
        scores = levels.map { SpecialFunctions.normalQuantile($0) }
    }

    /// The value at normal score z, from the quantile values `q` (ascending, one per level).
    func value(atScore z: Double, _ q: ArraySlice<Double>) -> Double {
        let n = scores.count, base = q.startIndex
        var k = 0
        if z >= scores[n - 1] {
            k = n - 2
        } else if z > scores[0] {
            while k < n - 2 && z > scores[k + 1] { k += 1 }
        }
        let width = scores[k + 1] - scores[k]
        return q[base + k] + (q[base + k + 1] - q[base + k]) * (z - scores[k]) / width
    }

    func value(atProbability p: Double, _ q: ArraySlice<Double>) -> Double {
        value(atScore: SpecialFunctions.normalQuantile(p), q)
    }

    /// The normal score at which the quantile values reach y (clamped to ±4).
    func score(of y: Double, _ q: ArraySlice<Double>) -> Double {
        let n = scores.count, base = q.startIndex
        var k = 0
        if y >= q[base + n - 1] {
            k = n - 2
        } else if y > q[base] {
            while k < n - 2 && y > q[base + k + 1] { k += 1 }
        }
        let rise = q[base + k + 1] - q[base + k]
        let z = rise > 0 ? scores[k] + (y - q[base + k]) / rise * (scores[k + 1] - scores[k]) : scores[k]
        return min(4, max(-4, z))
    }
}
