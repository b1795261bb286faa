import AlmanacCore
import Foundation
import Testing
import TimeSeries

@testable import Forecasting

/// Input errors, saving and restoring, and sample paths of the ARIMA models.
@Suite struct ARIMABehaviourTests {
    static let air = ARIMAReference.airPassengers
    static func arima(_ options: [String: ParameterValue]) throws -> any Forecaster {
        try #require(ModelCatalog.definition(named: "arima")).configure(options)
    }

    static func message(_ body: () throws -> Void) -> String {
        do { try body() } catch let error as ForecastError { return error.message } catch { return "\(error)" }
        return ""
    }

    @Test func badInputGivesClearErrors() throws {
        let short = Series(name: "short", values: [1, 2, 3, 4, 5], seasonalPeriod: 1)
        let tooShort = Self.message {
            _ = try Self.arima(["order": .numbers([2, 1, 2])]).fit(ModelData(series: short))
        }
        #expect(tooShort.contains("'short' has 5 observations") && tooShort.contains("needs at least"), "\(tooShort)")

        var gappy = Self.air
        gappy.values[10] = .nan
        let missing = Self.message { _ = try Self.arima(["order": .numbers([0, 1, 1])]).fit(ModelData(series: gappy)) }
        #expect(missing.contains("missing value"), "\(missing)")

        let flat = Series(name: "flat", values: [Double](repeating: 7, count: 30), seasonalPeriod: 1)
        let constant = Self.message { _ = try Self.arima(["order": .numbers([1, 0, 0])]).fit(ModelData(series: flat)) }
        #expect(constant.contains("constant"), "\(constant)")

        let yearly = Series(
            name: "yearly", values: (0..<40).map { Double($0 % 7) + sin(Double($0)) }, seasonalPeriod: 1)
        let seasonal = Self.message {
            _ = try Self.arima(["order": .numbers([0, 1, 1]), "seasonal": .numbers([0, 1, 1])]).fit(
                ModelData(series: yearly))
        }
        #expect(seasonal.contains("needs a seasonal series"), "\(seasonal)")

        let badOrder = Self.message { _ = try Self.arima(["order": .numbers([1, 1])]) }
        #expect(badOrder.contains("three whole numbers"), "\(badOrder)")

        let noCovariate = Self.message {
            _ = try Self.arima(["order": .numbers([1, 0, 0]), "xreg": .strings(["price"])]).fit(
                ModelData(series: Self.air))
        }
        #expect(noCovariate.contains("no covariate 'price'"), "\(noCovariate)")

        let badFixed = Self.message {
            _ = try Self.arima(["order": .numbers([1, 0, 0]), "fixed": .numbers([0.5])]).fit(
                ModelData(series: Self.air))
        }
        #expect(badFixed.contains("'fixed' needs 2 values (ar1, intercept)"), "\(badFixed)")
    }

    /// A series whose CSS fit has an explosive AR part: R stops with
    /// "non-stationary AR part from CSS"; so does Almanac, as an error.
    @Test func nonStationaryCSSStartIsAnError() throws {
        let explosive = Series(
            name: "explosive", values: (0..<40).map { pow(1.15, Double($0)) + Double($0 % 3) }, seasonalPeriod: 1)
        let message = Self.message {
            _ = try Self.arima(["order": .numbers([1, 0, 0])]).fit(ModelData(series: explosive))
        }
        #expect(message.contains("non-stationary AR part from CSS"), "\(message)")
    }

    /// Saving and restoring replays the saved coefficients: same forecasts, same statistics.
    @Test func saveRestoreRoundTrip() throws {
        for name in ["arima", "auto_arima"] {
            let definition = try #require(ModelCatalog.definition(named: name))
            let options: [String: ParameterValue] =
                name == "arima"
                ? ["order": .numbers([1, 1, 1]), "seasonal": .numbers([0, 1, 1]), "lambda": .number(0)]
                : ["lambda": .number(0)]
            let model = try definition.configure(options).fit(ModelData(series: Self.air))
            let archive = ModelArchive(model: name, options: options, fit: model)
            let decoded = try ModelArchive.decode(try archive.encoded(), source: "test")
            let restored = try decoded.restore(with: definition)
            #expect(restored.method == model.method)
            #expect(restored.parameters == model.parameters)
            #expect(restored.statistics == model.statistics)
            let a = try model.forecast(ForecastRequest(horizon: 12)),
                b = try restored.forecast(ForecastRequest(horizon: 12))
            #expect(a.mean.values == b.mean.values)
            #expect(a.upper == b.upper)
        }
    }

    /// Simulated paths: their mean and 10%/90% quantiles match the forecast and
    /// its 80% interval within Monte Carlo error (20000 paths).
    @Test func samplePathsAgreeWithIntervals() throws {
        let model = try Self.arima(["order": .numbers([1, 1, 1]), "seasonal": .numbers([0, 1, 1])]).fit(
            ModelData(series: Self.air))
        let fc = try model.forecast(ForecastRequest(horizon: 12, levels: [80]))
        var generator = SeededGenerator(seed: 42)
        let paths = try model.samplePaths(horizon: 12, count: 20000, future: [:], generator: &generator)
        for h in [0, 5, 11] {
            let values = paths.step(h).sorted()
            let mean = values.reduce(0, +) / Double(values.count)
            let sd = (fc.upper[0][h] - fc.lower[0][h]) / (2 * 1.2815515655446004)
            #expect(
                abs(mean - fc.mean.values[h]) < 4 * sd / Double(values.count).squareRoot(), "h = \(h + 1): mean \(mean)"
            )
            let q10 = values[values.count / 10], q90 = values[values.count * 9 / 10]
            #expect(abs(q10 - fc.lower[0][h]) < 0.05 * sd, "h = \(h + 1): 10% \(q10) vs \(fc.lower[0][h])")
            #expect(abs(q90 - fc.upper[0][h]) < 0.05 * sd, "h = \(h + 1): 90% \(q90) vs \(fc.upper[0][h])")
        }
    }
}
