import LinearAlgebra

/// The stationary covariance Q0 of the ARMA part of the state, which starts
/// the Kalman filter (R's default SSinit = "Gardner1980").
enum ARIMAInitialCovariance {
    /// Gardner, Harvey & Phillips (1980), AS 154, as R's getQ0: solves
    /// vec(Q0) = (T ⊗ T) vec(Q0) + vec(R R′) by Givens-rotation regression
    /// (`inclu2`) on the packed triangle. Writes the r×r matrix (symmetric)
    /// into `out`; `work` needs `workspaceSize(r)` values.
    /// Bounds: `out` needs r² values, phi.count ≤ r and theta.count ≤ r − 1 (r = max(p, q + 1)).
    /// With np = r(r+1)/2 ≤ r² and nrbar = np(np−1)/2: V fills one slot per pair j ≤ i < r, np in
    /// all. Building the rows (npr = np − r): indj is npr + j, then npr + j + 1 only for
    /// j < r − 1, and indi runs npr + 1 + j … npr + r − 1, so both stay ≤ np − 1; ind1 rises
    /// once per pair j ≤ i < r − 1, npr times, ending at npr − 1; ind2 wraps below np; `include`
    /// walks rbar once per (i, k > i) pair, nrbar in all. The back-substitution's ithisr counts
    /// down from nrbar − 1 by one per inner step, Σ_{i<np} i = nrbar steps, so its last read is
    /// rbar[0]. Pure MA: ind counts down np times to 0 and indn np − r times to r. P is used
    /// below np until the unpacking, whose r·i + j < r².
    static func gardner(
        phi: UnsafeBufferPointer<Double>, theta: UnsafeBufferPointer<Double>, r: Int,
        out: UnsafeMutableBufferPointer<Double>, work: UnsafeMutableBufferPointer<Double>
    ) {
        let p = phi.count, q = theta.count
        let np = r * (r + 1) / 2
        let nrbar = np * (np - 1) / 2
        // Carve the workspace: V, xnext, xrow, thetab (np each), rbar (nrbar).
        let base = work.baseAddress!
        let v = base, xnext = base + np, xrow = base + 2 * np, thetab = base + 3 * np, rbar = base + 4 * np
        let P = out.baseAddress!
        func coefficient(_ i: Int) -> Double { i == 0 ? 1 : (i - 1 < q ? theta[i - 1] : 0) }
        var ind = 0
        for j in 0..<r {
            let vj = coefficient(j)
            for i in j..<r {
                v[ind] = coefficient(i) * vj
                ind += 1
            }
        }
        if r == 1 {
            P[0] = p == 0 ? 1 : 1 / (1 - phi[0] * phi[0])
            return
        }
        if p > 0 {
            for i in 0..<nrbar { rbar[i] = 0 }
            for i in 0..<np {
                P[i] = 0
                thetab[i] = 0
                xnext[i] = 0
            }
            ind = 0
            var ind1 = -1
            let npr = np - r, npr1 = npr + 1
            var indj = npr, ind2 = npr - 1
            for j in 0..<r {
                let phij = j < p ? phi[j] : 0
                xnext[indj] = 0
                indj += 1
                var indi = npr1 + j
                for i in j..<r {
                    let ynext = v[ind]
                    ind += 1
                    let phii = i < p ? phi[i] : 0
                    if j != r - 1 {
                        xnext[indj] = -phii
                        if i != r - 1 {
                            xnext[indi] -= phij
                            ind1 += 1
                            xnext[ind1] = -1
                        }
                    }
                    xnext[npr] = -phii * phij
                    ind2 += 1
                    if ind2 >= np { ind2 = 0 }
                    xnext[ind2] += 1
                    include(np: np, xnext: xnext, xrow: xrow, ynext: ynext, d: P, rbar: rbar, thetab: thetab)
                    xnext[ind2] = 0
                    if i != r - 1 {
                        xnext[indi] = 0
                        indi += 1
                        xnext[ind1] = 0
                    }
                }
            }
            var ithisr = nrbar - 1
            var im = np - 1
            for i in 0..<np {
                var bi = thetab[im]
                var jm = np - 1
                for _ in 0..<i {
                    bi -= rbar[ithisr] * P[jm]
                    ithisr -= 1
                    jm -= 1
                }
                P[im] = bi
                im -= 1
            }
            // Re-order P.
            ind = npr
            for i in 0..<r {
                xnext[i] = P[ind]
                ind += 1
            }
            ind = np - 1
            ind1 = npr - 1
            for _ in 0..<npr {
                P[ind] = P[ind1]
                ind -= 1
                ind1 -= 1
            }
            for i in 0..<r { P[i] = xnext[i] }
        } else {
            // Pure MA: back-substitution.
            var indn = np
            ind = np
            for i in 0..<r {
                for j in 0...i {
                    ind -= 1
                    P[ind] = v[ind]
                    if j != 0 {
                        indn -= 1
                        P[ind] += P[indn]
                    }
                }
            }
        }
        // Unpack the triangle to a full symmetric matrix.
        ind = np
        var i = r - 1
        while i > 0 {
            var j = r - 1
            while j >= i {
                ind -= 1
                P[r * i + j] = P[ind]
                j -= 1
            }
            i -= 1
        }
        for i in 0..<(r - 1) {
            for j in (i + 1)..<r { P[i + r * j] = P[j + r * i] }
        }
    }

