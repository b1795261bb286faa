import AlmanacCore
import Foundation
import TimeSeries

/// A seeded synthetic e-commerce panel with the features real sales data has:
/// trend, yearly (and, for daily data, weekly) seasonality, price changes with
/// an elasticity, promotions with uplift, intermittent slow movers, new
/// products that launch late and ramp up, and stock-outs that censor sales.
/// Every draw comes from one seeded generator, so a seed gives the same panel
/// on every machine. The parameters are documented in docs/data.md.
public struct SyntheticRetail: Sendable {
    public var skus = 20
    public var periods = 104
    public var seed: UInt64 = 1
    /// .week (default) or .day.
    public var frequency: Frequency = .week
    /// First period: Monday 2023-01-02.
    public var start = CivilDate(daysSinceEpoch: CivilDate.daysSinceEpoch(year: 2023, month: 1, day: 2))

    public init() {}

    static let categories = ["grocery", "apparel", "electronics", "home"]

    public func generate() throws(DataError) -> Panel {
        guard (1...100_000).contains(skus) else {
            throw DataError("synthetic_retail: skus must be between 1 and 100000, got \(skus)")
        }
        guard periods >= 8, periods <= 100_000 else {
            throw DataError("synthetic_retail: periods must be between 8 and 100000, got \(periods)")
        }
        guard frequency == .week || frequency == .day else {
            throw DataError("synthetic_retail: freq must be \"week\" or \"day\", got \"\(frequency.rawValue)\"")
        }
        var g = SeededGenerator(seed: seed)
        let perYear = frequency == .week ? 52.1775 : 365.25
        let promoChance = frequency == .week ? 0.06 : 0.01
        let priceChangeChance = frequency == .week ? 0.02 : 0.003
        let stockoutChance = frequency == .week ? 0.012 : 0.002
        let startOrdinal = start.daysSinceEpoch
        let digits = max(4, String(skus).count)
        var entries: [String: Panel.Entry] = [:]
        for i in 1...skus {
            let number = String(i)
            let key = "SKU-" + String(repeating: "0", count: digits - number.count) + number
            let segmentDraw = g.nextDouble()
            let segment = segmentDraw < 0.60 ? "regular" : (segmentDraw < 0.85 ? "slow" : "new")
            let category = Self.categories[Int(g.nextInt(in: 0, Int64(Self.categories.count - 1)))]
            let level = segment == "slow" ? g.nextUniform(0.2, 1.5) : exp(g.nextNormal(mean: 3.5, sd: 0.8))
            let growth = g.nextNormal(mean: 0.05, sd: 0.15)
            let amplitude = g.nextUniform(0, 0.4), phase = g.nextUniform(0, 2 * .pi)
            let weekendLift = g.nextUniform(0.1, 0.5)
            let basePrice = exp(g.nextNormal(mean: log(20), sd: 0.6))
            let elasticity = g.nextUniform(-2.5, -0.5)
            let uplift = g.nextUniform(1.3, 2.2)
            let launch = segment == "new" ? Int(Double(periods) * g.nextUniform(0.2, 0.6)) : 0
            var price = basePrice
            var stockoutLeft = 0
            var sales: [Double] = [], prices: [Double] = [], promos: [Double] = []
            var stockouts: [Double] = [], demands: [Double] = []
            for t in launch..<periods {
                if g.nextDouble() < priceChangeChance { price *= g.nextUniform(0.85, 1.15) }
                let promo = g.nextDouble() < promoChance
                let paid = promo ? price * 0.8 : price
                // Growth compounds for at most ten years, so the longest allowed panels
                // (100,000 periods) keep demand finite.
                var mean = level * exp(growth * min(Double(t), 10 * perYear) / perYear)
                mean *= max(0.05, 1 + amplitude * sin(2 * .pi * Double(t) / perYear + phase))
                if frequency == .day {
                    let weekday = CivilDate(daysSinceEpoch: startOrdinal + t).weekday
                    if weekday >= 6 { mean *= 1 + weekendLift }
                }
                mean *= pow(paid / basePrice, elasticity)
                if promo { mean *= uplift }
                if segment == "new" { mean *= 1 - exp(-Double(t - launch + 1) / 8) }
                let demand =
                    segment == "slow" ? g.nextPoisson(mean: mean) : g.nextNegativeBinomial(mean: mean, size: 10)
                if stockoutLeft == 0 && segment != "slow" && g.nextDouble() < stockoutChance {
                    stockoutLeft = Int(g.nextInt(in: 1, 3))
                }
                var sold = demand
                if stockoutLeft > 0 {
                    sold = Int((Double(demand) * g.nextUniform(0, 0.5)).rounded(.down))
                    stockoutLeft -= 1
                }
                sales.append(Double(sold)); demands.append(Double(demand))
                prices.append((paid * 100).rounded() / 100); promos.append(promo ? 1 : 0)
                stockouts.append(sold < demand ? 1 : 0)
            }
            let step = frequency == .week ? 7 : 1
            let index = TimeIndex(frequency: frequency, start: startOrdinal + launch * step)
            let series = Series(name: key, values: sales, index: index)
            entries[key] = Panel.Entry(
                series: series,
                covariates: ["price": prices, "promo": promos, "stockout": stockouts, "demand": demands],
                attributes: [
                    "category": .text(category), "segment": .text(segment),
                    "unit_cost": .number((basePrice * 0.6 * 100).rounded() / 100),
                    "launch": .text(index.label(at: 0)),
                ])
        }
        return Panel(entries: entries)
    }
}
