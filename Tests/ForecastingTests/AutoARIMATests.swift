import AlmanacCore
import Foundation
import Testing
import TimeSeries
@testable import Forecasting

/// auto_arima against forecast::auto.arima (arima_reference.R, section d).
@Suite struct AutoARIMATests {
    /// The model R's auto.arima writes, e.g. "ARIMA(2,1,1)(0,1,0)[12]" or "ARIMA(0,1,0) with drift".
    static func chosen(_ series: Series, options: [String: ParameterValue] = [:]) throws -> String {
        try #require(ModelCatalog.definition(named: "auto_arima")).configure(options).fit(ModelData(series: series)).method
    }

    @Test func airPassengersMatchesR() throws {
        let air = ARIMAReference.airPassengers
        let reference = ARIMAReference.object("auto_airpassengers")
        func expected(_ key: String) -> String { (reference[key] as? [String: Any])?["arima_string"] as? String ?? "?" }
        #expect(try Self.chosen(air) == expected("stepwise"))
        #expect(try Self.chosen(air, options: ["lambda": .number(0)]) == expected("log"))
        #expect(try Self.chosen(air, options: ["stepwise": .boolean(false), "approximation": .boolean(false)]) == expected("nonstepwise"))
    }

    /// The orders and constant chosen for every 10th M3 series agree with R's on
    /// at least 90% of the series (the project's requirement). The rate is printed.
    @Test func m3OrdersAgreeWithR() throws {
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
        print("auto_arima: \(agree) of \(results.count) M3 series choose R's model (\(String(format: "%.1f", 100 * rate))%)")
        for (i, r) in results.enumerated() where r.0 != r.1 { print("  \(series[i].id): \(r.0) vs R \(r.1)") }
        #expect(rate >= 0.9)
    }
}
