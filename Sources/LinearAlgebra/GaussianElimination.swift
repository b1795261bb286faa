/// Solves A X = B by Gaussian elimination with partial pivoting: forward
/// elimination on A and B together, then back substitution.
///
/// The kernel works in place on caller-owned storage and allocates nothing,
/// so the ARIMA likelihood can run it on its workspace for every evaluation;
/// `Matrix.solve` and `Matrix.inverse()` wrap it for everyone else.
public enum GaussianElimination {
    /// Overwrites `b` with the solution X of A X = B, destroying `a`.
    ///
    /// The pivot of column c is the first entry of largest magnitude in rows
    /// c…n−1; a pivot with magnitude ≤ `pivotFloor` (or NaN) fails with
    /// `.singular(column: c)`, and with `pivotFloor` 0 so does an infinite one.
    /// A row whose multiplier is 0 is left alone.
    ///
    /// Bounds: `a` holds at least n·n values (row-major n × n), `b` at least
    /// n·rhs values (row-major n × rhs). Every index below is row·n + column or
    /// row·rhs + k with row, column < n and k < rhs, so it stays inside them.
    @inlinable
    public static func solveInPlace(
        _ a: UnsafeMutablePointer<Double>, _ b: UnsafeMutablePointer<Double>,
        n: Int, rhs: Int = 1, pivotFloor: Double = 0
    ) throws(LinearAlgebraError) {
        for col in 0..<n {
            var pivot = col
            for row in (col + 1)..<max(n, col + 1) where abs(a[row * n + col]) > abs(a[pivot * n + col]) { pivot = row }
            let pv = a[pivot * n + col]
            guard abs(pv) > pivotFloor, pivotFloor > 0 || pv.isFinite else { throw .singular(column: col) }
            if pivot != col {
                for c in 0..<n { let t = a[col * n + c]; a[col * n + c] = a[pivot * n + c]; a[pivot * n + c] = t }
                for k in 0..<rhs {
                    let t = b[col * rhs + k]; b[col * rhs + k] = b[pivot * rhs + k]; b[pivot * rhs + k] = t
                }
            }
            for row in (col + 1)..<max(n, col + 1) {
                let f = a[row * n + col] / pv
                if f == 0 { continue }
                for c in col..<n { a[row * n + c] -= f * a[col * n + c] }
                for k in 0..<rhs { b[row * rhs + k] -= f * b[col * rhs + k] }
            }
        }
        var row = n - 1
        while row >= 0 {
            for k in 0..<rhs {
                var s = b[row * rhs + k]
                for c in (row + 1)..<max(n, row + 1) { s -= a[row * n + c] * b[c * rhs + k] }
                b[row * rhs + k] = s / a[row * n + row]
            }
            row -= 1
        }
    }
}

extension Matrix {
    /// The pivot floor of `solve` and `inverse()`: n·ε times the largest entry,
    /// below which a pivot is rounding noise.
    private var relativePivotFloor: Double { Double(rows) * .ulpOfOne * (values.lazy.map(abs).max() ?? 0) }

    /// X with A X = B for this square A, by `GaussianElimination` with a pivot
    /// floor relative to A's largest entry. Throws `.singular` for a singular
    /// matrix (or one with non-finite entries) and `.notFinite` when the
    /// solution overflows.
    public func solve(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        precondition(rows == columns && b.rows == rows, "Matrix.solve: \(rows)×\(columns) with \(b.rows)×\(b.columns)")
        let floor = relativePivotFloor
        guard floor.isFinite, floor > 0 else { throw .singular(column: 0) }
        var a = values, x = b.values
        let n = rows, rhs = b.columns
        // Bounds: a has n·n values and x n·rhs, as solveInPlace needs.
        try a.withUnsafeMutableBufferPointer { (ap) throws(LinearAlgebraError) in
            try x.withUnsafeMutableBufferPointer { (xp) throws(LinearAlgebraError) in
                guard let aBase = ap.baseAddress, let xBase = xp.baseAddress else { return }
                try GaussianElimination.solveInPlace(aBase, xBase, n: n, rhs: rhs, pivotFloor: floor)
            }
        }
        guard x.allSatisfy(\.isFinite) else { throw .notFinite }
        return Matrix(rows: n, columns: rhs, values: x)
    }

    /// x with A x = b; see `solve(_: Matrix)`.
    public func solve(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        try solve(Matrix(rows: b.count, columns: 1, values: b)).values
    }

    /// A⁻¹ by `solve` against the identity.
    public func inverse() throws(LinearAlgebraError) -> Matrix {
        try solve(Matrix.identity(rows))
    }
}
