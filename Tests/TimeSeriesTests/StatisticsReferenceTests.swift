import Foundation
import Testing
import TimeSeries

/// Every statistic against R (values and how they were made: Tests/References/).
/// Tolerances: 1e-12 for closed forms, looser only where an algorithm is iterative.
@Suite struct StatisticsReferenceTests {
    static let names = ["airpassengers", "log_airpassengers", "nile", "ukgas"]

    @Test(arguments: names)
    func autocorrelationsMatchR(_ name: String) throws {
        let s = Reference.named(name)
        #expect(s.count == Int(Reference.number("series", name, "n")))
        #expect(maxDifference(try s.autocorrelations(maxLag: 24), Reference.numbers("series", name, "acf")) < 1e-12)
        #expect(
            maxDifference(try s.partialAutocorrelations(maxLag: 24), Reference.numbers("series", name, "pacf")) < 1e-12)
    }

    @Test(arguments: names)
    func ljungBoxMatchesR(_ name: String) throws {
        let s = Reference.named(name)
        for lag in [10, 24] {
            let r = try s.ljungBox(lag: lag)
            let expected = Reference.number("series", name, "ljung_box", "\(lag)", "statistic")
            #expect(abs(r.statistic - expected) / expected < 1e-12)
            #expect(abs(r.pValue - Reference.number("series", name, "ljung_box", "\(lag)", "p_value")) < 1e-10)
            #expect(r.parameter == lag)
        }
    }

    @Test(arguments: names)
    func kpssMatchesUrcaAndTseries(_ name: String) throws {
        let base = Reference.named(name)
        for variant in ["x", "diff", "diff_log"] {
            let s: Series
            switch variant {
            case "x": s = base
            case "diff": s = try base.differenced()
            default:
                guard !base.values.contains(where: { $0 <= 0 }) else { continue }
                s = try base.log().differenced()
            }
            guard Reference.value("series", name, "kpss", variant) != nil else { continue }
            let cases: [(String, Series.KPSSLags)] = [
                ("urca_mu_short", .short), ("urca_mu_at_ndiffs_lag", .forecast),
                ("tseries_level_lshort_false", .long),
            ]
            for (key, lags) in cases {
                let r = try s.kpss(type: .level, lags: lags)
                let expected = Reference.number("series", name, "kpss", variant, key, "statistic")
                #expect(abs(r.statistic - expected) / expected < 1e-10, "\(name) \(variant) \(key)")
                #expect(Double(r.parameter) == Reference.number("series", name, "kpss", variant, key, "lag"))
            }
            let p = Reference.number("series", name, "kpss", variant, "tseries_level_lshort_true", "p_value")
            #expect(abs(try s.kpss(type: .level, lags: .short).pValue - p) < 1e-10)
        }
    }

    @Test(arguments: names)
    func differencingChoicesMatchForecast(_ name: String) throws {
        let s = Reference.named(name)
        #expect(Double(try s.ndiffs()) == Reference.number("differencing_and_boxcox", name, "ndiffs"))
        if s.seasonalPeriod > 1 {
            #expect(Double(try s.nsdiffs()) == Reference.number("differencing_and_boxcox", name, "nsdiffs"))
            let strength = Reference.number("differencing_and_boxcox", name, "seasonal_strength", "seas_heuristic")
            #expect(abs(try s.seasonalStrength() - strength) < 1e-9)
        }
    }

    @Test(arguments: names)
    func boxCoxMatchesForecast(_ name: String) throws {
        let s = Reference.named(name)
        let path = ["differencing_and_boxcox", name, "boxcox_lambda"]
        // Guerrero: same algorithm (Brent) with the same tolerance as R's optimize().
        let guerrero = Reference.number(path[0], path[1], path[2], "guerrero")
        #expect(abs(try s.boxCoxLambda(method: .guerrero) - guerrero) < 1e-8, "\(name)")
        // The same grid point; R's seq() and ours differ in the last bit of the grid value.
        #expect(abs(try s.boxCoxLambda(method: .loglik) - Reference.number(path[0], path[1], path[2], "loglik")) < 1e-9)
        let first5 = Reference.numbers("differencing_and_boxcox", name, "boxcox_lambda_0.5_first5")
        #expect(maxDifference(Array(s.boxCox(lambda: 0.5).values.prefix(5)), first5) < 1e-12)
        let inverse = s.boxCox(lambda: 0.5).inverseBoxCox(lambda: 0.5)
        #expect(maxDifference(inverse.values, s.values) < 1e-9)
    }

    @Test(arguments: ["airpassengers", "log_airpassengers"])
    func stlMatchesR(_ name: String) throws {
        let s = Reference.named(name)
        for (key, window) in [("periodic", Series.SeasonalWindow.periodic), ("s_window_7", .span(7))] {
            let d = try s.stl(seasonalWindow: window)
            let scale = s.values.map(abs).max() ?? 1
            #expect(
                maxDifference(d.seasonal, Reference.numbers("stl", name, key, "seasonal")) < 1e-10 * scale,
                "\(name) \(key)")
            #expect(maxDifference(d.trend, Reference.numbers("stl", name, key, "trend")) < 1e-10 * scale)
            #expect(maxDifference(d.remainder, Reference.numbers("stl", name, key, "remainder")) < 1e-10 * scale)
        }
    }

    @Test(arguments: ["airpassengers", "log_airpassengers", "ukgas"])
    func classicalDecompositionMatchesR(_ name: String) throws {
        let s = Reference.named(name)
        for type in Series.DecompositionType.allCases {
            let d = try s.classicalDecomposition(type)
            #expect(maxDifference(d.trend, Reference.numbers("decompose", name, type.rawValue, "trend")) < 1e-10)
            #expect(maxDifference(d.seasonal, Reference.numbers("decompose", name, type.rawValue, "seasonal")) < 1e-10)
            #expect(maxDifference(d.remainder, Reference.numbers("decompose", name, type.rawValue, "random")) < 1e-10)
        }
    }

    @Test func accuracyMatchesForecastAccuracy() throws {
        let (train, test) = try Reference.airPassengers.split(holdout: 24)
        for method in ["snaive", "naive"] {
            let forecast = Reference.numbers("accuracy", method, "forecast")
            let r = Accuracy.report(actual: test.values, forecast: forecast, training: train.values, period: 12)
            let expected = { (k: String) in Reference.number("accuracy", method, "test_set", k) }
            #expect(abs(r.mae - expected("MAE")) < 1e-10)
            #expect(abs(r.rmse - expected("RMSE")) < 1e-10)
            #expect(abs(r.mape - expected("MAPE")) < 1e-10)
            #expect(abs(r.me - expected("ME")) < 1e-10)
            #expect(abs(r.mase - expected("MASE")) < 1e-10)
            #expect(abs(r.smape - Reference.number("accuracy", method, "smape_m3_by_hand")) < 1e-10)
            #expect(abs(r.maseScale - Reference.number("accuracy", "mase_scale")) < 1e-10)
        }
    }
}

