/// Products and sums of `Matrix`. Products skip zero entries of the left
/// factor, so the sparse shift and selection matrices of state-space models
/// cost little; sums run in index order, so results never depend on sparsity.
extension Matrix {
    /// The matrix product A B; A's column count must equal B's row count (a precondition).
    public static func * (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.columns == b.rows, "Matrix: \(a.rows)×\(a.columns) times \(b.rows)×\(b.columns)")
        var c = Matrix(rows: a.rows, columns: b.columns)
        for i in 0..<a.rows {
            for k in 0..<a.columns {
                let aik = a.values[i * a.columns + k]
                if aik == 0 { continue }
                for j in 0..<b.columns { c.values[i * c.columns + j] += aik * b.values[k * b.columns + j] }
            }
        }
        return c
    }

    /// The element-wise sum A + B; the shapes must match (a precondition).
    public static func + (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.columns == b.columns, "Matrix: sum of different shapes")
        return Matrix(rows: a.rows, columns: a.columns, values: zip(a.values, b.values).map { $0 + $1 })
    }

    /// Every element multiplied by the scalar s.
    public static func * (s: Double, a: Matrix) -> Matrix {
        Matrix(rows: a.rows, columns: a.columns, values: a.values.map { s * $0 })
    }

    /// A v: each row's dot product with v, summed left to right.
    public func times(_ v: [Double]) -> [Double] {
        precondition(v.count >= columns, "Matrix: \(rows)×\(columns) times a vector of \(v.count)")
        var out = [Double](repeating: 0, count: rows)
        for i in 0..<rows {
            var sum = 0.0
            for j in 0..<columns { sum += values[i * columns + j] * v[j] }
            out[i] = sum
        }
        return out
    }

    /// The Kronecker product a ⊗ b.
    public static func kronecker(_ a: Matrix, _ b: Matrix) -> Matrix {
        var c = Matrix(rows: a.rows * b.rows, columns: a.columns * b.columns)
        for i in 0..<a.rows {
            for j in 0..<a.columns {
                let aij = a[i, j]
                if aij == 0 { continue }
                for k in 0..<b.rows { for l in 0..<b.columns { c[i * b.rows + k, j * b.columns + l] = aij * b[k, l] } }
            }
        }
        return c
    }
}
