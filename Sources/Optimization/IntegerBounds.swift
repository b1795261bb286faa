/// Bounds for a search over whole numbers: each bound a whole number, or
/// infinite where the search allows it. Values are kept as Int for exact
/// lattice arithmetic; an infinite side is nil.
struct IntegerBounds {
    let lower: [Int?]
    let upper: [Int?]

    init(_ box: BoxBounds, optimizer: String) throws(OptimizationError) {
        func whole(_ values: [Double], _ name: String) throws(OptimizationError) -> [Int?] {
            var result: [Int?] = []
            for (i, v) in values.enumerated() {
                if v.isInfinite { result.append(nil); continue }
                guard let k = exactInteger(v) else {
                    throw OptimizationError(
                        "\(optimizer) searches whole numbers: option '\(name)' must be a whole number for variable \(i + 1), got \(v)"
                    )
                }
                result.append(k)
            }
            return result
        }
        lower = try whole(box.lower, "lower")
        upper = try whole(box.upper, "upper")
    }

    func contains(variable i: Int, _ value: Int) -> Bool {
        (lower[i].map { value >= $0 } ?? true) && (upper[i].map { value <= $0 } ?? true)
    }
}

/// v as an Int when it is a whole number within ±2⁵³ (where doubles still count in steps of one).
func exactInteger(_ v: Double) -> Int? {
    guard v.isFinite, v == v.rounded(), abs(v) <= 9_007_199_254_740_992 else { return nil }
    return Int(v)
}

/// A start point of whole numbers inside the bounds, or an error naming the optimizer.
func integerStart(_ x0: [Double], within bounds: IntegerBounds, optimizer: String) throws(OptimizationError) -> [Int] {
    try validateStart(x0, dimension: bounds.lower.count, optimizer: optimizer)
    var start: [Int] = []
    for (i, v) in x0.enumerated() {
        guard let k = exactInteger(v) else {
            throw OptimizationError(
                "\(optimizer) searches whole numbers: x0 must be whole numbers, got \(v) for variable \(i + 1)")
        }
        start.append(k)
    }
    for i in 0..<start.count where !bounds.contains(variable: i, start[i]) {
        let lo = bounds.lower[i].map(String.init) ?? "-inf", hi = bounds.upper[i].map(String.init) ?? "inf"
        throw OptimizationError(
            "\(optimizer): x0 is \(start[i]) for variable \(i + 1), outside its bounds [\(lo), \(hi)]")
    }
    return start
}
