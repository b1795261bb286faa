/// Training and validation windows drawn from many series at once (a global
/// model sees every series). Training windows end anywhere in the last
/// `historyLimit` points of each series' training part; targets past the end
/// are masked. The validation windows forecast each series' last `horizon`
/// points, which training never sees.
public struct TrainingWindows: Sendable {
    public let lookback: Int
    public let horizon: Int
    /// Training parts of the series (the validation part removed where there is one).
    public let training: [[Float]]
    let scales: [Float]
    /// Series with room for at least one training window.
    let eligible: [Int]
    public let historyLimit: Int
    /// A window needs at least this many observed inputs.
    public let minimumInputs: Int
    public let validation: ValidationSet
    /// covariates[i][j]: covariate j of series i, already scaled, over the series and any known future.
    public let covariates: [[[Float]]]
    public let covariateCount: Int
    public var covariateWidth: Int { covariateCount * (lookback + horizon) }
    /// categories[i][j]: series i's level of categorical attribute j (0: unknown).
    public let categories: [[Int]]
    public let categoryCount: Int
    /// How often a training window's levels are replaced by the unknown level,
    /// so that level learns what a series of an unseen store looks like.
    public static let unknownLevelShare = 0.1

    /// How each window's errors count in the loss.
    public enum Weighting: String, Sendable, CaseIterable {
        /// Relative to the window's mean level (its scale): sMAPE's view.
        case level
        /// Relative to the window's seasonal naive error: MASE's view, which
        /// counts an error on a smooth series more than the same on a noisy one.
        case mase
    }
    public let weighting: Weighting
    /// The seasonal lag of the naive error `mase` weighting divides by.
    public let seasonalLag: Int

    public struct ValidationSet: Sendable {
        public var values: [Float] = []
        public var mask: [Float] = []
        /// rows × covariateWidth (empty without covariates).
        public var covariates: [Float] = []
        /// rows × categoryCount level indices (empty without categories).
        public var categories: [Float] = []
        public var targets: [Float] = []
        public var targetMask: [Float] = []
        public var rows = 0
        /// For each row: the series it comes from and the scale its values were divided by.
        public var series: [Int] = []
        public var scales: [Float] = []
    }

    /// `series` in full; `validate` holds back each long-enough series' last horizon.
    public init(
        series: [[Float]], lookback: Int, horizon: Int, historyLimit: Int, minimumInputs: Int, validate: Bool,
        covariates: [[[Float]]] = [], categories: [[Int]] = [], weighting: Weighting = .level, seasonalLag: Int = 1
    ) {
        self.weighting = weighting
        self.seasonalLag = max(1, seasonalLag)
        self.covariates = covariates
        covariateCount = covariates.first?.count ?? 0
        self.categories = categories
        categoryCount = categories.first?.count ?? 0
        self.lookback = lookback
        self.horizon = horizon
        self.historyLimit = max(1, historyLimit)
        self.minimumInputs = max(1, minimumInputs)
        var training: [[Float]] = []
        var validation = ValidationSet()
        var scales: [Float] = []
        for (index, values) in series.enumerated() {
            let n = values.count
            let holdOut = validate && n - horizon >= self.minimumInputs
            let part = holdOut ? Array(values[0..<(n - horizon)]) : values
            let scale = WindowScaling.seriesScale(part)
            training.append(part)
            scales.append(scale)
            guard holdOut else { continue }
            // Bounds: `lookback` slots are appended before fill and weight use the row at `offset`;
            // fill reads values[0..<n − horizon] (n − horizon ≥ minimumInputs ≥ 1). The covariate
            // block holds covariateCount·(l + h) = the first series' column count; fillCovariates
            // writes this series' count, so every series needs the same number of columns.
            let offset = validation.values.count
            validation.values += [Float](repeating: 0, count: lookback)
            validation.mask += [Float](repeating: 0, count: lookback)
            var s: Float = 1
            values.withUnsafeBufferPointer { buffer in
                validation.values.withUnsafeMutableBufferPointer { vb in
                    validation.mask.withUnsafeMutableBufferPointer { mb in
                        guard let v = vb.baseAddress, let m = mb.baseAddress else { return }
                        s = WindowScaling.fill(
                            buffer, start: 0, end: n - horizon, lookback: lookback, fallbackScale: scale,
                            out: v + offset, mask: m + offset)
                    }
                }
            }
            validation.targets += values[(n - horizon)...].map { $0 / s }
            let w = validation.values.withUnsafeBufferPointer { v in
                validation.mask.withUnsafeBufferPointer { m -> Float in
                    guard let vb = v.baseAddress, let mb = m.baseAddress else { return 1 }
                    return Self.weight(
                        weighting, values: vb + offset, mask: mb + offset, lookback: lookback, lag: max(1, seasonalLag))
                }
            }
            validation.targetMask += [Float](repeating: w, count: horizon)
            if covariateCount > 0 {
                var block = [Float](repeating: 0, count: covariateCount * (lookback + horizon))
                block.withUnsafeMutableBufferPointer { b in
                    if let base = b.baseAddress {
                        Self.fillCovariates(
                            covariates[index], cut: n - horizon, lookback: lookback, horizon: horizon, into: base)
                    }
                }
                validation.covariates += block
            }
            if categoryCount > 0 { validation.categories += categories[index].map { Float($0) } }
            validation.rows += 1
            validation.series.append(index)
            validation.scales.append(s)
        }
        self.training = training
        self.scales = scales
        let minimum = self.minimumInputs
        eligible = training.indices.filter { training[$0].count > minimum }
        self.validation = validation
    }

