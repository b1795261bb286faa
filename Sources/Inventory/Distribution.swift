import AlmanacCore
import Foundation

/// A demand distribution: the quantities inventory models need from it —
/// density, CDF, quantile, moments, seeded samples, and the loss functions
/// n(x) = E[(X − x)⁺] (expected shortage) and n̄(x) = E[(x − X)⁺] (expected
/// leftover), with their second-order versions (Snyder & Shen §C.3).
public enum Distribution: Sendable, Equatable {
    case normal(mean: Double, sd: Double)
    /// log X ~ Normal(meanlog, sdlog) (R's parametrisation; scipy's lognorm(s = sdlog, scale = e^meanlog)).
    case lognormal(meanlog: Double, sdlog: Double)
    /// Shape k and scale θ: mean kθ, variance kθ².
    case gamma(shape: Double, scale: Double)
    case poisson(mean: Double)
    /// Failures before the n-th success with success probability p (scipy's nbinom(n, p)):
    /// mean n(1 − p)/p, variance n(1 − p)/p².
    case negativeBinomial(size: Double, probability: Double)
    /// Equally likely values (e.g. forecast sample paths), sorted.
    case empirical([Double])

    /// A negative binomial with the given mean and standard deviation (needs sd² > mean):
    /// size = mean²/(sd² − mean), probability = mean/sd².
    public static func negativeBinomial(mean: Double, sd: Double) throws(InventoryError) -> Distribution {
        guard mean.isFinite, mean > 0, sd.isFinite, sd * sd > mean else {
            throw InventoryError(
                "negbin: needs mean > 0 and sd² > mean (over-dispersion), got mean \(mean), sd \(sd); for sd² = mean use poisson"
            )
        }
        return .negativeBinomial(size: mean * mean / (sd * sd - mean), probability: mean / (sd * sd))
    }

    /// Discrete distributions sum their mass term by term (CDF, quantile, loss
    /// functions), so their spread bounds the work: past these a count model is
    /// refused with a pointer to a continuous one.
    public static let largestDiscreteMean = 1e9
    public static let largestDiscreteSD = 1e6

    /// Checks the parameters, with messages that name them.
    public func validated() throws(InventoryError) -> Distribution {
        func positive(_ x: Double, _ name: String) throws(InventoryError) {
            guard x.isFinite, x > 0 else {
                throw InventoryError("\(self.name): \(name) must be a positive number, got \(x)")
            }
        }
        switch self {
        case .normal(let m, let s):
            guard m.isFinite else { throw InventoryError("normal: mean must be a finite number, got \(m)") }
            try positive(s, "sd")
        case .lognormal(let m, let s):
            guard m.isFinite else { throw InventoryError("lognormal: meanlog must be a finite number, got \(m)") }
            try positive(s, "sdlog")
        case .gamma(let k, let t):
            try positive(k, "shape"); try positive(t, "scale")
        case .poisson(let m):
            try positive(m, "mean")
            guard m <= Self.largestDiscreteMean else {
                throw InventoryError(
                    "poisson: mean must be at most \(formatNumber(Self.largestDiscreteMean)) (a count model sums its support term by term), got \(formatNumber(m)); use dist.normal for demand this large"
                )
            }
        case .negativeBinomial(let n, let p):
            try positive(n, "size")
            guard p > 0, p < 1 else {
                throw InventoryError("negbin: probability must be between 0 and 1 (exclusive), got \(p)")
            }
            guard mean <= Self.largestDiscreteMean, variance.squareRoot() <= Self.largestDiscreteSD else {
                throw InventoryError(
                    "negbin: mean must be at most \(formatNumber(Self.largestDiscreteMean)) and sd at most \(formatNumber(Self.largestDiscreteSD)) (a count model sums its support term by term), got mean \(formatNumber(mean)), sd \(formatNumber(variance.squareRoot())); use dist.normal or dist.gamma for demand this large"
                )
            }
        case .empirical(let xs):
            guard !xs.isEmpty else { throw InventoryError("empirical: needs at least one sample") }
            guard xs.allSatisfy(\.isFinite) else {
                throw InventoryError("empirical: every sample must be a finite number")
            }
            return .empirical(xs.sorted())
        }
        return self
    }

    public var name: String {
        switch self {
        case .normal: return "normal"
        case .lognormal: return "lognormal"
        case .gamma: return "gamma"
        case .poisson: return "poisson"
        case .negativeBinomial: return "negbin"
        case .empirical: return "empirical"
        }
    }

    public var isDiscrete: Bool {
        switch self {
        case .poisson, .negativeBinomial: return true
        default: return false
        }
    }

    public var mean: Double {
        switch self {
        case .normal(let m, _): return m
        case .lognormal(let m, let s): return exp(m + s * s / 2)
        case .gamma(let k, let t): return k * t
        case .poisson(let m): return m
        case .negativeBinomial(let n, let p): return n * (1 - p) / p
        case .empirical(let xs): return xs.reduce(0, +) / Double(xs.count)
        }
    }

    public var variance: Double {
        switch self {
        case .normal(_, let s): return s * s
        case .lognormal(let m, let s): return (exp(s * s) - 1) * exp(2 * m + s * s)
        case .gamma(let k, let t): return k * t * t
        case .poisson(let m): return m
        case .negativeBinomial(let n, let p): return n * (1 - p) / (p * p)
        case .empirical(let xs):
            let mu = mean
            return xs.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / Double(xs.count)
        }
    }

