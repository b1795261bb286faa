import AlmanacCore
import TimeSeries

/// What a model is fitted to: the series and, for models with regressors,
/// its covariates by name. A covariate may run past the end of the series:
/// the extra values are known future values (planned promotions, prices).
public struct ModelData: Sendable {
    /// The series to fit.
    public var series: Series
    /// Covariates by name, aligned with the series; values past its end are known future values.
    public var covariates: [String: [Double]]
    /// Static attributes as text (category, store), for models that embed them.
    public var attributes: [String: String]

    /// A series with optional covariates and attributes.
    public init(series: Series, covariates: [String: [Double]] = [:], attributes: [String: String] = [:]) {
        self.series = series
        self.covariates = covariates
        self.attributes = attributes
    }

    /// A panel entry's series, covariates and attributes.
    public init(_ entry: Panel.Entry) {
        self.init(
            series: entry.series, covariates: entry.covariates, attributes: entry.attributes.mapValues(\.description))
    }
}

/// A model family with its options chosen: fits a series, or rebuilds a fit
/// from its saved state without re-estimating.
public protocol Forecaster: Sendable {
    func fit(_ data: ModelData) throws(ForecastError) -> any FittedModel
    func restore(_ data: ModelData, state: JSONValue) throws(ForecastError) -> any FittedModel
    /// Fits all series at once, for models that learn across series (global
    /// models); nil for the usual per-series models (see PanelFitting.swift).
    func fitTogether(_ items: [ModelData], threads: Int, progress: TrainingProgress?) throws(ForecastError)
        -> [PanelMember]?
    /// True for global models, which fit_many and backtest give the whole panel.
    var learnsAcrossSeries: Bool { get }
    /// True for a model that must run on the thread that called it (one written
    /// in Lua: a Lua state is single-threaded). FitMany, Backtest and combinations
    /// then fit it series after series on the calling thread, whatever `threads` says.
    var runsOnCallingThread: Bool { get }
}

/// A model family as the registry lists it: its self-description and how to
/// configure it from validated options.
public struct ModelDefinition: Sendable {
    /// The model's self-description: name, parameters, docs, example.
    public let descriptor: PluginDescriptor
    /// Builds the forecaster; throws ForecastError for options that do not fit together.
    /// The resolver finds the models a combination (ensemble, auto) names as members;
    /// nil: among the catalog the combination belongs to.
    public let make: @Sendable (ParameterSet, ModelResolver?) throws -> any Forecaster

    /// A definition from its descriptor and the function that configures it.
    public init(descriptor: PluginDescriptor, make: @escaping @Sendable (ParameterSet) throws -> any Forecaster) {
        self.descriptor = descriptor
        self.make = { parameters, _ in try make(parameters) }
    }

    /// A model made of other models, which it finds through the resolver it is configured with.
    public init(
        descriptor: PluginDescriptor,
        resolvingMembers make: @escaping @Sendable (ParameterSet, ModelResolver?) throws -> any Forecaster
    ) {
        self.descriptor = descriptor
        self.make = make
    }

    /// The model's name ("ets").
    public var name: String { descriptor.name }

    /// Validates `options` against the declared parameters and configures the model;
    /// members of a combination are found through `resolver` (nil: among the models
    /// of the catalog the combination belongs to).
    public func configure(
        _ options: [String: ParameterValue],
        resolver: ModelResolver? = nil
    ) throws(ForecastError) -> any Forecaster {
        let set: ParameterSet
        do { set = try descriptor.parameters.validate(options, for: descriptor.name) } catch {
            throw ForecastError(error.message)
        }
        do { return try make(set, resolver) } catch let error as ForecastError { throw error } catch {
            throw ForecastError("\(descriptor.name): \(error)")
        }
    }
}
