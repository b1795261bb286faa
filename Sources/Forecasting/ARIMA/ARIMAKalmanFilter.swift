import Foundation

/// R's ARIMA_Like: the exact Gaussian likelihood of an ARIMA model by the
/// Kalman filter on Harvey's state-space form. The state holds the ARMA part
/// (r = max(p, q+1) values) and, for a differenced model, the last d + mD
/// observations, started with a diffuse prior (variance kappa), so the
/// likelihood is that of the differenced series, as R computes it.
struct ARIMAKalmanFilter {
    /// Sums the likelihood is made of: Σ v²/F over the used steps, Σ log F, their count.
    struct Sums: Equatable {
        var ssq = 0.0
        var sumlog = 0.0
        var used = 0
    }

    /// Runs the filter over `y`. On entry `a` is the initial state and
    /// `Pnew` the initial covariance (rd×rd, column-major); on exit `a` and `P`
    /// hold the filtered state after the last observation (what forecasting
    /// starts from). `residuals`, when given, receives the standardised
    /// innovations v/√F. `anew`, `M` (rd) and `mm` (rd×rd) are scratch.
    /// Bounds: with d = delta.count and rd = r + d, `a`, `anew`, `M` need rd values, `P`, `Pnew`,
    /// `mm` rd², `residuals` y.count; phi.count ≤ r and theta.count ≤ r − 1 (r = max(p, q + 1)).
    /// State indices are i < r or r + k with k < d, so < rd; matrix indices i + rd·j have
    /// i, j < rd; phi[i] is read only for i < p and a[i + 1] only for i < r − 1.
    static func run(
        y: UnsafeBufferPointer<Double>, phi: UnsafeBufferPointer<Double>,
        theta: UnsafeBufferPointer<Double>, delta: UnsafeBufferPointer<Double>, r: Int,
        a: UnsafeMutablePointer<Double>, P: UnsafeMutablePointer<Double>, Pnew: UnsafeMutablePointer<Double>,
        anew: UnsafeMutablePointer<Double>, M: UnsafeMutablePointer<Double>, mm: UnsafeMutablePointer<Double>,
        residuals: UnsafeMutablePointer<Double>?
    ) -> Sums {
        let p = phi.count, d = delta.count
        let rd = r + d
        var sums = Sums()
        for l in 0..<y.count {
            // anew = T a
            for i in 0..<r {
                var tmp = i < r - 1 ? a[i + 1] : 0
                if i < p { tmp += phi[i] * a[0] }
                anew[i] = tmp
            }
            if d > 0 {
                var i = r + 1
                while i < rd { anew[i] = a[i - 1]; i += 1 }
                var tmp = a[0]
                for k in 0..<d { tmp += delta[k] * a[r + k] }
                anew[r] = tmp
            }
            // Pnew = T P T′ + V (the first step keeps the initial covariance).
            if l > 0 {
                if d == 0 {
                    predictStationary(phi: phi, theta: theta, r: r, P: P, Pnew: Pnew)
                } else {
                    predictDifferenced(phi: phi, theta: theta, delta: delta, r: r, P: P, Pnew: Pnew, mm: mm)
                }
            }
            let yl = y[l]
            if !yl.isNaN {
                var resid0 = yl - anew[0]
                for i in 0..<d { resid0 -= delta[i] * anew[r + i] }
                var gain = Pnew[0]
                for i in 0..<d { gain += 2 * delta[i] * Pnew[r + i] }
                for i in 0..<d {
                    for j in 0..<d { gain += delta[i] * delta[j] * Pnew[r + i + rd * (r + j)] }
                }
                for i in 0..<rd {
                    var tmp = Pnew[i]
                    for k in 0..<d { tmp += Pnew[i + rd * (r + k)] * delta[k] }
                    M[i] = tmp
                }
                if gain < 1e4 {
                    sums.used += 1
                    sums.ssq += resid0 * resid0 / gain
                    sums.sumlog += log(gain)
                }
                residuals?[l] = resid0 / gain.squareRoot()
                // R's operation order, so the results match it to the last bit.
                for i in 0..<rd { a[i] = anew[i] + M[i] * resid0 / gain }
                for j in 0..<rd {
                    let mj = M[j]
                    for i in 0..<rd { P[i + rd * j] = Pnew[i + rd * j] - M[i] * mj / gain }
                }
            } else {
                for i in 0..<rd { a[i] = anew[i] }
                for i in 0..<(rd * rd) { P[i] = Pnew[i] }
                residuals?[l] = .nan
            }
        }
        return sums
    }

