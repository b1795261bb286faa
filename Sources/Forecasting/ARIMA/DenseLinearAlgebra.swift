import AlmanacCore
import Foundation

/// The few dense-matrix routines ARIMA estimation needs (row-major, small).
enum DenseLinearAlgebra {
    /// The inverse of the n×n matrix `a`, or nil when it is singular as R's
    /// solve() judges it: reciprocal 1-norm condition number below machine epsilon.
    static func inverse(_ a: [Double], n: Int) -> [Double]? {
        guard n > 0 else { return [] }
        var m = a
        var inv = [Double](repeating: 0, count: n * n)
        for i in 0..<n { inv[i * n + i] = 1 }
        for col in 0..<n {
            var pivot = col
            for row in (col + 1)..<max(n, col + 1) where abs(m[row * n + col]) > abs(m[pivot * n + col]) { pivot = row }
            let pv = m[pivot * n + col]
            if pv == 0 || !pv.isFinite { return nil }
            if pivot != col {
                for c in 0..<n {
                    m.swapAt(col * n + c, pivot * n + c)
                    inv.swapAt(col * n + c, pivot * n + c)
                }
            }
            for row in 0..<n where row != col {
                let f = m[row * n + col] / pv
                if f == 0 { continue }
                for c in 0..<n {
                    m[row * n + c] -= f * m[col * n + c]
                    inv[row * n + c] -= f * inv[col * n + c]
                }
            }
        }
        for row in 0..<n {
            let d = m[row * n + row]
            for c in 0..<n { inv[row * n + c] /= d }
        }
        let rcond = 1 / (oneNorm(a, n: n) * oneNorm(inv, n: n))
        guard rcond.isFinite, rcond >= Double.ulpOfOne else { return nil }
        return inv
    }

    static func oneNorm(_ a: [Double], n: Int) -> Double {
        var best = 0.0
        for c in 0..<n {
            var s = 0.0
            for r in 0..<n { s += abs(a[r * n + c]) }
            best = max(best, s)
        }
        return best
    }

    /// Eigenvectors of a symmetric k×k matrix by cyclic Jacobi rotations, as
    /// columns ordered by decreasing eigenvalue (the V of an SVD of X when given X′X).
    static func symmetricEigenvectors(_ s: [Double], k: Int) -> (values: [Double], vectors: [Double]) {
        var a = s
        var v = [Double](repeating: 0, count: k * k)
        for i in 0..<k { v[i * k + i] = 1 }
        for _ in 0..<100 {
            var off = 0.0
            for i in 0..<k { for j in 0..<k where i != j { off += a[i * k + j] * a[i * k + j] } }
            if off < 1e-30 * max(1, (0..<k).reduce(0) { $0 + a[$1 * k + $1] * a[$1 * k + $1] }) { break }
            for p in 0..<k {
                for q in (p + 1)..<max(k, p + 1) {
                    let apq = a[p * k + q]
                    if apq == 0 { continue }
                    let theta = (a[q * k + q] - a[p * k + p]) / (2 * apq)
                    let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), sn = t * c
                    for r in 0..<k {
                        let arp = a[r * k + p], arq = a[r * k + q]
                        a[r * k + p] = c * arp - sn * arq
                        a[r * k + q] = sn * arp + c * arq
                    }
                    for r in 0..<k {
                        let apr = a[p * k + r], aqr = a[q * k + r]
                        a[p * k + r] = c * apr - sn * aqr
                        a[q * k + r] = sn * apr + c * aqr
                    }
                    for r in 0..<k {
                        let vrp = v[r * k + p], vrq = v[r * k + q]
                        v[r * k + p] = c * vrp - sn * vrq
                        v[r * k + q] = sn * vrp + c * vrq
                    }
                }
            }
        }
        let order = (0..<k).sorted { a[$0 * k + $0] > a[$1 * k + $1] }
        var vectors = [Double](repeating: 0, count: k * k)
        for (newColumn, old) in order.enumerated() { for r in 0..<k { vectors[r * k + newColumn] = v[r * k + old] } }
        return (order.map { a[$0 * k + $0] }, vectors)
    }

    /// Least squares y ~ X − 1 with R's lm summary: coefficients and their
    /// standard errors. nil when X′X is singular.
    static func regression(columns: [[Double]], _ y: [Double]) -> (coefficients: [Double], standardErrors: [Double])? {
        let k = columns.count, n = y.count
        guard k > 0, n > k else { return nil }
        let fit = LeastSquares.fit(columns: columns, y)
        var xtx = [Double](repeating: 0, count: k * k)
        for i in 0..<k {
            for j in i..<k {
                var s = 0.0
                for t in 0..<n { s += columns[i][t] * columns[j][t] }
                xtx[i * k + j] = s
                xtx[j * k + i] = s
            }
        }
        guard let inv = inverse(xtx, n: k) else { return nil }
        let rss = fit.residuals.reduce(0) { $0 + $1 * $1 }
        let s2 = rss / Double(n - k)
        return (fit.coefficients, (0..<k).map { (s2 * inv[$0 * k + $0]).squareRoot() })
    }
}
