import AlmanacCore

/// Every native model, as the registry lists them. Each definition's
/// parameters include the common ones (lambda, biasadj, non_negative).
public enum ModelCatalog {
    public static let all: [ModelDefinition] = (baselineModels + etsModels + arimaModels + thetaModels + cesModels
        + intermittentModels + regressionModels + combinationModels + neuralModels).map(withCommonOptions)

    public static func definition(named name: String) -> ModelDefinition? {
        all.first { $0.name == name }
    }

    /// Adds the common options to a definition and applies them around its forecaster.
    static func withCommonOptions(_ definition: ModelDefinition) -> ModelDefinition {
        var descriptor = definition.descriptor
        descriptor.parameters += CommonModelOptions.specs
        let make = definition.make
        let name = descriptor.name
        return ModelDefinition(descriptor: descriptor, resolvingMembers: { parameters, resolver in
            try CommonModelOptions.wrap(try make(parameters, resolver), parameters, model: name)
        })
    }

    /// A model definition's descriptor, with the fields every native model shares.
    static func describe(_ name: String, summary: String, doc: String, parameters: [ParameterSpec] = [],
                         capabilities: [String], example: String) -> PluginDescriptor {
        PluginDescriptor(name: name, kind: .model, version: "1.0", summary: summary, doc: doc,
                         parameters: parameters, capabilities: capabilities, example: example)
    }
}
