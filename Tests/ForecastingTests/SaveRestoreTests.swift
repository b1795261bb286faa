import AlmanacCore
import Foundation
import Testing
import TimeSeries

@testable import Forecasting

/// Every model in the catalog survives save and restore: fitted on a short
/// seasonal series, written as a ModelArchive, read back and rebuilt, it
/// forecasts exactly as before (nothing is re-estimated).
@Suite struct SaveRestoreTests {
    /// Combinations of a few quick members (the neural models' round trip is in NeuralForecastingTests).
    static let options: [String: [String: ParameterValue]] = [
        "ensemble": ["members": .strings(["ets", "theta", "naive"])],
        "auto": ["candidates": .strings(["ets", "snaive", "drift"])],
    ]

    @Test(arguments: ModelCatalog.all.map(\.name))
    func savedAndRestoredForecastsAreIdentical(model: String) throws {
        let definition = try #require(ModelCatalog.definition(named: model))
        let options = Self.options[model] ?? [:]
        let fit = try definition.configure(options).fit(ModelData(series: Orchestration.shortSeasonal))
        let bytes = try ModelArchive(model: model, options: options, fit: fit).encoded()
        let archive = try ModelArchive.decode(bytes, source: "test")
        let restored = try archive.restore(with: definition)
        let request = ForecastRequest(horizon: 6, levels: [80, 95])
        #expect(restored.method == fit.method)
        #expect(Orchestration.same(try fit.forecast(request), try restored.forecast(request)))
    }
}
