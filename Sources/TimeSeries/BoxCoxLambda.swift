import AlmanacCore
import Foundation
import LinearAlgebra
import Optimization

/// Choosing the Box–Cox λ as R's forecast::BoxCox.lambda does.
extension Series {
    /// How λ is chosen.
    public enum LambdaMethod: String, Sendable, CaseIterable {
        /// Guerrero (1993): the λ that makes the coefficient of variation of
        /// sd/mean^(1−λ) across seasonal sub-series smallest.
        case guerrero
        /// Profile log-likelihood of a linear trend (+ seasonal dummies) model,
        /// on a grid of λ in steps of 0.05.
        case loglik
    }

    /// λ in [lower, upper]; with any value ≤ 0 the lower end is raised to 0, and a
    /// series of two cycles or fewer gets λ = 1, as forecast does. Guerrero's
    /// minimum is found by Brent's method with R's optimize() tolerance
    /// (ε^¼), so the result matches R's to many more digits than that tolerance.
    public func boxCoxLambda(method: LambdaMethod = .guerrero, lower: Double = -1, upper: Double = 2)
        throws(SeriesError) -> Double
    {
        guard lower < upper else { throw SeriesError("boxcox_lambda: lower (\(lower)) must be below upper (\(upper))") }
        var lower = lower
        if values.contains(where: { $0 <= 0 }) { lower = max(lower, 0) }
        if count <= 2 * seasonalPeriod { return 1 }
        switch method {
        case .guerrero:
            let objective = { (lambda: Double) in self.guerreroCriterion(lambda) }
            do {
                let r = try Brent.minimize(
                    objective, lower: lower, upper: upper,
                    options: .init(tolerance: pow(Double.ulpOfOne, 0.25)))
                return r.x[0]
            } catch {
                throw SeriesError("boxcox_lambda: \(error)")
            }
        case .loglik:
            if let i = values.firstIndex(where: { $0 <= 0 }) {
                throw SeriesError("boxcox_lambda(\"loglik\"): needs positive values; \(label(at: i)) is \(values[i])")
            }
            return profileLikelihoodLambda(lower: lower, upper: upper)
        }
    }

    func guerreroCriterion(_ lambda: Double) -> Double {
        let period = max(2, seasonalPeriod)
        let years = count / period
        let first = count - years * period
        var ratios: [Double] = []
        for y in 0..<years {
            let block = values[(first + y * period)..<(first + (y + 1) * period)].filter { !$0.isNaN }
            let mean = block.reduce(0, +) / Double(block.count)
            let sd = variance(Array(block)).squareRoot()
            ratios.append(sd / pow(mean, 1 - lambda))
        }
        let mean = ratios.reduce(0, +) / Double(ratios.count)
        return variance(ratios).squareRoot() / mean
    }

    func profileLikelihoodLambda(lower: Double, upper: Double) -> Double {
        let n = count
        let logx = values.map { Foundation.log($0) }
        let xdot = exp(logx.reduce(0, +) / Double(n))
        var columns: [[Double]] = [[Double](repeating: 1, count: n), (1...n).map(Double.init)]
        if seasonalPeriod > 1 {
            for s in 1..<seasonalPeriod { columns.append((0..<n).map { $0 % seasonalPeriod == s ? 1 : 0 }) }
        }
        var best = (lambda: lower, loglik: -Double.infinity)
        let steps = Int(((upper - lower) / 0.05 + 1e-10).rounded(.down))
        for i in 0...steps {
            let la = lower + Double(i) * 0.05
            let xt: [Double]
            if abs(la) > 0.02 {
                xt = values.map { (pow($0, la) - 1) / la }
            } else {
                xt = logx.map { l in l * (1 + (la * l) / 2 * (1 + (la * l) / 3 * (1 + (la * l) / 4))) }
            }
            let scaled = xt.map { $0 / pow(xdot, la - 1) }
            let residuals = LeastSquares.fit(columns: columns, scaled).residuals
            let loglik = -Double(n) / 2 * Foundation.log(residuals.reduce(0) { $0 + $1 * $1 })
            if loglik > best.loglik { best = (la, loglik) }
        }
        return best.lambda
    }
}
