import Foundation

/// The state of an ETS model stepped one observation at a time: for
/// forecasting and simulation, where clarity beats the kernel's speed. Same
/// equations as `ETSKernel` (tests check they agree).
struct ETSState: Sendable, Equatable {
    var spec: ETSSpec
    var smoothing: ETSKernel.Smoothing
    var level: Double
    var slope: Double
    /// s_1…s_m, most recent first.
    var seasonal: [Double]

    /// Point forecasts for steps 1…h from this state; NaN where a multiplicative
    /// trend has gone negative. The damped slope enters with φ + φ² + … + φ^h,
    /// as in the textbook and R's class-1 formulas (R's C routine etsforecast
    /// adds φ^h instead of φ^(h+1) at each step, which only its simulated
    /// models use).
    func pointForecasts(_ h: Int) -> [Double] {
        let m = seasonal.count
        let phi = smoothing.phi
        var out = [Double](repeating: 0, count: h)
        var phistar = phi
        for i in 0..<h {
            var f: Double
            switch spec.trend {
            case .none: f = level
            case .additive: f = level + phistar * slope
            case .multiplicative: f = slope < 0 ? .nan : level * pow(slope, phistar)
            }
            if spec.hasSeason {
                var j = m - 1 - i
                while j < 0 { j += m }
                f = spec.season == .additive ? f + seasonal[j] : f * seasonal[j]
            }
            out[i] = f
            if i < h - 1 { phistar += abs(phi - 1) < ETSKernel.tolerance ? 1 : pow(phi, Double(i + 2)) }
        }
        return out
    }

    /// The one-step forecast.
    var next: Double { pointForecasts(1)[0] }

    /// Takes in observation y (R's update()).
    mutating func update(with y: Double) {
        let alpha = smoothing.alpha, beta = smoothing.beta, gamma = smoothing.gamma, phi = smoothing.phi
        let q: Double, phib: Double
        switch spec.trend {
        case .none: (q, phib) = (level, 0)
        case .additive: phib = phi * slope; q = level + phib
        case .multiplicative:
            phib = abs(phi - 1) < ETSKernel.tolerance ? slope : pow(slope, phi)
            q = level * phib
        }
        let old = spec.hasSeason ? seasonal[seasonal.count - 1] : 0
        let p: Double
        switch spec.season {
        case .none: p = y
        case .additive: p = y - old
        case .multiplicative: p = abs(old) < ETSKernel.tolerance ? ETSKernel.huge : y / old
        }
        let newLevel = q + alpha * (p - q)
        if spec.hasTrend {
            let r =
                spec.trend == .additive
                ? newLevel - level
                : (abs(level) < ETSKernel.tolerance ? ETSKernel.huge : newLevel / level)
            slope = phib + (beta / alpha) * (r - phib)
        }
        if spec.hasSeason {
            let t = spec.season == .additive ? y - q : (abs(q) < ETSKernel.tolerance ? ETSKernel.huge : y / q)
            seasonal.removeLast()
            seasonal.insert(old + gamma * (t - old), at: 0)
        }
        level = newLevel
    }
}
