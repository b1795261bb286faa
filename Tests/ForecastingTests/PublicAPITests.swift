import AlmanacCore
import Forecasting
import Testing
import TimeSeries

/// The typed Swift entry points (ETS, ARIMA, AutoARIMA, Theta, NamedModel)
/// go through the catalog, so they must fit exactly what the same options by
/// name fit, and their defaults must be the catalog's. A plain (not
/// @testable) import: this is the surface another package sees.
@Suite struct PublicAPITests {
    static let air = Series(
        name: "air",
        values: [
            112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170, 158,
            133, 114, 140,
            145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166, 171, 180, 193, 181, 183, 218, 230, 242, 209,
            191, 172, 194,
        ], index: TimeIndex(frequency: .month, startingAt: "1949-01") ?? .positions)

    /// Fits `model` and the catalog's definition configured with `options`; both forecasts must be equal.
    func expectSameForecast(_ model: some ForecastModel, as name: String, options: [String: ParameterValue]) throws {
        let typed = try model.fit(Self.air).forecast(h: 12)
        let definition = try #require(ModelCatalog.definition(named: name))
        let byName = try definition.configure(options).fit(ModelData(series: Self.air))
            .forecast(ForecastRequest(horizon: 12))
        #expect(typed == byName)
    }

    @Test func typedModelsFitWhatTheCatalogFits() throws {
        try expectSameForecast(ETS(), as: "ets", options: [:])
        try expectSameForecast(
            ETS(model: "MAM", damped: false), as: "ets", options: ["model": .string("MAM"), "damped": .boolean(false)])
        var logETS = ETS(model: "AAN")
        logETS.common.lambda = .value(0)
        try expectSameForecast(logETS, as: "ets", options: ["model": .string("AAN"), "lambda": .number(0)])
        try expectSameForecast(AutoARIMA(), as: "auto_arima", options: [:])
        try expectSameForecast(
            ARIMA(ARIMAOrder(p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1)), as: "arima",
            options: ["order": .numbers([0, 1, 1]), "seasonal": .numbers([0, 1, 1])])
        try expectSameForecast(Theta(), as: "theta", options: [:])
        try expectSameForecast(NamedModel("snaive"), as: "snaive", options: [:])
    }

    /// Every option a typed model sets by default is the catalog's declared default.
    @Test func typedDefaultsAreTheCatalogs() throws {
        let models: [any ForecastModel] = [ETS(), ARIMA(ARIMAOrder(p: 0, d: 0, q: 0)), AutoARIMA(), Theta()]
        for model in models {
            let definition = try #require(ModelCatalog.definition(named: model.name))
            for (key, value) in model.options {
                let spec = try #require(
                    definition.descriptor.parameters.first { $0.name == key }, "\(model.name).\(key)")
                #expect(spec.defaultValue == value, "\(model.name).\(key)")
            }
        }
    }

    @Test func errorsAreTheCatalogs() throws {
        #expect(throws: ForecastError.self) { try ETS(model: "QQQ").fit(Self.air) }
        do throws(ForecastError) {
            _ = try NamedModel("etz").fit(Self.air)
            Issue.record("no error for an unknown model")
        } catch {
            #expect(error.message == "no model named 'etz' (did you mean 'ets'?)")
        }
        let fit = try ETS().fit(Self.air)
        #expect(throws: ForecastError.self) { try fit.forecast(h: 0) }
    }

    @Test func indexStartsAtALabel() {
        #expect(TimeIndex(frequency: .month, startingAt: "1949-01")?.label(at: 12) == "1950-01")
        #expect(TimeIndex(frequency: .quarter, startingAt: "2020-Q3")?.label(at: 2) == "2021-Q1")
        #expect(TimeIndex(frequency: .month, startingAt: "January") == nil)
    }

    /// The statistical catalog lists no neural model: those come from NeuralForecasting.
    @Test func statisticalCatalogHasNoNeuralModels() {
        let names = ModelCatalog.statistical.definitions.map(\.name)
        #expect(!names.contains("nbeats") && !names.contains("lstm"))
        #expect(names.contains("ensemble") && names.contains("ets"))
    }
}