    static func workspaceSize(_ r: Int) -> Int {
        let np = r * (r + 1) / 2
        return 4 * np + np * (np - 1) / 2
    }

    /// AS 154's inclu2: adds the row xnext (response ynext) to the Givens QR
    /// held in d, rbar, thetab.
    /// Bounds: xnext, xrow, d, thetab need np values and rbar np(np−1)/2: ithisr advances by
    /// exactly np − i − 1 for row i whichever branch runs, so it stays below Σ (np − i − 1) = nrbar.
    private static func include(
        np: Int, xnext: UnsafeMutablePointer<Double>, xrow: UnsafeMutablePointer<Double>,
        ynext: Double, d: UnsafeMutablePointer<Double>, rbar: UnsafeMutablePointer<Double>,
        thetab: UnsafeMutablePointer<Double>
    ) {
        var y = ynext
        for i in 0..<np { xrow[i] = xnext[i] }
        var ithisr = 0
        for i in 0..<np {
            let xi = xrow[i]
            if xi != 0 {
                let di = d[i]
                let dpi = di + xi * xi
                d[i] = dpi
                let cbar = di / dpi, sbar = xi / dpi
                var k = i + 1
                while k < np {
                    let xk = xrow[k]
                    let rbthis = rbar[ithisr]
                    xrow[k] = xk - xi * rbthis
                    rbar[ithisr] = cbar * rbthis + sbar * xk
                    ithisr += 1
                    k += 1
                }
                let xk = y
                y = xk - xi * thetab[i]
                thetab[i] = cbar * thetab[i] + sbar * xk
                if di == 0 { return }
            } else {
                ithisr += np - i - 1
            }
        }
    }
}

