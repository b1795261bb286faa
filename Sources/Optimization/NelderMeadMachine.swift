/// `ClampedNelderMead.minimize` restated as a machine that asks for one point at a time:
/// `request` is the point whose value the search needs next and `supply` hands it over.
/// Every step is the scalar search's, operation for operation, so fed the same values it
/// visits the same points and ends in the same place, while `appendLikelyNext` tells a batched
/// objective what it will probably ask for after that. Up to four coordinates (CES has
/// at most four), one SIMD vector a point; the vertices live in one allocation, read and
/// written without the checks an array makes, which the search's bookkeeping notices.
struct NelderMeadMachine: ~Copyable {
    static let maxDimension = 4
    typealias Point = SIMD4<Double>

    /// What `request` is: a vertex of the first simplex, a trial point of the current
    /// iteration, or a vertex of a shrink.
    enum Phase: Equatable { case initial(Int), reflect, expand, outer, inner, shrink(Int), done }

    let n: Int
    private let lower: Point, upper: Point
    private let expansion: Double, contraction: Double, shrinkage: Double
    private let valueTolerance: Double, maxIterations: Int
    private let simplex: UnsafeMutablePointer<Point>
    private let values: UnsafeMutablePointer<Double>
    private let order: UnsafeMutablePointer<Int>
    private var centroid = Point.zero, reflected = Point.zero
    private var fReflected = 0.0
    private var best = 0, worst = 0, secondWorst = 0
    private var iteration = 0
    private(set) var evaluations = 0
    private(set) var phase: Phase = .initial(0)
    /// The point whose value the search needs next (coordinates past `n` are zero).
    private(set) var request = Point.zero

    init(_ search: ClampedNelderMead, start: [Double], lower: [Double], upper: [Double]) {
        n = start.count
        precondition(
            n > 0 && n <= Self.maxDimension && lower.count == n && upper.count == n,
            "NelderMeadMachine: 1 to \(Self.maxDimension) coordinates, with bounds for each")
        var lo = Point.zero, hi = Point.zero
        for i in 0..<n { lo[i] = lower[i]; hi[i] = upper[i] }
        self.lower = lo
        self.upper = hi
        let dim = Double(n)
        expansion = 1 + 2 / dim
        contraction = 0.75 - 1 / (2 * dim)
        shrinkage = 1 - 1 / dim
        // Bounds: simplex, values and order hold n + 1 entries, one per vertex; every vertex index
        // used is j in 0…n, or best, worst, secondWorst, which are entries of `order` (a permutation
        // of 0…n once `rank` has run; rank writes order[k] for k ≤ j ≤ n before reading order[k − 1]).
        // Shrinks stop at j > n. Coordinates are SIMD4 lanes i < n ≤ 4.
        simplex = .allocate(capacity: n + 1)
        simplex.initialize(repeating: .zero, count: n + 1)
        values = .allocate(capacity: n + 1)
        values.initialize(repeating: 0, count: n + 1)
        order = .allocate(capacity: n + 1)
        order.initialize(repeating: 0, count: n + 1)
        valueTolerance = search.valueTolerance
        maxIterations = search.maxIterations
        var first = Point.zero
        for i in 0..<n { first[i] = start[i] }
        first = clamp(first)
        for j in 0...n { simplex[j] = first }
        for i in 0..<n {
            let value = simplex[i][i]
            simplex[i][i] = Swift.min(
                Swift.max(value == 0 ? search.zeroStep : value * (1 + search.relativeStep), lo[i]), hi[i])
        }
        request = simplex[0]
    }

    deinit {
        simplex.deallocate()
        values.deallocate()
        order.deallocate()
    }

    /// The scalar search's `min(max(x, lower), upper)` lane by lane, NaN and signed zeros included
    /// (`max(x, y)` is `y >= x ? y : x`, `min(x, y)` is `y < x ? y : x`), without leaving the
    /// vector registers.
    @inline(__always) private func clamp(_ x: Point) -> Point {
        let raised = x.replacing(with: lower, where: lower .>= x)
        return raised.replacing(with: upper, where: upper .< raised)
    }

    /// Gives the value of `request` and moves on to the next point the search needs.
    mutating func supply(_ value: Double) {
        evaluations += 1
        switch phase {
        case .initial(let j):
            values[j] = value
            if j < n {
                phase = .initial(j + 1)
                request = simplex[j + 1]
            } else {
                beginIteration()
            }
        case .reflect:
            fReflected = value
            if values[best] <= value && value < values[secondWorst] {
                replaceWorst(reflected, value)
            } else if value < values[best] {
                ask(.expand, expanded(centroid, reflected))
            } else if values[secondWorst] <= value && value < values[worst] {
                ask(.outer, outerContraction(centroid, reflected))
            } else {
                ask(.inner, innerContraction(centroid, reflected))
            }
        case .expand:
            if value < fReflected { replaceWorst(request, value) } else { replaceWorst(reflected, fReflected) }
        case .outer:
            if value <= fReflected { replaceWorst(request, value) } else { shrink(after: -1) }
        case .inner:
            if value < values[worst] { replaceWorst(request, value) } else { shrink(after: -1) }
        case .shrink(let j):
            values[j] = value
            shrink(after: j)
        case .done:
            preconditionFailure("NelderMeadMachine: the search has ended")
        }
    }

