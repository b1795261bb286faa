import Foundation
import Testing

@testable import Forecasting

/// The fast likelihood path (first column of Q0 by step-down, Chandrasekhar
/// recursions on the differenced series) against the full Kalman filter.
@Suite struct ARIMAChandrasekharTests {
    /// Stationary, invertible seasonal models with their (unexpanded) coefficients.
    static let models: [(ARIMAOrder, [Double])] = [
        (ARIMAOrder(p: 1, d: 0, q: 0), [0.7]),
        (ARIMAOrder(p: 0, d: 0, q: 2), [0.4, -0.3]),
        (ARIMAOrder(p: 2, d: 0, q: 1), [0.5, -0.3, 0.6]),
        (ARIMAOrder(p: 2, d: 0, q: 2, P: 1, D: 0, Q: 1, period: 12), [0.4, 0.2, -0.3, 0.1, 0.5, -0.6]),
        (ARIMAOrder(p: 1, d: 0, q: 1, P: 2, D: 0, Q: 0, period: 4), [-0.6, 0.3, 0.4, 0.3]),
        (ARIMAOrder(p: 0, d: 0, q: 1, P: 0, D: 0, Q: 2, period: 12), [-0.5, -0.4, 0.2]),
    ]

    @Test func firstColumnMatchesTheFullInitialCovariance() {
        for (order, coef) in Self.models {
            let (phi, theta) = order.expanded(coef)
            let r = max(phi.count, theta.count + 1)
            var full = [Double](repeating: 0, count: r * r)
            var fullWork = [Double](
                repeating: 0, count: ARIMAInitialCovariance.autocovarianceWorkspaceSize(p: phi.count, r: r))
            var column = [Double](repeating: 0, count: r)
            var work = [Double](
                repeating: 0, count: ARIMAInitialCovariance.columnWorkspaceSize(p: phi.count, q: theta.count, r: r))
            let arLags = order.expandedARLags, maLags = order.expandedMALags
            var ok = false
            phi.withUnsafeBufferPointer { ph in
                theta.withUnsafeBufferPointer { th in
                    if r > 1 {
                        full.withUnsafeMutableBufferPointer { o in
                            fullWork.withUnsafeMutableBufferPointer { w in
                                _ = ARIMAInitialCovariance.autocovariance(phi: ph, theta: th, r: r, out: o, work: w)
                            }
                        }
                    } else {
                        full[0] = phi.isEmpty ? 1 : 1 / (1 - phi[0] * phi[0])
                    }
                    arLags.withUnsafeBufferPointer { al in
                        maLags.withUnsafeBufferPointer { ml in
                            column.withUnsafeMutableBufferPointer { c in
                                work.withUnsafeMutableBufferPointer { w in
                                    ok = ARIMAInitialCovariance.firstColumn(
                                        phi: ph, theta: th, arLags: al, maLags: ml, r: r,
                                        out: c.baseAddress!, work: w)
                                }
                            }
                        }
                    }
                }
            }
            #expect(ok)
            for i in 0..<r {
                #expect(
                    abs(column[i] - full[i]) <= 1e-10 * max(1, abs(full[i])),
                    "\(order.label) Q0[\(i)][0]: \(column[i]) vs \(full[i])")
            }
        }
    }

    @Test func nonStationaryARIsRefused() {
        let phi = [1.2, -0.1], theta: [Double] = []
        var column = [Double](repeating: 0, count: 2)
        var work = [Double](repeating: 0, count: ARIMAInitialCovariance.columnWorkspaceSize(p: 2, q: 0, r: 2))
        let lags = [0, 1], none: [Int] = []
        let ok = phi.withUnsafeBufferPointer { ph in
            theta.withUnsafeBufferPointer { th in
                lags.withUnsafeBufferPointer { al in
                    none.withUnsafeBufferPointer { ml in
                        column.withUnsafeMutableBufferPointer { c in
                            work.withUnsafeMutableBufferPointer { w in
                                ARIMAInitialCovariance.firstColumn(
                                    phi: ph, theta: th, arLags: al, maLags: ml, r: 2, out: c.baseAddress!, work: w)
                            }
                        }
                    }
                }
            }
        }
        #expect(!ok)
    }

    /// Without differencing the two paths compute the same likelihood; with it
    /// they differ only by the diffuse prior's finite variance (order 1/kappa).
    @Test(arguments: [0, 1])
    func likelihoodMatchesTheFullFilter(_ differences: Int) {
        var state: UInt64 = 12345
        func noise() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53) - 0.5
        }
        let y = (0..<120).reduce(into: [Double]()) { out, t in
            out.append((out.last ?? 0) * 0.6 + noise() + 0.5 * sin(Double(t) * .pi / 6))
        }
        for (base, coef) in Self.models {
            var order = base
            order.d = differences
            if order.period > 1 { order.D = differences }
            let fast = ARIMALikelihood(y: y, xreg: [], order: order, initialization: .differenced)
            let full = ARIMALikelihood(y: y, xreg: [], order: order, initialization: .autocovariance)
            #expect(fast.filtersDifferences && !full.filtersDifferences)
            let a = fast.ml(coef, transform: false), b = full.ml(coef, transform: false)
            // R's kappa = 1e6 leaves the differenced likelihood ~1e-7 apart here.
            let tolerance = differences == 0 ? 1e-11 : 1e-6
            #expect(abs(a - b) <= tolerance * max(1, abs(b)), "\(order.label): \(a) vs \(b)")
        }
    }
}
