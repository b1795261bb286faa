import Testing

@testable import LinearAlgebra

@Suite struct LeastSquaresTests {
    let ones = [Double](repeating: 1, count: 5)
    let t: [Double] = [1, 2, 3, 4, 5]
    let y: [Double] = [2.1, 3.9, 6.2, 7.8, 10.1]

    @Test func bothQRVariantsAgreeOnAFullRankDesign() throws {
        let fit = LeastSquares.fit(columns: [ones, t], y)
        let qr = try QRLeastSquares.solve(columns: [ones, t], y)
        // lm(y ~ t): intercept 0.05, slope 1.99.
        for (got, want) in zip(fit.coefficients, [0.05, 1.99]) { #expect(abs(got - want) < 1e-12) }
        for (got, want) in zip(qr.coefficients, fit.coefficients) { #expect(abs(got - want) < 1e-12) }
        for i in 0..<5 { #expect(abs(fit.fitted[i] + fit.residuals[i] - y[i]) < 1e-12) }
    }

    @Test func dependentColumnsAreZeroedOrRefused() {
        let twice = t.map { 2 * $0 }
        let fit = LeastSquares.fit(columns: [ones, t, twice], y)
        #expect(fit.coefficients[2] == 0)
        #expect(throws: LinearAlgebraError.dependentColumn(2)) {
            try QRLeastSquares.solve(columns: [ones, t, twice], y)
        }
        #expect(throws: LinearAlgebraError.dependentColumn(0)) {
            try QRLeastSquares.solve(columns: [[0, 0, 0]], [1, 2, 3])
        }
    }

    @Test func summaryMatchesLm() throws {
        // summary(lm(y ~ t)): RSS 0.107 on 3 df; standard errors √(σ̂²·1.1) and √(σ̂²/10).
        let s = try LeastSquares.summary(columns: [ones, t], y)
        #expect(abs(s.standardErrors[0] - (0.107 / 3 * 1.1).squareRoot()) < 1e-12)
        #expect(abs(s.standardErrors[1] - (0.107 / 30).squareRoot()) < 1e-12)
        #expect(throws: (any Error).self) { try LeastSquares.summary(columns: [ones, t, t], y) }
        #expect(throws: (any Error).self) { try LeastSquares.summary(columns: [ones, t], [1, 2]) }
    }

    @Test func inverseRGivesTheUnscaledCovariance() throws {
        let qr = try QRLeastSquares.solve(columns: [ones, t], y)
        let xtxInverse = try Matrix(rowArrays: [[5, 15], [15, 55]]).inverseCheckingCondition()
        #expect(abs(qr.unscaledVariances[0] - xtxInverse[0, 0]) < 1e-12)
        #expect(abs(qr.unscaledVariances[1] - xtxInverse[1, 1]) < 1e-12)
        #expect(abs(qr.leverage([1, 3]) - (xtxInverse[0, 0] + 6 * xtxInverse[0, 1] + 9 * xtxInverse[1, 1])) < 1e-12)
    }
}