    // The trial points of an iteration with centroid c and reflection r, and a shrunk vertex,
    // as the scalar search computes them.
    @inline(__always) private func reflection(_ c: Point, of worst: Point) -> Point { clamp(c + 1.0 * (c - worst)) }
    @inline(__always) private func expanded(_ c: Point, _ r: Point) -> Point { clamp(c + expansion * (r - c)) }
    @inline(__always) private func outerContraction(_ c: Point, _ r: Point) -> Point {
        clamp(c + contraction * (r - c))
    }
    @inline(__always) private func innerContraction(_ c: Point, _ r: Point) -> Point {
        clamp(c - contraction * (r - c))
    }
    @inline(__always) private func shrunk(_ j: Int) -> Point {
        let b = simplex[best]
        return clamp(b + shrinkage * (simplex[j] - b))
    }

    private mutating func ask(_ next: Phase, _ point: Point) {
        phase = next
        request = point
    }

    private mutating func replaceWorst(_ point: Point, _ value: Double) {
        simplex[worst] = point
        values[worst] = value
        iteration += 1
        beginIteration()
    }

    /// Moves every vertex but the best toward it, one request per vertex in index order.
    private mutating func shrink(after previous: Int) {
        var j = previous + 1
        if j == best { j += 1 }
        guard j <= n else {
            iteration += 1
            beginIteration()
            return
        }
        simplex[j] = shrunk(j)
        ask(.shrink(j), simplex[j])
    }

    private mutating func beginIteration() {
        guard iteration < maxIterations,
            ClampedNelderMead.spread(of: UnsafeBufferPointer(start: values, count: n + 1), reaches: valueTolerance)
        else {
            phase = .done
            return
        }
        rank()
        reflected = reflection(centroid, of: simplex[worst])
        ask(.reflect, reflected)
    }

    /// The scalar search's ranking: a stable sort of the vertices by value, and the centroid of
    /// all but the worst from the sum of all (in index order) less the worst.
    private mutating func rank() {
        for j in 0...n {
            var k = j
            while k > 0 && values[j] < values[order[k - 1]] {
                order[k] = order[k - 1]
                k -= 1
            }
            order[k] = j
        }
        best = order[0]
        worst = order[n]
        secondWorst = order[n - 1]
        var sum = Point.zero
        for j in 0...n { sum += simplex[j] }
        centroid = (sum - simplex[worst]) / Point(repeating: Double(n))
    }

    /// The best vertex, reported as the scalar search reports it.
    var result: ClampedNelderMead.Result {
        var b = 0
        for j in 1...n where values[j] < values[b] { b = j }
        return .init(
            x: (0..<n).map { simplex[b][$0] }, value: values[b], iterations: iteration + 1,
            evaluations: evaluations)
    }

    /// Appends, most likely first, the points the search will probably ask for after `request`,
    /// until `batch` is full: the other vertices of a first simplex or a shrink; after a
    /// reflection, its inner contraction, its expansion and the next reflection should it be
    /// accepted (an outer contraction is rare); after an expansion, the next reflection for
    /// either point kept; after a contraction, the next reflection should it be kept without
    /// becoming the worst (nearly always so) and then that iteration's own contractions.
    /// Guesses that turn out wrong cost a lane, never a result.
    func appendLikelyNext(to batch: inout PointBatch) {
        switch phase {
        case .initial(let j):
            for k in (j + 1)..<(n + 1) where !batch.isFull { batch.appendIfNew(simplex[k]) }
        case .shrink(let j):
            for k in (j + 1)..<(n + 1) where k != best && !batch.isFull { batch.appendIfNew(shrunk(k)) }
        case .reflect:
            batch.appendIfNew(innerContraction(centroid, reflected))
            batch.appendIfNew(expanded(centroid, reflected))
            appendNext(replacingWorstWith: request, to: &batch)
            batch.appendIfNew(outerContraction(centroid, reflected))
        case .expand:
            appendNext(replacingWorstWith: request, to: &batch)
            appendNext(replacingWorstWith: reflected, to: &batch, followUps: true)
        case .outer, .inner:
            appendNext(replacingWorstWith: request, to: &batch, followUps: true)
            appendNext(replacingWorstWith: request, to: &batch, asWorst: true)
        case .done:
            break
        }
    }

    /// The next iteration's reflection once `point` has replaced the worst vertex and either the
    /// old second worst or `point` itself is the new worst (the sum is taken in index order, as
    /// `rank` takes it); with `followUps`, that iteration's inner contraction and expansion too.
    private func appendNext(
        replacingWorstWith point: Point, to batch: inout PointBatch,
        asWorst: Bool = false, followUps: Bool = false
    ) {
        guard !batch.isFull else { return }
        var sum = Point.zero
        for j in 0...n { sum += j == worst ? point : simplex[j] }
        let newWorst = asWorst ? point : simplex[secondWorst]
        let c = (sum - newWorst) / Point(repeating: Double(n))
        let r = reflection(c, of: newWorst)
        batch.appendIfNew(r)
        if followUps {
            batch.appendIfNew(innerContraction(c, r))
            batch.appendIfNew(expanded(c, r))
        }
    }
}
