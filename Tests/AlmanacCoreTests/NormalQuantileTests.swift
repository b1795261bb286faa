import Foundation
import Testing

@testable import AlmanacCore

@Suite struct NormalQuantileTests {
    /// Round trips through Φ, relative to the tail probability, in both tails: near p = 1
    /// the upper tail is computed from the exact complement 1 − p (before, Φ(x) − p lost
    /// its digits there and the quantile was off by 7e-9 at 1 − 6.7e-16).
    @Test func bothTailsRoundTrip() {
        for q in [0.3, 0.02, 1e-5, 3.167124183311998e-05, 1e-10, 6.661338147750939e-16] {
            let lower = SpecialFunctions.normalQuantile(q)
            #expect(abs(SpecialFunctions.normalCDF(lower) - q) <= 1e-12 * q, "lower tail at \(q)")
            let upper = SpecialFunctions.normalQuantile(1 - q)
            #expect(upper == -SpecialFunctions.normalQuantile(1 - (1 - q)), "symmetry at \(q)")
            #expect(abs(SpecialFunctions.normalCDF(-upper) - (1 - (1 - q))) <= 1e-12 * q, "upper tail at \(q)")
        }
        // qnorm(0.975) in R: 1.959963984540054.
        #expect(abs(SpecialFunctions.normalQuantile(0.975) - 1.959963984540054) < 1e-14)
        #expect(SpecialFunctions.normalQuantile(0.5) == 0)
    }
}
