/// Why a solve, factorisation or inverse has no answer. A singular or
/// ill-conditioned input is an ordinary outcome here (a rank-deficient
/// design, a flat likelihood surface), never a trap: callers decide whether
/// it is an error for their user or a reason to take another route.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No usable pivot in this column (0-based) during elimination: the matrix
    /// is singular to working precision, or its entries are not finite.
    case singular(column: Int)
    /// Invertible on paper, but the reciprocal condition number (1-norm) is
    /// below machine epsilon, so the inverse carries no correct digits.
    case illConditioned(reciprocalCondition: Double)
    /// A Cholesky pivot (0-based) was not safely positive.
    case notPositiveDefinite(pivot: Int)
    /// A least-squares column (0-based) is, to working precision, a linear
    /// combination of the columns before it.
    case dependentColumn(Int)
    /// The result holds infinities or NaNs (the input overflowed).
    case notFinite

    /// A clause for a user's message, with 1-based column and pivot numbers
    /// ("the matrix is singular (no pivot in column 2)").
    public var description: String {
        switch self {
        case .singular(let column): return "the matrix is singular (no pivot in column \(column + 1))"
        case .illConditioned(let rcond):
            return "the matrix is too ill-conditioned to invert (reciprocal condition number \(rcond))"
        case .notPositiveDefinite(let pivot): return "the matrix is not positive definite (pivot \(pivot + 1))"
        case .dependentColumn(let column):
            return "column \(column + 1) is a linear combination of the columns before it"
        case .notFinite: return "the result is not finite"
        }
    }
}
