import AlmanacCore
import Forecasting
import Foundation
import NeuralForecasting
import Testing
import TimeSeries

/// The neural models' part of the catalog-wide save/restore round trip
/// (ForecastingTests/SaveRestoreTests holds the statistical ones): trained
/// briefly on a short seasonal series, archived, restored, they forecast
/// exactly as before.
@Suite struct NeuralSaveRestoreTests {
    static let series: Series = {
        let values = (0..<48).map { (t: Int) -> Double in
            let x = Double(t)
            return 100 + x + 10 * sin(x * Double.pi / 6)
        }
        return Series(name: "seasonal", values: values, seasonalPeriod: 12)
    }()
    static let options: [String: [String: ParameterValue]] = [
        "nbeats": [
            "horizon": .integer(6), "steps": .integer(20), "members": .integer(1), "width": .integer(8),
            "blocks": .integer(2), "layers": .integer(2), "batch_size": .integer(16),
        ],
        "lstm": [
            "horizon": .integer(6), "steps": .integer(20), "members": .integer(1), "hidden": .integer(4),
            "batch_size": .integer(16),
        ],
    ]

    @Test(arguments: NeuralModels.definitions.map(\.name))
    func savedAndRestoredForecastsAreIdentical(model: String) throws {
        let definition = try #require(ModelCatalog(adding: NeuralModels.definitions).definition(named: model))
        let options = Self.options[model] ?? [:]
        let fit = try definition.configure(options).fit(ModelData(series: Self.series))
        let archive = try ModelArchive.decode(
            try ModelArchive(model: model, options: options, fit: fit).encoded(), source: "test")
        let restored = try archive.restore(with: definition)
        let request = ForecastRequest(horizon: 6, levels: [80, 95])
        let a: Forecast = try fit.forecast(request)
        let b: Forecast = try restored.forecast(request)
        #expect(a.mean.values == b.mean.values)
        #expect(a.lower == b.lower)
        #expect(a.upper == b.upper)
    }
}
