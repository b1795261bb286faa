import AlmanacCore
import Foundation

/// stockpyl 1.0.2's discretisation of the Clark–Scarf recursion, with its
/// parameter names and defaults. x runs over [lo − hi, hi] in `xNum` steps,
/// where lo and hi are the `sumLowerTail` and 1 − `sumUpperTail` quantiles of
/// demand over the sum of all lead times. Each stage's lead-time demand is cut
/// at its `lowerTail`/`upperTail` quantiles (and at 0), split into `dNum` steps,
/// and each point carries the probability of the half-step around it, the end
/// points also the tails. Functions are read at the nearest grid point, and
/// below the range from the linear asymptote at the nearest point of the grid
/// continued downwards. For poisson demand the grid is the whole numbers.
public struct StockpylGrid: Sendable, Equatable {
    public var xNum: Int
    public var dNum: Int
    public var lowerTail: Double
    public var upperTail: Double
    public var sumLowerTail: Double
    public var sumUpperTail: Double

    /// 1 − Φ(4), stockpyl's default for all four tails.
    public static let defaultTail = 1 - SpecialFunctions.normalCDF(4)

    public init(
        xNum: Int = 1000, dNum: Int = 100, lowerTail: Double = defaultTail, upperTail: Double = defaultTail,
        sumLowerTail: Double = defaultTail, sumUpperTail: Double = defaultTail
    ) {
        self.xNum = xNum
        self.dNum = dNum
        self.lowerTail = lowerTail
        self.upperTail = upperTail
        self.sumLowerTail = sumLowerTail
        self.sumUpperTail = sumUpperTail
    }

    func validate() throws(InventoryError) {
        guard xNum >= 1 else { throw InventoryError("x_num must be at least 1, got \(xNum)") }
        guard dNum >= 1 else { throw InventoryError("d_num must be at least 1, got \(dNum)") }
        for (name, tail) in [
            ("ltd_lower_tail_prob", lowerTail), ("ltd_upper_tail_prob", upperTail),
            ("sum_ltd_lower_tail_prob", sumLowerTail), ("sum_ltd_upper_tail_prob", sumUpperTail),
        ]
        where !(tail > 0 && tail < 0.5) {
            throw InventoryError("\(name) must be between 0 and 0.5 (exclusive), got \(tail)")
        }
    }
}

/// The x grid: x_k = k·δ + x_lo, k = 0…n (computed as stockpyl does, so the
/// nearest-point choices match it bit for bit).
struct UniformGrid {
    let lo: Double, delta: Double, count: Int

    @inline(__always) func value(_ k: Int) -> Double { Double(k) * delta + lo }

    /// The index within `range` of the grid point nearest to v (indices outside
    /// 0..<count are the grid continued); ties go to the upper point, as in stockpyl.
    @inline(__always) func nearest(_ v: Double, within range: ClosedRange<Int>) -> Int {
        // below: the last index whose value is < v (numpy searchsorted 'left' minus one).
        var below = Int(((v - lo) / delta).rounded(.down))
        below = min(max(below, range.lowerBound - 1), range.upperBound)
        while below + 1 <= range.upperBound && value(below + 1) < v { below += 1 }
        while below >= range.lowerBound && value(below) >= v { below -= 1 }
        let above = below + 1
        if above > range.upperBound { return below }
        if below < range.lowerBound { return above }
        return abs(v - value(below)) < abs(v - value(above)) ? below : above
    }
}

/// A lead-time demand discretised stockpyl's way: points and their probabilities.
struct DiscretisedDemand {
    var points: [Double] = []
    var masses: [Double] = []

