/// Exhaustive search over every whole-number point of a box [lower, upper]:
/// the global minimum on the lattice, whatever the shape of f, at the price
/// of one evaluation per point. Points are visited in lexicographic order (the
/// last variable fastest) and a tie keeps the first, so the answer does not
/// depend on rounding luck between equal values.
public enum GridSearch {
    public struct Options: Sendable {
        /// The box may hold at most this many points; a larger one is refused up front.
        public var maxEvaluations = 100_000
        public init() {}
    }

    public static func minimize(
        _ f: @escaping ([Double]) throws -> Double, lower: [Double], upper: [Double],
        options: Options = Options()
    ) throws -> OptimizationResult {
        guard !lower.isEmpty else { throw OptimizationError("grid_search: the bounds are empty") }
        let box = try BoxBounds(
            lower: lower, upper: upper, dimension: lower.count, optimizer: "grid_search",
            requireFinite: true)
        let bounds = try IntegerBounds(box, optimizer: "grid_search")
        let lo = bounds.lower.map { $0 ?? 0 }, hi = bounds.upper.map { $0 ?? 0 }
        let count = try pointCount(lo, hi, limit: options.maxEvaluations)

        var objective = CountingObjective(f: f)
        var point = lo
        var best = lo, bestValue = Double.infinity
        for _ in 0..<count {
            let value = try objective(point.map(Double.init))
            if value < bestValue || objective.evaluations == 1 { (best, bestValue) = (point, value) }
            // Next point: advance the last variable, carrying into earlier ones.
            var i = point.count - 1
            while i >= 0 {
                if point[i] < hi[i] { point[i] += 1; break }
                point[i] = lo[i]
                i -= 1
            }
        }
        return OptimizationResult(
            x: best.map(Double.init), value: bestValue, iterations: count,
            evaluations: objective.evaluations, converged: true,
            message: "searched all \(count) points of the box")
    }

    /// Π (upperᵢ − lowerᵢ + 1), refused when above the budget. Bounds are
    /// within ±2⁵³, so each width fits an Int; only the product can overflow.
    static func pointCount(_ lo: [Int], _ hi: [Int], limit: Int) throws(OptimizationError) -> Int {
        var count = 1, overflowed = false
        var size = 1.0  // in floating point too, for the message when the product overflows
        for i in 0..<lo.count {
            let width = hi[i] - lo[i] + 1
            size *= Double(width)
            let (product, overflow) = count.multipliedReportingOverflow(by: width)
            overflowed = overflowed || overflow
            count = product
        }
        guard !overflowed, count <= limit else {
            throw OptimizationError(
                "grid_search: the box holds \(overflowed ? formatCount(size) : String(count)) points, more than max_evaluations (\(limit)); narrow 'lower' and 'upper' or raise 'max_evaluations'"
            )
        }
        return count
    }

    private static func formatCount(_ x: Double) -> String { x < 1e15 ? String(Int(x)) : "\(x)" }
}
