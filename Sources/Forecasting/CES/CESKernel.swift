import Foundation

/// Complex exponential smoothing (Svetunkov, Kourentzes & Ord 2022) as
/// statsforecast computes it. The level ℓ and its "information potential" c
/// form the complex number ℓ + ic, smoothed with the complex parameter
/// α₀ + iα₁:
///
///     ŷ_t = ℓ_{t−1}            e_t = y_t − ŷ_t
///     ℓ_t = ℓ_{t−1} − (1 − α₁)·c_{t−1} + (α₀ − α₁)·e_t
///     c_t = ℓ_{t−1} + (1 − α₀)·c_{t−1} + (α₀ + α₁)·e_t
///
/// Seasonal forms: simple (the same recursion on lag m), partial (an additive
/// seasonal s_t = s_{t−m} + β₀·e_t) and full (a second complex pair on lag m,
/// smoothed with β₀ + iβ₁).
enum CESKernel {
    enum Season: String, Sendable, Codable, CaseIterable {
        case none = "N", simple = "S", partial = "P", full = "F"
        var components: Int { self == .partial ? 3 : (self == .full ? 4 : 2) }
    }

    struct Parameters: Sendable, Codable, Equatable {
        var alpha0: Double
        var alpha1: Double
        var beta0: Double
        var beta1: Double
    }

    /// A states matrix stored row by row (k components a row), statsforecast's layout:
    /// rows 0..<lag hold the initial states, row lag + t the state after y_t, and the last
    /// lag rows the states carried `lag` steps past the data.
    struct Layout {
        let season: Season
        let lag: Int
        var k: Int { season.components }
        var lagged: Bool { season == .simple }
    }

    /// One-step forecast for row i from the rows before it.
    @inline(__always)
    static func onestep(_ s: UnsafeMutablePointer<Double>, _ i: Int, _ L: Layout) -> Double {
        let k = L.k, m = L.lag
        var f = L.lagged ? s[(i - m) * k] : s[(i - 1) * k]
        if L.season == .partial || L.season == .full { f += s[(i - m) * k + 2] }
        return f
    }

    /// Writes row i from the value y observed at that time (statsforecast's cesupdate).
    @inline(__always)
    static func update(_ s: UnsafeMutablePointer<Double>, _ i: Int, _ L: Layout, _ p: Parameters, _ y: Double) {
        let k = L.k, m = L.lag
        let src = L.lagged ? (i - m) * k : (i - 1) * k
        var e = y - s[src]
        if L.season == .partial || L.season == .full { e -= s[(i - m) * k + 2] }
        let l = s[src], c = s[src + 1]
        s[i * k] = l - (1 - p.alpha1) * c + (p.alpha0 - p.alpha1) * e
        s[i * k + 1] = l + (1 - p.alpha0) * c + (p.alpha0 + p.alpha1) * e
        switch L.season {
        case .partial:
            s[i * k + 2] = s[(i - m) * k + 2] + p.beta0 * e
        case .full:
            let a = s[(i - m) * k + 2], b = s[(i - m) * k + 3]
            s[i * k + 2] = a - (1 - p.beta1) * b + (p.beta0 - p.beta1) * e
            s[i * k + 3] = a + (1 - p.beta0) * b + (p.beta0 + p.beta1) * e
        default: break
        }
    }

    /// One filtering pass over y (rows lag…n+lag−1), then the lag rows past the data
    /// carried forward with the forecasts as observations. Returns Σe².
    static func filter(_ s: UnsafeMutablePointer<Double>, _ y: UnsafeBufferPointer<Double>, reversed: Bool,
                       _ L: Layout, _ p: Parameters, errors: UnsafeMutablePointer<Double>?) -> Double {
        let n = y.count, m = L.lag
        var sse = 0.0
        for i in m..<(n + m) {
            let value = reversed ? y[n - 1 - (i - m)] : y[i - m]
            let e = value - onestep(s, i, L)
            errors?[i - m] = e
            update(s, i, L, p, value)
            sse += e * e
        }
        for i in (n + m)..<(n + 2 * m) { update(s, i, L, p, onestep(s, i, L)) }
        return sse
    }

    static func reverseRows(_ s: UnsafeMutablePointer<Double>, rows: Int, k: Int) {
        var a = 0, b = rows - 1
        while a < b {
            for j in 0..<k { swap(&s[a * k + j], &s[b * k + j]) }
            a += 1
            b -= 1
        }
    }

    /// statsforecast's cescalc with backfitting: forward, backward over the reversed data
    /// (its end states seeding the start), forward again; returns n·log Σe² of the last pass.
    /// `s` holds (n + 2·lag)·k values with the initial states in the first lag rows.
    static func likelihood(_ s: UnsafeMutablePointer<Double>, _ y: UnsafeBufferPointer<Double>, _ L: Layout,
                           _ p: Parameters, errors: UnsafeMutablePointer<Double>? = nil) -> Double {
        let rows = y.count + 2 * L.lag
        _ = filter(s, y, reversed: false, L, p, errors: nil)
        reverseRows(s, rows: rows, k: L.k)
        _ = filter(s, y, reversed: true, L, p, errors: nil)
        reverseRows(s, rows: rows, k: L.k)
        let sse = filter(s, y, reversed: false, L, p, errors: errors)
        return Double(y.count) * log(sse)
    }
}
