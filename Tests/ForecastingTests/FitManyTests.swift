import AlmanacCore
import Foundation
import Testing
import TimeSeries

@testable import Forecasting

/// FitMany: one model on every series of a panel, with a stated fallback.
@Suite struct FitManyTests {
    @Test func fitsEverySeriesAsAFitOfItsOwnWould() throws {
        let ets = try Orchestration.model("ets")
        let items = Orchestration.items.filter { $0.key != "short" }
        let outcomes = try FitMany.run(items, forecaster: ets, fallback: nil, threads: 4)
        #expect(outcomes.map(\.key) == items.map(\.key))
        for (outcome, item) in zip(outcomes, items) {
            let alone = try ets.fit(item.data).forecast(ForecastRequest(horizon: 6))
            let many = try #require(outcome.model).forecast(ForecastRequest(horizon: 6))
            #expect(Orchestration.same(alone, many))
            #expect(outcome.failure == nil && outcome.fallbackUsed == nil)
        }
    }

    @Test func aSeriesThatFailsGetsTheFallbackAndKeepsItsReason() throws {
        let snaive = try Orchestration.model("snaive")
        let naive = try Orchestration.model("naive")
        let outcomes = try FitMany.run(Orchestration.items, forecaster: snaive, fallback: ("naive", naive), threads: 3)
        let short = try #require(outcomes.first { $0.key == "short" })
        #expect(short.fallbackUsed == "naive")
        #expect(short.model?.modelName == "naive")
        let reason: String? = {
            do throws(ForecastError) { _ = try snaive.fit(Orchestration.items[2].data); return nil } catch {
                return error.message
            }
        }()
        #expect(reason != nil && short.failure == reason)
        #expect(
            outcomes.filter { $0.key != "short" }.allSatisfy { $0.failure == nil && $0.model?.modelName == "snaive" })
    }

    @Test func aFallbackThatFailsTooIsReported() throws {
        let items = [(key: "empty", data: ModelData(series: Series(values: [])))]
        let outcomes = try FitMany.run(
            items, forecaster: try Orchestration.model("ets"),
            fallback: ("naive", try Orchestration.model("naive")), threads: 2)
        #expect(outcomes[0].model == nil && outcomes[0].fallbackUsed == nil)
        #expect(outcomes[0].failure?.contains("; the fallback naive failed too: ") == true)
    }

    @Test func aModelConfinedToItsThreadIsFittedOnTheCallingThread() throws {
        let log = ThreadLog()
        let items = Orchestration.items + Orchestration.items.map { ($0.key + "2", $0.data) }
        let outcomes = try FitMany.run(items, forecaster: ConfinedForecaster(log: log), fallback: nil, threads: 8)
        #expect(outcomes.allSatisfy { $0.model != nil })
        #expect(log.all.count == items.count)
        #expect(log.all.allSatisfy { pthread_equal($0, pthread_self()) != 0 })
    }

    @Test func aConfinedFallbackKeepsTheNativeModelOnTheCallingThreadToo() throws {
        let log = ThreadLog()
        let outcomes = try FitMany.run(
            Orchestration.items, forecaster: try Orchestration.model("snaive"),
            fallback: ("confined", ConfinedForecaster(log: log)), threads: 8)
        #expect(outcomes.first { $0.key == "short" }?.fallbackUsed == "confined")
        #expect(log.all.count == 1 && pthread_equal(log.all[0], pthread_self()) != 0)
    }

    @Test func anErrorThatStopsTheRunIsThrownNotFallenBackFrom() throws {
        let log = ThreadLog()
        #expect(throws: ForecastError.self) {
            try FitMany.run(
                Orchestration.items, forecaster: ConfinedForecaster(log: log, stopAt: 72),
                fallback: ("naive", try Orchestration.model("naive")), threads: 4)
        }
        #expect(log.all.count == 2)  // "a", then "b" stops the run: nothing after it is fitted
    }

    @Test func anEnsembleWithAConfinedMemberRunsOnTheCallingThread() throws {
        let log = ThreadLog()
        let resolver = ModelResolver(
            names: { ModelCatalog.all.map(\.name) + ["confined"] },
            takesOption: { _, _ in false },
            configure: { name, options throws(ForecastError) in
                if name == "confined" { return ConfinedForecaster(log: log) }
                return try ModelResolver.catalog.configure(name, options)
            })
        let ensemble = try #require(ModelCatalog.definition(named: "ensemble"))
            .configure(["members": .strings(["confined", "drift"])], resolver: resolver)
        #expect(ensemble.runsOnCallingThread)
        let items = Orchestration.items.filter { $0.key != "short" }
        let outcomes = try FitMany.run(items, forecaster: ensemble, fallback: nil, threads: 4)
        #expect(outcomes.allSatisfy { $0.model?.method.hasPrefix("Ensemble (mean of Naive, ") == true })
        #expect(log.all.count == items.count && log.all.allSatisfy { pthread_equal($0, pthread_self()) != 0 })
    }
}
