import AlmanacCore
import TimeSeries

/// The seasonal adjustment the Theta methods share: a 90 % one-sided test on
/// the lag-m autocorrelation (Assimakopoulos & Nikolopoulos; R's thetaf), and
/// when it says seasonal, classical decomposition, the model fitted to the
/// adjusted series and the forecasts re-seasonalised with the last cycle of
/// indices.
struct ThetaSeasonality: Sendable, Codable, Equatable {
    enum Kind: String, Sendable, Codable { case multiplicative, additive }
    var kind: Kind
    /// The seasonal component over the data (one value per observation).
    var indices: [Double]
    var period: Int

    /// The lag-m test: |r_m| > z_0.95 · √((1 + 2 Σ_{k<m} r_k²)/n).
    static func isSeasonal(_ y: [Double], period m: Int) -> Bool {
        guard let r = try? Series(values: y).autocorrelations(maxLag: m), r.count == m else { return false }
        var sum = 0.0
        for k in 0..<(m - 1) { sum += r[k] * r[k] }
        let stat = ((1 + 2 * sum) / Double(y.count)).squareRoot()
        return abs(r[m - 1]) / stat > SpecialFunctions.normalQuantile(0.95)
    }

    static func decomposition(_ y: [Double], period m: Int, kind: Kind) -> [Double]? {
        let series = Series(values: y, seasonalPeriod: m)
        return try? series.classicalDecomposition(kind == .multiplicative ? .multiplicative : .additive).seasonal
    }

    /// R's thetaf: tested when m > 1, the data are not constant and n > 2m;
    /// multiplicative only, and skipped (with a note) when an index is within 1e-4 of zero.
    static func forThetaf(_ y: [Double], period m: Int) -> (ThetaSeasonality?, note: String?) {
        guard m > 1, y.count > 2 * m, y.contains(where: { $0 != y[0] }), isSeasonal(y, period: m) else {
            return (nil, nil)
        }
        guard let s = decomposition(y, period: m, kind: .multiplicative) else {
            return (
                nil,
                "the series tested seasonal but could not be decomposed multiplicatively (values ≤ 0): no seasonal adjustment"
            )
        }
        if s.contains(where: { abs($0) < 1e-4 }) {
            return (nil, "seasonal indices close to zero: no seasonal adjustment (as R's thetaf)")
        }
        return (ThetaSeasonality(kind: .multiplicative, indices: s, period: m), nil)
    }

    /// statsforecast's AutoTheta: tested when m ≥ 4 and n ≥ 2m; multiplicative unless
    /// the data are not all positive or an index is below 0.01, then additive.
    static func forStatsforecast(_ y: [Double], period m: Int, preferred: Kind) -> ThetaSeasonality? {
        guard m >= 4, y.count >= 2 * m, y.contains(where: { $0 != y[0] }), isSeasonal(y, period: m) else { return nil }
        var kind = preferred
        if kind == .multiplicative && !y.allSatisfy({ $0 > 0 }) { kind = .additive }
        if kind == .multiplicative, let s = decomposition(y, period: m, kind: .multiplicative),
            !s.contains(where: { $0 < 0.01 })
        {
            return ThetaSeasonality(kind: .multiplicative, indices: s, period: m)
        }
        guard let s = decomposition(y, period: m, kind: .additive) else { return nil }
        return ThetaSeasonality(kind: .additive, indices: s, period: m)
    }

    func adjust(_ y: [Double]) -> [Double] {
        (0..<y.count).map { kind == .multiplicative ? y[$0] / indices[$0] : y[$0] - indices[$0] }
    }

    /// Puts the season back into a value at data position t (t ≥ n continues the last cycle).
    func apply(_ x: Double, at t: Int) -> Double {
        let s = index(at: t)
        return kind == .multiplicative ? x * s : x + s
    }

    func index(at t: Int) -> Double {
        let n = indices.count
        if t < n { return indices[t] }
        return indices[n - period + (t - n) % period]
    }
}
