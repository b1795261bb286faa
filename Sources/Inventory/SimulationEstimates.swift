import Foundation

extension PolicySimulation {
    /// A mean over replications with a 95% confidence half-width (Student t).
    public struct Estimate: Sendable, Equatable {
        public let mean: Double
        public let halfWidth: Double

        /// The mean of one value per replication (at least two).
        static func mean(of values: [Double]) -> Estimate {
            let n = Double(values.count)
            let mean = values.reduce(0, +) / n
            let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
            return Estimate(mean: mean, halfWidth: PolicySimulation.t975(values.count - 1) * sd / n.squareRoot())
        }

        /// Σ numerators / Σ denominators over replications whose denominators differ (the
        /// ratio estimator: cycles without a shortage over cycles, pooled). Its half-width
        /// is the delta method's: t · sd(aᵣ − R·bᵣ) / (√n · mean b). Nil when Σ b = 0.
        static func ratio(_ numerators: [Double], over denominators: [Double]) -> Estimate? {
            let total = denominators.reduce(0, +)
            guard total > 0 else { return nil }
            let ratio = numerators.reduce(0, +) / total
            let n = Double(denominators.count)
            let squares = zip(numerators, denominators).reduce(0) { sum, pair in
                let residual = pair.0 - ratio * pair.1
                return sum + residual * residual
            }
            let sd = (squares / (n - 1)).squareRoot()
            return Estimate(
                mean: ratio,
                halfWidth: PolicySimulation.t975(denominators.count - 1) * sd / (n.squareRoot() * total / n))
        }
    }

    /// What one replication measured after its warm-up: per-period averages, the
    /// complete replenishment cycles and how many of them ran short.
    struct ReplicationOutcome {
        let cost: Double, holding: Double, stockout: Double, ordering: Double
        let periodsWithoutShortage: Double
        let fillRate: Double
        let averageOnHand: Double
        let orderFrequency: Double
        let cycles: Int
        let cyclesWithShortage: Int
        let trace: Trace?
    }

    /// The 97.5% quantile of Student's t with `df` degrees of freedom (Cornish–Fisher
    /// expansion around the normal: exact to 1e-3 for df ≥ 3, a table below).
    static func t975(_ df: Int) -> Double {
        let table: [Int: Double] = [1: 12.706, 2: 4.303]
        if let v = table[df] { return v }
        let z = 1.959963984540054, n = Double(df)
        let g1 = (z * z * z + z) / 4, g2 = (5 * pow(z, 5) + 16 * z * z * z + 3 * z) / 96
        let g3 = (3 * pow(z, 7) + 19 * pow(z, 5) + 17 * z * z * z - 15 * z) / 384
        return z + g1 / n + g2 / (n * n) + g3 / (n * n * n)
    }
}
