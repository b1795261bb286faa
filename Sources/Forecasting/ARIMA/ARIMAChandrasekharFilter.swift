import Foundation

/// The exact likelihood sums of a stationary ARMA model by the Chandrasekhar
/// recursions (Morf, Sidhu & Kailath 1974), for the already differenced series.
///
/// Started from the stationary covariance Q0, the Kalman covariance changes by
/// a rank-one matrix each step, P_{t+1} − P_t = M_t W_t W_t′, so the filter
/// only carries the vectors W and G = T P Z′ and scalars F, M: O(r) a step
/// instead of the O(r²) of the Riccati update. With a diffuse prior on the
/// differencing states, R's likelihood is that of the differenced series
/// (up to terms of order 1/kappa), so the differencing states are not needed
/// while optimising either.
enum ARIMAChandrasekharFilter {
    /// Filters `w` from the state a = 0 with covariance Q0, of which only the
    /// first column `q0Column` (r values) is needed; `arLags` are the indices
    /// where φ can be non-zero. `a`, `G`, `W`, `TW` are
    /// scratch of r values. Steps whose innovation variance is ≥ 1e4 are left
    /// out, as in R's ARIMA_Like. nil when the recursion breaks down (F ≤ 0).
    /// Bounds: q0Column, a, G, W, TW need r ≥ 1 values each and every lag in arLags must be
    /// < phi.count ≤ r; the companion steps touch x[i + 1] for i < r − 1, index r − 1, and the
    /// lags; w is read at t < w.count.
    static func run(
        w: UnsafeBufferPointer<Double>, phi: UnsafeBufferPointer<Double>, arLags: UnsafeBufferPointer<Int>, r: Int,
        q0Column: UnsafePointer<Double>, a: UnsafeMutablePointer<Double>, G: UnsafeMutablePointer<Double>,
        W: UnsafeMutablePointer<Double>, TW: UnsafeMutablePointer<Double>
    ) -> ARIMAKalmanFilter.Sums? {
        // T x for the companion matrix: (T x)_i = φ_i x_0 + x_{i+1}.
        @inline(__always) func applyT(_ x: UnsafeMutablePointer<Double>, into out: UnsafeMutablePointer<Double>) {
            let x0 = x[0]
            for i in 0..<(r - 1) { out[i] = x[i + 1] }
            out[r - 1] = 0
            for i in arLags { out[i] += phi[i] * x0 }
        }
        // a ← T a + G v/F
        @inline(__always) func updateState(_ scaled: Double) {
            let a0 = a[0]
            for i in 0..<(r - 1) { a[i] = a[i + 1] + G[i] * scaled }
            a[r - 1] = G[r - 1] * scaled
            for i in arLags { a[i] += phi[i] * a0 }
        }
        var F = q0Column[0]
        guard F > 0 else { return nil }
        for i in 0..<r { a[i] = 0; TW[i] = q0Column[i] }
        applyT(TW, into: G)
        for i in 0..<r { W[i] = G[i] }
        var M = -1 / F
        var sums = ARIMAKalmanFilter.Sums()
        let n = w.count
        var t = 0
        // Until the rank-one correction is negligible: the full recursions.
        while t < n {
            let v = w[t] - a[0]
            if F < 1e4 {
                sums.used += 1
                sums.ssq += v * v / F
                sums.sumlog += log(F)
            }
            updateState(v / F)
            t += 1
            let u = W[0]
            let mu = M * u
            let newF = F + mu * u
            guard newF > 0 else { return nil }
            applyT(W, into: TW)
            for i in 0..<r { G[i] += mu * TW[i] }
            let c = u / newF
            var largest = 0.0
            for i in 0..<r {
                W[i] = TW[i] - G[i] * c
                largest = max(largest, abs(W[i]))
            }
            M *= newF / F
            F = newF
            // Every later change of P is M W W′ carried forward by the stable
            // closed-loop matrix, so it stays at this size (F ≥ 1 here).
            if abs(M) * largest * largest <= 1e-13 { break }
        }
        // Then the gain is constant: only the state recursion remains.
        if t < n {
            let counted = F < 1e4
            let steps = n - t
            while t < n {
                let v = w[t] - a[0]
                if counted { sums.ssq += v * v / F }
                updateState(v / F)
                t += 1
            }
            if counted {
                sums.used += steps
                sums.sumlog += Double(steps) * log(F)
            }
        }
        return sums
    }
}
