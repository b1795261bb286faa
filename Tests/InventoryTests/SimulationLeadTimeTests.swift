import Foundation
import Testing

@testable import Inventory

/// Random lead times: the fixed case as a special case, and an exact base-stock check.
@Suite struct SimulationLeadTimeTests {
    static func poissonSS() -> PolicySimulation {
        var sim = PolicySimulation(policy: .sS(reorderPoint: 10, orderUpTo: 25), demand: .poisson(mean: 6))
        sim.holdingCost = 1
        sim.stockoutCost = 4
        sim.fixedCost = 5
        sim.periods = 2000
        sim.seed = 3
        sim.trace = true
        return sim
    }

    @Test func aLeadTimeThatNeverVariesGivesTheFixedRunExactly() throws {
        var fixed = Self.poissonSS()
        fixed.leadTime = 2
        let expected = try fixed.run()
        for cross in [false, true] {
            var random = Self.poissonSS()
            random.leadTimeDistribution = .empirical([2, 2, 2])
            random.ordersCross = cross
            #expect(try random.run() == expected)
        }
        // A lognormal with almost no spread rounds to 2 every time: the same run again.
        var narrow = Self.poissonSS()
        narrow.leadTimeDistribution = .lognormal(meanlog: log(2), sdlog: 0.001)
        #expect(try narrow.run() == expected)
    }

    /// Lead times L ∈ {0, 1, 2, 3} with probabilities 0.2, 0.4, 0.2, 0.2; Poisson(4)
    /// demand; base stock S. The order placed in period v is D(v−1), and it is still
    /// out at the end of period t when it arrives after t; only v ∈ {t−2, t−1, t} can
    /// be. So with K_t such orders out, the net stock is S − Poisson((K_t + 1)λ) (a
    /// convolution of K_t + 1 periods' demand), and a period is short when that is
    /// negative and D(t) > 0. K_t's law follows from the three lead times L(t−2..t):
    /// crossing, v is out when v + L(v) > t; in order, when max over u in t−2...v of u + L(u) > t.
    static func exactPeriodServiceLevel(base s: Int, mean lambda: Double, crossing: Bool) -> Double {
        let leadTimes: [(Int, Double)] = [(0, 0.2), (1, 0.4), (2, 0.2), (3, 0.2)]
        let period = (0...200).map { k in exp(Double(k) * log(lambda) - lambda - lgamma(Double(k) + 1)) }
        func convolve(_ a: [Double], _ b: [Double]) -> [Double] {
            var c = [Double](repeating: 0, count: a.count + b.count - 1)
            for (i, x) in a.enumerated() where x > 0 { for (j, y) in b.enumerated() { c[i + j] += x * y } }
            return c
        }
        func tail(_ pmf: [Double]) -> Double { 1 - pmf.prefix(s + 1).reduce(0, +) }  // P(X > S)
        var periodsOfDemand = [[1.0]]  // the pmf of n periods' demand, n = 0, 1, ...
        for _ in 0..<4 { periodsOfDemand.append(convolve(periodsOfDemand.last ?? [1], period)) }
        var short = 0.0
        for (l0, p0) in leadTimes {
            for (l1, p1) in leadTimes {
                for (l2, p2) in leadTimes {
                    let lags = [l0, l1, l2]  // L(t−2), L(t−1), L(t)
                    var out = 0
                    for v in 0..<3 {
                        let arrival = crossing ? v + lags[v] : (0...v).map { $0 + lags[$0] }.max() ?? 0
                        if arrival > 2 { out += 1 }
                    }
                    // Short: K + 1 periods exceed S, but not when D(t) = 0 while K periods already do.
                    let p = tail(periodsOfDemand[out + 1]) - exp(-lambda) * tail(periodsOfDemand[out])
                    short += p0 * p1 * p2 * p
                }
            }
        }
        return 1 - short
    }

    @Test(arguments: [false, true])
    func baseStockPeriodServiceMatchesTheConvolution(crossing: Bool) throws {
        var sim = PolicySimulation(policy: .baseStock(level: 14), demand: .poisson(mean: 4))
        sim.leadTimeDistribution = .empirical([0, 1, 1, 2, 3])
        sim.ordersCross = crossing
        sim.periods = 20_000
        sim.replications = 20
        sim.seed = 11
        let r = try sim.run()
        let exact = Self.exactPeriodServiceLevel(base: 14, mean: 4, crossing: crossing)
        #expect(
            abs(r.periodServiceLevel.mean - exact) < max(3 * r.periodServiceLevel.halfWidth, 1e-3),
            "simulated \(r.periodServiceLevel.mean) ± \(r.periodServiceLevel.halfWidth), exact \(exact)")
        #expect(r.periodServiceLevel.halfWidth < 0.004)
    }

    @Test func ordersInOrderWaitLongerThanCrossingOnes() throws {
        // Kept in order, an order also waits for the slow one before it: less service at the same S.
        #expect(
            Self.exactPeriodServiceLevel(base: 14, mean: 4, crossing: false)
                < Self.exactPeriodServiceLevel(base: 14, mean: 4, crossing: true) - 0.01)
    }

    @Test func poissonLeadTimesRunAndStayReproducible() throws {
        var sim = Self.poissonSS()
        sim.leadTimeDistribution = .poisson(mean: 2)
        let a = try sim.run(), b = try sim.run()
        #expect(a == b)
        let trace = try #require(a.trace)
        #expect(trace.onOrder.allSatisfy { $0 >= 0 })
        #expect(a.fillRate.mean > 0.5 && a.fillRate.mean <= 1)
    }

    @Test func badLeadTimesAreExplained() {
        var sim = Self.poissonSS()
        for (d, words) in [
            (Distribution.empirical([1, -2, 3]), "negative value"), (.normal(mean: 2, sd: 0.5), "negative values"),
            (.poisson(mean: -1), "mean must be a positive number"), (.empirical([]), "at least one sample"),
        ] {
            sim.leadTimeDistribution = d
            let error = #expect(throws: InventoryError.self) { try sim.run() }
            #expect(
                error?.message.hasPrefix("lead_time") == true && error?.message.contains(words) == true,
                "\(String(describing: error))")
        }
        sim.leadTimeDistribution = nil
        sim.leadTime = -1
        #expect(throws: InventoryError.self) { try sim.run() }
    }
}
