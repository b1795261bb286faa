import AlmanacCore

extension PolicySimulation {
    /// Where the lead time of each order comes from. The simulator is generic
    /// over it, so the fixed case compiles to the original constant-lag loop.
    protocol LeadTimeSource {
        /// The longest lead time it can give: the pipeline's length minus one.
        var longest: Int { get }
        /// Whether two orders can get different lead times (and so could cross).
        static var varies: Bool { get }
        /// The lead time of an order placed this period (drawn every period, order
        /// or not, so that every policy sees the same lead times period by period).
        mutating func next() -> Int
    }

    struct FixedLeadTime: LeadTimeSource {
        let longest: Int
        static var varies: Bool { false }
        @inline(__always) func next() -> Int { longest }
    }

    /// Lead times drawn from a distribution on their own seeded stream, so they do
    /// not shift the demand stream: a lead time that never varies gives exactly the
    /// fixed-lead-time run. Discrete families are drawn by CDF inversion; others
    /// are rounded to the nearest whole period. Draws beyond the 1 − 10⁻¹²
    /// quantile are cut to it so the pipeline has a bounded length.
    struct RandomLeadTime: LeadTimeSource {
        let sampler: Sampler
        let longest: Int
        let rounds: Bool
        var generator: SeededGenerator
        static var varies: Bool { true }

        /// The longest lead time the pipeline accepts (periods).
        static let limit = 100_000

        init(_ d: Distribution, seed: UInt64) throws(InventoryError) {
            let d = try RandomLeadTime.validated(d)
            sampler = Sampler(d)
            rounds = !d.isDiscrete
            let top: Double
            if d.isDiscrete {
                top = Double(max(sampler.cdf.count - 1, 0))
            } else if case .empirical(let xs) = d {
                top = (xs.last ?? 0).rounded()
            } else {
                top = d.quantile(1 - 1e-12).rounded()
            }
            guard top.isFinite, top <= Double(RandomLeadTime.limit), !(d.isDiscrete && sampler.cdf.isEmpty) else {
                throw InventoryError("lead_time: the distribution reaches beyond \(RandomLeadTime.limit) periods")
            }
            longest = Int(top)
            // A stream of its own, derived from the seed ("leadtime" in ASCII).
            generator = SeededGenerator(seed: seed ^ 0x6C65_6164_7469_6D65)
        }

        /// A lead time cannot be negative: a family whose support reaches below 0 is refused.
        static func validated(_ d: Distribution) throws(InventoryError) -> Distribution {
            let checked: Distribution
            do { checked = try d.validated() } catch { throw InventoryError("lead_time: \(error.message)") }
            switch checked {
            case .normal:
                throw InventoryError(
                    "lead_time: a normal distribution takes negative values; use dist.poisson, dist.negbin, dist.gamma, dist.lognormal or dist.empirical"
                )
            case .empirical(let xs):
                if let low = xs.first, low < 0 {
                    throw InventoryError(
                        "lead_time: the empirical distribution has a negative value (\(low)); lead times must be ≥ 0")
                }
            default: break
            }
            return checked
        }

        @inline(__always) mutating func next() -> Int {
            let x = sampler.draw(&generator)
            // Clamp before converting: a far-tail draw must not overflow Int.
            return Int(min(Double(longest), rounds ? x.rounded() : x))
        }
    }
}
