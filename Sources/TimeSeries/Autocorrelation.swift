import AlmanacCore
import Foundation

/// Sample autocorrelation, partial autocorrelation and the Ljung–Box test,
/// defined as R's acf(), pacf() and Box.test() define them.
extension Series {
    /// r_k = Σ (x_t − x̄)(x_{t+k} − x̄) / Σ (x_t − x̄)², for k = 1...maxLag.
    public func autocorrelations(maxLag: Int) throws(SeriesError) -> [Double] {
        try requireComplete(for: "acf")
        try require(atLeast: 2, for: "acf")
        guard maxLag >= 1 else { throw SeriesError("acf: the number of lags must be at least 1") }
        let n = count
        let lags = min(maxLag, n - 1)
        let mean = values.reduce(0, +) / Double(n)
        let centred = values.map { $0 - mean }
        let c0 = centred.reduce(0) { $0 + $1 * $1 }
        guard c0 > 0 else { throw SeriesError("acf: \(describedName) is constant; its autocorrelation is undefined") }
        return (1...lags).map { k in
            var s = 0.0
            for t in 0..<(n - k) { s += centred[t] * centred[t + k] }
            return s / c0
        }
    }

    /// Partial autocorrelations for k = 1...maxLag by the Durbin–Levinson recursion on the ACF.
    public func partialAutocorrelations(maxLag: Int) throws(SeriesError) -> [Double] {
        let r = try autocorrelations(maxLag: maxLag)
        return Self.durbinLevinson(r)
    }

    static func durbinLevinson(_ r: [Double]) -> [Double] {
        var pacf = [Double](repeating: 0, count: r.count)
        var phi = [Double](repeating: 0, count: r.count)
        var previous = phi
        for k in 0..<r.count {
            var numerator = r[k], denominator = 1.0
            for j in 0..<k {
                numerator -= previous[j] * r[k - 1 - j]
                denominator -= previous[j] * r[j]
            }
            let a = numerator / denominator
            phi[k] = a
            for j in 0..<k { phi[j] = previous[j] - a * previous[k - 1 - j] }
            pacf[k] = a
            previous = phi
        }
        return pacf
    }

    /// The approximate 95% significance bound for a white-noise ACF: ±1.96/√n.
    public var whiteNoiseBound: Double { 1.959963984540054 / Double(count).squareRoot() }
}

/// A hypothesis test's statistic and p-value.
public struct TestResult: Sendable, Equatable {
    /// The test statistic.
    public let statistic: Double
    /// Its p-value.
    public let pValue: Double
    /// Degrees of freedom (Ljung–Box) or the truncation lag (KPSS).
    public let parameter: Int
}

extension Series {
    /// Ljung–Box Q = n(n+2) Σ_{k=1}^{lag} r_k²/(n−k), compared with χ²(lag − fitdf).
    public func ljungBox(lag: Int, fitdf: Int = 0) throws(SeriesError) -> TestResult {
        guard lag >= 1 else { throw SeriesError("ljung_box: lag must be at least 1") }
        guard fitdf >= 0, fitdf < lag else { throw SeriesError("ljung_box: fitdf must be between 0 and lag − 1") }
        try require(atLeast: lag.saturatingAdding(1), for: "ljung_box(lag = \(lag))")
        let r = try autocorrelations(maxLag: lag)
        let n = Double(count)
        var q = 0.0
        for (i, rk) in r.enumerated() { q += rk * rk / (n - Double(i + 1)) }
        q *= n * (n + 2)
        let df = lag - fitdf
        return TestResult(
            statistic: q, pValue: SpecialFunctions.chiSquaredSurvival(q, degreesOfFreedom: Double(df)),
            parameter: df)
    }
}
