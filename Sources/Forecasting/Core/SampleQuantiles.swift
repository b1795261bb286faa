/// Quantiles of a sample by Hyndman & Fan's definition 8 (median-unbiased),
/// which R's forecast package uses for simulated intervals.
enum SampleQuantiles {
    static func type8(sorted x: [Double], _ p: Double) -> Double {
        let n = x.count
        guard n > 0 else { return .nan }
        let h = (Double(n) + 1.0 / 3.0) * p + 1.0 / 3.0  // 1-based position
        if h <= 1 { return x[0] }
        if h >= Double(n) { return x[n - 1] }
        let j = Int(h.rounded(.down))
        let g = h - Double(j)
        return (1 - g) * x[j - 1] + g * x[j]
    }

    /// Interval bounds at each level (percent) from simulated paths, step by step.
    static func intervals(from paths: SamplePaths, levels: [Double]) -> (lower: [[Double]], upper: [[Double]]) {
        var lower = [[Double]](repeating: [], count: levels.count)
        var upper = lower
        for h in 0..<paths.horizon {
            let sorted = paths.step(h).filter { !$0.isNaN }.sorted()
            for (k, level) in levels.enumerated() {
                lower[k].append(type8(sorted: sorted, 0.5 - level / 200))
                upper[k].append(type8(sorted: sorted, 0.5 + level / 200))
            }
        }
        return (lower, upper)
    }
}
