/// Dense linear algebra for the small matrices of limited-memory methods
/// (at most 2m × 2m, m the memory): Gaussian elimination with partial pivoting.
enum SmallDense {
    /// The solution of A x = b, or nil when A is singular to working precision.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        solve(a, columns: b.map { [$0] }).map { $0.map { $0[0] } }
    }

    /// A⁻¹, or nil when A is singular to working precision.
    static func inverse(_ a: [[Double]]) -> [[Double]]? {
        let n = a.count
        let identity = (0..<n).map { i in (0..<n).map { j in i == j ? 1.0 : 0.0 } }
        return solve(a, columns: identity)
    }

    /// Solves A X = B for the columns of B (given row by row).
    private static func solve(_ a: [[Double]], columns b: [[Double]]) -> [[Double]]? {
        let n = a.count
        var m = a, x = b
        let scale = a.joined().map(abs).max() ?? 0
        guard scale.isFinite, scale > 0 else { return nil }
        for col in 0..<n {
            guard let pivot = (col..<n).max(by: { abs(m[$0][col]) < abs(m[$1][col]) }),
                  abs(m[pivot][col]) > Double(n) * .ulpOfOne * scale else { return nil }
            m.swapAt(col, pivot)
            x.swapAt(col, pivot)
            for row in (col + 1)..<n where m[row][col] != 0 {
                let factor = m[row][col] / m[col][col]
                for k in col..<n { m[row][k] -= factor * m[col][k] }
                for k in 0..<x[row].count { x[row][k] -= factor * x[col][k] }
            }
        }
        for row in stride(from: n - 1, through: 0, by: -1) {
            for k in 0..<x[row].count {
                var sum = x[row][k]
                for j in (row + 1)..<n { sum -= m[row][j] * x[j][k] }
                x[row][k] = sum / m[row][row]
            }
        }
        return x.joined().allSatisfy(\.isFinite) ? x : nil
    }

    static func times(_ a: [[Double]], _ v: [Double]) -> [Double] { a.map { dot($0, v) } }
}

func dot(_ a: [Double], _ b: [Double]) -> Double {
    var sum = 0.0
    for i in 0..<min(a.count, b.count) { sum += a[i] * b[i] }
    return sum
}
