/// Which smoothing parameters R's ets accepts with `bounds = "both"`: the
/// "usual" box (0 < β ≤ α, 0 < γ ≤ 1 − α, φ in [0.8, 0.98]) and the
/// "admissible" region where the model forgets its initial states
/// (Hyndman et al. 2008, ch. 10).
struct ETSBounds: Sendable {
    var lower: (alpha: Double, beta: Double, gamma: Double, phi: Double) = (1e-4, 1e-4, 1e-4, 0.8)
    var upper: (alpha: Double, beta: Double, gamma: Double, phi: Double) = (0.9999, 0.9999, 0.9999, 0.98)
    var usual = true
    var admissible = true

    /// The test R's target function applies before each evaluation.
    func accepts(_ s: ETSKernel.Smoothing, spec: ETSSpec, m: Int, free: ETSFreeParameters) -> Bool {
        if usual {
            if free.alpha && (s.alpha < lower.alpha || s.alpha > upper.alpha) { return false }
            if free.beta && (s.beta < lower.beta || s.beta > s.alpha || s.beta > upper.beta) { return false }
            if free.phi && (s.phi < lower.phi || s.phi > upper.phi) { return false }
            if free.gamma && (s.gamma < lower.gamma || s.gamma > 1 - s.alpha || s.gamma > upper.gamma) { return false }
        }
        if admissible {
            return ETSAdmissibility.isAdmissible(s, trend: spec.hasTrend, season: spec.hasSeason, m: m)
        }
        return true
    }
}

/// Which smoothing parameters are estimated (the others are fixed by the user or absent).
struct ETSFreeParameters: Sendable, Equatable {
    var alpha = true, beta = false, gamma = false, phi = false
}

enum ETSAdmissibility {
    /// Hyndman et al. (2008) §10.2–10.3, as R's forecast::admissible. For
    /// seasonal models the characteristic polynomial must have every root in
    /// the closed unit disc (R allows 1e-10 of slack); R finds the roots
    /// numerically, here a Schur–Cohn recursion decides it without them.
    static func isAdmissible(_ s: ETSKernel.Smoothing, trend: Bool, season: Bool, m: Int) -> Bool {
        let phi = s.phi
        if phi < 0 || phi > 1 + 1e-8 { return false }
        if !season || m <= 1 {
            if season { return true }  // R skips the tests for a seasonal model with m = 1
            if s.alpha < 1 - 1 / phi || s.alpha > 1 + 1 / phi { return false }
            if trend && (s.beta < s.alpha * (phi - 1) || s.beta > (1 + phi) * (2 - s.alpha)) { return false }
            return true
        }
        let alpha = s.alpha, beta = trend ? s.beta : 0, gamma = s.gamma
        let md = Double(m)
        if gamma < max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha { return false }
        if alpha < 1 - 1 / phi - gamma * (1 - md + phi + phi * md) / (2 * phi * md) { return false }
        if beta < -(1 - phi) * (gamma / md + alpha) { return false }
        // z^{m+1} + (α+β−φ) z^m + (α+β−αφ)(z^{m−1} + … + z²) + (α+β−αφ+γ−1) z + φ(1−α−γ)
        // Bounds: m ≥ 2 here; the allocation is split into p (m + 2 coefficients, degree m + 1,
        // written at 0, 1, m, m + 1 and in between) and scratch (m + 2 ≥ the degree it needs).
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * (m + 2)) { buffer in
            let p = UnsafeMutableBufferPointer(rebasing: buffer[0..<(m + 2)])  // ascending powers
            let scratch = UnsafeMutableBufferPointer(rebasing: buffer[(m + 2)...])
            for i in 0..<(m + 2) { p[i] = alpha + beta - alpha * phi }
            p[0] = phi * (1 - alpha - gamma)
            p[1] = alpha + beta - alpha * phi + gamma - 1
            p[m] = alpha + beta - phi
            p[m + 1] = 1
            return rootsInClosedUnitDisc(p, scratch: scratch, slack: 1e-10)
        }
    }

    /// True when every root of Σ p_i z^i (ascending; overwritten) has modulus ≤ 1 + slack.
    /// A root at exactly z = 1 (the seasonal models without trend have one by
    /// construction) is divided out first; the rest is tested by Schur–Cohn on
    /// the polynomial with z scaled by 1 + slack.
    /// Bounds: p needs at least one coefficient and scratch at least p.count − 1 values: with
    /// n = p.count − 1 the degree, scratch is written at i − 1 < n and i < n, p read at i + 1 ≤ n
    /// and n − 1 − i ≥ 0, and n only falls.
    static func rootsInClosedUnitDisc(
        _ p: UnsafeMutableBufferPointer<Double>, scratch: UnsafeMutableBufferPointer<Double>,
        slack: Double
    ) -> Bool {
        var n = p.count - 1
        var total = 0.0, size = 0.0
        for i in 0...n {
            total += p[i]
            size += abs(p[i])
        }
        if abs(total) <= 1e-13 * size {
            // Synthetic division by (z − 1), from the leading coefficient down.
            var carry = 0.0
            for i in stride(from: n, through: 1, by: -1) {
                carry += p[i]
                scratch[i - 1] = carry
            }
            for i in 0..<n { p[i] = scratch[i] }
            n -= 1
        }
        var scale = 1.0
        for i in 0...n {
            p[i] *= scale
            scale *= 1 + slack
        }
        // Schur–Cohn: all roots strictly inside the unit circle iff |p_0| < |p_n|
        // and the reduced polynomial (p_n·p(z) − p_0·p̃(z))/z is stable in turn.
        while n > 0 && p[n] == 0 { n -= 1 }
        while n >= 1 {
            let lead = p[n], constant = p[0]
            if !(abs(constant) < abs(lead)) { return false }
            for i in 0..<n { scratch[i] = lead * p[i + 1] - constant * p[n - 1 - i] }
            for i in 0..<n { p[i] = scratch[i] }
            n -= 1
            // Keep the numbers in range: rescale by the new leading coefficient.
            let norm = abs(p[n])
            if norm > 0 && (norm > 1e100 || norm < 1e-100) {
                for i in 0...n { p[i] /= norm }
            }
        }
        return true
    }

    /// The same test on an array (ascending coefficients), for callers outside the hot loop.
    static func rootsInClosedUnitDisc(_ ascending: [Double], slack: Double) -> Bool {
        var p = ascending
        var scratch = [Double](repeating: 0, count: max(p.count, 1))
        return p.withUnsafeMutableBufferPointer { pb in
            scratch.withUnsafeMutableBufferPointer { sb in rootsInClosedUnitDisc(pb, scratch: sb, slack: slack) }
        }
    }
}
