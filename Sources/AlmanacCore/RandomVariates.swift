import Foundation

/// Random variates drawn from the host's seeded generator, by exact methods
/// chosen for reproducibility (the same seed gives the same draws everywhere).
extension SeededGenerator {
    /// Standard normal by the Marsaglia polar method (the spare value is discarded,
    /// so each call consumes an independent, fixed amount of the stream per draw attempt).
    public mutating func nextNormal() -> Double {
        while true {
            let u = 2 * nextDouble() - 1, v = 2 * nextDouble() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 { return u * (-2 * log(s) / s).squareRoot() }
        }
    }

    /// Normal with the given mean and standard deviation (sd ≥ 0): mean + sd · `nextNormal()`.
    public mutating func nextNormal(mean: Double, sd: Double) -> Double { mean + sd * nextNormal() }

    /// Uniform on (lower, upper).
    public mutating func nextUniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * nextDouble()
    }

    /// Gamma(shape, scale) by Marsaglia & Tsang (2000); shape < 1 by boosting with U^(1/shape).
    public mutating func nextGamma(shape: Double, scale: Double) -> Double {
        if shape < 1 {
            let u = nextDouble()
            return nextGamma(shape: shape + 1, scale: scale) * pow(max(u, .leastNonzeroMagnitude), 1 / shape)
        }
        let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double, v: Double
            repeat {
                x = nextNormal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = nextDouble()
            if u < 1 - 0.0331 * x * x * x * x { return d * v * scale }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v * scale }
        }
    }

    /// Poisson(mean): Knuth's product method below 30, Hörmann's PTRS (1993) above.
    public mutating func nextPoisson(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        // Past 1e15 the distribution is normal to far beyond double precision, and
        // a draw must stay inside Int: clamp rather than trap (an infinite mean
        // gives Int.max).
        if !(mean < 1e15) {
            let draw = (mean + mean.squareRoot() * nextNormal()).rounded()
            return draw < 9.2e18 ? Int(max(0, draw)) : .max
        }
        if mean < 30 {
            let limit = exp(-mean)
            var k = 0
            var p = nextDouble()
            while p > limit {
                k += 1
                p *= nextDouble()
            }
            return k
        }
        let slam = mean.squareRoot(), loglam = log(mean)
        let b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b
        let invalpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = nextDouble() - 0.5, v = nextDouble()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + log(invalpha) - log(a / (us * us) + b) <= -mean + k * loglam - lgamma(k + 1) { return Int(k) }
        }
    }

    /// Negative binomial with the given mean and size (dispersion; variance = mean + mean²/size),
    /// as a gamma–Poisson mixture.
    public mutating func nextNegativeBinomial(mean: Double, size: Double) -> Int {
        guard mean > 0 else { return 0 }
        return nextPoisson(mean: nextGamma(shape: size, scale: mean / size))
    }
}
