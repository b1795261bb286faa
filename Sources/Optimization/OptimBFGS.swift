/// Quasi-Newton minimisation exactly as R's optim(method = "BFGS") runs it:
/// the `vmmin` routine of R's optim.c (after Nash), with optim's central
/// finite-difference gradient (step `ndeps` on the scaled parameters),
/// `parscale`, and optimhess for the Hessian. R's arima estimates with it.
public struct OptimBFGS: Sendable {
    public var maxIterations: Int
    public var absoluteTolerance: Double
    public var relativeTolerance: Double
    /// Finite-difference step for the gradient, on the scaled parameters.
    public var ndeps: Double

    public init(
        maxIterations: Int = 100, absoluteTolerance: Double = -.infinity,
        relativeTolerance: Double = 1.490116119384765625e-8, ndeps: Double = 1e-3
    ) {
        self.maxIterations = maxIterations
        self.absoluteTolerance = absoluteTolerance
        self.relativeTolerance = relativeTolerance
        self.ndeps = ndeps
    }

    public struct Result: Sendable, Equatable {
        public var x: [Double]
        public var value: Double
        /// optim's convergence code 0 (false: the iteration limit was reached).
        public var converged: Bool
        public var functionCount: Int
        public var gradientCount: Int
    }

    /// Why optim would stop with an error.
    public enum Failure: Error, Equatable {
        /// "initial value in 'vmmin' is not finite"
        case initialValueNotFinite
        /// "non-finite finite-difference value [i]" (1-based i)
        case nonFiniteDifference(Int)
    }

    /// Minimises f from `start`; f receives unscaled parameters (scaled × parscale).
    public func minimize(
        start: [Double], parscale: [Double]? = nil,
        _ f: ([Double]) -> Double
    ) throws(Failure) -> Result {
        let n = start.count
        let scale = parscale ?? [Double](repeating: 1, count: n)
        var point = [Double](repeating: 0, count: n)
        func fn(_ b: [Double]) -> Double {
            for i in 0..<n { point[i] = b[i] * scale[i] }
            return f(point)
        }
        var b = (0..<n).map { start[$0] / scale[$0] }
        if maxIterations <= 0 {
            return Result(x: start, value: fn(b), converged: true, functionCount: 0, gradientCount: 0)
        }
        var g = [Double](repeating: 0, count: n)
        func gradient() throws(Failure) {
            for i in 0..<n {
                let bi = b[i]
                b[i] = bi + ndeps
                let v1 = fn(b)
                b[i] = bi - ndeps
                let v2 = fn(b)
                b[i] = bi
                g[i] = (v1 - v2) / (2 * ndeps)
                if !g[i].isFinite { throw .nonFiniteDifference(i + 1) }
            }
        }
        var t = [Double](repeating: 0, count: n), X = t, c = t
        var B = [Double](repeating: 0, count: n * n)  // lower triangle, B[i*n+j], j ≤ i
        var f = fn(b)
        guard f.isFinite else { throw .initialValueNotFinite }
        var fmin = f
        var funcount = 1, gradcount = 1
        try gradient()
        var iter = 1
        var ilast = gradcount
        var count = 0
        let stepReduction = 0.2, acceptTolerance = 1e-4, relativeTest = 10.0
        repeat {
            if ilast == gradcount {
                for i in 0..<n {
                    for j in 0..<i { B[i * n + j] = 0 }
                    B[i * n + i] = 1
                }
            }
            for i in 0..<n {
                X[i] = b[i]
                c[i] = g[i]
            }
            var gradproj = 0.0
            for i in 0..<n {
                var s = 0.0
                for j in 0...i { s -= B[i * n + j] * g[j] }
                var j = i + 1
                while j < n { s -= B[j * n + i] * g[j]; j += 1 }
                t[i] = s
                gradproj += s * g[i]
            }
            if gradproj < 0 {
                var steplength = 1.0
                var accepted = false
                repeat {
                    count = 0
                    for i in 0..<n {
                        b[i] = X[i] + steplength * t[i]
                        if relativeTest + X[i] == relativeTest + b[i] { count += 1 }
                    }
                    if count < n {
                        f = fn(b)
                        funcount += 1
                        accepted = f.isFinite && f <= fmin + gradproj * steplength * acceptTolerance
                        if !accepted { steplength *= stepReduction }
                    }
                } while !(count == n || accepted)
                let enough =
                    f > absoluteTolerance && abs(f - fmin) > relativeTolerance * (abs(fmin) + relativeTolerance)
                if !enough {
                    count = n
                    fmin = f
                }
                if count < n {
                    fmin = f
                    try gradient()
                    gradcount += 1
                    iter += 1
                    var D1 = 0.0
                    for i in 0..<n {
                        t[i] = steplength * t[i]
                        c[i] = g[i] - c[i]
                        D1 += t[i] * c[i]
                    }
                    if D1 > 0 {
                        var D2 = 0.0
                        for i in 0..<n {
                            var s = 0.0
                            for j in 0...i { s += B[i * n + j] * c[j] }
                            var j = i + 1
                            while j < n { s += B[j * n + i] * c[j]; j += 1 }
                            X[i] = s
                            D2 += s * c[i]
                        }
                        D2 = 1 + D2 / D1
                        for i in 0..<n {
                            for j in 0...i { B[i * n + j] += (D2 * t[i] * t[j] - X[i] * t[j] - t[i] * X[j]) / D1 }
                        }
                    } else {
                        ilast = gradcount
                    }
                } else if ilast < gradcount {
                    count = 0
                    ilast = gradcount
                }
            } else {
                count = 0
                if ilast == gradcount { count = n } else { ilast = gradcount }
            }
            if iter >= maxIterations { break }
            if gradcount - ilast > 2 * n { ilast = gradcount }
        } while count != n || ilast != gradcount
        return Result(
            x: (0..<n).map { b[$0] * scale[$0] }, value: fmin, converged: iter < maxIterations,
            functionCount: funcount, gradientCount: gradcount)
    }

