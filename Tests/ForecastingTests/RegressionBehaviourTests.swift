import AlmanacCore
import Testing
import TimeSeries

@testable import Forecasting

/// What the regression model does beyond matching R: errors that name what is
/// missing, sample paths that agree with the intervals, save and restore.
@Suite struct RegressionBehaviourTests {
    static func configured(_ options: [String: ParameterValue]) throws -> any Forecaster {
        try #require(ModelCatalog.definition(named: "regression")).configure(options)
    }

    static let priceAndPromo: [String: ParameterValue] = ["covariates": .strings(["price", "promo"])]

    /// The synthetic sales with covariates cut to the history only.
    static func historyOnly() throws -> ModelData {
        var data = try RegressionReferenceData.sales()
        let n = data.series.count
        data.covariates = data.covariates.mapValues { Array($0[..<n]) }
        return data
    }

    static func message(_ body: () throws -> Void) -> String {
        do { try body() } catch let error as ForecastError { return error.message } catch { return "\(error)" }
        return "(no error)"
    }

    @Test func missingFutureCovariateNamesItAndTheHorizon() throws {
        let model = try Self.configured(Self.priceAndPromo).fit(try Self.historyOnly())
        let text = Self.message {
            _ = try model.forecast(ForecastRequest(horizon: 6, future: ["price": [10, 10, 10, 10, 10, 10]]))
        }
        #expect(text.contains("'promo'") && text.contains("h = 6") && text.contains("6 future values"), "\(text)")
    }

    @Test func tooFewFutureRowsAreAnError() throws {
        let model = try Self.configured(Self.priceAndPromo).fit(try Self.historyOnly())
        let text = Self.message {
            _ = try model.forecast(ForecastRequest(horizon: 4, future: ["price": [10, 10, 10, 10], "promo": [0, 1]]))
        }
        #expect(text.contains("'promo'") && text.contains("h = 4") && text.contains("future.promo has 2"), "\(text)")
    }

    @Test func knownFutureInTheDataRunsOutAfterTwelveSteps() throws {
        let model = try Self.configured(Self.priceAndPromo).fit(try RegressionReferenceData.sales())
        #expect(try model.forecast(ForecastRequest(horizon: 12)).horizon == 12)
        let text = Self.message { _ = try model.forecast(ForecastRequest(horizon: 13)) }
        #expect(text.contains("h = 13") && text.contains("12 values past the end"), "\(text)")
    }

    @Test func notANumberInTheFutureIsAnError() throws {
        let model = try Self.configured(Self.priceAndPromo).fit(try Self.historyOnly())
        let text = Self.message {
            _ = try model.forecast(ForecastRequest(horizon: 2, future: ["price": [10, .nan], "promo": [0, 0]]))
        }
        #expect(text.contains("'price'") && text.contains("step 2"), "\(text)")
    }

    @Test func misspelledFutureCovariateIsNamed() throws {
        let model = try Self.configured(Self.priceAndPromo).fit(try Self.historyOnly())
        let text = Self.message {
            _ = try model.forecast(ForecastRequest(horizon: 1, future: ["price": [10], "promo": [0], "promos": [1]]))
        }
        #expect(text.contains("future.promos is not a covariate") && text.contains("did you mean 'promo'"), "\(text)")
    }

    @Test func missingCovariateAtFitTime() throws {
        var data = try Self.historyOnly()
        data.covariates["promo"] = nil
        let text = Self.message { _ = try Self.configured(Self.priceAndPromo).fit(data) }
        #expect(text.contains("'promo' is not in the data"), "\(text)")
    }

    @Test func constantCovariateIsRefused() throws {
        var data = try Self.historyOnly()
        data.covariates["store_open"] = [Double](repeating: 1, count: data.series.count)
        let text = Self.message { _ = try Self.configured(["covariates": .strings(["store_open"])]).fit(data) }
        #expect(text.contains("covariate 'store_open'") && text.contains("linear combination of intercept"), "\(text)")
    }

