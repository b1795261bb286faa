import AlmanacCore
import Foundation
import Testing
import TimeSeries

@testable import Forecasting

/// Backtest.runPanel: one code path for a panel, which must give each series
/// what its own backtest gives.
@Suite struct PanelBacktestTests {
    static let options = Backtest.Options(horizon: 6, windows: 3, step: 2)

    func expectSame(
        _ panel: [Result<Backtest.Summary, ForecastError>], _ alone: [Result<Backtest.Summary, ForecastError>]
    ) {
        #expect(panel.count == alone.count)
        for (p, a) in zip(panel, alone) {
            switch (p, a) {
            case (.success(let p), .success(let a)):
                #expect(Orchestration.same(p.maeByHorizon, a.maeByHorizon))
                #expect(
                    Orchestration.same(
                        [p.metrics.mase, p.metrics.mae, p.metrics.rmse],
                        [a.metrics.mase, a.metrics.mae, a.metrics.rmse]))
                #expect(p.coverage == a.coverage)
                #expect(zip(p.windows, a.windows).allSatisfy { Orchestration.same($0.forecast, $1.forecast) })
            case (.failure(let p), .failure(let a)):
                #expect(p.message == a.message)
            default:
                Issue.record("panel \(p) but alone \(a)")
            }
        }
    }

    func alone(_ forecaster: any Forecaster, refit: Bool) -> [Result<Backtest.Summary, ForecastError>] {
        Orchestration.items.map { item in
            do throws(ForecastError) {
                return .success(
                    try Backtest.runSeries(item.data, forecaster: forecaster, options: Self.options, refit: refit))
            } catch {
                return .failure(error)
            }
        }
    }

    @Test(arguments: [true, false]) func aPanelMatchesItsSeriesBacktests(refit: Bool) throws {
        let ets = try Orchestration.model("ets", ["model": .string("MAM")])
        let panel = try Backtest.runPanel(
            Orchestration.items.map(\.data), forecaster: ets, options: Self.options,
            refit: refit, threads: 4)
        expectSame(panel, alone(ets, refit: refit))
        if case .failure(let error) = panel[2] {
            #expect(error.message.contains("too few"))
        } else {
            Issue.record("the short series passed")
        }
    }

    @Test func refitFalseReplaysTheFirstEstimates() throws {
        let ets = try Orchestration.model("ets")
        let data = Orchestration.items[3].data
        let replayed = try Backtest.runSeries(data, forecaster: ets, options: Self.options, refit: false)
        let first = try ets.fit(ModelData(series: data.series.slice(0..<(data.series.count - 10))))
        let window = ModelData(series: data.series.slice(0..<(data.series.count - 8)))
        let expected = try first.applied(to: window, forecaster: ets).forecast(ForecastRequest(horizon: 6))
        #expect(Orchestration.same(replayed.windows[1].forecast.mean.values, expected.mean.values))
    }

    @Test func aConfinedModelIsBacktestedOnTheCallingThread() throws {
        let log = ThreadLog()
        let confined = ConfinedForecaster(log: log)
        let panel = try Backtest.runPanel(
            Orchestration.items.map(\.data), forecaster: confined, options: Self.options,
            refit: true, threads: 8)
        expectSame(panel, alone(try Orchestration.model("naive"), refit: true))
        #expect(log.all.count == 9 && log.all.allSatisfy { pthread_equal($0, pthread_self()) != 0 })
    }
}