extension ARIMAInitialCovariance {
    /// The same Q0 from the ARMA autocovariances: the first row of Q0 is
    /// Cov(y_t, α_t[i]), and Q0 = T Q0 T′ + R R′ gives the rest row by row.
    /// O(p³ + r²) instead of AS 154's O(r⁶), for long seasonal polynomials;
    /// agrees with `gardner` to rounding wherever that is accurate.
    /// `work` needs `autocovarianceWorkspaceSize(p:r:)` values.
    /// Bounds: `out` needs r² values, and p = phi.count ≤ r, q = theta.count ≤ r − 1. The workspace
    /// is carved into ψ, γ, rhs (r + 1 each, indices 0…r) and the (p+1)×(p+1) system `a`, whose
    /// indices k·(p+1) + |k − i| ≤ p(p+1) + p < (p+1)². ψ[j − i] and ψ[j − k] stay in 0…r;
    /// γ is filled for 0…p by elimination and p+1…r by recursion (γ[k − i] with i ≥ 1); the first
    /// row reads γ[j + 1] ≤ γ[r − i] and ψ[j] ≤ ψ[r − 2]; P[i·r + k] has i, k < r.
    static func autocovariance(
        phi: UnsafeBufferPointer<Double>, theta: UnsafeBufferPointer<Double>, r: Int,
        out: UnsafeMutableBufferPointer<Double>, work: UnsafeMutableBufferPointer<Double>
    ) -> Bool {
        let p = phi.count, q = theta.count
        let P = out.baseAddress!
        let base = work.baseAddress!
        let psi = base  // ψ_0 … ψ_r
        let gamma = base + (r + 1)  // γ(0) … γ(r)
        let rhs = base + 2 * (r + 1)  // Σ_{j≥k} θ_j ψ_{j−k}, k = 0 … r
        let a = base + 3 * (r + 1)  // (p+1)² system
        func th(_ j: Int) -> Double { j == 0 ? 1 : (j <= q ? theta[j - 1] : 0) }
        func ph(_ i: Int) -> Double { i >= 1 && i <= p ? phi[i - 1] : 0 }
        for j in 0...r {
            var s = th(j)
            if j > 0 && p > 0 { for i in 1...min(j, p) { s += ph(i) * psi[j - i] } }
            psi[j] = s
        }
        for k in 0...r {
            var s = 0.0
            if k <= q { for j in k...q { s += th(j) * psi[j - k] } }
            rhs[k] = s
        }
        if p > 0 {
            let n = p + 1
            for i in 0..<(n * n) { a[i] = 0 }
            for k in 0...p {
                a[k * n + k] += 1
                for i in 1...p { a[k * n + abs(k - i)] -= ph(i) }
                gamma[k] = rhs[k]
            }
            // Solves a·γ = rhs in place (a: n² values, γ: n ≤ r + 1), allocation-free.
            do { try GaussianElimination.solveInPlace(a, gamma, n: n) } catch { return false }
            if p < r {
                for k in (p + 1)...r {
                    var s = rhs[k]
                    for i in 1...p { s += ph(i) * gamma[k - i] }
                    gamma[k] = s
                }
            }
        } else {
            for k in 0...r { gamma[k] = rhs[k] }
        }
        // First row: P[0][i] = Σ_{j=0}^{r−1−i} (φ[i+j] γ(j+1) + θ_{i+j} ψ_j).
        P[0] = gamma[0]
        for i in 1..<max(r, 1) {
            var s = 0.0
            for j in 0...(r - 1 - i) { s += ph(i + j + 1) * gamma[j + 1] + th(i + j) * psi[j] }
            P[i] = s
            P[i * r] = s
        }
        // The rest from the bottom-right corner: P[i][k] = φ_i φ_k γ0 + φ_i P[0][k+1]
        // + φ_k P[0][i+1] + P[i+1][k+1] + R_i R_k (0-based φ_i = phi[i]).
        var i = r - 1
        while i >= 1 {
            var k = r - 1
            while k >= i {
                let pi = ph(i + 1), pk = ph(k + 1)
                var s = pi * pk * gamma[0] + th(i) * th(k)
                if k + 1 < r { s += pi * P[k + 1] }
                if i + 1 < r { s += pk * P[i + 1] }
                if i + 1 < r && k + 1 < r { s += P[(i + 1) * r + k + 1] }
                P[i * r + k] = s
                P[k * r + i] = s
                k -= 1
            }
            i -= 1
        }
        return gamma[0].isFinite
    }

    static func autocovarianceWorkspaceSize(p: Int, r: Int) -> Int { 3 * (r + 1) + (p + 1) * (p + 1) }
}
