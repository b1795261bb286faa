import Testing

@testable import LinearAlgebra

@Suite struct CholeskyTests {
    @Test func factorsAPositiveDefiniteMatrix() throws {
        let a = Matrix(rowArrays: [[4, 12, -16], [12, 37, -43], [-16, -43, 98]])
        let l = try a.choleskyLower(minimumPivot: 1e-10)
        #expect(l == Matrix(rowArrays: [[2, 0, 0], [6, 1, 0], [-8, 5, 3]]))
        #expect(l * l.transposed == a)
    }

    @Test func readsOnlyTheLowerTriangle() throws {
        let full = Matrix(rowArrays: [[4, 2], [2, 3]]), lower = Matrix(rowArrays: [[4, 0], [2, 3]])
        #expect(try full.choleskyLower(minimumPivot: 0) == lower.choleskyLower(minimumPivot: 0))
    }

    @Test func refusesMatricesThatAreNotPositiveDefinite() {
        let indefinite = Matrix(rowArrays: [[1, 2], [2, 1]])
        #expect(throws: LinearAlgebraError.notPositiveDefinite(pivot: 1)) {
            try indefinite.choleskyLower(minimumPivot: 1e-10)
        }
        #expect(throws: LinearAlgebraError.notPositiveDefinite(pivot: 0)) {
            try Matrix(rowArrays: [[.nan]]).choleskyLower(minimumPivot: 0)
        }
    }

    @Test func semidefiniteGivesZeroColumnsForDirectionsWithoutVariance() {
        // Rank 1: the second direction has no variance.
        let a = Matrix(rowArrays: [[1, 1], [1, 1]])
        let l = a.semidefiniteCholeskyLower(relativeTolerance: 1e-12)
        #expect(l == Matrix(rowArrays: [[1, 0], [1, 0]]))
        #expect(
            Matrix(rows: 2, columns: 2).semidefiniteCholeskyLower(relativeTolerance: 1e-12)
                == Matrix(rows: 2, columns: 2))
    }
}
