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

    public struct ValidationSet: Sendable {
        public var values: [Float] = []
        public var mask: [Float] = []
        public var targets: [Float] = []
        public var targetMask: [Float] = []
        public var rows = 0
        /// For each row: the series it comes from and the scale its values were divided by.
        public var series: [Int] = []
        public var scales: [Float] = []
    }

    /// `series` in full; `validate` holds back each long-enough series' last horizon.
    public init(series: [[Float]], lookback: Int, horizon: Int, historyLimit: Int, minimumInputs: Int, validate: Bool) {
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
            let offset = validation.values.count
            validation.values += [Float](repeating: 0, count: lookback)
            validation.mask += [Float](repeating: 0, count: lookback)
            var s: Float = 1
            values.withUnsafeBufferPointer { buffer in
                validation.values.withUnsafeMutableBufferPointer { vb in
                    validation.mask.withUnsafeMutableBufferPointer { mb in
                        guard let v = vb.baseAddress, let m = mb.baseAddress else { return }
                        s = WindowScaling.fill(buffer, start: 0, end: n - horizon, lookback: lookback, fallbackScale: scale,
                                               out: v + offset, mask: m + offset)
                    }
                }
            }
            validation.targets += values[(n - horizon)...].map { $0 / s }
            validation.targetMask += [Float](repeating: 1, count: horizon)
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

    /// Fills a batch of `rows` random windows.
    public func sample(rows: Int, random: inout NeuralRandom, values: UnsafeMutablePointer<Float>,
                       mask: UnsafeMutablePointer<Float>, targets: UnsafeMutablePointer<Float>,
                       targetMask: UnsafeMutablePointer<Float>) {
        let l = lookback, h = horizon
        for r in 0..<rows {
            let i = eligible[random.index(eligible.count)]
            let series = training[i]
            let n = series.count
            let earliest = max(minimumInputs, n - historyLimit)
            let cut = earliest + random.index(n - earliest)
            series.withUnsafeBufferPointer { buffer in
                let scale = WindowScaling.fill(buffer, start: 0, end: cut, lookback: l, fallbackScale: scales[i],
                                               out: values + r * l, mask: mask + r * l)
                let inverse = 1 / scale
                for j in 0..<h {
                    let t = cut + j
                    targets[r * h + j] = t < n ? buffer[t] * inverse : 0
                    targetMask[r * h + j] = t < n ? 1 : 0
                }
            }
        }
    }
}
