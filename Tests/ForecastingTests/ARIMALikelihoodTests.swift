import Foundation
import Testing
import TimeSeries

@testable import Forecasting

/// The Kalman-filter likelihood and its initial covariance against R, at R's
/// own coefficients, so the optimiser plays no part.
@Suite struct ARIMALikelihoodTests {
    /// Q0 from both methods against stats:::C_getQ0 (arima_reference.R, section a).
    @Test(arguments: [ARIMAInitialization.gardner, .autocovariance])
    func initialCovarianceMatchesR(_ method: ARIMAInitialization) throws {
        let cases = ARIMAReference.r["q0"] as? [[String: Any]] ?? []
        #expect(cases.count == 4)
        for c in cases {
            let phi = ARIMAReference.numbers(c["phi"]), theta = ARIMAReference.numbers(c["theta"])
            let expected = ARIMAReference.numbers(c["q0"])
            let r = Int(ARIMAReference.number(c["r"]))
            var out = [Double](repeating: 0, count: r * r)
            var work = [Double](
                repeating: 0,
                count: method == .gardner
                    ? ARIMAInitialCovariance.workspaceSize(r)
                    : ARIMAInitialCovariance.autocovarianceWorkspaceSize(p: phi.count, r: r))
            phi.withUnsafeBufferPointer { ph in
                theta.withUnsafeBufferPointer { th in
                    out.withUnsafeMutableBufferPointer { o in
                        work.withUnsafeMutableBufferPointer { w in
                            if method == .gardner {
                                ARIMAInitialCovariance.gardner(phi: ph, theta: th, r: r, out: o, work: w)
                            } else {
                                _ = ARIMAInitialCovariance.autocovariance(phi: ph, theta: th, r: r, out: o, work: w)
                            }
                        }
                    }
                }
            }
            let tolerance = method == .gardner ? 1e-13 : 1e-9
            for i in 0..<(r * r) {
                #expect(
                    close(out[i], expected[i], tolerance),
                    "Q0[\(i)] = \(out[i]), R \(expected[i]) (phi \(phi), theta \(theta))")
            }
        }
    }

    /// −2 log L at R's coefficients equals R's within 1e-6 for every ML fit in
    /// the reference (AirPassengers and the M3 series; arima_reference.R, section b).
    @Test(arguments: [ARIMAInitialization.gardner, .autocovariance])
    func likelihoodAtRCoefficients(_ method: ARIMAInitialization) throws {
        var checked = 0
        for (label, fit, series) in ARIMAFitCases.all where (fit["method"] as? String) != "CSS" {
            let spec = ARIMAFitCases.specification(fit, period: series.seasonalPeriod)
            let y = fit["lambda"] != nil ? series.values.map { log($0) } : series.values
            let n = y.count
            let coef = ARIMAReference.numbers(fit["coef"])
            let likelihood = ARIMALikelihood(
                y: y, xreg: spec.regressors(0..<n, covariates: [:]), order: spec.order,
                initialization: method)
            let nUsed = Double(n - spec.order.delta.count)
            let value = likelihood.ml(coef, transform: false)
            let logLik = -0.5 * (2 * nUsed * value + nUsed + nUsed * log(2 * Double.pi))
            let expected = ARIMAReference.number(fit["loglik"])
            #expect(abs(logLik - expected) < 1e-6, "\(label): log L \(logLik), R \(expected)")
            checked += 1
        }
        #expect(checked >= 20)
    }
}

/// The fixed-order fits of the reference, with their series.
enum ARIMAFitCases {
    static var all: [(String, [String: Any], Series)] {
        var out: [(String, [String: Any], Series)] = []
        for (label, value) in ARIMAReference.object("fits").sorted(by: { $0.key < $1.key }) {
            if let fit = value as? [String: Any] { out.append((label, fit, ARIMAReference.airPassengers)) }
        }
        for (label, value) in ARIMAReference.object("m3_fits").sorted(by: { $0.key < $1.key }) {
            guard let fit = value as? [String: Any] else { continue }
            let m = Int(ARIMAReference.number(fit["m"]))
            out.append((label, fit, Series(name: label, values: ARIMAReference.numbers(fit["y"]), seasonalPeriod: m)))
        }
        return out
    }

    static func specification(_ fit: [String: Any], period: Int) -> ARIMASpecification {
        let o = ARIMAReference.numbers(fit["order"]).map { Int($0) }
        let s = ARIMAReference.numbers(fit["seasonal"]).map { Int($0) }
        return ARIMASpecification(
            order: ARIMAOrder(p: o[0], d: o[1], q: o[2], P: s[0], D: s[1], Q: s[2], period: period),
            includeMean: fit["include_mean"] as? Bool ?? true, includeDrift: fit["include_drift"] as? Bool ?? false)
    }
}
