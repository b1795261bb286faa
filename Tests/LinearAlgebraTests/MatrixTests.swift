import Testing

@testable import LinearAlgebra

@Suite struct MatrixTests {
    let a = Matrix(rowArrays: [[1, 2, 3], [4, 5, 6]])

    @Test func storageIsRowMajor() {
        #expect(a.values == [1, 2, 3, 4, 5, 6])
        #expect(a[1, 0] == 4)
        #expect(a.transposed == Matrix(rowArrays: [[1, 4], [2, 5], [3, 6]]))
        #expect(a.vectorized.values == [1, 4, 2, 5, 3, 6])
    }

    @Test func productsAndSums() {
        #expect(a * a.transposed == Matrix(rowArrays: [[14, 32], [32, 77]]))
        #expect(a.times([1, 0, -1]) == [-2, -2])
        #expect(a + a == 2 * a)
        #expect(Matrix.identity(2) * a == a)
        let k = Matrix.kronecker(Matrix(rowArrays: [[1, 0], [0, 2]]), Matrix(rowArrays: [[1, 1]]))
        #expect(k == Matrix(rowArrays: [[1, 1, 0, 0], [0, 0, 2, 2]]))
    }

    @Test func emptyMatrices() {
        let e = Matrix(rows: 0, columns: 0)
        #expect(e.times([]) == [])
        #expect(e * e == e)
    }
}
