import AlmanacCore
import TimeSeries

/// A native model with its options chosen in Swift: the typed face of what a
/// script writes as `forecast.fit("ets", series, { model = "MAM" })`.
///
/// Every conforming type fits through its model's `ModelDefinition` in a
/// `ModelCatalog`, so Swift and Lua get the same defaults, validation, error
/// messages and estimates; the typed structs only spare a Swift caller the
/// option names. `ETS`, `ARIMA`, `AutoARIMA` and `Theta` are typed;
/// `NamedModel` reaches every other model by its catalog name.
///
/// ```swift
/// let fit = try ETS(model: "MAM").fit(series)
/// let forecast = try fit.forecast(h: 12)
/// ```
public protocol ForecastModel: Sendable {
    /// The model's name in the catalog and in the reference ("ets").
    var name: String { get }
    /// The options under the names the catalog's parameters use; an option
    /// left out takes its declared default.
    var options: [String: ParameterValue] { get }
}

extension ForecastModel {
    /// The configured forecaster, after the same validation a script's options get.
    ///
    /// - Parameter catalog: where to find the model; the statistical models by
    ///   default, `ModelCatalog(adding: NeuralModels.definitions)` for nbeats and lstm.
    /// - Throws: `ForecastError` for an unknown model or options that do not validate.
    public func forecaster(in catalog: ModelCatalog = .statistical) throws(ForecastError) -> any Forecaster {
        guard let definition = catalog.definition(named: name) else {
            var message = "no model named '\(name)'"
            if let guess = closestMatch(to: name, in: catalog.definitions.map(\.name)) {
                message += " (did you mean '\(guess)'?)"
            }
            throw ForecastError(message)
        }
        return try definition.configure(options)
    }

    /// Fits the model to `series` (no covariates).
    public func fit(_ series: Series, in catalog: ModelCatalog = .statistical) throws(ForecastError) -> any FittedModel
    {
        try fit(ModelData(series: series), in: catalog)
    }

    /// Fits the model to `data`: a series with its covariates and attributes.
    public func fit(_ data: ModelData, in catalog: ModelCatalog = .statistical) throws(ForecastError) -> any FittedModel
    {
        try forecaster(in: catalog).fit(data)
    }
}

/// Any model of a catalog by name, with its options as docs/reference.md
/// lists them: `NamedModel("croston", options: ["alpha": .number(0.1)])`.
public struct NamedModel: ForecastModel {
    /// The model's name in the catalog.
    public var name: String
    /// Its options by parameter name; left out, an option takes its default.
    public var options: [String: ParameterValue]

    /// The model called `name` with `options` (checked when it is configured or fitted).
    public init(_ name: String, options: [String: ParameterValue] = [:]) {
        self.name = name
        self.options = options
    }
}
