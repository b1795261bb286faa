import AlmanacCore
import Foundation

/// The optimal (s, S) policy for periodic review with a fixed order cost and
/// discrete demand (Zheng & Federgruen 1991, as in Snyder & Shen §4.5): when the
/// inventory position falls to s or below, order up to S. Backorders, zero lead
/// time; cost per period: h per unit held, p per unit backordered, K per order.
public struct SSPolicy: Sendable, Equatable {
    public let reorderPoint: Int
    public let orderUpToLevel: Int
    public let cost: Double
}

public enum ZhengFedergruen {
    /// Exact optimisation. The search moves s and S one unit at a time and only
    /// where the paper's bounds allow, evaluating c(s, S) with sums kept in
    /// arrays, so it costs O((S − s)·range) at worst and far less in practice.
    public static func optimize(
        holdingCost h: Double, stockoutCost p: Double, fixedCost k: Double,
        demand: Distribution
    ) throws(InventoryError) -> SSPolicy {
        try requirePositive(h, "holding_cost")
        try requirePositive(p, "stockout_cost")
        try requirePositive(k, "fixed_cost")
        let demand = try demand.validated()
        guard demand.isDiscrete else {
            throw InventoryError(
                "the Zheng–Federgruen algorithm needs discrete demand (poisson or negbin), got \(demand.name)")
        }
        let model = Model(h: h, p: p, k: k, demand: demand)
        return model.solve()
    }

    /// G(y), the renewal function m(j) and the cost c(s, S), over y from a lower
    /// bound upwards (arrays grow on demand).
    struct Model: Sendable {
        let h: Double, p: Double, k: Double
        let pmf: [Double]  // P(D = d), d = 0...dmax (tail beyond dmax < 1e-16)
        let mean: Double

        init(h: Double, p: Double, k: Double, demand: Distribution) {
            self.h = h
            self.p = p
            self.k = k
            mean = demand.mean
            var probabilities: [Double] = []
            var total = 0.0, d = 0
            while total < 1 - 1e-16 && d < 10_000_000 {
                if Interruption.requested(atStep: d) { break }
                let q = demand.pmf(d)
                probabilities.append(q)
                total += q
                d += 1
                if d > Int(demand.mean) && q < 1e-300 { break }
            }
            pmf = probabilities
        }

        /// Expected one-period cost with inventory position y: h·E[(y−D)⁺] + p·E[(D−y)⁺].
        func g(_ y: Int) -> Double {
            var leftover = 0.0  // E[(y − D)⁺]; the mass beyond the table is below 1e-16
            if y > 0 {
                for d in 0..<min(y, pmf.count) { leftover += Double(y - d) * pmf[d] }
            }
            let shortage = leftover - (Double(y) - mean)
            return h * leftover + p * shortage
        }

        /// c(s, S) on its own (for checks; `solve` keeps its sums incrementally).
        func cost(_ s: Int, _ S: Int) -> Double {
            var m: [Double] = [1 / (1 - pmf[0])]
            for n in 1..<max(1, S - s) {
                var total = 0.0
                for l in 1...min(n, pmf.count - 1) { total += pmf[l] * m[n - l] }
                m.append(total / (1 - pmf[0]))
            }
            var numerator = k, denominator = 0.0
            for d in 0..<(S - s) {
                numerator += m[d] * g(S - d)
                denominator += m[d]
            }
            return numerator / denominator
        }

        func solve() -> SSPolicy {
            // The renewal masses m(j) and their sums M(j) = Σ_{l<j} m(l).
            var m: [Double] = [1 / (1 - pmf[0])]
            var bigM: [Double] = [0, m[0]]
            func ensure(_ j: Int) {
                while m.count <= j {
                    let n = m.count
                    var s = 0.0
                    for l in 1...min(n, pmf.count - 1) { s += pmf[l] * m[n - l] }
                    m.append(s / (1 - pmf[0]))
                    bigM.append(bigM[bigM.count - 1] + m[n])
                }
            }
            var gCache: [Int: Double] = [:]
            func G(_ y: Int) -> Double {
                if let v = gCache[y] { return v }
                let v = g(y)
                gCache[y] = v
                return v
            }
            func c(_ s: Int, _ S: Int) -> Double {
                let span = S - s
                ensure(span)
                var total = k
                for d in 0..<span { total += m[d] * G(S - d) }
                return total / bigM[span]
            }
            // y*: the minimiser of the convex G.
            // The mean is at most 1e9 (Distribution.validated), so this is exact.
            var yStar = Int(mean.rounded())
            // Each step costs O(S) and S grows with the demand: with a large mean the
            // search can outlast the script's time limit, so every step asks whether
            // to stop (the host then raises the stop; the NaN never reaches a script).
            let stopped = SSPolicy(reorderPoint: 0, orderUpToLevel: 0, cost: .nan)
            while G(yStar - 1) < G(yStar) { yStar -= 1; if Interruption.requested { return stopped } }
            while G(yStar + 1) < G(yStar) { yStar += 1; if Interruption.requested { return stopped } }
            var s = yStar, S0 = yStar
            repeat { s -= 1; if Interruption.requested { return stopped } } while c(s, S0) > G(s)
            var c0 = c(s, S0)
            var S = S0 + 1
            while G(S) <= c0 {
                if Interruption.requested { return stopped }
                if c(s, S) < c0 {
                    S0 = S
                    while c(s, S0) <= G(s + 1) { s += 1; if Interruption.requested { return stopped } }
                    c0 = c(s, S0)
                }
                S += 1
            }
            return SSPolicy(reorderPoint: s, orderUpToLevel: S0, cost: c0)
        }
    }
}