    @Test func dependentCovariatesAreRefused() throws {
        var data = try Self.historyOnly()
        data.covariates["price_cents"] = data.covariates["price"]!.map { 100 * $0 }
        let text = Self.message {
            _ = try Self.configured(["covariates": .strings(["price", "price_cents"])]).fit(data)
        }
        #expect(text.contains("covariate 'price_cents'"), "\(text)")
    }

    @Test func fourierNeedsItsOrderAndASeason() throws {
        let data = try Self.historyOnly()
        #expect(
            Self.message { _ = try Self.configured(["season": .string("fourier")]).fit(data) }.contains(
                "needs fourier_k"))
        #expect(Self.message { _ = try Self.configured(["fourier_k": .integer(7)]).fit(data) }.contains("at most 6"))
        let yearly = ModelData(series: Series(values: (1...20).map(Double.init)))
        #expect(
            Self.message { _ = try Self.configured(["season": .string("dummies")]).fit(yearly) }.contains(
                "needs a seasonal series"))
    }

    @Test func nonSeasonalSeriesDefaultsToTrendOnly() throws {
        let y: [Double] = [3, 5, 4, 7, 8, 7, 10, 11]
        let model = try Self.configured([:]).fit(ModelData(series: Series(values: y)))
        #expect(model.parameters.map(\.name) == ["intercept", "intercept_se", "trend", "trend_se"])
        // Least squares by hand: slope = Sxy / Sxx over t = 1…8.
        let tMean = 4.5, yMean = y.reduce(0, +) / 8
        let sxy = zip(1...8, y).reduce(0) { $0 + (Double($1.0) - tMean) * ($1.1 - yMean) }
        let slope = sxy / 42
        #expect(abs(model.parameters[2].value - slope) < 1e-12)
        #expect(abs(model.parameters[0].value - (yMean - slope * tMean)) < 1e-12)
    }

    @Test func samplePathsAgreeWithTheIntervals() throws {
        let model = try Self.configured(Self.priceAndPromo).fit(try RegressionReferenceData.sales())
        let fc = try model.forecast(ForecastRequest(horizon: 12, levels: [80, 95]))
        var generator = SeededGenerator(seed: 7)
        let paths = try model.samplePaths(horizon: 12, count: 20_000, future: [:], generator: &generator)
        // The share of draws outside each analytic interval, over all 12 steps (240 000 draws;
        // one step's share has a standard error of 0.15 points at 95 %). Normal draws without
        // the t's heavier tails (ν = 45) would leave 4.4 % outside the 95 % interval; draws
        // without the coefficients' uncertainty would leave more still.
        for (level, tolerance) in [(80.0, 0.6), (95.0, 0.35)] {
            let bounds = try #require(fc.bounds(at: level))
            var outside = 0
            for h in 0..<12 {
                outside += paths.step(h).filter { $0 < bounds.lower[h] || $0 > bounds.upper[h] }.count
            }
            let percent = 100 * Double(outside) / Double(paths.values.count)
            #expect(abs(percent - (100 - level)) < tolerance, "\(percent) % outside the \(level) % interval")
        }
    }

    @Test func restoredModelForecastsIdentically() throws {
        let data = try RegressionReferenceData.sales()
        let forecaster = try Self.configured(Self.priceAndPromo)
        let model = try forecaster.fit(data)
        let again = try forecaster.restore(data, state: model.savedState)
        let request = ForecastRequest(horizon: 12)
        #expect(try again.forecast(request) == model.forecast(request))
        #expect(again.parameters == model.parameters)
        #expect(again.statistics == model.statistics)
    }

    @Test func restoreRefusesOtherTerms() throws {
        let data = try RegressionReferenceData.sales()
        let model = try Self.configured(Self.priceAndPromo).fit(data)
        let text = Self.message { _ = try Self.configured([:]).restore(data, state: model.savedState) }
        #expect(text.contains("do not match"), "\(text)")
    }
}
