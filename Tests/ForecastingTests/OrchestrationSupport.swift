import AlmanacCore
import Foundation
import Testing
import TimeSeries

@testable import Forecasting

/// Shared fixtures of the orchestration tests (FitMany, panel backtests, save/restore).
enum Orchestration {
    /// Four years of monthly air passengers: short, seasonal, with a date index.
    static let shortSeasonal = ForecastReference.airPassengers.slice(0..<48)

    /// A small panel: slices of the air passengers, one of them too short for most models.
    static var items: [(key: String, data: ModelData)] {
        let air = ForecastReference.airPassengers
        return [
            ("a", ModelData(series: air.slice(0..<60))),
            ("b", ModelData(series: air.slice(24..<96))),
            ("short", ModelData(series: air.slice(0..<3))),
            ("c", ModelData(series: air.slice(48..<144))),
        ]
    }

    static func model(_ name: String, _ options: [String: ParameterValue] = [:]) throws -> any Forecaster {
        try #require(ModelCatalog.definition(named: name)).configure(options)
    }

    /// Equal forecasts, NaN equal to NaN: what a restored model must give.
    static func same(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
    }

    static func same(_ a: Forecast, _ b: Forecast) -> Bool {
        same(a.mean.values, b.mean.values) && a.levels == b.levels
            && zip(a.lower, b.lower).allSatisfy { same($0, $1) } && zip(a.upper, b.upper).allSatisfy { same($0, $1) }
    }
}

/// Which OS threads ran a model: each fit notes pthread_self().
final class ThreadLog: @unchecked Sendable {
    private let lock = NSLock()
    private var threads: [pthread_t] = []
    func note() {
        lock.lock()
        threads.append(pthread_self())
        lock.unlock()
    }
    var all: [pthread_t] {
        lock.lock()
        defer { lock.unlock() }
        return threads
    }
}

/// A model confined to its calling thread (as a Lua model is): naive's forecasts,
/// noting the thread of every fit; series named "fails" fail, and with `stopAt`
/// a series of that length fails with an error that stops the run.
struct ConfinedForecaster: Forecaster {
    let log: ThreadLog
    var stopAt: Int?
    var runsOnCallingThread: Bool { true }

    func fit(_ data: ModelData) throws(ForecastError) -> any FittedModel {
        log.note()
        if data.series.count == stopAt {
            var stop = ForecastError("script stopped")
            stop.stopsTheRun = true
            throw stop
        }
        guard let naive = ModelCatalog.definition(named: "naive") else { throw ForecastError("no naive") }
        return try naive.configure([:]).fit(data)
    }

    func restore(_ data: ModelData, state: JSONValue) throws(ForecastError) -> any FittedModel {
        log.note()
        guard let naive = ModelCatalog.definition(named: "naive") else { throw ForecastError("no naive") }
        return try naive.configure([:]).restore(data, state: state)
    }
}
