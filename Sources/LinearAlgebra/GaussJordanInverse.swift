extension Matrix {
    /// A⁻¹ by Gauss–Jordan elimination with partial pivoting, refused as R's
    /// solve() refuses it: when the reciprocal 1-norm condition number is
    /// below machine epsilon. ARIMA's coefficient covariance and starting
    /// regression depend on exactly this judgement (and this operation order),
    /// so it stays a routine of its own beside `inverse()`.
    public func inverseCheckingCondition() throws(LinearAlgebraError) -> Matrix {
        precondition(rows == columns, "Matrix.inverseCheckingCondition: \(rows)×\(columns) is not square")
        let n = rows
        guard n > 0 else { return self }
        var m = values
        var inv = Matrix.identity(n).values
        for col in 0..<n {
            var pivot = col
            for row in (col + 1)..<max(n, col + 1) where abs(m[row * n + col]) > abs(m[pivot * n + col]) { pivot = row }
            let pv = m[pivot * n + col]
            if pv == 0 || !pv.isFinite { throw .singular(column: col) }
            if pivot != col {
                for c in 0..<n {
                    m.swapAt(col * n + c, pivot * n + c)
                    inv.swapAt(col * n + c, pivot * n + c)
                }
            }
            for row in 0..<n where row != col {
                let f = m[row * n + col] / pv
                if f == 0 { continue }
                for c in 0..<n {
                    m[row * n + c] -= f * m[col * n + c]
                    inv[row * n + c] -= f * inv[col * n + c]
                }
            }
        }
        for row in 0..<n {
            let d = m[row * n + row]
            for c in 0..<n { inv[row * n + c] /= d }
        }
        let inverse = Matrix(rows: n, columns: n, values: inv)
        let rcond = 1 / (oneNorm * inverse.oneNorm)
        guard rcond.isFinite, rcond >= Double.ulpOfOne else { throw .illConditioned(reciprocalCondition: rcond) }
        return inverse
    }

    /// The largest absolute column sum.
    public var oneNorm: Double {
        var best = 0.0
        for c in 0..<columns {
            var s = 0.0
            for r in 0..<rows { s += abs(values[r * columns + c]) }
            best = max(best, s)
        }
        return best
    }
}
