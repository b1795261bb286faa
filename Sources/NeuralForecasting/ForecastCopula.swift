import Forecasting
import Foundation
import LinearAlgebra

/// How a global model's errors move together across the horizon, so sample
/// paths have the right lead-time totals: a Gaussian copula whose correlation
/// is measured on the validation windows (each actual's normal score under
/// its forecast distribution), shrunk towards independence when there are
/// few windows.
struct ForecastCopula: Sendable, Equatable {
    let horizon: Int
    /// Lower-triangular Cholesky factor of the correlation matrix, row-major.
    let factor: [Double]

    static func independent(horizon: Int) -> ForecastCopula {
        var f = [Double](repeating: 0, count: horizon * horizon)
        for i in 0..<horizon { f[i * horizon + i] = 1 }
        return ForecastCopula(horizon: horizon, factor: f)
    }

    /// From normal scores, one row of `horizon` per validation window.
    static func estimate(scores: [[Double]], horizon h: Int) -> ForecastCopula {
        let n = scores.count
        guard n >= 3 else { return independent(horizon: h) }
        var mean = [Double](repeating: 0, count: h)
        for row in scores { for t in 0..<h { mean[t] += row[t] / Double(n) } }
        var cov = [Double](repeating: 0, count: h * h)
        for row in scores {
            for i in 0..<h { for j in 0...i { cov[i * h + j] += (row[i] - mean[i]) * (row[j] - mean[j]) } }
        }
        // Shrink towards the identity: weight h/(n + h) on it, so a handful of windows cannot make a singular matrix.
        let shrink = min(0.9, max(0.05, Double(h) / Double(n + h)))
        var corr = [Double](repeating: 0, count: h * h)
        for i in 0..<h {
            for j in 0...i {
                let denominator = (cov[i * h + i] * cov[j * h + j]).squareRoot()
                let r = i == j ? 1 : (denominator > 0 ? cov[i * h + j] / denominator : 0)
                corr[i * h + j] = i == j ? 1 : (1 - shrink) * r
            }
        }
        // Only the lower triangle of corr is filled, which is all the factor reads.
        guard let factor = try? Matrix(rows: h, columns: h, values: corr).choleskyLower(minimumPivot: 1e-10) else {
            return independent(horizon: h)
        }
        return ForecastCopula(horizon: h, factor: factor.values)
    }

    /// Correlated normal scores for the first `steps` steps from independent normals.
    func correlate(_ e: [Double], steps: Int) -> [Double] {
        (0..<steps).map { i in
            var z = 0.0
            for k in 0...i { z += factor[i * horizon + k] * e[k] }
            return z
        }
    }
}
