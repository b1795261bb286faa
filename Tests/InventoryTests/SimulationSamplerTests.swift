import AlmanacCore
import Testing

@testable import Inventory

/// Discrete demand is drawn by inverting a CDF table through a guide table: it must find the
/// same value as the definition, the first k with F(k) > u, for every u.
@Suite struct SimulationSamplerTests {
    static func firstAbove(_ u: Double, in cdf: [Double]) -> Int {
        cdf.firstIndex { $0 > u } ?? cdf.count - 1
    }

    @Test(arguments: [
        Distribution.poisson(mean: 6), .poisson(mean: 0.3), .poisson(mean: 250),
        .negativeBinomial(size: 3, probability: 0.3), .poisson(mean: 1e-9),
    ])
    func theGuideFindsTheSameValueAsTheDefinition(_ demand: Distribution) throws {
        let sampler = PolicySimulation.Sampler(demand)
        #expect(!sampler.cdf.isEmpty && sampler.guide.count == sampler.cdf.count)
        // Every table entry, exactly and a step either side, every guide boundary, the ends, and random u.
        var us: [Double] = [0, 1.0.nextDown]
        for c in sampler.cdf where c < 1 { us += [c.nextDown, c, c.nextUp] }
        let m = Double(sampler.guide.count)
        for j in 0..<sampler.guide.count {
            let b = Double(j) / m; us += [b.nextDown, b, b.nextUp].filter { $0 >= 0 && $0 < 1 }
        }
        var g = SeededGenerator(seed: 5)
        for _ in 0..<20_000 { us.append(g.nextDouble()) }
        for u in us {
            #expect(sampler.index(of: u) == Self.firstAbove(u, in: sampler.cdf), "u = \(u)")
        }
    }
}
