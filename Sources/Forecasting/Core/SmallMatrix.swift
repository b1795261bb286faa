/// A small dense matrix, row-major: enough linear algebra for forecast
/// variances. Products skip zero entries, so the sparse shift and selection
/// matrices of state-space models cost little.
struct SmallMatrix: Equatable {
    let rows: Int
    let columns: Int
    var values: [Double]

    init(rows: Int, columns: Int, values: [Double]? = nil) {
        self.rows = rows
        self.columns = columns
        self.values = values ?? [Double](repeating: 0, count: rows * columns)
    }

    static func identity(_ n: Int) -> SmallMatrix {
        var m = SmallMatrix(rows: n, columns: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    subscript(i: Int, j: Int) -> Double {
        get { values[i * columns + j] }
        set { values[i * columns + j] = newValue }
    }

    var transposed: SmallMatrix {
        var t = SmallMatrix(rows: columns, columns: rows)
        for i in 0..<rows { for j in 0..<columns { t[j, i] = self[i, j] } }
        return t
    }

    static func * (a: SmallMatrix, b: SmallMatrix) -> SmallMatrix {
        precondition(a.columns == b.rows, "SmallMatrix: \(a.rows)×\(a.columns) times \(b.rows)×\(b.columns)")
        var c = SmallMatrix(rows: a.rows, columns: b.columns)
        for i in 0..<a.rows {
            for k in 0..<a.columns {
                let aik = a.values[i * a.columns + k]
                if aik == 0 { continue }
                for j in 0..<b.columns { c.values[i * c.columns + j] += aik * b.values[k * b.columns + j] }
            }
        }
        return c
    }

    static func + (a: SmallMatrix, b: SmallMatrix) -> SmallMatrix {
        SmallMatrix(rows: a.rows, columns: a.columns, values: zip(a.values, b.values).map { $0 + $1 })
    }

    static func * (s: Double, a: SmallMatrix) -> SmallMatrix {
        SmallMatrix(rows: a.rows, columns: a.columns, values: a.values.map { s * $0 })
    }

    /// The Kronecker product a ⊗ b.
    static func kronecker(_ a: SmallMatrix, _ b: SmallMatrix) -> SmallMatrix {
        var c = SmallMatrix(rows: a.rows * b.rows, columns: a.columns * b.columns)
        for i in 0..<a.rows {
            for j in 0..<a.columns {
                let aij = a[i, j]
                if aij == 0 { continue }
                for k in 0..<b.rows { for l in 0..<b.columns { c[i * b.rows + k, j * b.columns + l] = aij * b[k, l] } }
            }
        }
        return c
    }

    /// The columns stacked into one column vector (R's c(M) / vec).
    var vectorized: SmallMatrix {
        var v = SmallMatrix(rows: rows * columns, columns: 1)
        for j in 0..<columns { for i in 0..<rows { v.values[j * rows + i] = self[i, j] } }
        return v
    }
}
