import AlmanacCore
import Foundation
import Testing
import TimeSeries

@testable import Forecasting

/// The simple methods against R (Tests/References/forecast_reference.R → `methods`;
/// R 4.2.2, forecast 8.20): meanf, naive, snaive, rwf(drift = TRUE), and ses, holt,
/// hw, which R fits as ETS models by one-step mean squared error.
@Suite struct MethodReferenceTests {
    nonisolated(unsafe) static let methods = ForecastReference.r["methods"] as? [String: Any] ?? [:]

    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-12) }

    func check(_ fc: Forecast, against r: Any?, tolerance: Double, _ label: String) {
        let mean = ForecastReference.numbers(r, "mean")
        #expect(mean.count == fc.horizon, "\(label): horizon")
        for (a, b) in zip(fc.mean.values, mean) {
            #expect(Self.relative(a, b) < tolerance, "\(label) mean \(a) vs \(b)")
        }
        for (k, level) in ["80", "95"].enumerated() where !ForecastReference.numbers(r, "lower" + level).isEmpty {
            for (a, b) in zip(fc.lower[k], ForecastReference.numbers(r, "lower" + level)) {
                #expect(Self.relative(a, b) < tolerance, "\(label) lower\(level) \(a) vs \(b)")
            }
            for (a, b) in zip(fc.upper[k], ForecastReference.numbers(r, "upper" + level)) {
                #expect(Self.relative(a, b) < tolerance, "\(label) upper\(level) \(a) vs \(b)")
            }
        }
    }

    func forecast(_ model: String, _ series: Series, h: Int, _ options: [String: ParameterValue] = [:]) throws
        -> Forecast
    {
        try ModelCatalog.definition(named: model)!.configure(options).fit(ModelData(series: series))
            .forecast(ForecastRequest(horizon: h, levels: [80, 95]))
    }

    /// meanf, naive, snaive and rwf(drift) have closed forms: equal to 1e-12.
    @Test func baselinesEqualR() throws {
        #expect(Self.methods.count > 40)
        for key in Self.methods.keys.sorted() {
            guard let series = ForecastReference.series(key), let r = Self.methods[key] as? [String: Any] else {
                continue
            }
            let h = ForecastReference.numbers(r["naive"], "mean").count
            check(try forecast("mean", series, h: h), against: r["meanf"], tolerance: 1e-12, "\(key) meanf")
            check(try forecast("naive", series, h: h), against: r["naive"], tolerance: 1e-12, "\(key) naive")
            check(try forecast("drift", series, h: h), against: r["rwf_drift"], tolerance: 1e-12, "\(key) rwf drift")
            if r["snaive"] != nil {
                check(try forecast("snaive", series, h: h), against: r["snaive"], tolerance: 1e-12, "\(key) snaive")
            }
        }
    }

    /// ses, holt and hw reproduce R's estimates (R's simplex on the same objective; no
    /// smoothing cap), then forecast as R does.
    @Test func sesHoltAndHoltWintersEqualR() throws {
        let variants: [(String, String, [String: ParameterValue])] = [
            ("ses", "ses", [:]), ("holt", "holt", [:]), ("holt_damped", "holt", ["damped": .boolean(true)]),
            ("hw_additive", "holt_winters", [:]),
            ("hw_multiplicative", "holt_winters", ["seasonal": .string("multiplicative")]),
        ]
        var checked = 0
        for key in Self.methods.keys.sorted() {
            guard let series = ForecastReference.series(key), let r = Self.methods[key] as? [String: Any] else {
                continue
            }
            for (label, model, options) in variants {
                guard let reference = r[label] as? [String: Any] else { continue }
                let fit = try ModelCatalog.definition(named: model)!.configure(options).fit(ModelData(series: series))
                #expect(
                    Self.relative(fit.statistics.logLikelihood!, ForecastReference.number(reference, "loglik")) < 1e-9,
                    "\(key) \(label) loglik")
                let fc = try fit.forecast(
                    ForecastRequest(
                        horizon: ForecastReference.numbers(reference, "forecast", "mean").count, levels: [80, 95]))
                let damped = (fit as? ETSFit)?.spec.damped == true && (fit as? ETSFit)?.spec.season == .multiplicative
                if !damped && label != "hw_additive" || key != "airpassengers" {
                    check(fc, against: reference["forecast"], tolerance: 1e-8, "\(key) \(label)")
                } else {
                    check(
                        fc.withoutIntervals,
                        against: ["mean": ForecastReference.numbers(reference, "forecast", "mean")], tolerance: 1e-8,
                        "\(key) \(label)")
                }
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    /// ets(AirPassengers, "AAA", lambda = 0): fitted on the log scale, forecasts back-transformed
    /// (the median, biasadj = FALSE).
    @Test func boxCoxETSEqualsR() throws {
        let r = ForecastReference.r["ets_boxcox_airpassengers"]
        let fit = try ModelCatalog.definition(named: "ets")!
            .configure([
                "model": .string("AAA"), "damped": .boolean(false), "lambda": .number(0),
                "cap_smoothing": .boolean(false), "tolerance": .number(ETSReferenceTests.rTolerance),
            ])
            .fit(ModelData(series: ForecastReference.airPassengers))
        #expect(Self.relative(fit.statistics.logLikelihood!, ForecastReference.number(r, "loglik")) < 1e-9)
        let mean = ForecastReference.numbers(r, "forecast", "mean")
        let fc = try fit.forecast(ForecastRequest(horizon: mean.count, levels: [80, 95]))
        check(fc, against: (r as? [String: Any])?["forecast"], tolerance: 1e-8, "ets AAA lambda 0")
    }
}

extension Forecast {
    var withoutIntervals: Forecast {
        var f = self
        f.levels = []
        f.lower = []
        f.upper = []
        return f
    }
}
