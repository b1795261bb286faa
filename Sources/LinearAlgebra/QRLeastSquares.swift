/// Ordinary least squares by Householder QR, keeping what inference needs:
/// the coefficients and the inverse of the triangular factor R, so that
/// (X'X)⁻¹ = R⁻¹R⁻ᵀ without ever forming X'X (whose condition number is the
/// square of X's). Unlike `LeastSquares.fit` it refuses a dependent column
/// (`LinearAlgebraError.dependentColumn`, the first such, 0-based).
public struct QRLeastSquares: Sendable {
    /// β̂, one per column of X.
    public let coefficients: [Double]
    /// R⁻¹, upper triangular, row-major p × p.
    public let inverseR: [Double]
    /// p, the number of columns of X: the length of `coefficients` and the order of `inverseR`.
    public let columnCount: Int

    /// A solution saved earlier (`coefficients` and `inverseR` as `solve` made them).
    public init(coefficients: [Double], inverseR: [Double], columnCount: Int) {
        self.coefficients = coefficients
        self.inverseR = inverseR
        self.columnCount = columnCount
    }

    /// Relative size below which a column counts as dependent once the earlier
    /// columns are projected out: the tolerance of R's lm (dqrdc2), 1e-7.
    public static let dependenceTolerance = 1e-7

    /// Solves min ‖y − Xβ‖ for X given as columns of equal length n ≥ p.
    public static func solve(columns: [[Double]], _ y: [Double]) throws(LinearAlgebraError) -> QRLeastSquares {
        let n = y.count, p = columns.count
        precondition(columns.allSatisfy { $0.count == n } && n >= p, "QRLeastSquares: shape")
        var a = columns  // column-major; becomes R above the diagonal and the reflectors below
        var qty = y
        var diagonal = [Double](repeating: 0, count: p)
        for j in 0..<p {
            let original = norm(columns[j], from: 0)
            let remaining = norm(a[j], from: j)
            if remaining <= dependenceTolerance * original || remaining == 0 { throw .dependentColumn(j) }
            // Reflect a[j][j...] onto −sign·‖·‖·e₁; v = x − αe₁, normalised by v'v/2.
            let alpha = a[j][j] > 0 ? -remaining : remaining
            var v = Array(a[j][j..<n])
            v[0] -= alpha
            let half = v.reduce(0) { $0 + $1 * $1 } / 2
            func reflect(_ x: inout [Double]) {
                var dot = 0.0
                for i in 0..<v.count { dot += v[i] * x[j + i] }
                let f = dot / half
                for i in 0..<v.count { x[j + i] -= f * v[i] }
            }
            for k in stride(from: j + 1, to: p, by: 1) { reflect(&a[k]) }
            reflect(&qty)
            diagonal[j] = alpha
        }
        // R[i][k] = a[k][i] for i < k, R[k][k] = diagonal[k].
        func r(_ i: Int, _ k: Int) -> Double { i == k ? diagonal[k] : a[k][i] }
        var beta = [Double](repeating: 0, count: p)
        for i in stride(from: p - 1, through: 0, by: -1) {
            var s = qty[i]
            for k in stride(from: i + 1, to: p, by: 1) { s -= r(i, k) * beta[k] }
            beta[i] = s / r(i, i)
        }
        // R⁻¹ column by column: R · (R⁻¹)[:, c] = e_c, by back substitution.
        var inverse = [Double](repeating: 0, count: p * p)
        for c in 0..<p {
            for i in stride(from: c, through: 0, by: -1) {
                var s = i == c ? 1.0 : 0.0
                for k in stride(from: i + 1, through: c, by: 1) { s -= r(i, k) * inverse[k * p + c] }
                inverse[i * p + c] = s / r(i, i)
            }
        }
        return QRLeastSquares(coefficients: beta, inverseR: inverse, columnCount: p)
    }

    private static func norm(_ x: [Double], from start: Int) -> Double {
        // Scaled, so that huge or tiny covariates neither overflow nor underflow.
        let scale = x[start...].reduce(0) { max($0, abs($1)) }
        guard scale > 0, scale.isFinite else { return scale }
        return scale * x[start...].reduce(0) { $0 + ($1 / scale) * ($1 / scale) }.squareRoot()
    }

    /// Diagonal of (X'X)⁻¹: the squared row norms of R⁻¹.
    public var unscaledVariances: [Double] {
        let p = columnCount
        return (0..<p).map { i in (i..<p).reduce(0) { $0 + inverseR[i * p + $1] * inverseR[i * p + $1] } }
    }

    /// x'(X'X)⁻¹x = ‖R⁻ᵀx‖²: the leverage of a new row x.
    public func leverage(_ x: [Double]) -> Double {
        let p = columnCount
        var total = 0.0
        for c in 0..<p {
            // (R⁻ᵀx)[c] = Σ_i R⁻¹[i][c]·x[i], with R⁻¹ upper triangular (i ≤ c).
            var u = 0.0
            for i in 0...c { u += inverseR[i * p + c] * x[i] }
            total += u * u
        }
        return total
    }

    /// R⁻¹z: a draw with covariance (X'X)⁻¹ when z is standard normal.
    public func correlated(_ z: [Double]) -> [Double] {
        let p = columnCount
        return (0..<p).map { i in (i..<p).reduce(0) { $0 + inverseR[i * p + $1] * z[$1] } }
    }
}
