import AlmanacCore
import Foundation
import LinearAlgebra
import TimeSeries

/// A fitted linear regression on time and covariates. Forecasts and intervals
/// are R's predict.lm: mean x₀'β̂, and Student's t with n − p degrees of
/// freedom on the standard error s·√(1 + x₀'(X'X)⁻¹x₀).
struct RegressionFit: FittedModel {
    /// What restore needs to forecast without re-estimating.
    struct SavedState: Codable {
        var design: RegressionDesign
        var coefficients: [Double]
        var inverseR: [Double]
        var sigma2: Double
        var residualDF: Int
    }

    let series: Series
    let design: RegressionDesign
    let seasons: SeasonPosition
    let covariates: RegressionCovariates
    let solution: QRLeastSquares
    /// s² = RSS / (n − p), from the estimation (a restored fit keeps the saved one).
    let sigma2: Double
    let residualDF: Int
    let fitted: [Double]

    init(
        series: Series, design: RegressionDesign, seasons: SeasonPosition, covariates: RegressionCovariates,
        solution: QRLeastSquares, sigma2: Double, residualDF: Int, rows: [[Double]]
    ) {
        self.series = series
        self.design = design
        self.seasons = seasons
        self.covariates = covariates
        self.solution = solution
        self.sigma2 = sigma2
        self.residualDF = residualDF
        fitted = rows.map { Self.dot($0, solution.coefficients) }
    }

    var modelName: String { RegressionForecaster.model }

    var method: String {
        var terms: [String] = []
        if design.trend { terms.append("trend") }
        switch design.season {
        case .dummies: terms.append("season")
        case .fourier: terms.append("fourier(K = \(design.fourierK))")
        case .none: break
        }
        terms += design.covariates
        if !design.intercept { terms.append("0") }
        return "Linear regression (" + (terms.isEmpty ? "intercept only" : terms.joined(separator: " + ")) + ")"
    }

    var residuals: [Double] { zip(series.values, fitted).map { $0 - $1 } }

    /// Each coefficient followed by its standard error (name_se), in column order.
    var parameters: [NamedValue] {
        let variances = solution.unscaledVariances
        return design.columnNames.enumerated().flatMap { j, name in
            [
                NamedValue(name, solution.coefficients[j]),
                NamedValue(name + "_se", (sigma2 * variances[j]).squareRoot()),
            ]
        }
    }

    /// As R's logLik.lm, AIC and BIC: Gaussian likelihood at the ML variance RSS/n,
    /// counting p coefficients plus the variance.
    var statistics: FitStatistics {
        let n = Double(series.count)
        let rss = residuals.reduce(0) { $0 + $1 * $1 }
        let minusTwoLogLik = n * (log(2 * Double.pi) + 1 - log(n) + log(rss))
        return FitStatistics.criteria(
            minusTwoLogLik: minusTwoLogLik, parameters: design.columnNames.count + 1,
            observations: series.count, sigma2: sigma2)
    }

    var savedState: JSONValue {
        let state = SavedState(
            design: design, coefficients: solution.coefficients, inverseR: solution.inverseR,
            sigma2: sigma2, residualDF: residualDF)
        return (try? JSONValue(encoding: state)) ?? .null
    }

    /// Rows of X for steps 1 … horizon after the end of the series.
    private func futureRows(horizon: Int, given: [String: [Double]]) throws(ForecastError) -> [[Double]] {
        let future = try covariates.future(horizon: horizon, given: given, model: modelName)
        let n = series.count
        return (0..<horizon).map { design.row(n + $0, seasons: seasons, covariateValues: future[$0]) }
    }

    func forecast(_ request: ForecastRequest) throws(ForecastError) -> Forecast {
        let request = try request.validated(owner: modelName)
        let rows = try futureRows(horizon: request.horizon, given: request.future)
        let mean = rows.map { Self.dot($0, solution.coefficients) }
        let se = rows.map { (sigma2 * (1 + solution.leverage($0))).squareRoot() }
        var lower: [[Double]] = [], upper: [[Double]] = []
        for level in request.levels {
            let q = SpecialFunctions.studentTQuantile(0.5 + level / 200, degreesOfFreedom: Double(residualDF))
            lower.append(zip(mean, se).map { $0 - q * $1 })
            upper.append(zip(mean, se).map { $0 + q * $1 })
        }
        return Forecast(method: method, history: series, mean: mean, levels: request.levels, lower: lower, upper: upper)
    }

    /// Draws from the predictive distribution behind the t intervals: per path,
    /// σ*² = s²·ν/χ²_ν and β* ~ N(β̂, σ*²(X'X)⁻¹), then each step x'β* + σ*ε.
    /// Step by step this is exactly mean + s·√(1 + leverage)·t_ν, and the steps
    /// of one path share β*, as the uncertainty in the coefficients does.
    func samplePaths(
        horizon: Int, count: Int, future: [String: [Double]],
        generator: inout SeededGenerator
    ) throws(ForecastError) -> SamplePaths {
        let rows = try futureRows(horizon: horizon, given: future)
        let p = solution.columnCount
        let nu = Double(residualDF)
        let s = sigma2.squareRoot()
        var out = [Double]()
        out.reserveCapacity(horizon * count)
        for _ in 0..<count {
            let chiSquared = generator.nextGamma(shape: nu / 2, scale: 2)
            let sigma = s * (nu / chiSquared).squareRoot()
            let shift = solution.correlated((0..<p).map { _ in generator.nextNormal() })
            let beta = zip(solution.coefficients, shift).map { $0 + sigma * $1 }
            for row in rows { out.append(Self.dot(row, beta) + sigma * generator.nextNormal()) }
        }
        return SamplePaths(horizon: horizon, count: count, values: out)
    }

    private static func dot(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
