import AlmanacCore
import Foundation
import Testing
import TimeSeries

@testable import Forecasting

/// ETS against R's forecast::ets (values from Tests/References/forecast_reference.R,
/// R 4.2.2, forecast 8.20): the likelihood at R's estimates, R's estimates
/// reproduced with cap_smoothing = false (R's region, R's simplex), and the restarted
/// optimizer never worse.
@Suite struct ETSReferenceTests {
    struct Case {
        let key: String
        let code: String
        let reference: [String: Any]
        var series: Series { ForecastReference.series(key)! }
        var spec: ETSSpec { ETSSpec(code: code)! }
    }

    nonisolated(unsafe) static let cases: [Case] = {  // read-only after load
        guard let ets = ForecastReference.r["ets"] as? [String: Any] else { return [] }
        var out: [Case] = []
        for key in ets.keys.sorted() {
            guard let models = (ets[key] as? [String: Any])?["models"] as? [String: Any] else { continue }
            for code in models.keys.sorted() {
                if let r = models[code] as? [String: Any], r["loglik"] != nil {
                    out.append(Case(key: key, code: code, reference: r))
                }
            }
        }
        return out
    }()

    /// optim's default reltol, √ε, which R's ets keeps.
    static let rTolerance = 1.490116119384765625e-8

    /// R's settings: no smoothing cap, R's tolerance; `optimizer` as given.
    static func fit(_ c: Case, optimizer: String = "nelder_mead") throws -> ETSFit {
        let model = c.code.replacingOccurrences(of: "d", with: "")
        let forecaster = try ModelCatalog.definition(named: "ets")!.configure([
            "model": .string(model), "damped": .boolean(c.code.contains("d")), "optimizer": .string(optimizer),
            "cap_smoothing": .boolean(false), "tolerance": .number(ETSReferenceTests.rTolerance),
        ])
        return try forecaster.fit(ModelData(series: c.series)) as! ETSFit
    }

    @Test func thereAreReferenceCases() {
        #expect(Self.cases.count > 200)
    }

    /// −2 log L at R's parameters and initial states equals R's (pegelsresid.C) to 1e-9 relative:
    /// the filter, the seasonal bookkeeping and the likelihood are R's.
    @Test func likelihoodAtRsEstimatesEqualsRs() throws {
        var worst = 0.0
        for c in Self.cases {
            let r = c.reference
            let names = ForecastReference.strings(r, "par", "names")
            let values = ForecastReference.numbers(r, "par", "values")
            var par: [String: Double] = [:]
            for (n, v) in zip(names, values) { par[n] = v }
            let initial = ForecastReference.numbers(r, "initstate", "values")
            let spec = c.spec
            let smoothing = ETSKernel.Smoothing(
                alpha: par["alpha"]!, beta: par["beta"] ?? 0, gamma: par["gamma"] ?? 0,
                phi: spec.damped ? par["phi"]! : 1)
            let level = initial[0], slope = spec.hasTrend ? initial[1] : 0
            let seasonal = spec.hasSeason ? Array(initial[(spec.hasTrend ? 2 : 1)...]) : []
            let pass = ETSKernel.fullPass(
                spec, y: c.series.values, m: c.series.seasonalPeriod, smoothing: smoothing,
                level: level, slope: slope, seasonal: seasonal)
            let expected = ForecastReference.number(r, "lik_at_par")
            let error = abs(pass.objective - expected) / abs(expected)
            worst = max(worst, error)
            #expect(error < 1e-9, "\(c.key) \(c.code): -2logL \(pass.objective) vs R \(expected)")
        }
        print("ETS likelihood at R's estimates: worst relative difference \(worst) over \(Self.cases.count) fits")
    }
}

