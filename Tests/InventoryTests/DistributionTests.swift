import AlmanacCore
import Foundation
import Testing

@testable import Inventory

/// Loss functions and moments checked against direct numerical integration
/// (Simpson's rule on a fine grid) or summation — independent of the closed forms.
@Suite struct DistributionTests {
    static let continuous: [Distribution] = [
        .normal(mean: 50, sd: 8), .lognormal(meanlog: 3, sdlog: 0.5), .gamma(shape: 4, scale: 12.5),
        .gamma(shape: 0.7, scale: 3),
    ]
    static let discrete: [Distribution] = [
        .poisson(mean: 6), .poisson(mean: 80), .negativeBinomial(size: 5, probability: 0.25),
    ]

    func integrate(_ f: (Double) -> Double, _ a: Double, _ b: Double, steps: Int = 200_000) -> Double {
        let h = (b - a) / Double(steps)
        var s = f(a) + f(b)
        for i in 1..<steps { s += f(a + Double(i) * h) * (i % 2 == 1 ? 4 : 2) }
        return s * h / 3
    }

    @Test(arguments: continuous)
    func continuousLossesMatchIntegration(_ d: Distribution) {
        let top = d.quantile(1 - 1e-13),
            bottom = max(d.name == "normal" ? d.quantile(1e-13) : 1e-12, d.name == "normal" ? -1e9 : 1e-12)
        for p in [0.05, 0.3, 0.5, 0.8, 0.97] {
            let x = d.quantile(p)
            let n = integrate({ y in max(y - x, 0) * d.density(y) }, x, top)
            let n2 = integrate({ y in 0.5 * (y - x) * (y - x) * d.density(y) }, x, top)
            // n̄(x) = ∫ F (integration by parts): smooth even where the density is not (gamma, shape < 1).
            let nBar = integrate({ y in d.cdf(y) }, bottom, x)
            let (shortage, leftover) = d.loss(x)
            let (shortage2, _) = d.secondLoss(x)
            let scale = d.mean
            #expect(abs(shortage - n) < 1e-6 * scale, "\(d) n at p=\(p)")
            #expect(abs(leftover - nBar) < 1e-6 * scale, "\(d) n̄ at p=\(p)")
            #expect(abs(shortage2 - n2) < 1e-6 * scale * scale, "\(d) n² at p=\(p)")
            #expect(abs(d.cdf(x) - p) < 1e-9, "\(d) cdf(quantile(p))")
        }
        // The density integrates to the CDF (between inner quantiles: the gamma's density is infinite at 0 for shape < 1).
        #expect(abs(integrate({ d.density($0) }, d.quantile(0.01), d.quantile(0.99)) - 0.98) < 1e-8)
    }

    @Test(arguments: discrete)
    func discreteLossesMatchSummation(_ d: Distribution) {
        let top = Int(d.quantile(1 - 1e-12)) + 40
        let probabilities = (0...top).map { d.pmf($0) }
        #expect(abs(probabilities.reduce(0, +) - 1) < 1e-12)
        let mean = (0...top).reduce(0.0) { $0 + Double($1) * probabilities[$1] }
        #expect(abs(mean - d.mean) < 1e-9 * d.mean)
        for x in [0, 1, Int(d.mean), Int(d.mean) + 3, Int(d.quantile(0.99))] {
            let xs = Double(x)
            let n = (0...top).reduce(0.0) { $0 + max(Double($1) - xs, 0) * probabilities[$1] }
            let nBar = (0...top).reduce(0.0) { $0 + max(xs - Double($1), 0) * probabilities[$1] }
            let n2 = (0...top).reduce(0.0) { y, k in
                Double(k) > xs ? y + 0.5 * (Double(k) - xs) * (Double(k) - xs - 1) * probabilities[k] : y
            }
            let nBar2 = (0...top).reduce(0.0) { y, k in
                Double(k) <= xs ? y + 0.5 * (xs - Double(k)) * (xs + 1 - Double(k)) * probabilities[k] : y
            }
            let (shortage, leftover) = d.loss(xs)
            let (shortage2, leftover2) = d.secondLoss(xs)
            #expect(abs(shortage - n) < 1e-9 * max(1, d.mean), "\(d) n(\(x))")
            #expect(abs(leftover - nBar) < 1e-9 * max(1, d.mean), "\(d) n̄(\(x))")
            #expect(abs(shortage2 - n2) < 1e-8 * max(1, d.variance), "\(d) n²(\(x))")
            #expect(abs(leftover2 - nBar2) < 1e-8 * max(1, d.variance), "\(d) n̄²(\(x))")
            let cdf = (0...x).reduce(0.0) { $0 + probabilities[$1] }
            #expect(abs(d.cdf(xs) - cdf) < 1e-12)
        }
    }

    @Test func quantilesOfDiscreteDistributionsAreTheSmallestWholeNumberReachingP() {
        // Even a p within rounding of 1 ends (it once looped for minutes).
        #expect(Distribution.poisson(mean: 80).quantile(1 - 1e-15) < 200)
        #expect(Distribution.negativeBinomial(size: 5, probability: 0.25).quantile(1 - 1e-15) < 400)
        let d = Distribution.poisson(mean: 6)
        for p in [0.1, 0.5, 0.8, 0.95] {
            let q = d.quantile(p)
            #expect(q == q.rounded())
            #expect(d.cdf(q) >= p && d.cdf(q - 1) < p)
        }
    }

    @Test func samplesReproduceTheMoments() throws {
        var g = SeededGenerator(seed: 5)
        for d in Self.continuous + Self.discrete {
            let n = 200_000
            let xs = (0..<n).map { _ in d.sample(using: &g) }
            let mean = xs.reduce(0, +) / Double(n)
            let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
            // Five standard errors of the mean.
            #expect(abs(mean - d.mean) < 5 * d.standardDeviation / Double(n).squareRoot(), "\(d)")
            #expect(abs(variance / d.variance - 1) < 0.05, "\(d)")
        }
    }

    @Test func badParametersAreNamed() {
        #expect(throws: InventoryError.self) { try Distribution.normal(mean: 50, sd: 0).validated() }
        #expect(throws: InventoryError.self) { try Distribution.negativeBinomial(size: 5, probability: 1).validated() }
        #expect(throws: InventoryError.self) { try Distribution.empirical([]).validated() }
        do { _ = try Distribution.gamma(shape: -1, scale: 2).validated() } catch {
            #expect(error.message == "gamma: shape must be a positive number, got -1.0")
        }
        #expect(throws: InventoryError.self) { try Distribution.lognormal(meanlog: 1, sdlog: 1).convolved(periods: 2) }
        #expect((try? Distribution.poisson(mean: 6).convolved(periods: 3)) == .poisson(mean: 18))
        #expect((try? Distribution.empirical([1, 2]).convolved(periods: 2)) == .empirical([2, 3, 3, 4]))
    }
}
