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
    public let configure: @Sendable (_ name: String, _ options: [String: ParameterValue]) throws(ForecastError) -> (any Forecaster)?

    public init(names: @escaping @Sendable () -> [String],
                takesOption: @escaping @Sendable (_ name: String, _ option: String) -> Bool,
                configure: @escaping @Sendable (_ name: String, _ options: [String: ParameterValue]) throws(ForecastError) -> (any Forecaster)?) {
        self.names = names
        self.takesOption = takesOption
        self.configure = configure
    }

    /// The native models of `ModelCatalog`.
    public static var catalog: ModelResolver { ModelResolver(
        names: { ModelCatalog.all.map(\.name) },
        takesOption: { name, option in
            ModelCatalog.definition(named: name)?.descriptor.parameters.contains { $0.name == option } ?? false
        },
        configure: { name, options throws(ForecastError) in
            guard let definition = ModelCatalog.definition(named: name) else { return nil }
            return try definition.configure(options, resolver: .catalog)
        }) }
}
