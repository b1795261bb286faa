import AlmanacCore
import Testing
import TimeSeries

@testable import Forecasting

/// The stated interval method of the intermittent fits (PeriodDemandDistribution): demand with
/// probability q, sizes resampled from the observed ones and scaled to the point forecast.
@Suite struct IntermittentSamplingTests {
    static let models: [(name: String, options: [String: ParameterValue])] = [
        ("croston", [:]), ("croston", ["alpha": .string("optimized")]), ("sba", [:]), ("tsb", [:]),
        ("adida", [:]), ("imapa", [:]),
    ]

    func fit(_ name: String, _ s: Series, _ options: [String: ParameterValue] = [:]) throws -> any FittedModel {
        try ModelCatalog.definition(named: name)!.configure(options).fit(ModelData(series: s))
    }

    /// A hand-worked case: sizes 1, 2, 3, 4 with q = 0.5 and mean 1.25 need no scaling, so
    /// P(0) = 0.5 and each size has 0.125.
    @Test func quantilesOfAHandWorkedDistribution() {
        let d = PeriodDemandDistribution(observedSizes: [3, 1, 4, 2], occurrence: 0.5, mean: 1.25)
        #expect(d.sizes == [1, 2, 3, 4])
        #expect(abs(d.mean - 1.25) < 1e-15)
        #expect(d.quantile(0.5) == 0)  // P(0) = 0.5 reaches 0.5
        #expect(d.quantile(0.55) == 1)
        #expect(d.quantile(0.75) == 2)  // exactly P(≤ 2)
        #expect(d.quantile(0.76) == 3)
        #expect(d.quantile(0.975) == 4)
        let scaled = PeriodDemandDistribution(observedSizes: [3, 1, 4, 2], occurrence: 0.25, mean: 1.25)
        #expect(scaled.sizes == [2, 4, 6, 8])
        let none = PeriodDemandDistribution(observedSizes: [3], occurrence: 0.5, mean: 0)
        #expect(none.quantile(0.99) == 0 && none.mean == 0)
    }

    @Test func pathsAreNonNegativeAndReproducibleFromTheSeed() throws {
        for (name, options) in Self.models {
            for s in ReferenceData.intermittent {
                let m = try fit(name, s, options)
                var g1 = SeededGenerator(seed: 42), g2 = SeededGenerator(seed: 42), g3 = SeededGenerator(seed: 43)
                let a = try m.samplePaths(horizon: 12, count: 200, future: [:], generator: &g1)
                let b = try m.samplePaths(horizon: 12, count: 200, future: [:], generator: &g2)
                let c = try m.samplePaths(horizon: 12, count: 200, future: [:], generator: &g3)
                #expect(
                    a.values.allSatisfy { $0 >= 0 && $0.isFinite }, "\(name) \(s.name): a negative or non-finite value")
                #expect(a == b, "\(name) \(s.name): the same seed gave different paths")
                #expect(a != c, "\(name) \(s.name): different seeds gave the same paths")
                #expect(a.values.contains { $0 > 0 }, "\(name) \(s.name): no demand in 2400 draws")
            }
        }
    }

    /// The paths' mean is the point forecast by construction: over 120 000 draws the sample mean
    /// is within 4 standard errors of it (fixed seed, so this is not flaky).
    @Test func pathMeanIsThePointForecast() throws {
        for (name, options) in Self.models {
            for s in ReferenceData.intermittent {
                let m = try fit(name, s, options)
                let point = try m.forecast(ForecastRequest(horizon: 1, levels: [])).mean.values[0]
                var g = SeededGenerator(seed: 7)
                let paths = try m.samplePaths(horizon: 6, count: 20_000, future: [:], generator: &g)
                let n = Double(paths.values.count)
                let mean = paths.values.reduce(0, +) / n
                let variance = paths.values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
                let se = (variance / n).squareRoot()
                #expect(
                    abs(mean - point) < 4 * se, "\(name) \(s.name): path mean \(mean) vs forecast \(point) (se \(se))")
            }
        }
    }

    /// The intervals are the exact quantiles of what the paths draw from: the draws fall inside the
    /// 80 % and 95 % bounds at least that often (less 1 % for sampling), bounds are flat and ordered.
    @Test func intervalsCoverThePathsTheyDescribe() throws {
        for (name, options) in Self.models {
            for s in ReferenceData.intermittent {
                let m = try fit(name, s, options)
                let fc = try m.forecast(ForecastRequest(horizon: 4, levels: [80, 95]))
                var g = SeededGenerator(seed: 11)
                let draws = try m.samplePaths(horizon: 4, count: 5000, future: [:], generator: &g).values
                for (k, level) in fc.levels.enumerated() {
                    let lower = fc.lower[k][0], upper = fc.upper[k][0]
                    #expect(
                        Set(fc.lower[k]).count == 1 && Set(fc.upper[k]).count == 1, "\(name) \(s.name): bounds not flat"
                    )
                    #expect(0 <= lower && lower <= upper, "\(name) \(s.name) \(level): [\(lower), \(upper)]")
                    let inside = Double(draws.count(where: { $0 >= lower && $0 <= upper })) / Double(draws.count)
                    #expect(inside >= level / 100 - 0.01, "\(name) \(s.name) \(level) %: \(inside) of draws inside")
                }
                #expect(fc.upper[1][0] >= fc.upper[0][0] && fc.lower[1][0] <= fc.lower[0][0])
            }
        }
    }

    /// Croston's occurrence is one over the interval level; TSB's is its smoothed probability.
    @Test func occurrenceFollowsTheMethod() throws {
        let s = ReferenceData.intermittent[0]
        let croston = try fit("croston", s).parameters
        let q = croston.first { $0.name == "occurrence" }!.value
        #expect(abs(q - 1 / croston.first { $0.name == "interval_level" }!.value) < 1e-15)
        let tsb = try fit("tsb", s).parameters
        #expect(tsb.first { $0.name == "occurrence" }!.value == tsb.first { $0.name == "probability" }!.value)
    }

    /// TSB lowers its forecast through a run of zeros; Croston's stays where the last demand left it.
    /// I5 ends with 25 zeros.
    @Test func tsbDecaysThroughTrailingZerosAndCrostonDoesNot() throws {
        let s = ReferenceData.intermittent.first { $0.name == "I5" }!
        let tsb = try fit("tsb", s), croston = try fit("croston", s)
        #expect(tsb.fitted[s.count - 1] < tsb.fitted[s.count - 20])
        #expect(croston.fitted[s.count - 1] == croston.fitted[s.count - 20])
    }

    @Test func restoringGivesTheSameForecast() throws {
        let s = ReferenceData.intermittent[2]
        for (name, options) in Self.models {
            let forecaster = try ModelCatalog.definition(named: name)!.configure(options)
            let m = try forecaster.fit(ModelData(series: s))
            let back = try forecaster.restore(ModelData(series: s), state: m.savedState)
            #expect(
                try back.forecast(ForecastRequest(horizon: 3)) == m.forecast(ForecastRequest(horizon: 3)), "\(name)")
        }
    }
}