    init(_ d: Distribution, grid: StockpylGrid, periods: Double) {
        guard periods > 0 else { points = [0]; masses = [1]; return }  // no lead time: no demand
        let discrete = d.isDiscrete
        var lo = max(d.quantile(grid.lowerTail), 0)
        let hi = max(d.quantile(1 - grid.upperTail), lo)
        var step = 1.0, steps: Int
        if discrete {
            lo = lo.rounded(.toNearestOrEven)
            steps = Int((hi - lo).rounded(.toNearestOrEven))
        } else if hi > lo {
            step = (hi - lo) / Double(grid.dNum)
            steps = grid.dNum
        } else {
            lo = (lo + hi) * 0.5
            steps = 0
        }
        // Keep the points whose half-step carries probability, as stockpyl does.
        for i in 0...steps {
            let upper = i == steps ? 1 : d.cdf((Double(i) + 0.5) * step + lo)
            let lower = i == 0 ? 0 : d.cdf((Double(i) - 0.5) * step + lo)
            if upper > lower { points.append(Double(i) * step + lo) }
        }
        for (i, x) in points.enumerated() {
            let upper = i + 1 == points.count ? 1 : d.cdf(x + step * 0.5)
            let lower = i == 0 ? 0 : d.cdf(x - step * 0.5)
            masses.append(upper - lower)
        }
    }
}

/// The Clark–Scarf recursion on stockpyl's grid (Chen & Zheng 1994):
/// C̄_0(x) = (p + h'_1)·x⁻;  Ĉ_j(x) = h_j·x + C̄_{j−1}(x);  C_j(y) = E[Ĉ_j(y − D_j)];
/// S*_j = argmin C_j;  C̄_j(x) = C_j(min(S*_j, x)).
struct StockpylGridRecursion {
    let system: SerialSystem
    let grid: StockpylGrid

    func solve() -> SerialBaseStockSolution {
        let n = system.stageCount
        let sumLead = system.leadTime.reduce(0, +)
        let sumDemand = system.demand(over: sumLead)
        var sumLo = sumDemand.quantile(grid.sumLowerTail)
        var sumHi = sumDemand.quantile(1 - grid.sumUpperTail)
        if sumLead == 0 { sumLo = 0; sumHi = 0 }  // the demand is the point 0
        let x: UniformGrid
        if system.demand.isDiscrete {
            let lo = (sumLo - sumHi).rounded(.toNearestOrEven)
            x = UniformGrid(lo: lo, delta: 1, count: Int((sumHi - lo).rounded(.toNearestOrEven)) + 1)
        } else if sumHi > sumLo - sumHi {
            let lo = sumLo - sumHi
            x = UniformGrid(lo: lo, delta: (sumHi - lo) / Double(grid.xNum), count: grid.xNum + 1)
        } else {
            x = UniformGrid(lo: ((sumLo - sumHi) + sumHi) * 0.5, delta: 1, count: 1)
        }
        // The grid continued below x_lo, for the asymptote (as far as stockpyl continues it).
        let continued = Int((sumHi / x.delta).rounded(.up))
        let extended = -continued...(x.count - 1 + continued)

        let total = system.echelonHoldingCost.reduce(0, +)
        var cBar = (0..<x.count).map { (system.stockoutCost + total) * max(-x.value($0), 0) }
        var cHat = [Double](repeating: 0, count: x.count)
        var c = [Double](repeating: 0, count: x.count)
        var levels: [Double] = [], costs: [Double] = []
        for j in 0..<n {
            for k in 0..<x.count { cHat[k] = system.echelonHoldingCost[j] * x.value(k) + cBar[k] }
            let line = system.lowerAsymptote(stage: j)
            let demand = DiscretisedDemand(
                system.demand(over: system.leadTime[j]), grid: grid, periods: system.leadTime[j])
            for k in 0..<x.count {
                let y = x.value(k)
                var expected = 0.0
                for (d, mass) in zip(demand.points, demand.masses) {
                    let v = y - d
                    let cost: Double
                    if v < x.lo {
                        cost = line.slope * x.value(x.nearest(v, within: extended)) + line.intercept
                    } else {
                        cost = cHat[x.nearest(v, within: 0...(x.count - 1))]
                    }
                    expected += mass * cost
                }
                c[k] = expected
            }
            var best = 0
            for k in 1..<x.count where c[k] < c[best] { best = k }
            levels.append(x.value(best))
            costs.append(c[best])
            for k in 0..<x.count { cBar[k] = c[min(k, best)] }
        }
        return SerialBaseStockSolution(echelonBaseStock: levels, stageCost: costs)
    }
}
