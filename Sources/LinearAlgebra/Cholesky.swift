extension Matrix {
    /// The lower-triangular L with L Lᵀ = A for a positive definite A: throws
    /// `.notPositiveDefinite` at the first pivot (before its square root) that
    /// is not above `minimumPivot` or is NaN. See `factorCholesky` for what is read.
    public func choleskyLower(minimumPivot: Double) throws(LinearAlgebraError) -> Matrix {
        var failed: Int?
        let l = factorCholesky { s, j in
            guard s > minimumPivot else { failed = j; return false }
            return true
        }
        if let failed { throw .notPositiveDefinite(pivot: failed) }
        return l
    }

    /// The lower-triangular L with L Lᵀ = A for a positive semi-definite A: a
    /// pivot at most `relativeTolerance` times the largest diagonal entry is a
    /// direction with no variance and gets a zero column, so this never fails.
    public func semidefiniteCholeskyLower(relativeTolerance: Double) -> Matrix {
        let n = rows
        var scale = 0.0
        for i in 0..<n { scale = max(scale, abs(values[i * n + i])) }
        let tolerance = relativeTolerance * max(scale, 1e-300)
        return factorCholesky { s, _ in s <= tolerance ? nil : true }
    }

    /// Cholesky–Crout, column by column, reading only the diagonal and the lower
    /// triangle of A (row-major), so a caller may leave the upper triangle
    /// unfilled: L[i][j] = (A[i][j] − Σ_{k<j} L[i][k]·L[j][k]) / L[j][j], k ascending.
    /// `accept(s, j)` judges pivot j before its square root: true takes it, nil
    /// leaves column j zero, false stops (the partial factor is returned).
    private func factorCholesky(_ accept: (Double, Int) -> Bool?) -> Matrix {
        precondition(rows == columns, "Matrix: Cholesky of a \(rows)×\(columns) matrix")
        let n = rows
        var l = Matrix(rows: n, columns: n)
        for j in 0..<n {
            var s = values[j * n + j]
            for k in 0..<j { s -= l.values[j * n + k] * l.values[j * n + k] }
            guard let take = accept(s, j) else { continue }
            if !take { break }
            let pivot = s.squareRoot()
            l.values[j * n + j] = pivot
            var i = j + 1
            while i < n {
                var t = values[i * n + j]
                for k in 0..<j { t -= l.values[i * n + k] * l.values[j * n + k] }
                l.values[i * n + j] = t / pivot
                i += 1
            }
        }
        return l
    }
}
