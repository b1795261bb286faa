import AlmanacCore
import LinearAlgebra
import TimeSeries

/// A linear regression of the series on time and covariates, estimated by
/// ordinary least squares (R's forecast::tslm): intercept, linear trend,
/// seasonal dummies or Fourier terms, and named covariates from the data.
struct RegressionForecaster: Forecaster {
    static let model = "regression"

    var intercept = true
    var trend = true
    /// nil: dummies when the series is seasonal, Fourier terms when fourier_k is given, else none.
    var season: RegressionDesign.Season?
    var fourierK: Int?
    var covariates: [String] = []

    func design(for series: Series) throws(ForecastError) -> RegressionDesign {
        let model = Self.model
        let period = series.seasonalPeriod
        let chosen = season ?? (fourierK != nil ? .fourier : (period > 1 ? .dummies : .none))
        switch chosen {
        case .dummies where period < 2, .fourier where period < 2:
            throw ForecastError(
                "\(model): season = \"\(chosen.rawValue)\" needs a seasonal series, and \(series.describedName) has period \(period); give it a period or use season = \"none\""
            )
        case .fourier:
            guard let k = fourierK else {
                throw ForecastError(
                    "\(model): season = \"fourier\" needs fourier_k, the number of sine/cosine pairs (1 to \(period / 2) for period \(period))"
                )
            }
            guard k <= period / 2 else {
                throw ForecastError(
                    "\(model): fourier_k = \(k) is too large for period \(period); at most \(period / 2) pairs are distinct"
                )
            }
        default:
            if fourierK != nil { throw ForecastError("\(model): fourier_k is only used with season = \"fourier\"") }
        }
        let design = RegressionDesign(
            intercept: intercept, trend: trend, season: chosen, fourierK: fourierK ?? 0,
            covariates: covariates, period: period)
        let builtIn = Set(design.columnNames.dropLast(covariates.count))
        var seen: Set<String> = []
        for name in covariates {
            if builtIn.contains(name) {
                throw ForecastError(
                    "\(model): a covariate cannot be called '\(name)', the name of one of the model's own terms; rename it"
                )
            }
            if !seen.insert(name).inserted { throw ForecastError("\(model): covariate '\(name)' is listed twice") }
        }
        if design.columnNames.isEmpty {
            throw ForecastError(
                "\(model): the model has no terms; keep the intercept, the trend, a season or a covariate")
        }
        return design
    }

    func fit(_ data: ModelData) throws(ForecastError) -> any FittedModel {
        let model = Self.model
        let series = data.series
        let design = try design(for: series)
        let y = try series.checkedValues(for: model, minimum: 1)
        let p = design.columnNames.count
        guard y.count > p else {
            throw ForecastError(
                "\(model): the model has \(p) coefficients (\(design.columnNames.joined(separator: ", "))) and needs at least \(p + 1) observations; \(series.describedName) has \(y.count)"
            )
        }
        let covariates = try RegressionCovariates(names: design.covariates, data: data, model: model)
        let seasons = SeasonPosition(series: series, period: max(design.period, 1))
        let rows = (0..<y.count).map { design.row($0, seasons: seasons, covariateValues: covariates.values(at: $0)) }
        let columns = (0..<p).map { j in rows.map { $0[j] } }
        let solution: QRLeastSquares
        do { solution = try QRLeastSquares.solve(columns: columns, y) } catch {
            guard case .dependentColumn(let column) = error else { throw ForecastError("\(model): \(error)") }
            throw Self.dependenceError(design, column: column)
        }
        let residualDF = y.count - p
        let fitted = rows.map { zip($0, solution.coefficients).reduce(0) { $0 + $1.0 * $1.1 } }
        let rss = zip(y, fitted).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        return RegressionFit(
            series: series, design: design, seasons: seasons, covariates: covariates,
            solution: solution, sigma2: rss / Double(residualDF), residualDF: residualDF, rows: rows)
    }

    func restore(_ data: ModelData, state: JSONValue) throws(ForecastError) -> any FittedModel {
        let saved = try state.decode(RegressionFit.SavedState.self, what: Self.model)
        // The saved design names its columns in the message below: its sizes are checked first.
        guard (1...Series.maximumSeasonalPeriod).contains(saved.design.period),
            (0...saved.design.period).contains(saved.design.fourierK)
        else {
            throw ForecastError(
                "\(Self.model): the saved model is damaged: period \(saved.design.period), fourier_k \(saved.design.fourierK)"
            )
        }
        let design = try design(for: data.series)
        guard design == saved.design else {
            throw ForecastError(
                "\(Self.model): the saved model's terms (\(saved.design.columnNames.joined(separator: ", "))) do not match these options and data (\(design.columnNames.joined(separator: ", ")))"
            )
        }
        let p = design.columnNames.count
        guard saved.coefficients.count == p, saved.inverseR.count == p * p, saved.residualDF >= 1 else {
            throw ForecastError("\(Self.model): the saved state does not fit its \(p) terms")
        }
        _ = try data.series.checkedValues(for: Self.model, minimum: 1)
        let covariates = try RegressionCovariates(names: design.covariates, data: data, model: Self.model)
        let seasons = SeasonPosition(series: data.series, period: max(design.period, 1))
        let rows = (0..<data.series.count).map {
            design.row($0, seasons: seasons, covariateValues: covariates.values(at: $0))
        }
        let solution = QRLeastSquares(coefficients: saved.coefficients, inverseR: saved.inverseR, columnCount: p)
        return RegressionFit(
            series: data.series, design: design, seasons: seasons, covariates: covariates,
            solution: solution, sigma2: saved.sigma2, residualDF: saved.residualDF, rows: rows)
    }

    /// Rank deficiency is refused rather than patched (R's lm would report an NA
    /// coefficient): the user decides which term to drop.
    static func dependenceError(_ design: RegressionDesign, column: Int) -> ForecastError {
        let names = design.columnNames
        let name = names[column]
        let earlier = names[..<column].joined(separator: ", ")
        let reason =
            earlier.isEmpty ? "is zero everywhere" : "is (to working precision) a linear combination of \(earlier)"
        let what = design.covariates.contains(name) ? "covariate '\(name)'" : "term '\(name)'"
        return ForecastError(
            "\(model): \(what) \(reason), so its coefficient cannot be estimated (a constant covariate duplicates the intercept; a dummy that is 1 in every season duplicates the seasonal terms); drop it or the term it duplicates"
        )
    }
}
