import AlmanacCore
import Foundation
import Testing
import TimeSeries

@testable import Forecasting

/// auto_arima against forecast::auto.arima (arima_reference.R, section d).
@Suite struct AutoARIMATests {
    /// The model R's auto.arima writes, e.g. "ARIMA(2,1,1)(0,1,0)[12]" or "ARIMA(0,1,0) with drift".
    static func chosen(_ series: Series, options: [String: ParameterValue] = [:]) throws -> String {
        try #require(ModelCatalog.definition(named: "auto_arima")).configure(options).fit(ModelData(series: series))
            .method
    }

    @Test func airPassengersMatchesR() throws {
        let air = ARIMAReference.airPassengers
        let reference = ARIMAReference.object("auto_airpassengers")
        func expected(_ key: String) -> String { (reference[key] as? [String: Any])?["arima_string"] as? String ?? "?" }
        #expect(try Self.chosen(air) == expected("stepwise"))
        #expect(try Self.chosen(air, options: ["lambda": .number(0)]) == expected("log"))
    }

    /// The exhaustive search on AirPassengers (every model up to max_order, without
    /// approximation). Minutes in a debug build, so only with ALMANAC_LONG_TESTS=1.
    @Test(.enabled(if: AutoARIMATests.longTests)) func airPassengersExhaustiveMatchesR() throws {
        let reference = ARIMAReference.object("auto_airpassengers", "nonstepwise")
        let options: [String: ParameterValue] = ["stepwise": .boolean(false), "approximation": .boolean(false)]
        #expect(try Self.chosen(ARIMAReference.airPassengers, options: options) == reference["arima_string"] as? String)
    }

    /// Tests that take many minutes in a debug build run only when asked for.
    static let longTests = ProcessInfo.processInfo.environment["ALMANAC_LONG_TESTS"] == "1"

    /// The orders and constant (forecast's arima.string, e.g. "ARIMA(0,1,1)(0,1,1)[12]",
    /// "ARIMA(1,1,0) with drift") chosen for AirPassengers and the 48 series of
    /// the M3 subset agree with R's auto.arima on at least 90% of them: the
    /// project's requirement. R's choices: forecast_reference.R (auto.arima(y)
    /// with every default; R 4.2.2, forecast 8.20). The rate is printed.
    @Test func subsetOrdersAgreeWithR() throws {
        let reference = M3SubsetReference.object("auto_arima", "subset")
        let forecaster = try #require(ModelCatalog.definition(named: "auto_arima")).configure([:])
        let series = M3SubsetReference.series
        #expect(series.count == 49)
        let expected = series.map { (reference[$0.id] as? [String: Any])?["arima_string"] as? String ?? "missing" }
        let chosen = ParallelMap.run(count: series.count, threads: ParallelMap.defaultThreads) { i in
            (try? forecaster.fit(ModelData(series: series[i].series)).method) ?? "error"
        }
        let agree = zip(chosen, expected).filter { $0 == $1 }.count
        let rate = Double(agree) / Double(series.count)
        print(
            "auto_arima: \(agree) of \(series.count) subset series choose R's model (\(String(format: "%.1f", 100 * rate))%)"
        )
        for (i, pair) in zip(chosen, expected).enumerated() where pair.0 != pair.1 {
            print("  \(series[i].id): \(pair.0) vs R \(pair.1)")
        }
        #expect(rate >= 0.9)
    }

    /// The orders and constant chosen for every 10th M3 series agree with R's on
    /// at least 90% of the series (the project's requirement). The rate is printed.
    /// About 4.5 CPU-minutes in a release build, far more in debug: only with
    /// ALMANAC_LONG_TESTS=1 (bench/arima/auto_arima_m3.lua gives the same figures).
    @Test(.enabled(if: AutoARIMATests.longTests)) func m3OrdersAgreeWithR() throws {
        let reference = ARIMAReference.object("auto_m3")
        let definition = try #require(ModelCatalog.definition(named: "auto_arima"))
        let forecaster = try definition.configure([:])
        let series = ARIMAReference.m3
        #expect(series.count == 300)
        let expected = series.map { (reference[$0.id] as? [String: Any])?["arima_string"] as? String ?? "missing" }
        let labels = ParallelMap.run(count: series.count, threads: ParallelMap.defaultThreads) { i in
            (try? forecaster.fit(ModelData(series: series[i].series)).method) ?? "error"
        }
        let results = Array(zip(labels, expected))
        let agree = results.filter { $0.0 == $0.1 }.count
        let rate = Double(agree) / Double(results.count)
        print(
            "auto_arima: \(agree) of \(results.count) M3 series choose R's model (\(String(format: "%.1f", 100 * rate))%)"
        )
        for (i, r) in results.enumerated() where r.0 != r.1 { print("  \(series[i].id): \(r.0) vs R \(r.1)") }
        #expect(rate >= 0.9)
    }
}
