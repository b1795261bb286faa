/// Up to `ClampedNelderMead.batchWidth` distinct points for one call of a batched objective,
/// then their values, which the search looks up by exact coordinates until the next batch.
struct PointBatch: ~Copyable {
    private let points: UnsafeMutablePointer<NelderMeadMachine.Point>
    private let values: UnsafeMutablePointer<Double>
    private(set) var count = 0
    private var evaluated = false
    var isFull: Bool { count == ClampedNelderMead.batchWidth }

    /// Bounds: points and values hold batchWidth entries and count never exceeds it: `start` sets 1,
    /// `appendIfNew` returns when full; `record` copies count values from a batch of that many.
    init() {
        points = .allocate(capacity: ClampedNelderMead.batchWidth)
        points.initialize(repeating: .zero, count: ClampedNelderMead.batchWidth)
        values = .allocate(capacity: ClampedNelderMead.batchWidth)
        values.initialize(repeating: 0, count: ClampedNelderMead.batchWidth)
    }

    deinit {
        points.deallocate()
        values.deallocate()
    }

    func point(_ b: Int) -> NelderMeadMachine.Point { points[b] }

    /// Forgets the last batch and starts the next with the point the search needs now.
    mutating func start(with point: NelderMeadMachine.Point) {
        points[0] = point
        count = 1
        evaluated = false
    }

    mutating func appendIfNew(_ point: NelderMeadMachine.Point) {
        guard !isFull else { return }
        for k in 0..<count where sameCoordinates(points[k], point) { return }
        points[count] = point
        count += 1
    }

    mutating func record(_ batchValues: UnsafePointer<Double>) {
        values.update(from: batchValues, count: count)
        evaluated = true
    }

    func value(of point: NelderMeadMachine.Point) -> Double? {
        guard evaluated else { return nil }
        for k in 0..<count where sameCoordinates(points[k], point) { return values[k] }
        return nil
    }
}

/// Equal bit for bit (so −0 and 0 differ, and a NaN matches the same NaN): only then is a value
/// known to be the one the objective would return.
/// A lane-wise mask rather than `==`, which compiles to a loop through memory.
@inline(__always) func sameCoordinates(_ a: SIMD4<Double>, _ b: SIMD4<Double>) -> Bool {
    all(unsafeBitCast(a, to: SIMD4<UInt64>.self) .== unsafeBitCast(b, to: SIMD4<UInt64>.self))
}
