import AlmanacCore
import Testing
import TimeSeries

@testable import Forecasting

/// The Theta, CES and intermittent models by the names the catalog promises, and the
/// errors they give on data they cannot use: each names the model and what is wrong.
@Suite struct ForecastInputErrorTests {
    static let thetaAndCES = [
        "theta", "optimized_theta", "dynamic_theta", "dynamic_optimized_theta", "auto_theta", "ces",
    ]
    static let intermittent = ["croston", "sba", "tsb", "adida", "imapa"]

    @Test func modelsExistUnderTheirNames() {
        for name in Self.thetaAndCES + Self.intermittent {
            #expect(ModelCatalog.definition(named: name) != nil, "\(name) is not in the catalog")
        }
        for name in Self.intermittent {
            let d = ModelCatalog.definition(named: name)!.descriptor
            #expect(d.capabilities.contains("intermittent") && d.capabilities.contains("samples"), "\(name)")
            #expect(d.example?.contains("forecast.fit(\"\(name)\"") == true, "\(name): the example does not fit it")
        }
    }

    /// The message from fitting `name` to `values`, or nil if it fits.
    func failure(_ name: String, _ values: [Double], _ options: [String: ParameterValue] = [:]) -> String? {
        do {
            _ = try ModelCatalog.definition(named: name)!.configure(options).fit(
                ModelData(series: Series(name: "demand", values: values)))
            return nil
        } catch { return error.message }
    }

    @Test func emptyShortAndMissingDataAreRefused() {
        for name in Self.thetaAndCES + Self.intermittent {
            let empty = failure(name, [])
            #expect(
                empty?.hasPrefix("\(name): ") == true && empty?.contains("is empty") == true,
                "\(name): \(empty ?? "fitted")")
            let short = failure(name, [4])
            #expect(
                short?.contains("1 observation") == true && short?.contains("at least") == true,
                "\(name): \(short ?? "fitted")")
            let missing = failure(name, [1, 0, 2, .nan, 3, 0, 1, 2, 0, 4, 1, 0])
            #expect(missing?.contains("missing value") == true, "\(name): \(missing ?? "fitted")")
            let infinite = failure(name, [1, 0, 2, .infinity, 3, 0, 1, 2, 0, 4, 1, 0])
            #expect(infinite?.contains("infinite") == true, "\(name): \(infinite ?? "fitted")")
        }
    }

    @Test func negativeDemandIsRefused() {
        for name in Self.intermittent {
            let message = failure(name, [0, 2, 0, -1, 3, 0, -2])
            #expect(
                message?.contains("cannot be negative") == true && message?.contains("2 negative values") == true
                    && message?.contains("-1") == true, "\(name): \(message ?? "fitted")")
        }
    }

    @Test func badOptionsAreRefused() {
        let y: [Double] = [0, 2, 0, 0, 3, 0, 1]
        #expect(
            failure("croston", y, ["alpha": .number(0)])?.contains(
                "'alpha' must be a number in (0, 1] or \"optimized\"") == true)
        #expect(failure("sba", y, ["alpha": .string("auto")])?.contains("\"optimized\"") == true)
        #expect(failure("tsb", y, ["alpha_p": .number(1.5)]) != nil)
        #expect(failure("adida", y, ["aggregation_level": .integer(8)])?.contains("longer than") == true)
        #expect(failure("imapa", y, ["max_aggregation_level": .integer(0)]) != nil)
        #expect(failure("croston", y, ["alpha": .integer(1)]) == nil)
    }

    /// As R's croston and statsforecast: no demand at all forecasts zero, with a note saying so.
    @Test func aSeriesWithoutDemandForecastsZero() throws {
        for name in Self.intermittent {
            let m = try ModelCatalog.definition(named: name)!.configure([:]).fit(
                ModelData(series: Series(values: [0, 0, 0, 0])))
            let fc = try m.forecast(ForecastRequest(horizon: 2, levels: [95]))
            #expect(fc.mean.values == [0, 0] && fc.upper[0] == [0, 0], "\(name)")
            #expect(m.fitted.dropFirst().allSatisfy { $0 == 0 } && m.fitted[0].isNaN, "\(name)")
            #expect(m.notes.first?.contains("no demand") == true, "\(name)")
            var g = SeededGenerator(seed: 1)
            #expect(try m.samplePaths(horizon: 3, count: 4, future: [:], generator: &g).values.allSatisfy { $0 == 0 })
        }
    }
}