/// Robust STL: its 15 robustness passes do not converge and amplify last-bit
/// floating-point differences (the first pass already differs from R's Fortran in
/// the last bit at a few points). So: a tight check where the passes stay stable,
/// and a relative bound on the trend elsewhere (see docs/statistics.md).
@Suite struct RobustSTLReferenceTests {
    @Test func robustSTLAgreesTightlyWhileThePassesAreStable() throws {
        let s = Reference.logAirPassengers
        let ten = try s.stl(seasonalWindow: .span(7), robust: true, outerIterations: 10)
        let path = ["stl", "log_airpassengers", "robust_s_window_7_outer_10"]
        #expect(maxDifference(ten.trend, Reference.numbers(path[0], path[1], path[2], "trend")) < 1e-9)
        #expect(maxDifference(ten.weights, Reference.numbers(path[0], path[1], path[2], "weights")) < 1e-9)
    }

    @Test(arguments: ["airpassengers", "log_airpassengers"])
    func robustSTLTrendStaysWithinAFractionOfAPercent(_ name: String) throws {
        let s = Reference.named(name)
        let scale = s.values.map(abs).max() ?? 1
        for outer in [10, 15] {
            let d = try s.stl(seasonalWindow: .span(7), robust: true, outerIterations: outer)
            let trend = Reference.numbers("stl", name, "robust_s_window_7_outer_\(outer)", "trend")
            #expect(maxDifference(d.trend, trend) < 1e-3 * scale, "\(name) outer \(outer)")
        }
    }
}
