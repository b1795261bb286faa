/// R's ARIMA_CSS: the conditional sum of squares. The series is differenced,
/// the first `ncond` residuals are taken as zero, and the ARMA recursion gives
/// the rest; the objective is their mean square.
enum ARIMAConditionalSumOfSquares {
    /// Mean squared residual and how many residuals it averages. `w` (n) and
    /// `resid` (n) are scratch; `resid` holds the residuals on exit.
    /// Bounds: w and resid need n = y.count values, and ncond ≥ p = phi.count: l starts at ncond,
    /// so w[l − j − 1] with j < p is ≥ ncond − p ≥ 0, and resid[l − j − 1] with j < l − ncond is
    /// ≥ ncond. The estimator's ncond is cssConditioning = d + mD + p_exp ≥ p.
    static func run(
        y: UnsafeBufferPointer<Double>, order: ARIMAOrder, phi: UnsafeBufferPointer<Double>,
        theta: UnsafeBufferPointer<Double>, ncond: Int, w: UnsafeMutablePointer<Double>,
        resid: UnsafeMutablePointer<Double>
    ) -> (sigma2: Double, used: Int) {
        let n = y.count
        let p = phi.count, q = theta.count
        for l in 0..<n { w[l] = y[l] }
        for _ in 0..<order.d {
            var l = n - 1
            while l > 0 { w[l] -= w[l - 1]; l -= 1 }
        }
        let ns = order.period
        for _ in 0..<order.D {
            var l = n - 1
            while l >= ns { w[l] -= w[l - ns]; l -= 1 }
        }
        for l in 0..<min(ncond, n) { resid[l] = 0 }
        var ssq = 0.0
        var used = 0
        var l = ncond
        while l < n {
            var tmp = w[l]
            for j in 0..<p { tmp -= phi[j] * w[l - j - 1] }
            let upto = min(l - ncond, q)
            for j in 0..<upto { tmp -= theta[j] * resid[l - j - 1] }
            resid[l] = tmp
            if !tmp.isNaN {
                used += 1
                ssq += tmp * tmp
            }
            l += 1
        }
        return (ssq / Double(used), used)
    }

    /// `run` for a series without missing values, given already differenced:
    /// `w` is the series from index `skipped` (= d + mD) on. The recursion only
    /// visits the lags where φ and θ can be non-zero; skipping exact zeros
    /// leaves every sum unchanged.
    /// Bounds: resid needs n = w.count + skipped values; lags in arLags (maLags) are < phi.count
    /// (theta.count), and ncond ≥ skipped + phi.count (the caller's test), so for l ≥ ncond,
    /// w[l − j − 1 − skipped] ≥ ncond − skipped − p ≥ 0 and w[l − skipped] < w.count; resid is
    /// read at l − j − 1 ≥ ncond for j < l − ncond.
    static func runDifferenced(
        w: UnsafeBufferPointer<Double>, skipped: Int, phi: UnsafeBufferPointer<Double>,
        theta: UnsafeBufferPointer<Double>, arLags: UnsafeBufferPointer<Int>,
        maLags: UnsafeBufferPointer<Int>, ncond: Int,
        resid: UnsafeMutablePointer<Double>
    ) -> (sigma2: Double, used: Int) {
        let n = w.count + skipped
        for l in 0..<min(ncond, n) { resid[l] = 0 }
        var ssq = 0.0
        var used = 0
        var l = ncond
        while l < n {
            var tmp = w[l - skipped]
            for j in arLags { tmp -= phi[j] * w[l - j - 1 - skipped] }
            let upto = l - ncond
            for j in maLags {
                if j >= upto { break }
                tmp -= theta[j] * resid[l - j - 1]
            }
            resid[l] = tmp
            if !tmp.isNaN {
                used += 1
                ssq += tmp * tmp
            }
            l += 1
        }
        return (ssq / Double(used), used)
    }
}
