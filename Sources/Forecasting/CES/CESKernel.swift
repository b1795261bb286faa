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
/// smoothed with β₀ + iβ₁). Fitting runs through `CESBatchFilter`; these
/// one-row steps serve forecasting and simulation.
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

        init(alpha0: Double, alpha1: Double, beta0: Double, beta1: Double) {
            self.alpha0 = alpha0
            self.alpha1 = alpha1
            self.beta0 = beta0
            self.beta1 = beta1
        }

        private enum CodingKeys: String, CodingKey { case alpha0, alpha1, beta0, beta1 }

        // A parameter the form does not use is NaN (beta1 of CES(P)), which JSON
        // cannot hold: it is saved as null, so a saved CES(P) loads again.
        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            func read(_ key: CodingKeys) throws -> Double { try c.decodeIfPresent(Double.self, forKey: key) ?? .nan }
            self.init(
                alpha0: try read(.alpha0), alpha1: try read(.alpha1), beta0: try read(.beta0), beta1: try read(.beta1))
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            for (key, value) in [(CodingKeys.alpha0, alpha0), (.alpha1, alpha1), (.beta0, beta0), (.beta1, beta1)] {
                if value.isNaN { try c.encodeNil(forKey: key) } else { try c.encode(value, forKey: key) }
            }
        }
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
    /// Bounds (here and in `update`): rows i − 1 and i − m must exist, i ≥ m ≥ 1, and the buffer
    /// must hold row i, (i + 1)·k values; columns are below k.
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
}