    /// optim's Hessian (optimhess): central differences of the numerical
    /// gradient, symmetrised. Row-major n×n.
    public func hessian(at x: [Double], parscale: [Double]? = nil, _ f: ([Double]) -> Double) throws(Failure)
        -> [Double]
    {
        let n = x.count
        let scale = parscale ?? [Double](repeating: 1, count: n)
        var point = [Double](repeating: 0, count: n)
        var dpar = (0..<n).map { x[$0] / scale[$0] }
        func gradient(_ out: inout [Double]) throws(Failure) {
            for i in 0..<n {
                let bi = dpar[i]
                dpar[i] = bi + ndeps
                for k in 0..<n { point[k] = dpar[k] * scale[k] }
                let v1 = f(point)
                dpar[i] = bi - ndeps
                for k in 0..<n { point[k] = dpar[k] * scale[k] }
                let v2 = f(point)
                dpar[i] = bi
                out[i] = (v1 - v2) / (2 * ndeps)
                if !out[i].isFinite { throw .nonFiniteDifference(i + 1) }
            }
        }
        var h = [Double](repeating: 0, count: n * n)
        var df1 = [Double](repeating: 0, count: n), df2 = df1
        for i in 0..<n {
            let eps = ndeps / scale[i]
            dpar[i] += eps
            try gradient(&df1)
            dpar[i] -= 2 * eps
            try gradient(&df2)
            for j in 0..<n { h[i * n + j] = (df1[j] - df2[j]) / (2 * eps * scale[i] * scale[j]) }
            dpar[i] += eps
        }
        for i in 0..<n {
            for j in 0..<i {
                let s = 0.5 * (h[i * n + j] + h[j * n + i])
                h[i * n + j] = s
                h[j * n + i] = s
            }
        }
        return h
    }
}
