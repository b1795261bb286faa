import AlmanacCore
import Foundation
import TimeSeries

/// A fitted model saved as JSON: the model's name and options, the data, and
/// its estimates. Loading replays the model on the data with those estimates;
/// nothing is re-estimated, so a loaded model forecasts exactly as the saved one.
public struct ModelArchive: Codable, Sendable {
    /// The `format` field every saved model carries.
    public static let formatName = "almanac-model"
    /// The version written; older versions are read.
    public static let currentVersion = 1

    /// The fitted series as saved: its calendar by label, missing values as null.
    public struct SavedSeries: Codable, Sendable {
        var name: String
        var frequency: String
        var start: String
        var period: Int
        var values: [Double?]
    }

    /// Always `formatName`.
    public var format: String
    /// The format version.
    public var version: Int
    /// The model's catalog name.
    public var model: String
    /// What was fitted ("ETS(M,A,M)"), for reading the file.
    public var method: String
    /// The options the model was configured with.
    public var options: [String: JSONValue]
    /// The data it was fitted to.
    public var series: SavedSeries
    /// Its covariates, including known future values.
    public var covariates: [String: [Double]]
    /// The fit's `savedState`.
    public var state: JSONValue

    /// The archive of `fit`, configured with `options`.
    public init(
        model: String, options: [String: ParameterValue], fit: any FittedModel, covariates: [String: [Double]] = [:]
    ) {
        format = Self.formatName
        version = Self.currentVersion
        self.model = model
        method = fit.method
        self.options = options.mapValues { value in
            switch value {
            case .number(let x): return .number(x)
            case .integer(let i): return .number(Double(i))
            case .string(let s): return .string(s)
            case .boolean(let b): return .bool(b)
            // NaN: "estimate" in arima's fixed
            case .numbers(let xs): return .array(xs.map { $0.isNaN ? .null : .number($0) })
            case .strings(let xs): return .array(xs.map { .string($0) })
            case .opaque: return .null
            }
        }
        let s = fit.series
        series = SavedSeries(
            name: s.name, frequency: s.frequency.rawValue, start: s.count > 0 ? s.label(at: 0) : "1",
            period: s.seasonalPeriod, values: s.values.map { $0.isNaN ? nil : $0 })
        self.covariates = covariates
        state = fit.savedState
    }

    /// The archive as JSON.
    public func encoded() throws(ForecastError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do { return try encoder.encode(self) } catch { throw ForecastError("save: \(error)") }
    }

    /// Reads an archive; `source` (a path) names it in errors.
    public static func decode(_ data: Data, source: String) throws(ForecastError) -> ModelArchive {
        let archive: ModelArchive
        do { archive = try JSONDecoder().decode(ModelArchive.self, from: data) } catch {
            throw ForecastError("\(source) is not a saved Almanac model (\(error))")
        }
        guard archive.format == formatName else {
            throw ForecastError("\(source): format '\(archive.format)' is not \(formatName)")
        }
        guard archive.version <= currentVersion else {
            throw ForecastError(
                "\(source): saved by a newer Almanac (format version \(archive.version)); this one reads version \(currentVersion)"
            )
        }
        return archive
    }

    /// The options as parameter values again.
    public var parameterOptions: [String: ParameterValue] {
        var out: [String: ParameterValue] = [:]
        for (key, value) in options {
            switch value {
            case .number(let x): out[key] = x == x.rounded() && abs(x) < 1e15 ? .integer(Int(x)) : .number(x)
            case .string(let s): out[key] = .string(s)
            case .bool(let b): out[key] = .boolean(b)
            case .array(let items):
                let strings = items.compactMap(\.stringValue)
                if !items.isEmpty && strings.count == items.count { out[key] = .strings(strings); break }
                out[key] = .numbers(
                    items.compactMap {
                        switch $0 {
                        case .number(let x): return x
                        case .null: return .nan
                        default: return nil
                        }
                    })
            default: break
            }
        }
        return out
    }

    /// The saved series with its calendar.
    public func rebuiltSeries() throws(ForecastError) -> Series {
        guard let frequency = Frequency(rawValue: series.frequency) else {
            throw ForecastError("saved model: unknown frequency '\(series.frequency)'")
        }
        let probe = TimeIndex(frequency: frequency, start: 0)
        guard let start = probe.ordinal(ofLabel: series.start) else {
            throw ForecastError("saved model: cannot read the start '\(series.start)' as a \(frequency.rawValue) label")
        }
        return Series(
            name: series.name, values: series.values.map { $0 ?? .nan },
            index: TimeIndex(frequency: frequency, start: start), seasonalPeriod: series.period)
    }

    /// Rebuilds the fit with `definition` (the saved model's own).
    public func restore(with definition: ModelDefinition) throws(ForecastError) -> any FittedModel {
        try restore(using: try definition.configure(parameterOptions))
    }

    /// Rebuilds the fit with `forecaster`: the saved model configured with `parameterOptions`,
    /// however the caller found it (a host resolves a Lua model plugin through its registry).
    public func restore(using forecaster: any Forecaster) throws(ForecastError) -> any FittedModel {
        try forecaster.restore(ModelData(series: try rebuiltSeries(), covariates: covariates), state: state)
    }
}
