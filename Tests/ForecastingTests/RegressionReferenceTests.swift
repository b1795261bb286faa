import AlmanacCore
import Testing
import TimeSeries

@testable import Forecasting

/// The regression model against R (forecast 8.20, R 4.2.2). The references come from
/// Tests/References/forecast_reference.R (tslm(y ~ trend + season) on AirPassengers and four M3
/// series; tslm(y ~ trend + fourier(y, K = 3)) on AirPassengers) and
/// Tests/References/regression_reference.R (tslm with price and promo covariates on the synthetic
/// series in regression_sales.csv; standard errors, logLik, AIC and BIC for AirPassengers).
/// Tolerance: 1e-8 relative to the R value, or absolute for values below 1 in size.
@Suite struct RegressionReferenceTests {
    static let tolerance = 1e-8

    static func expectClose(
        _ actual: [Double], _ expected: [Double], _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            actual.count == expected.count, "\(what): \(actual.count) values, R has \(expected.count)",
            sourceLocation: sourceLocation)
        for (i, (a, e)) in zip(actual, expected).enumerated() where !(abs(a - e) <= tolerance * max(abs(e), 1)) {
            Issue.record("\(what)[\(i)]: \(a), R \(e)", sourceLocation: sourceLocation)
            return
        }
    }

    static func fit(_ data: ModelData, _ options: [String: ParameterValue] = [:]) throws -> any FittedModel {
        let definition = try #require(ModelCatalog.definition(named: "regression"))
        return try definition.configure(options).fit(data)
    }

    static func parameter(_ model: any FittedModel, _ name: String) -> Double? {
        model.parameters.first { $0.name == name }?.value
    }

    /// Checks the coefficients (R's names mapped to ours) and the forecasts with both intervals.
    static func expectMatches(
        _ model: any FittedModel, _ reference: RegressionReferenceData.Case, names: [String],
        future: [String: [Double]] = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let coefficients = try reference.named("coef")
        #expect(coefficients.names.count == names.count, sourceLocation: sourceLocation)
        expectClose(
            names.map { parameter(model, $0) ?? .nan }, coefficients.values, "coefficients",
            sourceLocation: sourceLocation)
        let sigma = try reference.number("sigma")
        expectClose([model.statistics.sigma2.squareRoot()], [sigma], "sigma", sourceLocation: sourceLocation)
        let mean = try reference.numbers("mean")
        let fc = try model.forecast(ForecastRequest(horizon: mean.count, levels: [80, 95], future: future))
        expectClose(fc.mean.values, mean, "mean", sourceLocation: sourceLocation)
        for level in [80.0, 95.0] {
            let bounds = try #require(fc.bounds(at: level))
            expectClose(
                bounds.lower, try reference.numbers("lower\(Int(level))"), "lower\(Int(level))",
                sourceLocation: sourceLocation)
            expectClose(
                bounds.upper, try reference.numbers("upper\(Int(level))"), "upper\(Int(level))",
                sourceLocation: sourceLocation)
        }
    }

    /// Standard errors, log-likelihood, AIC, BIC and AICc (R's AIC(fit) plus the small-sample
    /// term CV() adds, since CV's own AIC omits the likelihood's constant).
    static func expectLikelihoodMatches(
        _ model: any FittedModel, _ reference: RegressionReferenceData.Case, names: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        expectClose(
            names.map { parameter(model, $0 + "_se") ?? .nan }, try reference.named("se").values, "standard errors",
            sourceLocation: sourceLocation)
        let st = model.statistics
        let aic = try reference.number("aic"), bic = try reference.number("bic"),
            loglik = try reference.number("loglik")
        let smallSampleTerm = try reference.number("cv_aicc") - reference.number("cv_aic")
        expectClose(
            [st.logLikelihood ?? .nan, st.aic ?? .nan, st.bic ?? .nan, st.aicc ?? .nan],
            [loglik, aic, bic, aic + smallSampleTerm], "loglik, AIC, BIC, AICc", sourceLocation: sourceLocation)
        let likelihoodDF = try reference.number("loglik_df")
        #expect(st.parameterCount == Int(likelihoodDF), sourceLocation: sourceLocation)
        expectClose(model.fitted, try reference.numbers("fitted"), "fitted", sourceLocation: sourceLocation)
        expectClose(model.residuals, try reference.numbers("residuals"), "residuals", sourceLocation: sourceLocation)
    }

    static func trendSeasonNames(_ period: Int) -> [String] {
        ["intercept", "trend"] + (2...period).map { "season\($0)" }
    }

    @Test func trendAndSeasonalDummiesOnAirPassengers() throws {
        let model = try Self.fit(ModelData(series: try RegressionReferenceData.airPassengers))
        try Self.expectMatches(
            model, try RegressionReferenceData.tslmCase("airpassengers"), names: Self.trendSeasonNames(12))
        let likelihood = try RegressionReferenceData.topLevelCase(
            "regression_reference_r.json", "airpassengers_trend_season")
        try Self.expectLikelihoodMatches(model, likelihood, names: Self.trendSeasonNames(12))
    }

    @Test(arguments: ["N1446", "N1535", "N0677", "N0740"])
    func trendAndSeasonalDummiesOnM3(_ id: String) throws {
        let series = try RegressionReferenceData.m3(id)
        let model = try Self.fit(ModelData(series: series))
        try Self.expectMatches(
            model, try RegressionReferenceData.tslmCase(id), names: Self.trendSeasonNames(series.seasonalPeriod))
    }

    @Test func trendAndFourierTermsOnAirPassengers() throws {
        let model = try Self.fit(
            ModelData(series: try RegressionReferenceData.airPassengers), ["fourier_k": .integer(3)])
        let reference = try RegressionReferenceData.topLevelCase(
            "forecast_reference_r.json", "tslm_fourier_airpassengers")
        let names = ["intercept", "trend"] + (1...3).flatMap { ["S\($0)-12", "C\($0)-12"] }
        try Self.expectMatches(model, reference, names: names)
    }

    static let covariateNames = ["price", "promo"]

    @Test func trendSeasonPriceAndPromoWithKnownFutureInTheData() throws {
        let model = try Self.fit(try RegressionReferenceData.sales(), ["covariates": .strings(Self.covariateNames)])
        let reference = try RegressionReferenceData.topLevelCase(
            "regression_reference_r.json", "trend_season_price_promo")
        let names = Self.trendSeasonNames(12) + Self.covariateNames
        try Self.expectMatches(model, reference, names: names)
        try Self.expectLikelihoodMatches(model, reference, names: names)
    }

    @Test func fourierPriceAndPromoWithFutureInTheRequest() throws {
        var data = try RegressionReferenceData.sales()
        let n = data.series.count
        let future = data.covariates.mapValues { Array($0[n...]) }
        // Only the history: the request brings the future.
        data.covariates = data.covariates.mapValues { Array($0[..<n]) }
        let model = try Self.fit(
            data,
            [
                "covariates": .strings(Self.covariateNames), "trend": .boolean(false),
                "season": .string("fourier"), "fourier_k": .integer(2),
            ])
        let reference = try RegressionReferenceData.topLevelCase("regression_reference_r.json", "fourier2_price_promo")
        let names = ["intercept", "S1-12", "C1-12", "S2-12", "C2-12"] + Self.covariateNames
        try Self.expectMatches(model, reference, names: names, future: future)
        try Self.expectLikelihoodMatches(model, reference, names: names)
    }
}
