import Foundation

/// How the stationary covariance of the ARMA state is computed.
enum ARIMAInitialization: String, Sendable, Codable {
    /// AS 154, as R's getQ0 (R's default): exact R arithmetic, O(r⁶).
    case gardner
    /// From the autocovariances: the same matrix to rounding, O(p³ + r²).
    case autocovariance
}

/// The objective functions R's arima optimises (armafn, armaCSS) and the final
/// filtering pass, over buffers allocated once per model, so evaluating the
/// likelihood allocates nothing.
final class ARIMALikelihood {
    let order: ARIMAOrder
    let n: Int
    let narma: Int
    let ncxreg: Int
    let r: Int, d: Int, rd: Int
    let initialization: ARIMAInitialization
    static let kappa = 1e6

    private let y: UnsafeMutableBufferPointer<Double>
    /// Regressors column by column (ncxreg × n).
    private let xreg: UnsafeMutableBufferPointer<Double>
    private let x: UnsafeMutableBufferPointer<Double>       // y − X β
    private let params: UnsafeMutableBufferPointer<Double>  // transformed coefficients
    private let work: UnsafeMutableBufferPointer<Double>
    let phi: UnsafeMutableBufferPointer<Double>
    let theta: UnsafeMutableBufferPointer<Double>
    let delta: UnsafeMutableBufferPointer<Double>
    let a: UnsafeMutableBufferPointer<Double>
    let P: UnsafeMutableBufferPointer<Double>
    private let Pnew: UnsafeMutableBufferPointer<Double>
    private let anew: UnsafeMutableBufferPointer<Double>
    private let M: UnsafeMutableBufferPointer<Double>
    private let mm: UnsafeMutableBufferPointer<Double>
    private let q0: UnsafeMutableBufferPointer<Double>
    private let q0work: UnsafeMutableBufferPointer<Double>
    let residuals: UnsafeMutableBufferPointer<Double>
    private let scratch: UnsafeMutableBufferPointer<Double>

