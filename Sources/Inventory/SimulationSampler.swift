import AlmanacCore

extension PolicySimulation {
    /// Draws demand: discrete distributions by inversion of a CDF table built once
    /// (one uniform per draw, found in the table through a guide table), others by their
    /// own sampler.
    struct Sampler {
        let distribution: Distribution
        let cdf: [Double]
        /// Chen & Asau's guide table: guide[j] is the first k with F(k) > j/m (m entries, a
        /// hair lower for rounding), so the search for u starts at guide[⌊u·m⌋] and steps up
        /// about once: faster than a binary search, and the same k.
        let guide: [Int]

        init(_ d: Distribution) {
            distribution = d
            var table: [Double] = []
            if d.isDiscrete, d.mean < 100_000 {
                var total = 0.0, k = 0
                repeat {
                    total += d.pmf(k)
                    table.append(total)
                    k += 1
                } while total < 1 - 1e-15 && !(Double(k) > d.mean && d.pmf(k) < 1e-300)
            }
            cdf = table
            var starts = [Int](repeating: 0, count: table.count)
            var k = 0
            for j in starts.indices {
                let level = Double(j) / Double(starts.count) * (1 - 1e-12)
                while k < table.count - 1, table[k] <= level { k += 1 }
                starts[j] = k
            }
            guide = starts
        }

        @inline(__always)
        func draw(_ g: inout SeededGenerator) -> Double {
            guard !cdf.isEmpty else { return max(0, distribution.sample(using: &g)) }
            return Double(index(of: g.nextDouble()))
        }

        /// The first k with F(k) > u (the last entry when u is beyond the table), searching up
        /// from the guide. Needs a table (a discrete distribution) and 0 ≤ u < 1.
        @inline(__always)
        func index(of u: Double) -> Int {
            let last = cdf.count - 1
            if u >= cdf[last] { return last }
            var k = guide[min(Int(u * Double(guide.count)), last)]
            while cdf[k] <= u { k += 1 }
            return k
        }
    }
}
