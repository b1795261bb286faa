import Foundation
import Testing

@testable import Forecasting

/// The batched filter against statsforecast's cescalc written out plainly: three passes over a
/// states matrix that is reversed (rows and data) between them, one parameter set at a time,
/// through `CESKernel.update`. Each lane must agree bit for bit, whatever the other lanes hold.
@Suite struct CESBatchFilterTests {
    /// cescalc: forward, reverse, backward, reverse, forward; n·log Σe² of the last pass.
    static func scalarLikelihood(
        _ y: [Double], _ L: CESKernel.Layout, _ initial: [Double],
        _ p: CESKernel.Parameters
    ) -> (lik: Double, errors: [Double], states: [Double]) {
        let n = y.count, k = L.k, lag = L.lag, rows = n + 2 * lag
        var s = [Double](repeating: 0, count: rows * k)
        for j in 0..<initial.count { s[j] = initial[j] }
        var errors = [Double](repeating: 0, count: n)
        var sse = 0.0
        func pass(_ data: [Double], record: Bool) {
            s.withUnsafeMutableBufferPointer { sb in
                let sp = sb.baseAddress!
                for i in lag..<rows {
                    let t = i - lag
                    let f = CESKernel.onestep(sp, i, L)
                    if t < n {
                        if record { errors[t] = data[t] - f; sse += errors[t] * errors[t] }
                        CESKernel.update(sp, i, L, p, data[t])
                    } else {
                        CESKernel.update(sp, i, L, p, f)
                    }
                }
            }
        }
        func reverseRows() {
            var r = s
            for i in 0..<rows { for c in 0..<k { r[i * k + c] = s[(rows - 1 - i) * k + c] } }
            s = r
        }
        pass(y, record: false)
        reverseRows()
        pass(Array(y.reversed()), record: false)
        reverseRows()
        pass(y, record: true)
        return (Double(n) * log(sse), errors, s)
    }

    @Test(arguments: CESKernel.Season.allCases)
    func everyLaneIsTheScalarFilterBitForBit(season: CESKernel.Season) throws {
        let m = 4
        let y: [Double] = (0..<23).map { t in 50 + Double(t) + 8 * Double([3, -1, -4, 2][t % 4]) + Double((t * 7) % 5) }
        let lag = season == .none ? 1 : m
        let initial = try #require(CESEstimator.initialStates(y, season: season, period: lag))
        let L = CESKernel.Layout(season: season, lag: lag)
        let sets: [CESKernel.Parameters] = [
            .init(alpha0: 1.3, alpha1: 1, beta0: 1.3, beta1: 1),
            .init(alpha0: 1.05, alpha1: 0.6, beta0: 0.2, beta1: 1.4),
            .init(alpha0: 1.79, alpha1: 1.85, beta0: 0.01, beta1: 0.3),
            .init(alpha0: 0.4, alpha1: 0.02, beta0: 1.1, beta1: 0.9),
        ]
        var filter = CESBatchFilter(layout: L, initialStates: initial, count: y.count)
        let liks = y.withUnsafeBufferPointer { filter.likelihoods($0, .init(count: 4) { sets[$0] }, keepErrors: true) }
        for (lane, p) in sets.enumerated() {
            let scalar = Self.scalarLikelihood(y, L, initial, p)
            #expect(
                liks[lane].bitPattern == scalar.lik.bitPattern, "\(season) lane \(lane): \(liks[lane]) vs \(scalar.lik)"
            )
            #expect(filter.errors.map { $0[lane] } == scalar.errors, "\(season) lane \(lane) errors")
            // The states after the data, which the fitted model keeps for forecasting.
            let rows = (lag * L.k)..<((y.count + lag) * L.k)
            #expect(rows.map { filter.states[$0][lane] } == Array(scalar.states[rows]), "\(season) lane \(lane) states")
        }
    }
}