    public var standardDeviation: Double { variance.squareRoot() }

    /// Density (continuous) or probability mass at whole numbers (discrete; 0 elsewhere).
    public func density(_ x: Double) -> Double {
        switch self {
        case .normal(let m, let s):
            let z = (x - m) / s
            return exp(-z * z / 2) / (s * (2 * Double.pi).squareRoot())
        case .lognormal(let m, let s):
            guard x > 0 else { return 0 }
            let z = (log(x) - m) / s
            return exp(-z * z / 2) / (x * s * (2 * Double.pi).squareRoot())
        case .gamma(let k, let t):
            guard x >= 0 else { return 0 }
            if x == 0 { return k < 1 ? .infinity : (k == 1 ? 1 / t : 0) }
            return exp((k - 1) * log(x) - x / t - lgamma(k) - k * log(t))
        case .poisson, .negativeBinomial:
            // Past Int's range the mass is 0 to every digit (the mean is at most 1e9).
            guard x >= 0, let k = Int(wholeNumber: x) else { return 0 }
            return pmf(k)
        case .empirical(let xs):
            return Double(xs.filter { $0 == x }.count) / Double(xs.count)
        }
    }

    /// P(X = k) for the discrete families.
    func pmf(_ k: Int) -> Double {
        guard k >= 0 else { return 0 }
        switch self {
        case .poisson(let m):
            return exp(Double(k) * log(m) - m - lgamma(Double(k) + 1))
        case .negativeBinomial(let n, let p):
            let kk = Double(k)
            let logChoose: Double = lgamma(n + kk) - lgamma(n) - lgamma(kk + 1)
            let logPowers: Double = n * log(p) + kk * log(1 - p)
            return exp(logChoose + logPowers)
        default:
            return density(Double(k))
        }
    }

    public func cdf(_ x: Double) -> Double {
        switch self {
        case .normal(let m, let s): return SpecialFunctions.normalCDF((x - m) / s)
        case .lognormal(let m, let s): return x <= 0 ? 0 : SpecialFunctions.normalCDF((log(x) - m) / s)
        case .gamma(let k, let t): return x <= 0 ? 0 : 1 - SpecialFunctions.upperIncompleteGamma(k, x / t)
        case .poisson(let m):
            guard x >= 0 else { return 0 }
            return SpecialFunctions.upperIncompleteGamma(floor(x) + 1, m)
        case .negativeBinomial:
            guard x >= 0 else { return 0 }
            var total = 0.0
            // Up to x, or until past the mean the terms no longer change the sum.
            var k = 0
            while Double(k) <= x {
                let term = pmf(k)
                total += term
                if Double(k) > mean && term < 1e-18 * total { break }
                if Interruption.requested(atStep: k) { return .nan }
                k += 1
            }
            return min(1, total)
        case .empirical(let xs):
            return Double(xs.count { $0 <= x }) / Double(xs.count)
        }
    }

    /// The smallest x with F(x) ≥ p (for discrete distributions, a whole number).
    public func quantile(_ p: Double) -> Double {
        guard p > 0 else { return isDiscrete ? 0 : (self.name == "normal" ? -.infinity : 0) }
        guard p < 1 else { return .infinity }
        switch self {
        case .normal(let m, let s): return m + s * SpecialFunctions.normalQuantile(p)
        case .lognormal(let m, let s): return exp(m + s * SpecialFunctions.normalQuantile(p))
        case .gamma(let k, let t):
            // Bracket, then bisect on the CDF (monotone), to full precision.
            var lo = 0.0, hi = max(k * t, t)
            while cdf(hi) < p { hi *= 2 }
            for _ in 0..<200 {
                let mid = (lo + hi) / 2
                if cdf(mid) < p { lo = mid } else { hi = mid }
                if hi - lo <= 1e-15 * max(1, hi) { break }
            }
            return hi
        case .poisson, .negativeBinomial:
            // Sum the mass until it reaches p. Rounding in the sum can leave it a hair
            // short of a p within 1e-14 of 1, so stop too once past the mean the terms vanish.
            var k = 0, total = pmf(0)
            while total < p - 1e-14 {
                k += 1
                let term = pmf(k)
                total += term
                if Double(k) > mean && term < 1e-18 * max(total, 1e-300) { break }
                if Interruption.requested(atStep: k) { return .nan }
            }
            return Double(k)
        case .empirical(let xs):
            let i = Int((p * Double(xs.count)).rounded(.up)) - 1
            return xs[max(0, min(xs.count - 1, i))]
        }
    }

    /// One seeded draw.
    public func sample(using g: inout SeededGenerator) -> Double {
        switch self {
        case .normal(let m, let s): return g.nextNormal(mean: m, sd: s)
        case .lognormal(let m, let s): return exp(g.nextNormal(mean: m, sd: s))
        case .gamma(let k, let t): return g.nextGamma(shape: k, scale: t)
        case .poisson(let m): return Double(g.nextPoisson(mean: m))
        case .negativeBinomial(let n, let p): return Double(g.nextNegativeBinomial(mean: n * (1 - p) / p, size: n))
        case .empirical(let xs): return xs[Int(g.nextInt(in: 0, Int64(xs.count - 1)))]
        }
    }
}
