extension LeastSquares {
    /// Least squares y ~ X − 1 with R's lm summary: the coefficients of `fit`
    /// and their standard errors, σ̂²·diag((X′X)⁻¹) with X′X inverted by
    /// `inverseCheckingCondition` (so a near-singular design is refused as R
    /// refuses it). Needs n > k ≥ 1; throws when X′X cannot be inverted.
    public static func summary(columns: [[Double]], _ y: [Double])
        throws(LinearAlgebraError) -> (coefficients: [Double], standardErrors: [Double])
    {
        let k = columns.count, n = y.count
        guard k > 0, n > k else { throw .singular(column: 0) }
        let solution = Self.fit(columns: columns, y)
        var xtx = Matrix(rows: k, columns: k)
        for i in 0..<k {
            for j in i..<k {
                var s = 0.0
                for t in 0..<n { s += columns[i][t] * columns[j][t] }
                xtx[i, j] = s
                xtx[j, i] = s
            }
        }
        let inv = try xtx.inverseCheckingCondition()
        let rss = solution.residuals.reduce(0) { $0 + $1 * $1 }
        let s2 = rss / Double(n - k)
        return (solution.coefficients, (0..<k).map { (s2 * inv[$0, $0]).squareRoot() })
    }
}
