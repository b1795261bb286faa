import AlmanacCore

/// Finds a model by name and configures it: how a combination (ensemble,
/// auto) turns the names of its members into forecasters. The catalog knows
/// the native models; a host with a plugin registry resolves through it, so a
/// member may be any model plugin (one written in Lua too).
public struct ModelResolver: Sendable {
    /// Every model name this resolver knows, for did-you-mean suggestions.
    public let names: @Sendable () -> [String]
    /// Whether model `name` declares an option called `option` (a combination passes its horizon on).
    public let takesOption: @Sendable (_ name: String, _ option: String) -> Bool
    /// Model `name` configured with `options`; nil when there is no model of that name.
    public let configure:
        @Sendable (_ name: String, _ options: [String: ParameterValue]) throws(ForecastError) -> (any Forecaster)?

    public init(
        names: @escaping @Sendable () -> [String],
        takesOption: @escaping @Sendable (_ name: String, _ option: String) -> Bool,
        configure:
            @escaping @Sendable (_ name: String, _ options: [String: ParameterValue]) throws(ForecastError) -> (
                any Forecaster
            )?
    ) {
        self.names = names
        self.takesOption = takesOption
        self.configure = configure
    }

    /// The models among `definitions` (a catalog's), each configured with this same resolver.
    public static func candidates(_ definitions: [ModelDefinition]) -> ModelResolver {
        ModelResolver(
            names: { definitions.map(\.name) },
            takesOption: { name, option in
                definitions.first { $0.name == name }?.descriptor.parameters.contains { $0.name == option } ?? false
            },
            configure: { name, options throws(ForecastError) in
                guard let definition = definitions.first(where: { $0.name == name }) else { return nil }
                return try definition.configure(options, resolver: .candidates(definitions))
            })
    }

    /// The statistical models of `ModelCatalog`.
    public static var catalog: ModelResolver { .candidates(ModelCatalog.all) }
}
