import AlmanacCore
import LinearAlgebra

/// Forecasts from the filtered state at the end of the series: R's
/// KalmanForecast (means and variances in units of σ²) and simulated paths
/// from the same state-space model.
struct ARIMAPrediction {
    let phi: [Double]
    let theta: [Double]
    let delta: [Double]
    /// Filtered state and covariance after the last observation (rd, rd×rd column-major).
    let a: [Double]
    let P: [Double]

    var rd: Int { a.count }
    var r: Int { rd - delta.count }

    /// T, the selection vector R and Z of R's makeARIMA.
    private func system() -> (T: [Double], R: [Double], Z: [Double]) {
        let rd = self.rd, r = self.r, d = delta.count
        var T = [Double](repeating: 0, count: rd * rd)  // column-major T[i + rd*j]
        for i in 0..<phi.count { T[i] = phi[i] }
        if r > 1 { for i in 1..<r { T[(i - 1) + rd * i] = 1 } }
        var Z = [Double](repeating: 0, count: rd)
        Z[0] = 1
        for i in 0..<d { Z[r + i] = delta[i] }
        if d > 0 {
            for j in 0..<rd { T[r + rd * j] = Z[j] }
            if d > 1 { for i in 1..<d { T[(r + i) + rd * (r + i - 1)] = 1 } }
        }
        var R = [Double](repeating: 0, count: rd)
        R[0] = 1
        for i in 0..<min(theta.count, r - 1) { R[i + 1] = theta[i] }
        return (T, R, Z)
    }

    /// Point forecasts (without regression effects) and forecast variances / σ².
    func forecast(horizon: Int) -> (mean: [Double], variance: [Double]) {
        let (T, R, Z) = system()
        let p = rd
        var a = self.a, P = self.P
        var anew = a, mm = P, Pnew = P
        var mean: [Double] = [], variance: [Double] = []
        for _ in 0..<horizon {
            var fc = 0.0
            for i in 0..<p {
                var tmp = 0.0
                for k in 0..<p { tmp += T[i + p * k] * a[k] }
                anew[i] = tmp
                fc += tmp * Z[i]
            }
            a = anew
            mean.append(fc)
            for i in 0..<p {
                for j in 0..<p {
                    var tmp = 0.0
                    for k in 0..<p where T[i + p * k] != 0 { tmp += T[i + p * k] * P[k + p * j] }
                    mm[i + p * j] = tmp
                }
            }
            for i in 0..<p {
                for j in 0..<p {
                    var tmp = R[i] * R[j]
                    for k in 0..<p where T[j + p * k] != 0 { tmp += mm[i + p * k] * T[j + p * k] }
                    Pnew[i + p * j] = tmp
                }
            }
            P = Pnew
            var v = 0.0
            for i in 0..<p where Z[i] != 0 { for j in 0..<p where Z[j] != 0 { v += Z[i] * Z[j] * P[i + j * p] } }
            variance.append(v)
        }
        return (mean, variance)
    }

    /// `count` paths of `horizon` steps: the state drawn from N(a, σ²P), then
    /// propagated with N(0, σ²) innovations; `offsets` (the regression part) added.
    func simulate(
        horizon: Int, count: Int, sigma2: Double, offsets: [Double],
        generator: inout SeededGenerator
    ) -> [Double] {
        let (T, R, Z) = system()
        let p = rd
        let sigma = sigma2.squareRoot()
        // P is stored column-major (P[i + p·j] is row i, column j): read as a row-major Matrix that is Pᵀ,
        // so transpose it back and the factor reads P's lower triangle. Directions with no variance get a zero column.
        let L = Matrix(rows: p, columns: p, values: P).transposed.semidefiniteCholeskyLower(relativeTolerance: 1e-12)
            .values
        var out = [Double](repeating: 0, count: horizon * count)
        var state = [Double](repeating: 0, count: p), next = state, z = state
        for path in 0..<count {
            for i in 0..<p { z[i] = generator.nextNormal() }
            for i in 0..<p {
                var s = a[i]
                for j in 0...i { s += L[i * p + j] * z[j] * sigma }
                state[i] = s
            }
            for h in 0..<horizon {
                let e = sigma * generator.nextNormal()
                var y = 0.0
                for i in 0..<p {
                    var s = R[i] * e
                    for k in 0..<p where T[i + p * k] != 0 { s += T[i + p * k] * state[k] }
                    next[i] = s
                    y += Z[i] * s
                }
                swap(&state, &next)
                out[path * horizon + h] = y + offsets[h]
            }
        }
        return out
    }
}
