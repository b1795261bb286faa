import AlmanacCore

/// What the intermittent fits assume about one future period, since the
/// methods themselves are not stochastic models: a demand occurs with
/// probability q (independently each period, Croston's own assumption, which
/// makes inter-demand intervals geometric), and its size is one of the
/// observed nonzero demands, drawn with equal chance and scaled so that the
/// mean demand q·E[size] equals the method's point forecast.
struct PeriodDemandDistribution: Sendable, Equatable {
    /// q, in [0, 1].
    let occurrence: Double
    /// The observed nonzero demands times the scale, ascending.
    let sizes: [Double]

    /// Degenerate at zero when there is nothing to scale (no demand, a zero forecast or q = 0).
    init(observedSizes: [Double], occurrence: Double, mean: Double) {
        let q = min(max(occurrence, 0), 1)
        let sizeMean = observedSizes.reduce(0, +) / Double(observedSizes.count)
        guard q > 0, mean > 0, !observedSizes.isEmpty, sizeMean > 0 else {
            self.occurrence = 0
            sizes = []
            return
        }
        let scale = mean / (q * sizeMean)
        self.occurrence = q
        sizes = observedSizes.map { $0 * scale }.sorted()
    }

    var mean: Double { sizes.isEmpty ? 0 : occurrence * sizes.reduce(0, +) / Double(sizes.count) }

    /// The smallest x with P(demand ≤ x) ≥ p: exact, since the distribution is discrete.
    func quantile(_ p: Double) -> Double {
        guard !sizes.isEmpty, p > 1 - occurrence else { return 0 }
        // P(≤ s_(j)) = 1 − q + q·j/k; the tolerance keeps an exact hit from rounding up to s_(j+1).
        let k = Double(sizes.count)
        let j = Int((k * (p - (1 - occurrence)) / occurrence - 1e-9).rounded(.up))
        return sizes[min(max(j, 1), sizes.count) - 1]
    }

    /// One period's demand.
    func draw(_ generator: inout SeededGenerator) -> Double {
        guard !sizes.isEmpty, generator.nextDouble() < occurrence else { return 0 }
        return sizes[Int(generator.nextInt(in: 0, Int64(sizes.count - 1)))]
    }
}
