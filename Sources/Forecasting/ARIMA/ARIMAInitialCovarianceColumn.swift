import Foundation

extension ARIMAInitialCovariance {
    /// The first column of Q0 (Cov(α_t[i], y_t), i < r), all the Chandrasekhar
    /// recursions need, in O(p² + r·(s_φ + s_θ²)) with s the number of non-zero
    /// terms (`arLags`, `maLags`: indices into phi, theta, ascending) instead of
    /// the O(p³) elimination of `autocovariance`:
    /// - the autocovariances of the pure AR part, by stepping φ down to its
    ///   partial autocorrelations (Durbin–Levinson backwards) and up again;
    /// - the ARMA autocovariances γ(k) = Σ_ij θ_i θ_j γ_AR(k + j − i);
    /// - the column, P[i][0] = Σ_{l>i} φ_l γ(l − i) + Σ_{l≥i} θ_l ψ_{l−i}.
    /// False when the AR part is not stationary. `work` needs
    /// `columnWorkspaceSize(p:q:r:)` values.
    /// Bounds: `out` needs r values; p = phi.count ≤ r, q = theta.count ≤ r − 1, and every lag in
    /// arLags (maLags) is < p (< q). The workspace is carved into γ_AR (lags + 1, indices 0…r+q),
    /// γ (r), ψ (r) and the p×p `levels`, whose row k − 1 is read and written below column k.
    /// γ_AR is read at k + j + 1 ≤ (r − 1) + (q − 1) + 1 < lags + 1, at |k − j − 1| and |k + j − i|,
    /// both smaller, and at h − 1 − l ≥ h − p ≥ 1 in its own recursion. The column reads
    /// γ[l + 1 − i] ≤ p − 1 < r and ψ[l + 1 − i] ≤ q − 1 < r for l ≥ i (l ≥ i − 1), i ≥ 1.
    static func firstColumn(
        phi: UnsafeBufferPointer<Double>, theta: UnsafeBufferPointer<Double>,
        arLags: UnsafeBufferPointer<Int>, maLags: UnsafeBufferPointer<Int>, r: Int,
        out: UnsafeMutablePointer<Double>, work: UnsafeMutableBufferPointer<Double>
    ) -> Bool {
        let p = phi.count, q = theta.count
        let lags = r + q  // γ_AR is needed at lags 0 … r − 1 + q
        let base = work.baseAddress!
        let gammaAR = base  // lags + 1
        let gamma = base + (lags + 1)  // r
        let psi = gamma + r  // r
        let levels = psi + r  // p × p: row k − 1 holds the order-k predictor
        if p > 0 {
            // Row p − 1 = φ; row k − 2 from row k − 1 (step-down).
            for j in 0..<p { levels[(p - 1) * p + j] = phi[j] }
            var variance = 1.0  // Π (1 − κ_k²)
            var k = p
            while k >= 1 {
                let row = levels + (k - 1) * p
                let kappa = row[k - 1]
                guard abs(kappa) < 1 else { return false }
                let scale = 1 - kappa * kappa
                variance *= scale
                if k > 1 {
                    let lower = levels + (k - 2) * p
                    for j in 0..<(k - 1) { lower[j] = (row[j] + kappa * row[k - 2 - j]) / scale }
                }
                k -= 1
            }
            gammaAR[0] = 1 / variance
            // Yule–Walker of each order: γ(k) = Σ_j φ^(k)_j γ(k − j).
            for k in 1...min(p, lags) {
                let row = levels + (k - 1) * p
                var s = 0.0
                for j in 0..<k { s += row[j] * gammaAR[k - 1 - j] }
                gammaAR[k] = s
            }
            if lags > p {
                for h in (p + 1)...lags {
                    var s = 0.0
                    for l in arLags { s += phi[l] * gammaAR[h - 1 - l] }
                    gammaAR[h] = s
                }
            }
        } else {
            gammaAR[0] = 1
            for h in 0..<lags { gammaAR[h + 1] = 0 }
        }
        // ARMA autocovariances over the non-zero θ (θ_0 = 1).
        for k in 0..<r {
            var s = gammaAR[k]
            for j in maLags {
                let tj = theta[j]
                s += tj * (gammaAR[k + j + 1] + gammaAR[abs(k - j - 1)])
                for i in maLags { s += theta[i] * tj * gammaAR[abs(k + j - i)] }
            }
            gamma[k] = s
        }
        // MA(∞) weights ψ_j = θ_j + Σ φ_l ψ_{j−l}.
        psi[0] = 1
        if r > 1 {
            for j in 1..<r {
                var s = j <= q ? theta[j - 1] : 0
                for l in arLags {
                    if l >= j { break }
                    s += phi[l] * psi[j - 1 - l]
                }
                psi[j] = s
            }
        }
        out[0] = gamma[0]
        if r > 1 {
            for i in 1..<r {
                var s = 0.0
                for l in arLags where l >= i { s += phi[l] * gamma[l + 1 - i] }
                for l in maLags where l >= i - 1 { s += theta[l] * psi[l + 1 - i] }
                out[i] = s
            }
        }
        return gamma[0].isFinite
    }

    static func columnWorkspaceSize(p: Int, q: Int, r: Int) -> Int { (r + q + 1) + 2 * r + p * p }
}
