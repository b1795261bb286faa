import Foundation

/// R's reparameterisation of AR coefficients during maximum likelihood
/// (arima.c's partrans, invpartrans, ARIMA_Gradtrans, ARIMA_undoPars): each
/// unconstrained value maps through tanh to a partial autocorrelation and the
/// Durbin–Levinson recursion turns those into the coefficients of a
/// stationary AR polynomial, so the optimiser never leaves the stationary region.
enum ARIMAParameterTransform {
    /// partrans: `raw` (p values) to stationary AR coefficients in `out`.
    /// Bounds: raw, out and work need p values; out[j − k − 1] with k < j stays in 0..<j.
    static func partrans(
        _ raw: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>, count p: Int,
        work: UnsafeMutablePointer<Double>
    ) {
        for j in 0..<p {
            out[j] = tanh(raw[j])
            work[j] = out[j]
        }
        if p < 2 { return }
        for j in 1..<p {
            let a = out[j]
            for k in 0..<j { work[k] -= a * out[j - k - 1] }
            for k in 0..<j { out[k] = work[k] }
        }
    }

    /// The inverse of `partrans` (invpartrans).
    static func invpartrans(_ phi: [Double]) -> [Double] {
        let p = phi.count
        var out = phi, work = phi
        var j = p - 1
        while j > 0 {
            let a = out[j]
            for k in 0..<j { work[k] = (out[k] + a * out[j - k - 1]) / (1 - a * a) }
            for k in 0..<j { out[k] = work[k] }
            j -= 1
        }
        return out.map { atanh($0) }
    }

    /// Applies `partrans` to the AR and seasonal AR blocks of `coef` (ARIMA_transPars
    /// with trans = TRUE before expansion; ARIMA_undoPars). Other entries are copied.
    static func transformed(_ coef: [Double], _ order: ARIMAOrder) -> [Double] {
        var out = coef
        var work = [Double](repeating: 0, count: max(order.p, order.P, 1))
        coef.withUnsafeBufferPointer { c in
            out.withUnsafeMutableBufferPointer { o in
                work.withUnsafeMutableBufferPointer { w in
                    apply(c, o, order, work: w)
                }
            }
        }
        return out
    }

    /// In-place form of `transformed` on buffers of equal length.
    /// Bounds: out.count ≥ coef.count ≥ armaCount; work needs max(p, P) values; the seasonal block
    /// starts at p + q and ends at p + q + P ≤ armaCount.
    static func apply(
        _ coef: UnsafeBufferPointer<Double>, _ out: UnsafeMutableBufferPointer<Double>, _ order: ARIMAOrder,
        work: UnsafeMutableBufferPointer<Double>
    ) {
        for i in 0..<coef.count { out[i] = coef[i] }
        guard let c = coef.baseAddress, let o = out.baseAddress, let w = work.baseAddress else { return }
        if order.p > 0 { partrans(c, o, count: order.p, work: w) }
        let v = order.p + order.q
        if order.P > 0 { partrans(c + v, o + v, count: order.P, work: w) }
    }

    /// ARIMA_Invtrans: the inverse on the AR and seasonal AR blocks.
    static func inverse(_ coef: [Double], _ order: ARIMAOrder) -> [Double] {
        var out = coef
        if order.p > 0 { out.replaceSubrange(0..<order.p, with: invpartrans(Array(coef[0..<order.p]))) }
        let v = order.p + order.q
        if order.P > 0 { out.replaceSubrange(v..<(v + order.P), with: invpartrans(Array(coef[v..<(v + order.P)]))) }
        return out
    }

    /// ARIMA_Gradtrans: the Jacobian of the transformation by forward differences
    /// with step 1e-3, as R uses for the coefficient covariance. A[i][j] = ∂new_j/∂raw_i.
    static func jacobian(_ coef: [Double], _ order: ARIMAOrder) -> [[Double]] {
        let n = coef.count
        let eps = 1e-3
        var a = (0..<n).map { i in (0..<n).map { j in i == j ? 1.0 : 0.0 } }
        func block(_ start: Int, _ count: Int) {
            guard count > 0 else { return }
            var w1 = Array(coef[start..<(start + count)])
            // Bounds: w1, w2, w3 and work all hold `count` values, partrans's p.
            var w2 = [Double](repeating: 0, count: count), w3 = w2, work = w2
            partrans(w1, &w2, count: count, work: &work)
            for i in 0..<count {
                w1[i] += eps
                partrans(w1, &w3, count: count, work: &work)
                for j in 0..<count { a[start + i][start + j] = (w3[j] - w2[j]) / eps }
                w1[i] -= eps
            }
        }
        block(0, order.p)
        block(order.p + order.q, order.P)
        return a
    }

    /// arima's maInvert: reflects MA roots inside the unit circle outside it.
    static func maInvert(_ ma: [Double]) -> [Double] {
        let q = ma.count
        guard let last = ma.lastIndex(where: { $0 != 0 }) else { return ma }
        let q0 = last + 1
        var roots = Polynomial.roots([1] + ma[0..<q0])
        let inside = roots.map { $0.modulus < 1 }
        if !inside.contains(true) { return ma }
        if q0 == 1 { return [1 / ma[0]] + [Double](repeating: 0, count: q - q0) }
        for i in roots.indices where inside[i] { roots[i] = Complex(1, 0) / roots[i] }
        // x = Π (1 − B/root), expanded
        var x = [Complex(1, 0)]
        for r in roots {
            var next = x + [Complex(0, 0)]
            for k in 0..<x.count { next[k + 1] = next[k + 1] - x[k] / r }
            x = next
        }
        return x.dropFirst().map(\.re) + [Double](repeating: 0, count: q - q0)
    }

    /// arima's arCheck: all roots of 1 − φ_1 z − … − φ_p z^p outside the unit circle.
    static func isStationary(_ ar: [Double]) -> Bool {
        guard let last = ar.lastIndex(where: { $0 != 0 }) else { return true }
        let roots = Polynomial.roots([1] + ar[0...last].map { -$0 })
        return roots.allSatisfy { $0.modulus > 1 }
    }
}
