/// Ordinary least squares by Householder QR: stable for the small, possibly
/// ill-conditioned designs of trend and seasonal regressions.
///
/// Two QR variants live here because their results feed forecasts that must
/// not move: `fit` (this file) skips dependent columns, as R's lm reports NA,
/// for the regressions inside ETS, ARIMA and the unit-root tests;
/// `QRLeastSquares` refuses them and keeps R⁻¹ for inference, for the
/// regression model. `summary` adds lm's standard errors.
public enum LeastSquares {
    /// The result of `fit`: the coefficients, and the fitted values and residuals at the n observations.
    public struct Fit: Sendable {
        /// β̂, one per column of X in the given order; 0 for a column dependent on earlier ones.
        public let coefficients: [Double]
        /// y − Xβ̂, one per observation.
        public let residuals: [Double]
        /// Xβ̂, one per observation.
        public let fitted: [Double]
    }

    /// Solves min ‖y − Xβ‖ for X given as columns (each of length n). Columns
    /// that are (numerically) dependent on earlier ones get coefficient 0, as R's lm does with NA.
    public static func fit(columns: [[Double]], _ y: [Double]) -> Fit {
        let n = y.count, p = columns.count
        var a = columns  // a[j][i]: column-major, reduced in place
        var qty = y
        var pivotsUsed = [Bool](repeating: false, count: p)
        var row = 0
        let scale = columns.map { col in col.reduce(0) { max($0, abs($1)) } }
        for j in 0..<p where row < n {
            var norm = 0.0
            for i in row..<n { norm += a[j][i] * a[j][i] }
            norm = norm.squareRoot()
            if norm <= 1e-10 * max(scale[j], 1e-300) { continue }  // dependent column
            let alpha = a[j][row] > 0 ? -norm : norm
            var v = [Double](repeating: 0, count: n)
            for i in row..<n { v[i] = a[j][i] }
            v[row] -= alpha
            let vnorm2 = (row..<n).reduce(0.0) { $0 + v[$1] * v[$1] }
            if vnorm2 > 0 {
                for k in j..<p {
                    var dot = 0.0
                    for i in row..<n { dot += v[i] * a[k][i] }
                    let f = 2 * dot / vnorm2
                    for i in row..<n { a[k][i] -= f * v[i] }
                }
                var dot = 0.0
                for i in row..<n { dot += v[i] * qty[i] }
                let f = 2 * dot / vnorm2
                for i in row..<n { qty[i] -= f * v[i] }
            }
            pivotsUsed[j] = true
            row += 1
        }
        // Back substitution over the used columns (R is a[used][0..<rank]).
        let used = (0..<p).filter { pivotsUsed[$0] }
        var beta = [Double](repeating: 0, count: p)
        for (r, j) in used.enumerated().reversed() {
            var s = qty[r]
            for (r2, k) in used.enumerated() where r2 > r { s -= a[k][r] * beta[k] }
            beta[j] = s / a[j][r]
        }
        var fitted = [Double](repeating: 0, count: n)
        for j in 0..<p where beta[j] != 0 { for i in 0..<n { fitted[i] += columns[j][i] * beta[j] } }
        let residuals = (0..<n).map { y[$0] - fitted[$0] }
        return Fit(coefficients: beta, residuals: residuals, fitted: fitted)
    }
}
