import LinearAlgebra

/// Forecast variances with closed forms (Hyndman et al. 2008, ch. 6), as R's
/// forecast:::class1/class2/class3 compute them:
/// class 1, additive error and components; class 2, multiplicative error
/// with additive components; class 3, multiplicative error and season with
/// an additive (or no) trend. Other models are simulated.
enum ETSVariance {
    static func hasClosedForm(_ spec: ETSSpec) -> Bool {
        switch (spec.error, spec.trend, spec.season) {
        case (.additive, .none, .none), (.additive, .none, .additive),
            (.additive, .additive, .none), (.additive, .additive, .additive):
            return true
        case (.multiplicative, .none, .none), (.multiplicative, .none, .additive),
            (.multiplicative, .additive, .none), (.multiplicative, .additive, .additive):
            return true
        case (.multiplicative, .none, .multiplicative), (.multiplicative, .additive, .multiplicative): return true
        default: return false
        }
    }

    /// h-step means and variances; `state` is the state after the last
    /// observation. The means are the point forecasts except in class 3, where
    /// R reports E[y] including its σ² term, and so does this.
    static func moments(_ state: ETSState, sigma2: Double, horizon h: Int) -> (mean: [Double], variance: [Double]) {
        let spec = state.spec
        if spec.season == .multiplicative { return class3(state, sigma2: sigma2, horizon: h) }
        let (mu, c) = class1Terms(state, horizon: h)
        if spec.error == .additive {
            var out = [sigma2]
            var cumulative = 0.0
            for j in 0..<(h - 1) {
                cumulative += c[j] * c[j]
                out.append(sigma2 * (1 + cumulative))
            }
            return (mu, out)
        }
        // Class 2: θ_1 = μ_1², θ_j = μ_j² + σ² Σ_{i<j} c_i² θ_{j−i}; var = (1+σ²)θ − μ².
        var theta = [Double](repeating: 0, count: h)
        theta[0] = mu[0] * mu[0]
        if h > 1 {
            for j in 1..<h {
                var sum = 0.0
                for i in 0..<j { sum += c[i] * c[i] * theta[j - 1 - i] }
                theta[j] = mu[j] * mu[j] + sigma2 * sum
            }
        }
        return (mu, (0..<h).map { (1 + sigma2) * theta[$0] - mu[$0] * mu[$0] })
    }

    /// Point forecasts μ_j = w'F^{j−1}x and c_j = w'F^{j−1}g for the linear
    /// models, with the state (l, b, s_1…s_m).
    private static func class1Terms(_ state: ETSState, horizon h: Int) -> (mu: [Double], c: [Double]) {
        let spec = state.spec
        let phi = spec.damped ? state.smoothing.phi : 1
        let m = state.seasonal.count
        func applyF(_ v: [Double]) -> [Double] {
            var out = v
            if spec.hasTrend {
                out[0] = v[0] + phi * v[1]
                out[1] = phi * v[1]
            }
            if spec.hasSeason {
                let first = spec.hasTrend ? 2 : 1
                out[first] = v[first + m - 1]
                for k in 1..<m { out[first + k] = v[first + k - 1] }
            }
            return out
        }
        func observe(_ v: [Double]) -> Double {
            var value = v[0]
            if spec.hasTrend { value += phi * v[1] }
            if spec.hasSeason { value += v[v.count - 1] }
            return value
        }
        var x = [state.level]
        var g = [state.smoothing.alpha]
        if spec.hasTrend { x.append(state.slope); g.append(state.smoothing.beta) }
        if spec.hasSeason {
            x.append(contentsOf: state.seasonal)
            g.append(state.smoothing.gamma)  // on s_1, the newest seasonal state
            g.append(contentsOf: [Double](repeating: 0, count: m - 1))
        }
        var mu: [Double] = [], c: [Double] = []
        for j in 0..<h {
            mu.append(observe(x))
            if j < h - 1 { c.append(observe(g)) }
            x = applyF(x)
            g = applyF(g)
        }
        return (mu, c)
    }

    /// Class 3 by the Kronecker-product recursion of Hyndman et al. (2008, §6.4).
    /// The level part of the state (l, b) enters through H1 = (1, φ) and
    /// F1 = [[1, φ], [0, φ]], so a damped trend is damped from the first step as
    /// in the point forecasts; R uses (1, 1) and [[1, 1], [0, φ]] (the same when
    /// φ = 1). The mean is E[y], which for h > m includes a σ² term, as in R.
    /// Without `variances` only the (cheap) mean recursion runs.
    static func class3(_ state: ETSState, sigma2: Double, horizon h: Int, variances: Bool = true) -> (
        mean: [Double], variance: [Double]
    ) {
        let spec = state.spec
        let m = state.seasonal.count
        let k = spec.hasTrend ? 2 : 1
        let phi = spec.damped ? state.smoothing.phi : 1
        let alpha = state.smoothing.alpha, beta = state.smoothing.beta, gamma = state.smoothing.gamma
        var h1 = Matrix(rows: 1, columns: k, values: [1])
        var f1 = Matrix(rows: k, columns: k, values: [1]), g1 = Matrix(rows: k, columns: k, values: [alpha])
        if k == 2 {
            h1.values = [1, phi]
            f1.values = [1, phi, 0, phi]
            g1.values = [alpha, alpha * phi, beta, beta * phi]
        }
        var h2 = Matrix(rows: 1, columns: m)
        h2[0, m - 1] = 1
        var f2 = Matrix(rows: m, columns: m)
        f2[0, m - 1] = 1
        for i in 1..<m { f2[i, i - 1] = 1 }
        var g2 = Matrix(rows: m, columns: m)
        g2[0, m - 1] = gamma
        let levelPart = spec.hasTrend ? [state.level, state.slope] : [state.level]
        var mh = Matrix(rows: k, columns: 1, values: levelPart) * Matrix(rows: 1, columns: m, values: state.seasonal)
        let f2t = f2.transposed, g2t = g2.transposed, h2t = h2.transposed
        var means: [Double] = [], out: [Double] = []
        guard variances else {
            for _ in 0..<h {
                means.append((h1 * mh * h2t)[0, 0])
                mh = f1 * mh * f2t + sigma2 * (g1 * mh * g2t)
            }
            return (means, [])
        }
        var vh = Matrix(rows: k * m, columns: k * m)
        let h21 = Matrix.kronecker(h2, h1), h21t = h21.transposed
        let f21 = Matrix.kronecker(f2, f1), f21t = f21.transposed
        let g21 = Matrix.kronecker(g2, g1), g21t = g21.transposed
        let kk = Matrix.kronecker(g2, f1) + Matrix.kronecker(f2, g1), kkt = kk.transposed
        for _ in 0..<h {
            let mu = (h1 * mh * h2t)[0, 0]
            means.append(mu)
            out.append((1 + sigma2) * (h21 * vh * h21t)[0, 0] + sigma2 * mu * mu)
            let vec = mh.vectorized
            let outer = vec * vec.transposed
            let cross =
                f21 * vh * g21t + g21 * vh * f21t + kk * (vh + outer) * kkt
                + sigma2 * (g21 * (3 * vh + 2 * outer) * g21t)
            vh = f21 * vh * f21t + sigma2 * cross
            mh = f1 * mh * f2t + sigma2 * (g1 * mh * g2t)
        }
        return (means, out)
    }
}
