import AlmanacCore
import Foundation
import Testing
import TimeSeries

@testable import Forecasting

/// ensemble and auto: combinations built from the members' own fits, so each
/// expectation is recomputed from the members fitted alone.
@Suite struct CombinationTests {
    static let air = ForecastReference.airPassengers
    /// A noisy upward line: drift forecasts its end far better than the mean does.
    static let trending: Series = {
        let values = (0..<60).map { (t: Int) -> Double in
            let x = Double(t)
            return 10 + 0.8 * x + 3 * sin(1.7 * x)
        }
        return Series(name: "trend", values: values)
    }()

    static func model(_ name: String, _ options: [String: ParameterValue] = [:]) throws -> any Forecaster {
        try ModelCatalog.definition(named: name)!.configure(options)
    }

    static func forecast(_ name: String, _ series: Series, h: Int, levels: [Double] = [80, 95]) throws -> Forecast {
        try model(name).fit(ModelData(series: series)).forecast(ForecastRequest(horizon: h, levels: levels))
    }

    @Test func meanEnsembleAveragesMeansAndBounds() throws {
        let names = ["naive", "drift", "mean"]
        let fit = try Self.model("ensemble", ["members": .strings(names)]).fit(ModelData(series: Self.air))
        let fc = try fit.forecast(ForecastRequest(horizon: 12, levels: [80, 95]))
        let parts = try names.map { try Self.forecast($0, Self.air, h: 12) }
        func average(_ value: (Forecast) -> Double) -> Double { parts.map(value).reduce(0, +) / 3 }
        for h in 0..<12 {
            let mean = average { $0.mean.values[h] }
            #expect(abs(fc.mean.values[h] - mean) < 1e-9)
            for k in 0..<2 {
                let lower = average { $0.lower[k][h] }, upper = average { $0.upper[k][h] }
                #expect(abs(fc.lower[k][h] - lower) < 1e-9)
                #expect(abs(fc.upper[k][h] - upper) < 1e-9)
            }
        }
        #expect(fit.method.hasPrefix("Ensemble (mean of Naive, Random walk with drift, Mean"))
        let third: Double = 1.0 / 3
        let weights: [Double] = fit.parameters.map(\.value)
        #expect(weights == [third, third, third])
    }

    @Test func medianEnsembleTakesTheMiddleMember() throws {
        let names = ["naive", "drift", "mean"]
        let fc = try Self.model("ensemble", ["members": .strings(names), "combine": .string("median")])
            .fit(ModelData(series: Self.trending)).forecast(ForecastRequest(horizon: 5, levels: []))
        let parts = try names.map { try Self.forecast($0, Self.trending, h: 5, levels: []) }
        for h in 0..<5 {
            let sorted = parts.map { $0.mean.values[h] }.sorted()
            #expect(fc.mean.values[h] == sorted[1])
        }
    }

    @Test func aFailingMemberIsLeftOutWithANote() throws {
        let yearly = Series(name: "yearly", values: Self.trending.values)  // no season: snaive cannot fit
        let fit = try Self.model("ensemble", ["members": .strings(["snaive", "naive"])]).fit(ModelData(series: yearly))
        #expect(fit.notes.contains { $0.hasPrefix("left out of the combination: snaive:") })
        let alone = try Self.forecast("naive", yearly, h: 3)
        #expect(try fit.forecast(ForecastRequest(horizon: 3)).mean.values == alone.mean.values)
    }