    /// Pnew = T P T′ + R R′ without differencing (r×r).
    /// Bounds: P and Pnew r² (rd = r here); P is read at index i + 1 + r·(j + 1) only for
    /// i, j < r − 1 and at j + 1, i + 1 only below r; theta[j − 1] only for j − 1 < q.
    @inline(__always)
    private static func predictStationary(
        phi: UnsafeBufferPointer<Double>, theta: UnsafeBufferPointer<Double>, r: Int,
        P: UnsafeMutablePointer<Double>, Pnew: UnsafeMutablePointer<Double>
    ) {
        let p = phi.count, q = theta.count
        let p00 = P[0]
        for i in 0..<r {
            let vi: Double = i == 0 ? 1 : (i - 1 < q ? theta[i - 1] : 0)
            let phii = i < p ? phi[i] : 0
            for j in 0..<r {
                var tmp: Double = j == 0 ? vi : (j - 1 < q ? vi * theta[j - 1] : 0)
                let phij = j < p ? phi[j] : 0
                tmp += phii * phij * p00
                if i < r - 1 && j < r - 1 { tmp += P[i + 1 + r * (j + 1)] }
                if j < r - 1 { tmp += phii * P[j + 1] }
                if i < r - 1 { tmp += phij * P[i + 1] }
                Pnew[i + r * j] = tmp
            }
        }
    }

    /// Pnew = T P T′ + R R′ with the differencing block (rd×rd), via mm = T P.
    /// Bounds: P, Pnew, mm rd²; every index is row + rd·column with row, column < rd: pj[i + 1]
    /// for i < r − 1, pj[r + k] for k < d, mm[rd·(i + 1) + j] for i < r − 1, mm[rd·(r + k) + j]
    /// for k < d; the final (1, θ) ⊗ (1, θ) block has i, j ≤ q ≤ r − 1.
    @inline(__always)
    private static func predictDifferenced(
        phi: UnsafeBufferPointer<Double>, theta: UnsafeBufferPointer<Double>,
        delta: UnsafeBufferPointer<Double>, r: Int, P: UnsafeMutablePointer<Double>,
        Pnew: UnsafeMutablePointer<Double>, mm: UnsafeMutablePointer<Double>
    ) {
        let p = phi.count, q = theta.count, d = delta.count
        let rd = r + d
        // mm = T P
        for j in 0..<rd {
            let pj = P + rd * j
            let p0 = pj[0]
            for i in 0..<r {
                var tmp = 0.0
                if i < p { tmp += phi[i] * p0 }
                if i < r - 1 { tmp += pj[i + 1] }
                mm[i + rd * j] = tmp
            }
            var tmp = p0
            for k in 0..<d { tmp += delta[k] * pj[r + k] }
            mm[r + rd * j] = tmp
            var i = 1
            while i < d { mm[r + i + rd * j] = pj[r + i - 1]; i += 1 }
        }
        // Pnew = mm T′
        for i in 0..<r {
            let phii = i < p ? phi[i] : 0
            for j in 0..<rd {
                var tmp = 0.0
                if i < p { tmp += phii * mm[j] }
                if i < r - 1 { tmp += mm[rd * (i + 1) + j] }
                Pnew[j + rd * i] = tmp
            }
        }
        for j in 0..<rd {
            var tmp = mm[j]
            for k in 0..<d { tmp += delta[k] * mm[rd * (r + k) + j] }
            Pnew[j + rd * r] = tmp
        }
        var i = 1
        while i < d {
            for j in 0..<rd { Pnew[j + rd * (r + i)] = mm[rd * (r + i - 1) + j] }
            i += 1
        }
        // + (1, θ) ⊗ (1, θ)
        for i in 0...q {
            let vi = i == 0 ? 1 : theta[i - 1]
            for j in 0...q { Pnew[i + rd * j] += vi * (j == 0 ? 1 : theta[j - 1]) }
        }
    }
}
