import AlmanacCore
import Foundation

extension Distribution {
    /// First-order loss functions at x: n(x) = E[(X − x)⁺], the expected
    /// shortage, and n̄(x) = E[(x − X)⁺], the expected leftover.
    public func loss(_ x: Double) -> (shortage: Double, leftover: Double) {
        switch self {
        case .normal(let m, let s):
            let z = (x - m) / s
            let n = s * Distribution.standardNormalLoss(z)
            return (n, n + x - m)  // n̄(x) = n(x) + x − μ
        case .lognormal(let m, let s):
            guard x > 0 else { return (mean - x, 0) }
            let d1 = (m + s * s - log(x)) / s
            let n = exp(m + s * s / 2) * SpecialFunctions.normalCDF(d1) - x * SpecialFunctions.normalCDF(d1 - s)
            return (n, n + x - mean)
        case .gamma(let k, let t):
            guard x > 0 else { return (mean - x, 0) }
            let tailK = SpecialFunctions.upperIncompleteGamma(k, x / t)
            let tailK1 = SpecialFunctions.upperIncompleteGamma(k + 1, x / t)
            let n = k * t * tailK1 - x * tailK
            return (n, n + x - mean)
        case .poisson, .negativeBinomial:
            // n̄(x) = Σ_{y ≤ x} (x − y) p(y) is a finite sum; n(x) = n̄(x) − (x − μ).
            guard x >= 0 else { return (mean - x, 0) }
            var leftover = 0.0
            var y = 0
            while Double(y) <= x {
                let mass = pmf(y)
                // Past the mean, once the mass no longer counts, no shortage is
                // left: n(x) = 0 and n̄(x) = x − μ exactly (x may be 1e300).
                if Double(y) > mean && mass < 1e-18 { return (0, x - mean) }
                leftover += (x - Double(y)) * mass
                if Interruption.requested(atStep: y) { return (.nan, .nan) }
                y += 1
            }
            return (leftover - (x - mean), leftover)
        case .empirical(let xs):
            let count = Double(xs.count)
            let n = xs.reduce(0) { $0 + max($1 - x, 0) } / count
            let nBar = xs.reduce(0) { $0 + max(x - $1, 0) } / count
            return (n, nBar)
        }
    }

    /// Second-order loss functions: n²(x) = ½ E[((X − x)⁺)²] and n̄²(x) = ½ E[((x − X)⁺)²]
    /// for continuous distributions; for discrete ones the factorial form of
    /// Snyder & Shen (C.22–C.23): n²(x) = ½ E[(X − x)(X − x − 1) ; X > x],
    /// n̄²(x) = ½ E[(x − X)(x + 1 − X) ; X ≤ x].
    public func secondLoss(_ x: Double) -> (shortage: Double, leftover: Double) {
        switch self {
        case .normal(let m, let s):
            let z = (x - m) / s
            let n2 = s * s * Distribution.standardNormalSecondLoss(z)
            // ½E[(x−X)²] = ½(σ² + (x−μ)²) = n̄² + n²'s complement: ½E[(X−x)²] splits into both tails.
            return (n2, 0.5 * (s * s + (x - m) * (x - m)) - n2)
        case .lognormal, .gamma:
            // ½E[((X−x)⁺)²] = ½(E[X²; X>x] − 2x E[X; X>x] + x² P(X>x)).
            let (upperSecond, upperFirst, upperProbability) = partialMoments(x)
            let n2 = 0.5 * (upperSecond - 2 * x * upperFirst + x * x * upperProbability)
            let total = 0.5 * (variance + (mean - x) * (mean - x))
            return (n2, total - n2)
        case .poisson, .negativeBinomial:
            guard x >= 0 else {
                let shift = mean - x
                return (0.5 * (variance + shift * shift - shift), 0)
            }
            // ½E[(X−x)(X−x−1)] over all X = ½(Var + (μ−x)² − (μ−x)); the tail X ≤ x contributes ½Σ (x−y)(x+1−y)p(y).
            let whole = 0.5 * (variance + (mean - x) * (mean - x) - (mean - x))
            var leftover = 0.0
            var y = 0
            while Double(y) <= x {
                let mass = pmf(y)
                // Past the mean, once the mass no longer counts, the whole sum is leftover.
                if Double(y) > mean && mass < 1e-18 { return (0, whole) }
                leftover += (x - Double(y)) * (x + 1 - Double(y)) * mass
                if Interruption.requested(atStep: y) { return (.nan, .nan) }
                y += 1
            }
            leftover *= 0.5
            return (whole - leftover, leftover)
        case .empirical(let xs):
            let count = Double(xs.count)
            let n2 =
                xs.reduce(0) {
                    let d = max($1 - x, 0); return $0 + d * d
                } / count / 2
            let nBar2 =
                xs.reduce(0) {
                    let d = max(x - $1, 0); return $0 + d * d
                } / count / 2
            return (n2, nBar2)
        }
    }

    /// E[X²; X > x], E[X; X > x], P(X > x) for the lognormal and gamma.
    private func partialMoments(_ x: Double) -> (Double, Double, Double) {
        switch self {
        case .lognormal(let m, let s):
            guard x > 0 else { return (variance + mean * mean, mean, 1) }
            let l = log(x)
            return (
                exp(2 * m + 2 * s * s) * SpecialFunctions.normalCDF((m + 2 * s * s - l) / s),
                exp(m + s * s / 2) * SpecialFunctions.normalCDF((m + s * s - l) / s),
                SpecialFunctions.normalCDF((m - l) / s)
            )
        case .gamma(let k, let t):
            guard x > 0 else { return (variance + mean * mean, mean, 1) }
            return (
                k * (k + 1) * t * t * SpecialFunctions.upperIncompleteGamma(k + 2, x / t),
                k * t * SpecialFunctions.upperIncompleteGamma(k + 1, x / t),
                SpecialFunctions.upperIncompleteGamma(k, x / t)
            )
        default:
            return (.nan, .nan, .nan)
        }
    }

    /// L(z) = φ(z) − z(1 − Φ(z)), the standard normal loss function.
    public static func standardNormalLoss(_ z: Double) -> Double {
        let phi = exp(-z * z / 2) / (2 * Double.pi).squareRoot()
        return phi - z * (1 - SpecialFunctions.normalCDF(z))
    }

    /// L²(z) = ½[(z² + 1)(1 − Φ(z)) − zφ(z)], the standard normal second-order loss.
    public static func standardNormalSecondLoss(_ z: Double) -> Double {
        let phi = exp(-z * z / 2) / (2 * Double.pi).squareRoot()
        return 0.5 * ((z * z + 1) * (1 - SpecialFunctions.normalCDF(z)) - z * phi)
    }
}
