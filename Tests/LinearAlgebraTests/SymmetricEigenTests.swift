import Testing

@testable import LinearAlgebra

@Suite struct SymmetricEigenTests {
    @Test func eigenpairsInDecreasingOrder() {
        let a = Matrix(rowArrays: [[2, 1], [1, 2]])
        let (values, vectors) = a.symmetricEigen()
        #expect(abs(values[0] - 3) < 1e-12 && abs(values[1] - 1) < 1e-12)
        for j in 0..<2 {
            let v = [vectors[0, j], vectors[1, j]]
            let av = a.times(v)
            #expect(abs(av[0] - values[j] * v[0]) < 1e-12 && abs(av[1] - values[j] * v[1]) < 1e-12)
        }
    }

    @Test func singularMatrixHasAZeroEigenvalue() {
        let (values, _) = Matrix(rowArrays: [[1, 1], [1, 1]]).symmetricEigen()
        #expect(abs(values[1]) < 1e-12)
    }
}