    public var isEmpty: Bool { eligible.isEmpty }

    /// Each covariate's values over [cut − lookback, cut + horizon), zero where it has none.
    /// Bounds: writes columns.count·(l + h) floats at `out`; columns are read only at 0 ≤ t < count.
    @inline(__always)
    public static func fillCovariates(
        _ columns: [[Float]], cut: Int, lookback l: Int, horizon h: Int,
        into out: UnsafeMutablePointer<Float>
    ) {
        for (j, column) in columns.enumerated() {
            let row = out + j * (l + h)
            for k in 0..<(l + h) {
                let t = cut - l + k
                row[k] = t >= 0 && t < column.count ? column[t] : 0
            }
        }
    }

    /// Fills a batch of `rows` random windows.
    /// Bounds: values and mask need rows·lookback floats, targets and targetMask rows·horizon,
    /// covariates rows·covariateWidth, categories rows·categoryCount; every series must have
    /// covariateCount columns and categoryCount levels. Needs a non-empty `eligible` (the trainer
    /// returns early otherwise); an eligible series has n > minimumInputs, so cut is in
    /// earliest..<n with earliest ≥ 1 and fill reads series[0..<cut], targets series[t] for t < n.
    public func sample(
        rows: Int, random: inout NeuralRandom, values: UnsafeMutablePointer<Float>,
        mask: UnsafeMutablePointer<Float>, targets: UnsafeMutablePointer<Float>,
        targetMask: UnsafeMutablePointer<Float>, covariates: UnsafeMutablePointer<Float>? = nil,
        categories: UnsafeMutablePointer<Float>? = nil
    ) {
        let cw = covariateWidth
        let l = lookback, h = horizon
        for r in 0..<rows {
            let i = eligible[random.index(eligible.count)]
            let series = training[i]
            let n = series.count
            let earliest = max(minimumInputs, n - historyLimit)
            let cut = earliest + random.index(n - earliest)
            if let covariates, cw > 0 {
                Self.fillCovariates(self.covariates[i], cut: cut, lookback: l, horizon: h, into: covariates + r * cw)
            }
            if let categories, categoryCount > 0 {
                let unknown = random.uniform(0, 1) < Self.unknownLevelShare
                for j in 0..<categoryCount {
                    categories[r * categoryCount + j] = unknown ? 0 : Float(self.categories[i][j])
                }
            }
            series.withUnsafeBufferPointer { buffer in
                let scale = WindowScaling.fill(
                    buffer, start: 0, end: cut, lookback: l, fallbackScale: scales[i],
                    out: values + r * l, mask: mask + r * l)
                let inverse = 1 / scale
                let w = Self.weight(
                    weighting, values: values + r * l, mask: mask + r * l, lookback: l, lag: seasonalLag)
                for j in 0..<h {
                    let t = cut + j
                    targets[r * h + j] = t < n ? buffer[t] * inverse : 0
                    targetMask[r * h + j] = t < n ? w : 0
                }
            }
        }
    }

    /// A window's weight in the loss (carried by its target mask, which the loss
    /// uses as weights): 1 for `level`; for `mase`, one over the mean absolute
    /// seasonal difference of its scaled inputs (lag 1 when it has too few),
    /// kept within [1/5, 5] so no window dominates.
    /// Bounds: values and mask hold l floats; first ≤ l and t − m ≥ first ≥ 0 for t < l.
    @inline(__always)
    static func weight(
        _ weighting: Weighting, values: UnsafePointer<Float>, mask: UnsafePointer<Float>, lookback l: Int, lag: Int
    ) -> Float {
        guard weighting == .mase else { return 1 }
        var first = 0
        while first < l && mask[first] == 0 { first += 1 }
        let present = l - first
        let m = present > lag ? lag : 1
        guard present > m else { return 1 }
        var sum: Float = 0
        for t in (first + m)..<l { sum += abs(values[t] - values[t - m]) }
        let d = sum / Float(present - m)
        return min(max(1 / max(d, 1e-6), 0.2), 5)
    }
}