    init(y values: [Double], xreg columns: [[Double]], order: ARIMAOrder, initialization: ARIMAInitialization) {
        self.order = order
        n = values.count
        narma = order.armaCount
        ncxreg = columns.count
        let p = order.expandedP, q = order.expandedQ
        r = max(p, q + 1)
        let deltaValues = order.delta
        d = deltaValues.count
        rd = r + d
        self.initialization = initialization
        var allocations: [UnsafeMutableBufferPointer<Double>] = []
        func buffer(_ count: Int) -> UnsafeMutableBufferPointer<Double> {
            let b = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(count, 1))
            b.initialize(repeating: 0)
            allocations.append(b)
            return UnsafeMutableBufferPointer(rebasing: b[0..<count])
        }
        y = buffer(n)
        for i in 0..<n { y[i] = values[i] }
        xreg = buffer(ncxreg * n)
        for (j, column) in columns.enumerated() { for i in 0..<n { xreg[j * n + i] = column[i] } }
        x = buffer(n)
        params = buffer(narma + ncxreg)
        work = buffer(max(order.p, order.P, 1))
        phi = buffer(p)
        theta = buffer(q)
        delta = buffer(d)
        for i in 0..<d { delta[i] = deltaValues[i] }
        a = buffer(rd)
        P = buffer(rd * rd)
        Pnew = buffer(rd * rd)
        anew = buffer(rd)
        M = buffer(rd)
        mm = buffer(rd * rd)
        q0 = buffer(r * r)
        q0work = buffer(initialization == .gardner
                        ? ARIMAInitialCovariance.workspaceSize(r)
                        : ARIMAInitialCovariance.autocovarianceWorkspaceSize(p: p, r: r))
        residuals = buffer(n)
        scratch = buffer(n)
        self.allocations = allocations
    }

    private let allocations: [UnsafeMutableBufferPointer<Double>]

    deinit {
        for b in allocations { b.deallocate() }
    }

    /// Sets phi and theta from the coefficients (transformed first if asked) and
    /// x = y − X β.
    private func prepare(_ coef: [Double], transform: Bool) {
        coef.withUnsafeBufferPointer { c in
            if transform {
                ARIMAParameterTransform.apply(c, params, order, work: work)
            } else {
                for i in 0..<c.count { params[i] = c[i] }
            }
            order.expand(UnsafeBufferPointer(params), phi: phi, theta: theta)
            for t in 0..<n { x[t] = y[t] }
            for j in 0..<ncxreg {
                let beta = c[narma + j]
                let column = xreg.baseAddress! + j * n
                for t in 0..<n { x[t] -= column[t] * beta }
            }
        }
    }

    /// Resets the state to a = 0 and the initial covariance (Q0, kappa on the
    /// differences). False when Q0 cannot be computed.
    private func initializeState() -> Bool {
        for i in 0..<rd { a[i] = 0 }
        for i in 0..<(rd * rd) { Pnew[i] = 0 }
        let ph = UnsafeBufferPointer(phi), th = UnsafeBufferPointer(theta)
        if r == 1 {
            Pnew[0] = phi.count > 0 ? 1 / (1 - phi[0] * phi[0]) : 1
        } else {
            switch initialization {
            case .gardner:
                ARIMAInitialCovariance.gardner(phi: ph, theta: th, r: r, out: q0, work: q0work)
            case .autocovariance:
                if !ARIMAInitialCovariance.autocovariance(phi: ph, theta: th, r: r, out: q0, work: q0work) { return false }
            }
            for j in 0..<r { for i in 0..<r { Pnew[i + rd * j] = q0[i + r * j] } }
        }
        for i in r..<rd { Pnew[i + rd * i] = Self.kappa }
        return true
    }

    private func filter(keepResiduals: Bool) -> ARIMAKalmanFilter.Sums {
        ARIMAKalmanFilter.run(y: UnsafeBufferPointer(x), phi: UnsafeBufferPointer(phi), theta: UnsafeBufferPointer(theta),
                              delta: UnsafeBufferPointer(delta), r: r, a: a.baseAddress!, P: P.baseAddress!,
                              Pnew: Pnew.baseAddress!, anew: anew.baseAddress!, M: M.baseAddress!, mm: mm.baseAddress!,
                              residuals: keepResiduals ? residuals.baseAddress! : nil)
    }

    /// R's armafn: ½ (log(ssq/ν) + Σ log F / ν), the concentrated −log L / n.
    func ml(_ coef: [Double], transform: Bool) -> Double {
        prepare(coef, transform: transform)
        guard initializeState() else { return .greatestFiniteMagnitude }
        let s = filter(keepResiduals: false)
        let used = Double(s.used)
        return 0.5 * (log(s.ssq / used) + s.sumlog / used)
    }

    /// R's armaCSS: ½ log(CSS σ²).
    func css(_ coef: [Double], ncond: Int) -> Double {
        prepare(coef, transform: false)
        return 0.5 * log(cssRun(ncond: ncond).sigma2)
    }

    private func cssRun(ncond: Int) -> (sigma2: Double, used: Int) {
        ARIMAConditionalSumOfSquares.run(y: UnsafeBufferPointer(x), order: order, phi: UnsafeBufferPointer(phi),
                                         theta: UnsafeBufferPointer(theta), ncond: ncond, w: scratch.baseAddress!,
                                         resid: residuals.baseAddress!)
    }

    /// R's arimaSS on the final (untransformed) coefficients: filters the whole
    /// series, leaving the final state in `a`, `P` and the standardised
    /// innovations in `residuals`.
    func finalPass(_ coef: [Double]) -> ARIMAKalmanFilter.Sums? {
        prepare(coef, transform: false)
        guard initializeState() else { return nil }
        return filter(keepResiduals: true)
    }

    /// CSS residuals and σ² at `coef` (after `finalPass`, which they overwrite in `residuals`).
    func cssResiduals(_ coef: [Double], ncond: Int) -> (sigma2: Double, used: Int) {
        prepare(coef, transform: false)
        return cssRun(ncond: ncond)
    }
}
