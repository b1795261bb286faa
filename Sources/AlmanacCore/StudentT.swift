import Foundation

extension SpecialFunctions {
    /// Regularized incomplete beta I_x(a, b), by its continued fraction
    /// (modified Lentz), using the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) where it converges faster.
    public static func incompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        guard a > 0, b > 0, x >= 0, x <= 1 else { return .nan }
        if x == 0 || x == 1 { return x }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        if x > (a + 1) / (a + b + 2) {
            return 1 - incompleteBeta(1 - x, b, a)
        }
        let tiny = 1e-300
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1..<10_000 {
            let dm = Double(m)
            // Even step.
            var num = dm * (b - dm) * x / ((a + 2 * dm - 1) * (a + 2 * dm))
            d = 1 + num * d; if abs(d) < tiny { d = tiny }
            c = 1 + num / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            // Odd step.
            num = -(a + dm) * (a + b + dm) * x / ((a + 2 * dm) * (a + 2 * dm + 1))
            d = 1 + num * d; if abs(d) < tiny { d = tiny }
            c = 1 + num / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return exp(logFront) * h / a
    }

    /// P(T ≤ t) for Student's t with ν degrees of freedom.
    public static func studentTCDF(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        guard nu > 0, !t.isNaN else { return .nan }
        if t.isInfinite { return t > 0 ? 1 : 0 }
        let tail = 0.5 * incompleteBeta(nu / (nu + t * t), nu / 2, 0.5)
        return t > 0 ? 1 - tail : tail
    }

    /// Quantile of Student's t with ν degrees of freedom: Newton's method on the
    /// CDF from the normal quantile, kept inside a bracket, to about 1e-13.
    public static func studentTQuantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        guard nu > 0, p > 0, p < 1 else { return p == 0 ? -.infinity : (p == 1 ? .infinity : .nan) }
        if p == 0.5 { return 0 }
        if p < 0.5 { return -studentTQuantile(1 - p, degreesOfFreedom: nu) }
        var lo = 0.0, hi = 1.0
        while studentTCDF(hi, degreesOfFreedom: nu) < p { lo = hi; hi *= 2; if hi > 1e300 { return .infinity } }
        var t = min(max(normalQuantile(p), lo), hi)
        let logNorm = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
        for _ in 0..<100 {
            let f = studentTCDF(t, degreesOfFreedom: nu) - p
            if f > 0 { hi = t } else { lo = t }
            let density = exp(logNorm - (nu + 1) / 2 * log1p(t * t / nu))
            var next = t - f / density
            if !(next > lo && next < hi) { next = (lo + hi) / 2 }
            if abs(next - t) <= 1e-14 * max(1, abs(t)) { return next }
            t = next
        }
        return t
    }
}
