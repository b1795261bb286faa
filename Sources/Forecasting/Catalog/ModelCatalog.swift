import AlmanacCore

/// The native models by name, as the registry lists them. Each definition's
/// parameters include the common ones (lambda, biasadj, non_negative).
///
/// A catalog is built from definition lists so that models living in other
/// modules can join it: the statistical models are always there, and
/// `NeuralForecasting` adds nbeats and lstm (Workbench composes the two), which
/// keeps this module free of OpenBLAS. The combinations (ensemble, auto) take
/// their members from the whole catalog they belong to.
public struct ModelCatalog: Sendable {
    /// Every model, in listing order: the statistical models, the
    /// combinations, then the added definitions.
    public let definitions: [ModelDefinition]

    /// The statistical models followed by `added` (e.g. `NeuralModels.definitions`),
    /// each given the common options; ensembles and auto may name any of them.
    public init(adding added: [ModelDefinition] = []) {
        let statistical =
            (Self.baselineModels + Self.etsModels + Self.arimaModels + Self.thetaModels + Self.cesModels
            + Self.intermittentModels + Self.regressionModels).map(Self.withCommonOptions)
        let others = added.map(Self.withCommonOptions)
        let combinations = Self.combinationModels(candidates: statistical + others).map(Self.withCommonOptions)
        definitions = statistical + combinations + others
    }

    /// The model called `name`, or nil.
    public func definition(named name: String) -> ModelDefinition? {
        definitions.first { $0.name == name }
    }

    /// The statistical models only: everything this module defines.
    public static let statistical = ModelCatalog()

    /// The statistical catalog's definitions (`statistical.definitions`).
    public static var all: [ModelDefinition] { statistical.definitions }

    /// A statistical model by name (`statistical.definition(named:)`).
    public static func definition(named name: String) -> ModelDefinition? {
        statistical.definition(named: name)
    }

    /// Adds the common options to a definition and applies them around its forecaster.
    static func withCommonOptions(_ definition: ModelDefinition) -> ModelDefinition {
        var descriptor = definition.descriptor
        descriptor.parameters += CommonModelOptions.specs
        let make = definition.make
        let name = descriptor.name
        return ModelDefinition(
            descriptor: descriptor,
            resolvingMembers: { parameters, resolver in
                try CommonModelOptions.wrap(try make(parameters, resolver), parameters, model: name)
            })
    }

    /// A model definition's descriptor, with the fields every native model shares.
    package static func describe(
        _ name: String, summary: String, doc: String, parameters: [ParameterSpec] = [],
        capabilities: [String], example: String
    ) -> PluginDescriptor {
        PluginDescriptor(
            name: name, kind: .model, version: "1.0", summary: summary, doc: doc,
            parameters: parameters, capabilities: capabilities, example: example)
    }
}