extension ETSReferenceTests {
    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-12) }

    /// The default optimizer is R's optim Nelder–Mead; without the smoothing cap it runs from R's starting values on the same
    /// objective, so it must reproduce R's estimates: log-likelihood to 1e-9 relative,
    /// parameters to 1e-6, forecasts to 1e-8. Damped class-3 models (M,Ad,M) are the
    /// documented exception for forecasts: R computes their mean with l + b where the
    /// damped model has l + φb (docs/forecasting-ets.md).
    @Test func uncappedETSReproducesRsEstimatesAndForecasts() throws {
        var compared = 0
        for c in Self.cases {
            let fit = try Self.fit(c)
            let r = c.reference
            #expect(
                Self.relative(fit.statistics.logLikelihood!, ForecastReference.number(r, "loglik")) < 1e-9,
                "\(c.key) \(c.code) loglik")
            #expect(
                Self.relative(fit.statistics.aicc!, ForecastReference.number(r, "aicc")) < 1e-9,
                "\(c.key) \(c.code) aicc")
            #expect(
                Self.relative(fit.sigma2, ForecastReference.number(r, "sigma2")) < 1e-7, "\(c.key) \(c.code) sigma2")
            let names = ForecastReference.strings(r, "par", "names"),
                values = ForecastReference.numbers(r, "par", "values")
            let ours = Dictionary(uniqueKeysWithValues: fit.parameters.map { ($0.name, $0.value) })
            for (name, value) in zip(names, values) {
                #expect(
                    abs(ours[name]! - value) <= 1e-6 * max(abs(value), 1),
                    "\(c.key) \(c.code) \(name): \(ours[name]!) vs R \(value)")
            }
            guard c.code != "MAdM" else { continue }
            let mean = ForecastReference.numbers(r, "forecast", "mean")
            let fc = try fit.forecast(ForecastRequest(horizon: mean.count, levels: []))
            for (a, b) in zip(fc.mean.values, mean) {
                #expect(Self.relative(a, b) < 1e-8, "\(c.key) \(c.code) forecast \(a) vs \(b)")
            }
            compared += 1
        }
        #expect(compared > 500)
    }

    /// R's model choice among all candidates ("ZZZ", AICc) is reproduced.
    @Test func uncappedETSChoosesRsModel() throws {
        guard let ets = ForecastReference.r["ets"] as? [String: Any] else { Issue.record("no reference"); return }
        let forecaster = try ModelCatalog.definition(named: "ets")!.configure([
            "cap_smoothing": .boolean(false), "tolerance": .number(ETSReferenceTests.rTolerance),
        ])
        for key in ets.keys.sorted() {
            guard let auto = (ets[key] as? [String: Any])?["auto"] as? [String: Any],
                let series = ForecastReference.series(key)
            else { continue }
            let fit = try forecaster.fit(ModelData(series: series))
            #expect(fit.method == auto["method"] as? String, "\(key): \(fit.method) vs R \(auto["method"] ?? "")")
            #expect(Self.relative(fit.statistics.aicc!, ForecastReference.number(auto, "aicc")) < 1e-9, "\(key) aicc")
        }
    }

    /// Analytic intervals (classes 1, 2, 3) equal R's, to the precision of the estimates. For models with an
    /// additive season and no trend, R's class-1 formula puts γ one step early (G[3] where
    /// the seasonal state is second), which changes its variance at h = m, 2m, …; there
    /// ours (the textbook's) is smaller and everywhere else equal.
    @Test func intervalsEqualRs() throws {
        var checked = 0
        for c in Self.cases
        where ForecastReference.numbers(c.reference, "forecast", "lower80").count > 0 && c.code != "MAdM" {
            let fit = try Self.fit(c)
            let r = c.reference
            let mean = ForecastReference.numbers(r, "forecast", "mean")
            let fc = try fit.forecast(ForecastRequest(horizon: mean.count, levels: [80, 95]))
            let m = c.series.seasonalPeriod
            let shifted = c.spec.trend == .none && c.spec.season == .additive
            for (k, level) in ["80", "95"].enumerated() {
                let upper = ForecastReference.numbers(r, "forecast", "upper" + level)
                for h in 0..<mean.count {
                    let ourWidth = fc.upper[k][h] - fc.mean.values[h], rWidth = upper[h] - mean[h]
                    if shifted && (h + 1) % m == 0 {
                        #expect(ourWidth < rWidth, "\(c.key) \(c.code) h=\(h + 1)")
                    } else {
                        // The widths follow the estimates, which agree with R's to about 1e-6.
                        #expect(
                            Self.relative(ourWidth, rWidth) < 1e-5,
                            "\(c.key) \(c.code) \(level)% h=\(h + 1): \(ourWidth) vs R \(rWidth)")
                    }
                }
            }
            checked += 1
        }
        #expect(checked > 100)
    }

    /// The restarted optimizer (a scaled simplex with a restart) reaches R's likelihood or a
    /// higher one on nearly every fit.
    @Test func restartedOptimizerIsAtLeastAsGoodAsR() throws {
        var worse = 0, total = 0
        for (i, c) in Self.cases.enumerated() where i % 4 == 0 {
            let fit = try Self.fit(c, optimizer: "restarted")
            let rLogLik = ForecastReference.number(c.reference, "loglik")
            total += 1
            if fit.statistics.logLikelihood! < rLogLik - 1e-6 * abs(rLogLik) { worse += 1 }
        }
        #expect(
            Double(worse) <= 0.06 * Double(total),
            "restarted optimizer below R's likelihood on \(worse) of \(total) fits")
    }
}

extension ETSReferenceTests {
    /// The default cap holds β ≤ α₀ and γ ≤ 1 − α₀ (α₀ = 0.2/m, the starting α) on every fit,
    /// binds on some (else it would change nothing), and never raises the likelihood above the
    /// uncapped optimum by more than the optimizer's noise.
    @Test func defaultCapBoundsTrendAndSeasonSmoothing() throws {
        var binding = 0, total = 0
        for (i, c) in Self.cases.enumerated() where i % 3 == 0 && (c.spec.hasTrend || c.spec.hasSeason) {
            let model = c.code.replacingOccurrences(of: "d", with: "")
            let fit =
                try ModelCatalog.definition(named: "ets")!
                .configure(["model": .string(model), "damped": .boolean(c.code.contains("d"))])
                .fit(ModelData(series: c.series)) as! ETSFit
            let m = c.spec.hasSeason ? Double(c.series.seasonalPeriod) : 1
            let alpha0 = 1e-4 + 0.2 * (0.9999 - 1e-4) / m
            let p = Dictionary(uniqueKeysWithValues: fit.parameters.map { ($0.name, $0.value) })
            if let beta = p["beta"] { #expect(beta <= alpha0 + 1e-12, "\(c.key) \(c.code) beta \(beta) > \(alpha0)") }
            if let gamma = p["gamma"] { #expect(gamma <= 1 - alpha0 + 1e-12, "\(c.key) \(c.code) gamma \(gamma)") }
            let rPar = Dictionary(
                uniqueKeysWithValues: zip(
                    ForecastReference.strings(c.reference, "par", "names"),
                    ForecastReference.numbers(c.reference, "par", "values")))
            if (rPar["beta"] ?? 0) > alpha0 || (rPar["gamma"] ?? 0) > 1 - alpha0 { binding += 1 }
            total += 1
        }
        #expect(total > 100)
        #expect(binding > 0, "the cap never binds on \(total) fits")
    }
}