    @Test func badMemberListsAreExplained() throws {
        func message(_ options: [String: ParameterValue]) -> String {
            do {
                _ = try Self.model("ensemble", options).fit(ModelData(series: Self.trending)); return "(no error)"
            } catch let error as ForecastError {
                return error.message
            } catch { return "\(error)" }
        }
        #expect(
            message(["members": .strings(["naive", "thetta"])]).contains(
                "ensemble: no model named 'thetta' in members (did you mean 'theta'?)"))
        #expect(message(["members": .strings(["naive", "ensemble"])]).contains("cannot include ensemble"))
        #expect(message(["members": .strings([])]).contains("members is empty"))
        #expect(message(["members": .strings(["naive", "naive"])]).contains("naive appears twice"))
        let yearly = Series(name: "yearly", values: [1, 2, 3, 4, 5, 6])
        #expect(throws: ForecastError.self) {
            try Self.model("ensemble", ["members": .strings(["snaive"])]).fit(ModelData(series: yearly))
        }
    }

    @Test func ensembleSamplePathsPoolAnEqualShareOfEachMember() throws {
        let fit = try Self.model("ensemble", ["members": .strings(["naive", "mean"])]).fit(ModelData(series: Self.air))
        var g1 = SeededGenerator(seed: 7), g2 = SeededGenerator(seed: 7)
        let a = try fit.samplePaths(horizon: 4, count: 11, future: [:], generator: &g1)
        let b = try fit.samplePaths(horizon: 4, count: 11, future: [:], generator: &g2)
        #expect(a.count == 11 && a.values.count == 44 && a == b)
        // The first half of a large draw is naive's (centred on the last value), the second the
        // mean model's (centred on the overall mean); each share's average is within a few
        // standard errors of its centre (naive's step sd ≈ 33, the mean model's ≈ 120).
        var g3 = SeededGenerator(seed: 11)
        let big = try fit.samplePaths(horizon: 1, count: 2000, future: [:], generator: &g3)
        let last = Self.air.values.last!, overallMean = Self.air.values.reduce(0, +) / Double(Self.air.count)
        let firstShare = big.values[..<1000].reduce(0, +) / 1000, secondShare = big.values[1000...].reduce(0, +) / 1000
        #expect(abs(firstShare - last) < 5 && abs(secondShare - overallMean) < 20)
    }

    @Test func combinationsRestoreFromTheirSavedState() throws {
        for (name, options) in [
            ("ensemble", ["members": ParameterValue.strings(["ets", "theta"])]),
            ("auto", ["candidates": .strings(["naive", "drift", "ses"])]),
        ] {
            let forecaster = try Self.model(name, options)
            let fit = try forecaster.fit(ModelData(series: Self.air))
            let restored = try forecaster.restore(ModelData(series: Self.air), state: fit.savedState)
            let request = ForecastRequest(horizon: 6, levels: [90])
            #expect(try restored.forecast(request) == fit.forecast(request), "\(name)")
            #expect(restored.method == fit.method && restored.notes == fit.notes)
        }
    }

    /// auto's choice is the candidate with the smallest holdout MAE, recomputed here.
    @Test func autoPicksTheBestHoldoutForecaster() throws {
        let names = ["mean", "naive", "drift"]
        let fit = try Self.model("auto", ["candidates": .strings(names), "holdout": .integer(8)])
            .fit(ModelData(series: Self.trending))
        let train = Self.trending.slice(0..<52), actual = Array(Self.trending.values[52...])
        let maes = try names.map { name -> Double in
            let fc = try Self.forecast(name, train, h: 8, levels: [])
            return zip(fc.mean.values, actual).map { abs($0 - $1) }.reduce(0, +) / 8
        }
        let best = names[maes.indices.min { maes[$0] < maes[$1] }!]
        #expect(best == "drift")
        #expect(fit.method == "Random walk with drift" && fit.modelName == "auto")
        #expect(fit.notes.first?.hasPrefix("chosen on a holdout of the last 8: drift MAE") == true)
        let whole = try Self.forecast("drift", Self.trending, h: 4)
        #expect(try fit.forecast(ForecastRequest(horizon: 4)) == whole)
    }

    @Test func autoSkipsCandidatesThatFailAndSaysSo() throws {
        let yearly = Series(name: "yearly", values: Self.trending.values)
        let fit = try Self.model("auto", ["candidates": .strings(["snaive", "drift"])]).fit(ModelData(series: yearly))
        #expect(fit.method == "Random walk with drift")
        #expect(fit.notes.contains { $0.hasPrefix("not scored: snaive:") })
        let tiny = Series(name: "tiny", values: [3, 4])
        let fallback = try Self.model("auto", ["candidates": .strings(["naive", "mean"])]).fit(ModelData(series: tiny))
        #expect(fallback.method == "Naive" && fallback.notes.first?.hasPrefix("no holdout (2 observations)") == true)
    }
}
