/// A small dense matrix of doubles, stored row by row.
///
/// The one matrix type of Almanac's numerical code (state-space variances,
/// L-BFGS-B's compact Hessian, the solves below). It is a plain value: the
/// routines that sit in hot loops work on its `values` in place and never
/// allocate per element. Accessors are `@inlinable` so a caller in another
/// module compiles them into its own loops.
public struct Matrix: Equatable, Sendable {
    /// The number of rows (≥ 0).
    public let rows: Int
    /// The number of columns (≥ 0); `values` holds rows · columns entries.
    public let columns: Int
    /// Row-major: element (i, j) is `values[i * columns + j]`.
    public var values: [Double]

    /// A `rows` × `columns` matrix, zero unless `values` (row-major, `rows · columns` of them) are given.
    @inlinable
    public init(rows: Int, columns: Int, values: [Double]? = nil) {
        self.rows = rows
        self.columns = columns
        self.values = values ?? [Double](repeating: 0, count: rows * columns)
    }

    /// The matrix whose rows are `rows` (all of the same length).
    public init(rowArrays: [[Double]]) {
        let width = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == width }, "Matrix: rows of different lengths")
        self.init(rows: rowArrays.count, columns: width, values: Array(rowArrays.joined()))
    }

    /// The n × n identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    /// Element (i, j); bounds are checked by the array.
    @inlinable
    public subscript(i: Int, j: Int) -> Double {
        get { values[i * columns + j] }
        set { values[i * columns + j] = newValue }
    }

    /// Aᵀ, as a new columns × rows matrix.
    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for i in 0..<rows { for j in 0..<columns { t[j, i] = self[i, j] } }
        return t
    }

    /// The columns stacked into one column vector (R's c(M) / vec).
    public var vectorized: Matrix {
        var v = Matrix(rows: rows * columns, columns: 1)
        for j in 0..<columns { for i in 0..<rows { v.values[j * rows + i] = self[i, j] } }
        return v
    }
}
