/// The clamped Nelder–Mead for batched objectives: same search, fewer round trips.
extension ClampedNelderMead {
    /// Up to this many points are handed to a batched objective at once.
    public static let batchWidth = 4
    /// The most coordinates `minimizeBatched` takes.
    public static let maxBatchedDimension = NelderMeadMachine.maxDimension

    /// The same search as `minimize`, point for point, for objectives that evaluate several points
    /// faster together than one after another (e.g. by running them in SIMD lanes). Each batch holds
    /// the point the search needs now and the points it is most likely to need next: copies of the
    /// search are run ahead on guessed outcomes (the reflection accepted, an expansion, a
    /// contraction…), most likely first, and the points they ask for fill the batch. The search
    /// itself only ever consumes true values, looked up by exact coordinates, so its path,
    /// result and evaluation count are the scalar search's; a wrong guess costs only a lane.
    /// `f(points, count, values)`: points hold `count` ≤ `batchWidth` points of n coordinates each.
    public func minimizeBatched(start: [Double], lower: [Double], upper: [Double],
                                _ f: (UnsafeBufferPointer<Double>, Int, UnsafeMutablePointer<Double>) -> Void) -> Result {
        let n = start.count
        precondition(n > 0 && n <= Self.maxBatchedDimension && lower.count == n && upper.count == n,
                     "ClampedNelderMead.minimizeBatched: 1 to \(Self.maxBatchedDimension) coordinates, with bounds for each")
        var search = NelderMeadMachine(self, start: start, lower: lower, upper: upper)
        var known = KnownValues()
        var batch = PointBatch()
        var coordinates = [Double](repeating: 0, count: Self.batchWidth * n)
        var batchValues = [Double](repeating: 0, count: Self.batchWidth)
        while search.phase != .done {
            if let value = known.value(of: search.request) {
                search.supply(value)
                continue
            }
            batch.removeAll()
            batch.appendIfNew(search.request)
            search.appendLikelyNext(to: &batch)
            for b in 0..<batch.count {
                for i in 0..<n { coordinates[b * n + i] = batch.points[b][i] }
            }
            coordinates.withUnsafeBufferPointer { p in
                batchValues.withUnsafeMutableBufferPointer { f(p, batch.count, $0.baseAddress!) }
            }
            known.replace(with: batch, batchValues)
        }
        return search.result
    }

    /// The last batch's points and values, found by their exact coordinates.
    private struct KnownValues {
        private var points = [NelderMeadMachine.Point](repeating: .init(repeating: .nan), count: ClampedNelderMead.batchWidth)
        private var values = [Double](repeating: 0, count: ClampedNelderMead.batchWidth)
        private var count = 0

        mutating func replace(with batch: PointBatch, _ batchValues: [Double]) {
            count = batch.count
            for b in 0..<count {
                points[b] = batch.points[b]
                values[b] = batchValues[b]
            }
        }

        func value(of point: NelderMeadMachine.Point) -> Double? {
            for k in 0..<count where sameCoordinates(points[k], point) { return values[k] }
            return nil
        }
    }
}
