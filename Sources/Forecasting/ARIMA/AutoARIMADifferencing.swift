import AlmanacCore
import LinearAlgebra
import TimeSeries

/// auto.arima's choice of D (nsdiffs, seasonal-strength test) and d (ndiffs,
/// KPSS), on the series or, with regressors, on the residuals of its
/// regression on them.
struct AutoARIMADifferencing {
    var d: Int
    var D: Int
    /// The series (or regression residuals) after both differences.
    var differenced: [Double]
    var differencedIsConstant: Bool
    var notes: [String] = []

    init(
        y: [Double], series: Series, m: Int, covariates: [String: [Double]], xreg: [String], d fixedD: Int?,
        D fixedSeasonalD: Int?,
        maxD: Int, maxSeasonalD: Int, model: String
    ) throws(ForecastError) {
        let n = y.count
        var xx = y
        var regressors: [[Double]] = []
        for name in xreg {
            guard let column = covariates[name], column.count >= n else {
                throw ForecastError("\(model): covariate '\(name)' needs a value at each of the \(n) observations")
            }
            regressors.append(Array(column[0..<n]))
        }
        regressors.removeAll { Series(values: $0).isConstant }
        if !regressors.isEmpty {
            let columns = [[Double](repeating: 1, count: n)] + regressors
            var xtx = Matrix(rows: columns.count, columns: columns.count)
            for i in columns.indices {
                for j in columns.indices {
                    xtx[i, j] = zip(columns[i], columns[j]).reduce(0) { $0 + $1.0 * $1.1 }
                }
            }
            let eigenvalues = xtx.symmetricEigen().values
            let singular = eigenvalues.map { max($0, 0).squareRoot() }
            if (singular.min() ?? 0) / singular.reduce(0, +) < Double.ulpOfOne {
                throw ForecastError("\(model): the regressors are rank deficient (one is a combination of the others)")
            }
            xx = LeastSquares.fit(columns: columns, y).residuals
        }
        func diff(_ v: [Double], lag: Int, times: Int) -> [Double] {
            var out = v
            for _ in 0..<times { out = out.count > lag ? (lag..<out.count).map { out[$0] - out[$0 - lag] } : [] }
            return out
        }
        func constantColumn(after lag: Int, times: Int) -> Bool {
            regressors.contains { Series(values: diff($0, lag: lag, times: times)).isConstant }
        }
        var D = 0
        if m > 1 {
            if let fixedSeasonalD {
                D = fixedSeasonalD
            } else if xx.count > 2 * m {
                var s = series.with(values: xx)
                s.seasonalPeriod = m
                do { D = try s.nsdiffs(maxD: maxSeasonalD) } catch { throw ForecastError("\(model): \(error.message)") }
                if D > 0 && constantColumn(after: m, times: D) { D -= 1 }
                if D > 0 && diff(xx, lag: m, times: D).isEmpty { D -= 1 }
            }
        }
        var dx = D > 0 ? diff(xx, lag: m, times: D) : xx
        var regressorsAfterSeasonal = regressors.map { D > 0 ? diff($0, lag: m, times: D) : $0 }
        var d = 0
        if let fixedD {
            d = fixedD
        } else {
            do { d = try Series(values: dx).ndiffs(alpha: 0.05, type: .level, maxD: maxD) } catch {
                throw ForecastError("\(model): \(error.message)")
            }
            if d > 0 && !regressorsAfterSeasonal.isEmpty {
                regressorsAfterSeasonal = regressorsAfterSeasonal.map { diff($0, lag: 1, times: d) }
                if regressorsAfterSeasonal.contains(where: { Series(values: $0).isConstant }) { d -= 1 }
            }
            if d > 0 && diff(dx, lag: 1, times: d).isEmpty { d -= 1 }
        }
        if D >= 2 {
            notes.append("more than one seasonal difference is not recommended")
        } else if D + d > 2 {
            notes.append("three or more differences are not recommended")
        }
        if d > 0 { dx = diff(dx, lag: 1, times: d) }
        guard !dx.isEmpty else { throw ForecastError("\(model): not enough data to proceed after differencing") }
        self.d = d
        self.D = D
        differenced = dx
        differencedIsConstant = Series(values: dx).isConstant
    }
}
