/// Lower and upper bounds on each variable, checked once with messages that
/// name the optimizer and the option at fault. A missing side is unbounded.
struct BoxBounds: Sendable {
    let lower: [Double]
    let upper: [Double]

    init(
        lower: [Double]?, upper: [Double]?, dimension n: Int, optimizer: String,
        requireFinite: Bool = false
    ) throws(OptimizationError) {
        if requireFinite, lower == nil || upper == nil {
            throw OptimizationError("\(optimizer) needs finite bounds: give both options 'lower' and 'upper'")
        }
        let lower = lower ?? [Double](repeating: -.infinity, count: n)
        let upper = upper ?? [Double](repeating: .infinity, count: n)
        for (name, values) in [("lower", lower), ("upper", upper)] {
            guard values.count == n else {
                throw OptimizationError("\(optimizer): option '\(name)' has \(values.count) values for \(n) variables")
            }
            for (i, v) in values.enumerated() {
                if v.isNaN { throw OptimizationError("\(optimizer): option '\(name)' is NaN for variable \(i + 1)") }
                if requireFinite, !v.isFinite {
                    throw OptimizationError(
                        "\(optimizer) needs finite bounds: option '\(name)' is \(v) for variable \(i + 1)")
                }
            }
        }
        for i in 0..<n where lower[i] > upper[i] {
            throw OptimizationError(
                "\(optimizer): option 'lower' (\(lower[i])) is above option 'upper' (\(upper[i])) for variable \(i + 1)"
            )
        }
        self.lower = lower
        self.upper = upper
    }

    var dimension: Int { lower.count }
    var hasAnyBound: Bool { lower.contains { $0 > -.infinity } || upper.contains { $0 < .infinity } }
    var hasEveryBound: Bool { lower.allSatisfy(\.isFinite) && upper.allSatisfy(\.isFinite) }

    func clamp(_ x: [Double]) -> [Double] {
        (0..<x.count).map { min(max(x[$0], lower[$0]), upper[$0]) }
    }

    func contains(_ x: [Double]) -> Bool {
        (0..<x.count).allSatisfy { lower[$0] <= x[$0] && x[$0] <= upper[$0] }
    }
}

/// Checks that a start point has one finite value per variable.
func validateStart(_ x0: [Double], dimension n: Int? = nil, optimizer: String) throws(OptimizationError) {
    guard !x0.isEmpty else { throw OptimizationError("\(optimizer): the start point x0 is empty") }
    if let n, x0.count != n {
        throw OptimizationError("\(optimizer): x0 has \(x0.count) values for \(n) variables")
    }
    if let i = x0.firstIndex(where: { !$0.isFinite }) {
        throw OptimizationError("\(optimizer): x0 must be finite, got \(x0[i]) for variable \(i + 1)")
    }
}
