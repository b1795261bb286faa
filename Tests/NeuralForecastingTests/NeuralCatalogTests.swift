import AlmanacCore
import Forecasting
import NeuralForecasting
import Testing
import TimeSeries

/// The neural models live in their own module and join a catalog from
/// outside: the composed catalog must list them where the single catalog
/// did (after the combinations), and ensembles must find them as members.
@Suite struct NeuralCatalogTests {
    @Test func neuralModelsFollowTheStatisticalOnes() {
        let composed = ModelCatalog(adding: NeuralModels.definitions).definitions.map(\.name)
        let statistical = ModelCatalog.statistical.definitions.map(\.name)
        #expect(composed == statistical + ["nbeats", "lstm"])
    }

    @Test func neuralDefinitionsGetTheCommonOptions() throws {
        let catalog = ModelCatalog(adding: NeuralModels.definitions)
        let nbeats = try #require(catalog.definition(named: "nbeats"))
        let names = Set(nbeats.descriptor.parameters.map(\.name))
        #expect(names.isSuperset(of: CommonModelOptions.specs.map(\.name)))
    }

    /// An ensemble names a neural member only in a catalog that has it.
    @Test func ensemblesFindNeuralMembersInTheComposedCatalog() throws {
        let options: [String: ParameterValue] = ["members": .strings(["ets", "nbeats:steps=5,members=1,width=8"])]
        let composed = try #require(ModelCatalog(adding: NeuralModels.definitions).definition(named: "ensemble"))
        _ = try composed.configure(options)
        let statistical = try #require(ModelCatalog.statistical.definition(named: "ensemble"))
        #expect(throws: ForecastError.self) { try statistical.configure(options) }
    }
}
