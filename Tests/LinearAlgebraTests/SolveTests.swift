import Testing

@testable import LinearAlgebra

@Suite struct SolveTests {
    let a = Matrix(rowArrays: [[2, 1, 1], [4, -6, 0], [-2, 7, 2]])

    @Test func solvesWithPivoting() throws {
        let x = try a.solve([5, -2, 9])
        for (got, want) in zip(x, [1.0, 1, 2]) { #expect(abs(got - want) < 1e-12) }
        // A zero leading entry needs the row swap.
        let swapped = try Matrix(rowArrays: [[0, 1], [1, 0]]).solve([3, 4])
        #expect(swapped == [4, 3])
    }

    @Test func inversesAgree() throws {
        let lu = try a.inverse(), gaussJordan = try a.inverseCheckingCondition()
        for (p, q) in zip((a * lu).values, Matrix.identity(3).values) { #expect(abs(p - q) < 1e-12) }
        for (p, q) in zip(lu.values, gaussJordan.values) { #expect(abs(p - q) < 1e-12) }
    }

    @Test func singularMatricesThrowInsteadOfTrapping() {
        let singular = Matrix(rowArrays: [[1, 2], [2, 4]])
        #expect(throws: LinearAlgebraError.singular(column: 1)) { try singular.solve([1, 2]) }
        #expect(throws: LinearAlgebraError.singular(column: 1)) { try singular.inverseCheckingCondition() }
        #expect(throws: LinearAlgebraError.singular(column: 0)) { try Matrix(rows: 2, columns: 2).inverse() }
        #expect(throws: LinearAlgebraError.singular(column: 0)) {
            try Matrix(rowArrays: [[.nan, 1], [1, 1]]).inverse()
        }
        #expect(throws: LinearAlgebraError.singular(column: 0)) {
            try Matrix(rowArrays: [[.infinity, 1], [1, 1]]).solve([1, 1])
        }
    }

    @Test func illConditionedMatricesAreRefusedLikeR() {
        // Invertible on paper, but R's solve() refuses it: rcond < ε.
        var entries: [Double] = []
        for i in 0..<14 { for j in 0..<14 { entries.append(1 / Double(i + j + 1)) } }
        let hilbert = Matrix(rows: 14, columns: 14, values: entries)
        do throws(LinearAlgebraError) {
            _ = try hilbert.inverseCheckingCondition()
            Issue.record("a 14×14 Hilbert matrix was inverted")
        } catch {
            guard case .illConditioned(let rcond) = error else { Issue.record("\(error)"); return }
            #expect(rcond < Double.ulpOfOne)
            #expect(error.description.contains("ill-conditioned"))
        }
    }

    @Test func inPlaceKernelOnCallerStorage() throws {
        var m: [Double] = [4, 3, 6, 3]
        var b: [Double] = [10, 12]
        try m.withUnsafeMutableBufferPointer { mp in
            try b.withUnsafeMutableBufferPointer { bp in
                try GaussianElimination.solveInPlace(mp.baseAddress!, bp.baseAddress!, n: 2)
            }
        }
        #expect(abs(b[0] - 1) < 1e-12 && abs(b[1] - 2) < 1e-12)
        var z: [Double] = [0, 0, 0, 0], c: [Double] = [1, 1]
        #expect(throws: LinearAlgebraError.singular(column: 0)) {
            try z.withUnsafeMutableBufferPointer { zp in
                try c.withUnsafeMutableBufferPointer { cp in
                    try GaussianElimination.solveInPlace(zp.baseAddress!, cp.baseAddress!, n: 2)
                }
            }
        }
    }

    @Test func overflowIsReportedAsNotFinite() {
        let halving = Matrix(rowArrays: [[0.5, 0], [0, 1]])
        #expect(throws: LinearAlgebraError.notFinite) { try halving.solve([1.7e308, 1]) }
    }
}
