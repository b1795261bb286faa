/// The orders of a seasonal ARIMA (p,d,q)(P,D,Q)[m], laid out as R's `arma`
/// vector, and the polynomials they imply.
public struct ARIMAOrder: Sendable, Equatable, Hashable, Codable {
    /// Non-seasonal AR order, differences and MA order.
    public var p: Int, d: Int, q: Int
    /// Seasonal AR order, seasonal differences and seasonal MA order.
    public var P: Int, D: Int, Q: Int
    /// The seasonal period m (1: not seasonal).
    public var period: Int

    /// (p,d,q)(P,D,Q)[period]; a period below 1 counts as 1.
    public init(p: Int, d: Int, q: Int, P: Int = 0, D: Int = 0, Q: Int = 0, period: Int = 1) {
        self.p = p; self.d = d; self.q = q
        self.P = P; self.D = D; self.Q = Q
        self.period = max(period, 1)
    }

    /// Number of ARMA coefficients (R's narma): ar, ma, sar, sma.
    var armaCount: Int { p + q + P + Q }
    /// Length of the expanded AR polynomial φ(B)Φ(B^m).
    var expandedP: Int { p + period * P }
    /// Length of the expanded MA polynomial θ(B)Θ(B^m).
    var expandedQ: Int { q + period * Q }
    /// Observations lost to differencing.
    var differencingLength: Int { d + period * D }
    /// Observations CSS conditions on (R's ncond).
    var cssConditioning: Int { d + D * period + p + period * P }
    var isSeasonal: Bool { period > 1 && (P + D + Q) > 0 }

    /// R's Delta: the differencing polynomial (1−B)^d (1−B^m)^D without its
    /// leading 1, negated, so that y_t = Σ Delta_i y_{t−i} + (differenced value).
    var delta: [Double] {
        var poly: [Double] = [1]
        func multiply(_ factor: [Double]) {
            var out = [Double](repeating: 0, count: poly.count + factor.count - 1)
            for (i, a) in poly.enumerated() { for (j, b) in factor.enumerated() { out[i + j] += a * b } }
            poly = out
        }
        for _ in 0..<d { multiply([1, -1]) }
        if D > 0 {
            var seasonal = [Double](repeating: 0, count: period + 1)
            seasonal[0] = 1
            seasonal[period] = -1
            for _ in 0..<D { multiply(seasonal) }
        }
        return poly.dropFirst().map { -$0 }
    }

    /// Coefficient names in R's order: ar1.., ma1.., sar1.., sma1...
    var coefficientNames: [String] {
        (0..<p).map { "ar\($0 + 1)" } + (0..<q).map { "ma\($0 + 1)" }
            + (0..<P).map { "sar\($0 + 1)" } + (0..<Q).map { "sma\($0 + 1)" }
    }

    /// "ARIMA(2,1,1)(0,1,1)[12]", as forecast's arima.string (without the constant).
    var label: String {
        var s = "ARIMA(\(p),\(d),\(q))"
        if period > 1 && (P + D + Q) > 0 { s += "(\(P),\(D),\(Q))[\(period)]" }
        return s
    }

    /// The expanded polynomials φ(B)Φ(B^m) and θ(B)Θ(B^m) from the coefficients
    /// (R's ARIMA_transPars without transformation): returns (phi, theta).
    /// Bounds: coef needs at least armaCount values, phi expandedP = p + mP and theta
    /// expandedQ = q + mQ: the seasonal terms land at (j + 1)·m − 1 + i ≤ P·m + p − 1 (Q·m + q − 1)
    /// for j < P (Q), i ≤ p (q). Needs period m ≥ 1, which `init` ensures and ARIMAData.check
    /// requires of a decoded order before anything is computed.
    func expand(
        _ coef: UnsafeBufferPointer<Double>, phi: UnsafeMutableBufferPointer<Double>,
        theta: UnsafeMutableBufferPointer<Double>
    ) {
        let ns = period
        for i in 0..<phi.count { phi[i] = i < p ? coef[i] : 0 }
        for i in 0..<theta.count { theta[i] = i < q ? coef[p + i] : 0 }
        for j in 0..<P {
            let s = coef[p + q + j]
            phi[(j + 1) * ns - 1] += s
            for i in 0..<p { phi[(j + 1) * ns + i] -= coef[i] * s }
        }
        for j in 0..<Q {
            let s = coef[p + q + P + j]
            theta[(j + 1) * ns - 1] += s
            for i in 0..<q { theta[(j + 1) * ns + i] += coef[p + i] * s }
        }
    }

    /// The 0-based indices of the expanded φ (θ) that `expand` can make
    /// non-zero, ascending. Loops over the other, always-zero terms of a seasonal
    /// polynomial can be skipped.
    var expandedARLags: [Int] { structuralLags(p, P) }
    var expandedMALags: [Int] { structuralLags(q, Q) }

    private func structuralLags(_ nonSeasonal: Int, _ seasonal: Int) -> [Int] {
        var lags = Set(0..<nonSeasonal)
        for j in 0..<seasonal { for i in 0...nonSeasonal { lags.insert((j + 1) * period - 1 + i) } }
        return lags.sorted()
    }

    /// `expand` on arrays (convenience for code outside hot loops).
    /// Bounds: phi and theta are allocated at expandedP and expandedQ, the sizes `expand` fills.
    func expanded(_ coef: [Double]) -> (phi: [Double], theta: [Double]) {
        var phi = [Double](repeating: 0, count: expandedP)
        var theta = [Double](repeating: 0, count: expandedQ)
        coef.withUnsafeBufferPointer { c in
            phi.withUnsafeMutableBufferPointer { ph in
                theta.withUnsafeMutableBufferPointer { th in expand(c, phi: ph, theta: th) }
            }
        }
        return (phi, theta)
    }
}
