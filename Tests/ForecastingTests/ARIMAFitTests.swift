import AlmanacCore
import Foundation
import Testing
import TimeSeries

@testable import Forecasting

/// Fixed-order fits against forecast::Arima (arima_reference.R, section b):
/// coefficients, σ², log-likelihood, criteria, forecasts and 80/95% intervals.
@Suite struct ARIMAFitTests {
    static func options(_ fit: [String: Any], optimizer: String) -> [String: ParameterValue] {
        var options: [String: ParameterValue] = [
            "order": .numbers(ARIMAReference.numbers(fit["order"])),
            "seasonal": .numbers(ARIMAReference.numbers(fit["seasonal"])),
            "include_drift": .boolean(fit["include_drift"] as? Bool ?? false),
            "include_mean": .boolean(fit["include_mean"] as? Bool ?? true),
            "method": .string(fit["method"] as? String ?? "CSS-ML"),
            "optimizer": .string(optimizer),
        ]
        if fit["lambda"] != nil { options["lambda"] = .number(0) }
        return options
    }

    /// Under optimizer "r" (R's Q0 arithmetic and BFGS) estimates agree with R to
    /// 1e-5 relative; the default takes the same path up to rounding in Q0 and
    /// agrees to 1e-4. Forecasts and bounds to 1e-4 relative.
    @Test(arguments: ["r", "almanac"])
    func matchesR(_ optimizer: String) throws {
        let definition = try #require(ModelCatalog.definition(named: "arima"))
        let tolerance = optimizer == "r" ? 1e-5 : 1e-4
        var checked = 0
        for (label, fit, series) in ARIMAFitCases.all {
            let model = try definition.configure(Self.options(fit, optimizer: optimizer)).fit(ModelData(series: series))
            let params = Dictionary(uniqueKeysWithValues: model.parameters.map { ($0.name, $0.value) })
            let names = fit["coef_names"] as? [String] ?? []
            let coef = ARIMAReference.numbers(fit["coef"])
            for (name, value) in zip(names, coef) {
                let mine = try #require(params[name], "\(label): no coefficient \(name)")
                // Coefficients are compared relative to max(1, |R's|) except regression
                // coefficients, which scale with the data.
                let scale = ["intercept", "drift"].contains(name) ? max(1, abs(value)) : 1
                #expect(abs(mine - value) <= 10 * tolerance * scale, "\(label): \(name) = \(mine), R \(value)")
            }
            let stats = model.statistics
            #expect(
                close(stats.sigma2, ARIMAReference.number(fit["sigma2"]), 10 * tolerance),
                "\(label): sigma2 \(stats.sigma2)")
            if (fit["method"] as? String) != "CSS" {
                #expect(
                    close(stats.logLikelihood ?? .nan, ARIMAReference.number(fit["loglik"]), tolerance),
                    "\(label): loglik \(stats.logLikelihood ?? .nan)")
                #expect(close(stats.aicc ?? .nan, ARIMAReference.number(fit["aicc"]), tolerance), "\(label): aicc")
                #expect(close(stats.bic ?? .nan, ARIMAReference.number(fit["bic"]), tolerance), "\(label): bic")
            }
            let h = Int(ARIMAReference.number(fit["h"]))
            let fc = try model.forecast(ForecastRequest(horizon: h, levels: [80, 95]))
            let mean = ARIMAReference.numbers(fit["forecast_mean"])
            for i in 0..<h {
                let scale = max(abs(mean[i]), 1)
                #expect(
                    abs(fc.mean.values[i] - mean[i]) <= 10 * tolerance * scale,
                    "\(label): mean[\(i)] \(fc.mean.values[i]) vs \(mean[i])")
                for (k, level) in ["80", "95"].enumerated() {
                    let lower = ARIMAReference.numbers(fit["lower" + level])[i]
                    let upper = ARIMAReference.numbers(fit["upper" + level])[i]
                    #expect(abs(fc.lower[k][i] - lower) <= 10 * tolerance * scale, "\(label): lower\(level)[\(i)]")
                    #expect(abs(fc.upper[k][i] - upper) <= 10 * tolerance * scale, "\(label): upper\(level)[\(i)]")
                }
            }
            checked += 1
        }
        #expect(checked >= 25)
    }

    /// Regression with ARIMA(1,1,1) errors on Fourier terms of log AirPassengers
    /// (arima_reference.R, section c): coefficients, criteria and forecasts.
    @Test func fourierRegressionMatchesR() throws {
        let reference = ARIMAReference.object("xreg")
        let names = reference["xreg_names"] as? [String] ?? []
        let columns = (reference["xreg"] as? [Any] ?? []).map(ARIMAReference.numbers)
        let future = (reference["xreg_future"] as? [Any] ?? []).map(ARIMAReference.numbers)
        #expect(names.count == 4)
        // Covariate names without "-" (Lua identifiers); the values run on past the series.
        let keys = names.map { $0.replacingOccurrences(of: "-", with: "_") }
        var covariates: [String: [Double]] = [:]
        for (j, key) in keys.enumerated() { covariates[key] = columns[j] + future[j] }
        let series = ARIMAReference.airPassengers.with(values: ARIMAReference.airPassengers.values.map { log($0) })
        let definition = try #require(ModelCatalog.definition(named: "arima"))
        let model = try definition.configure(["order": .numbers([1, 1, 1]), "xreg": .strings(keys)])
            .fit(ModelData(series: series, covariates: covariates))
        #expect(model.method == "Regression with ARIMA(1,1,1) errors")
        let params = Dictionary(uniqueKeysWithValues: model.parameters.map { ($0.name, $0.value) })
        for (j, value) in ARIMAReference.numbers(reference["coef"]).enumerated() {
            let name = j == 0 ? "ar1" : j == 1 ? "ma1" : keys[j - 2]
            #expect(abs((params[name] ?? .nan) - value) < 1e-4, "\(name): \(params[name] ?? .nan), R \(value)")
        }
        #expect(close(model.statistics.logLikelihood ?? .nan, ARIMAReference.number(reference["loglik"]), 1e-6))
        #expect(close(model.statistics.aicc ?? .nan, ARIMAReference.number(reference["aicc"]), 1e-6))
        let fc = try model.forecast(ForecastRequest(horizon: 24))
        let mean = ARIMAReference.numbers(reference["forecast_mean"])
        let upper95 = ARIMAReference.numbers(reference["upper95"])
        for i in 0..<24 {
            #expect(abs(fc.mean.values[i] - mean[i]) < 1e-4, "mean[\(i)]")
            #expect(abs(fc.upper[1][i] - upper95[i]) < 1e-4, "upper95[\(i)]")
        }
        // Without enough future values: a clear error naming the covariate and the missing steps.
        #expect(throws: ForecastError.self) { try model.forecast(ForecastRequest(horizon: 30)) }
        do {
            _ = try model.forecast(ForecastRequest(horizon: 30))
        } catch {
            #expect(error.message.contains("S1_12") && error.message.contains("6 steps missing"), "\(error.message)")
        }
    }
}
