import AlmanacCore
import Foundation
import LinearAlgebra

/// The KPSS test and the differencing choices of R's forecast 8.20
/// (ndiffs with test = "kpss", nsdiffs with test = "seas").
extension Series {
    /// The KPSS null hypothesis.
    public enum KPSSType: String, Sendable, CaseIterable {
        /// Stationary around a level (urca's "mu").
        case level
        /// Stationary around a linear trend (urca's "tau").
        case trend
    }

    /// How many autocovariance lags the long-run variance uses.
    public enum KPSSLags: Sendable, Equatable {
        /// ⌊3√n/13⌋: what forecast::ndiffs uses (and tseries' lshort).
        case forecast
        /// ⌊4(n/100)^¼⌋: urca's "short".
        case short
        /// ⌊12(n/100)^¼⌋: urca's "long".
        case long
        case fixed(Int)

        func count(n: Int) -> Int {
            switch self {
            case .forecast: return Int((3 * Double(n).squareRoot() / 13).rounded(.towardZero))
            case .short: return Int((4 * pow(Double(n) / 100, 0.25)).rounded(.towardZero))
            case .long: return Int((12 * pow(Double(n) / 100, 0.25)).rounded(.towardZero))
            case .fixed(let l): return max(0, l)
            }
        }
    }

    /// The KPSS statistic (Kwiatkowski et al. 1992) as urca::ur.kpss computes it,
    /// with a p-value interpolated in its table of critical values and clamped
    /// to [0.01, 0.10], as forecast does. Small p: evidence against stationarity.
    public func kpss(type: KPSSType = .level, lags: KPSSLags = .forecast) throws(SeriesError) -> TestResult {
        try requireComplete(for: "kpss")
        try require(atLeast: 3, for: "kpss")
        let n = count
        let y = values
        let residuals: [Double]
        switch type {
        case .level:
            let mean = y.reduce(0, +) / Double(n)
            residuals = y.map { $0 - mean }
        case .trend:
            let fit = LeastSquares.fit(columns: [[Double](repeating: 1, count: n), (1...n).map(Double.init)], y)
            residuals = fit.residuals
        }
        var cumulative = 0.0, numerator = 0.0
        for e in residuals {
            cumulative += e
            numerator += cumulative * cumulative
        }
        numerator /= Double(n * n)
        let lmax = min(lags.count(n: n), n - 1)
        var denominator = residuals.reduce(0) { $0 + $1 * $1 } / Double(n)
        if lmax > 0 {
            for s in 1...lmax {
                var cov = 0.0
                for t in s..<n { cov += residuals[t] * residuals[t - s] }
                denominator += 2 / Double(n) * (1 - Double(s) / Double(lmax + 1)) * cov
            }
        }
        let statistic = numerator / denominator
        let critical = type == .level ? [0.347, 0.463, 0.574, 0.739] : [0.119, 0.146, 0.176, 0.216]
        let levels = [0.10, 0.05, 0.025, 0.01]
        return TestResult(statistic: statistic, pValue: interpolate(statistic, critical, levels), parameter: lmax)
    }

    /// forecast::ndiffs(test = "kpss"): difference until KPSS no longer rejects at `alpha`.
    public func ndiffs(alpha: Double = 0.05, type: KPSSType = .level, maxD: Int = 2) throws(SeriesError) -> Int {
        let alpha = min(max(alpha, 0.01), 0.1)
        var x = with(values: values.filter { !$0.isNaN })
        var d = 0
        if x.isConstant { return 0 }
        func rejects(_ s: Series) -> Bool {
            guard let r = try? s.kpss(type: type, lags: .forecast) else { return false }
            return r.pValue < alpha
        }
        var again = rejects(x)
        while again && d < maxD {
            d += 1
            x = x.with(values: (1..<x.count).map { x.values[$0] - x.values[$0 - 1] })
            x.index = .positions
            if x.isConstant || x.count < 3 { return d }
            again = rejects(x)
        }
        return d
    }

    /// forecast::nsdiffs(test = "seas"): one seasonal difference when the seasonal
    /// strength (from STL with s.window = 11, as forecast's mstl) exceeds 0.64.
    public func nsdiffs(maxD: Int = 1) throws(SeriesError) -> Int {
        guard seasonalPeriod > 1 else {
            throw SeriesError("nsdiffs: \(describedName) is not seasonal (period 1); give it a seasonal period")
        }
        if isConstant || seasonalPeriod >= count { return 0 }
        var x = self
        var d = 0
        var again = (try x.seasonalStrength()) > 0.64
        while again && d < maxD {
            d += 1
            x = try x.differenced(lag: seasonalPeriod)
            if x.isConstant { return d }
            again = x.count >= 2 * seasonalPeriod && d < maxD ? (try x.seasonalStrength()) > 0.64 : false
        }
        return d
    }

    /// Seasonal strength F_s = max(0, min(1, 1 − Var(R)/Var(S + R))) from an STL
    /// decomposition with s.window = 11 (Wang, Smith & Hyndman 2006; forecast's seas.heuristic).
    public func seasonalStrength() throws(SeriesError) -> Double {
        let d = try stl(seasonalWindow: .span(11))
        let r = d.remainder
        let sr = zip(d.seasonal, r).map(+)
        return max(0, min(1, 1 - variance(r) / variance(sr)))
    }

    /// All values equal within R's all.equal tolerance (1.5e-8, relative).
    public var isConstant: Bool {
        guard let first = values.first else { return true }
        let meanAbsolute = values.reduce(0) { $0 + abs($1) } / Double(count)
        let meanDifference = values.reduce(0) { $0 + abs($1 - first) } / Double(count)
        return meanAbsolute > 1.5e-8 ? meanDifference / meanAbsolute < 1.5e-8 : meanDifference < 1.5e-8
    }
}

/// Sample variance (n − 1 denominator).
func variance(_ x: [Double]) -> Double {
    let n = Double(x.count)
    guard n > 1 else { return .nan }
    let mean = x.reduce(0, +) / n
    return x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
}

/// Linear interpolation of y at x in a table, clamped at the ends (R's approx(rule = 2)).
func interpolate(_ x: Double, _ xs: [Double], _ ys: [Double]) -> Double {
    if x <= xs[0] { return ys[0] }
    if x >= xs[xs.count - 1] { return ys[ys.count - 1] }
    for i in 1..<xs.count where x <= xs[i] {
        return ys[i - 1] + (ys[i] - ys[i - 1]) * (x - xs[i - 1]) / (xs[i] - xs[i - 1])
    }
    return ys[ys.count - 1]
}
