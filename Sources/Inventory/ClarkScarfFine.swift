import Foundation

/// The Clark–Scarf recursion on a fine grid, accurate to O(δ²) in the step δ.
///
/// Each Ĉ_j is kept at the grid points x_k = kδ (0 is a grid point, where C̄_0
/// has its kink) and read between them by linear interpolation. The expectation
/// of that interpolant over the lead-time demand is exact: it is Σ_i w_i·Ĉ_j(y − iδ)
/// with w_i = E[Λ((D − iδ)/δ)], Λ the unit hat function, which the normal loss
/// function gives in closed form. Outside the grid the recursion's exact linear
/// tails are used, so no probability is lumped anywhere. S*_j is refined between
/// grid points by the parabola through the smallest value and its neighbours.
/// For poisson demand the grid is the whole numbers, the weights are the
/// probabilities and everything is exact up to a tail below 1e-17.
struct FineRecursion {
    let system: SerialSystem
    let pointsPerSD: Int

    /// Tails beyond this many standard deviations carry less than 1e-17.
    static let reach = 8.5

    /// Demand weights w_i for i in `first...`, on the grid of step δ.
    struct Weights {
        var first: Int
        var values: [Double]
    }

    /// With `fixedLevels` (node 1 first) the recursion evaluates those echelon levels instead of
    /// minimising: C_j is read at S_j by linear interpolation. nil when a level lies outside
    /// the range where the recursion is computed.
    func solve(fixedLevels: [Double]? = nil) -> SerialBaseStockSolution? {
        let discrete = system.demand.isDiscrete
        let sd = system.demand.standardDeviation
        let shortest = system.leadTime.filter { $0 > 0 }.min() ?? 1
        let delta = discrete ? 1 : sd * shortest.squareRoot() / Double(pointsPerSD)
        // The range, as stockpyl's: [lo − hi, hi] with lo, hi far in the tails of the
        // demand over all lead times; below it the cost is linear, above it constant + h·x.
        let sumLead = system.leadTime.reduce(0, +)
        let sumMean = system.demand.mean * sumLead, sumSD = sd * sumLead.squareRoot()
        let hi = sumMean + Self.reach * max(sumSD, sd)
        let lo = max(sumMean - Self.reach * max(sumSD, sd), discrete ? 0 : -Double.infinity)
        let kLo = Int(((lo - hi) / delta).rounded(.down)), kHi = Int((hi / delta).rounded(.up))
        let count = kHi - kLo + 1

        let total = system.echelonHoldingCost.reduce(0, +)
        var cBar = (0..<count).map { (system.stockoutCost + total) * max(-Double(kLo + $0) * delta, 0) }
        var c = [Double](repeating: 0, count: count)
        var extended: [Double] = []
        var levels: [Double] = [], costs: [Double] = []
        for j in 0..<system.stageCount {
            let w = weights(system.demand(over: system.leadTime[j]), delta: delta, discrete: discrete)
            let last = w.first + w.values.count - 1
            // Ĉ_j at grid indices kLo − last … kHi − w.first.
            let start = kLo - last
            extended.removeAll(keepingCapacity: true)
            let h = system.echelonHoldingCost[j], top = cBar[count - 1]
            let line = system.lowerAsymptote(stage: j)
            for g in start...(kHi - w.first) {
                let x = Double(g) * delta
                if g < kLo {
                    extended.append(line.slope * x + line.intercept)
                } else if g > kHi {
                    extended.append(h * x + top)
                } else {
                    extended.append(h * x + cBar[g - kLo])
                }
            }
            // C_j(x_k) = Σ_i w_i Ĉ_j(x_k − iδ): a correlation over contiguous memory.
            // Bounds: with m = w.values.count = last − first + 1 ≥ 1, extended holds
            // (kHi − first) − (kLo − last) + 1 = count + m − 1 values; base = k, so e[base + r] ≤
            // count − 1 + m − 1; wv[m − 1 − r] is in 0..<m; out (c) holds count.
            extended.withUnsafeBufferPointer { e in
                w.values.withUnsafeBufferPointer { wv in
                    c.withUnsafeMutableBufferPointer { out in
                        let m = wv.count
                        for k in 0..<count {
                            // x_k − iδ for i = last … first is extended[k + kLo − last − start ...].
                            let base = k + kLo - last - start
                            var sum = 0.0
                            for r in 0..<m { sum += wv[m - 1 - r] * e[base + r] }
                            out[k] = sum
                        }
                    }
                }
            }
            var best = 0
            for k in 1..<count where c[k] < c[best] { best = k }
            var level = Double(kLo + best) * delta, cost = c[best]
            if let fixed = fixedLevels?[j] {
                let position = fixed / delta - Double(kLo)
                guard position >= 0, position <= Double(count - 1) else { return nil }
                let k = min(Int(position), count - 2)
                level = fixed
                cost = count == 1 ? c[0] : c[k] + (position - Double(k)) * (c[k + 1] - c[k])
            } else if !discrete, best > 0, best < count - 1 {
                let left = c[best - 1], mid = c[best], right = c[best + 1]
                let curvature = left - 2 * mid + right
                if curvature > 0 {
                    level += 0.5 * (left - right) / curvature * delta
                    cost = mid - (right - left) * (right - left) / (8 * curvature)
                }
            }
            levels.append(level)
            costs.append(cost)
            for k in 0..<count { cBar[k] = Double(kLo + k) * delta < level ? c[k] : cost }
        }
        return SerialBaseStockSolution(echelonBaseStock: levels, stageCost: costs)
    }

    /// The hat-function weights of demand d on the grid of step δ.
    func weights(_ d: Distribution, delta: Double, discrete: Bool) -> Weights {
        if d.mean == 0 { return Weights(first: 0, values: [1]) }  // no lead time: no demand
        if discrete {
            var values: [Double] = [], total = 0.0, i = 0
            while total < 1 - 1e-17 {
                let q = d.pmf(i)
                values.append(q)
                total += q
                i += 1
                if Double(i) > d.mean && q < 1e-300 { break }
            }
            return Weights(first: 0, values: values)
        }
        let mean = d.mean, sd = d.standardDeviation
        let first = Int(((mean - Self.reach * sd) / delta).rounded(.down))
        let last = Int(((mean + Self.reach * sd) / delta).rounded(.up))
        // ψ(c) = E[(D − c)⁺] above the mean, E[(c − D)⁺] below it: the two differ by the
        // linear m − c, which the second difference removes, and each is small where used.
        func psi(_ c: Double, above: Bool) -> Double {
            let z = above ? (c - mean) / sd : (mean - c) / sd
            let upperTail = 0.5 * erfc(z / 2.0.squareRoot())
            return sd * (exp(-z * z / 2) / (2 * Double.pi).squareRoot() - z * upperTail)
        }
        var values: [Double] = []
        values.reserveCapacity(last - first + 1)
        for i in first...last {
            let c = Double(i) * delta, above = c >= mean
            let second = psi(c - delta, above: above) - 2 * psi(c, above: above) + psi(c + delta, above: above)
            values.append(max(second / delta, 0))
        }
        return Weights(first: first, values: values)
    }
}
