import Foundation

/// How the likelihood is evaluated while optimising: which stationary
/// covariance of the ARMA state starts the filter, and which filter.
enum ARIMAInitialization: String, Sendable, Codable {
    /// AS 154, as R's getQ0 (R's default), and R's filter: exact R arithmetic, O(r⁶).
    case gardner
    /// From the autocovariances (the same matrix to rounding, O(p³ + r²)), and R's filter.
    case autocovariance
    /// The likelihood of the differenced series with the ARMA state only, by the
    /// Chandrasekhar recursions: R's likelihood in the limit of a fully diffuse
    /// prior (R's kappa = 1e6 is not quite that), O(n·r) per evaluation.
    case differenced
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
    private let x: UnsafeMutableBufferPointer<Double>  // y − X β
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
    /// The optimiser's likelihood filters the differenced series with the ARMA
    /// state only (ARIMAChandrasekharFilter): `.differenced` without missing
    /// values. The final pass always runs R's filter, for the forecasting state.
    let filtersDifferences: Bool
    private let differencedY: UnsafeMutableBufferPointer<Double>
    /// The differenced regressors, column by column (ncxreg × (n − d − mD)).
    private let differencedXreg: UnsafeMutableBufferPointer<Double>
    private let differenced: UnsafeMutableBufferPointer<Double>
    private let chandrasekhar: UnsafeMutableBufferPointer<Double>
    /// Where the expanded φ and θ can be non-zero (ARIMAOrder.expandedARLags).
    private let arLags: UnsafeMutableBufferPointer<Int>
    private let maLags: UnsafeMutableBufferPointer<Int>
    /// The first column of Q0 and the φ, θ it was computed for: the gradient's
    /// steps along a regression coefficient leave them unchanged.
    private let q0Column: UnsafeMutableBufferPointer<Double>
    private let q0ColumnWork: UnsafeMutableBufferPointer<Double>
    private let q0For: UnsafeMutableBufferPointer<Double>
    private var q0ColumnValid = false

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
        // Bounds: every buffer below is allocated once with exactly the count its users index
        // (at least 1 slot, so a zero-length buffer still has a base address, never read), with
        // p = expandedP, q = expandedQ, r = max(p, q + 1) ≥ p, q + 1, d = deltaValues.count and
        // rd = r + d: y, x, residuals, scratch n; xreg ncxreg·n (column j at j·n); params narma +
        // ncxreg, the length of every coefficient vector (the estimator's `fixed`/`full` and the
        // replay's guard make it so); work max(p, P, 1) (partrans of either AR block); phi p,
        // theta q, delta d; a, anew, M rd; P, Pnew, mm rd²; q0 r²; q0work the size the chosen Q0
        // routine asks for; the differenced series nd = n − d (column j of differencedXreg at j·nd)
        // and chandrasekhar's 4r scratch exist only when `filtersDifferences`, the only case that
        // reads them; q0Column r, q0ColumnWork columnWorkspaceSize, q0For p + q.
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
        q0work = buffer(
            initialization == .gardner
                ? ARIMAInitialCovariance.workspaceSize(r)
                : ARIMAInitialCovariance.autocovarianceWorkspaceSize(p: p, r: r))
        residuals = buffer(n)
        scratch = buffer(n)
        let finite = values.allSatisfy(\.isFinite) && columns.allSatisfy { $0.allSatisfy(\.isFinite) }
        filtersDifferences = initialization == .differenced && finite && n > d
        let nd = filtersDifferences ? n - d : 0
        differencedY = buffer(nd)
        differencedXreg = buffer(ncxreg * nd)
        differenced = buffer(nd)
        chandrasekhar = buffer(filtersDifferences ? 4 * r : 0)
        q0Column = buffer(r)
        q0ColumnWork = buffer(filtersDifferences ? ARIMAInitialCovariance.columnWorkspaceSize(p: p, q: q, r: r) : 0)
        q0For = buffer(p + q)
        self.allocations = allocations
        func lagBuffer(_ lags: [Int]) -> UnsafeMutableBufferPointer<Int> {
            let b = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(lags.count, 1))
            _ = b.initialize(from: lags)
            return UnsafeMutableBufferPointer(rebasing: b[0..<lags.count])
        }
        arLags = lagBuffer(order.expandedARLags)
        maLags = lagBuffer(order.expandedMALags)
        if filtersDifferences {
            // Bounds: `source` holds n values, `out` nd = n − d; t runs d..<n, so t − 1 − k ≥ 0
            // for k < d and out[t − d] < nd.
            func difference(_ source: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>) {
                for t in d..<n {
                    var value = source[t]
                    for k in 0..<d { value -= deltaValues[k] * source[t - 1 - k] }
                    out[t - d] = value
                }
            }
            difference(y.baseAddress!, into: differencedY.baseAddress!)
            for j in 0..<ncxreg { difference(xreg.baseAddress! + j * n, into: differencedXreg.baseAddress! + j * nd) }
        }
    }

    private let allocations: [UnsafeMutableBufferPointer<Double>]

    deinit {
        for b in allocations { b.deallocate() }
        arLags.baseAddress?.deallocate()
        maLags.baseAddress?.deallocate()
    }

    /// Sets phi and theta from the coefficients, transformed first if asked.
    /// Bounds: `coef` must hold narma + ncxreg values, params' count (every caller passes a
    /// full coefficient vector); `expand` then fills phi (p) and theta (q) exactly.
    private func setPolynomials(_ coef: [Double], transform: Bool) {
        coef.withUnsafeBufferPointer { c in
            if transform {
                ARIMAParameterTransform.apply(c, params, order, work: work)
            } else {
                for i in 0..<c.count { params[i] = c[i] }
            }
            order.expand(UnsafeBufferPointer(params), phi: phi, theta: theta)
        }
    }

    /// Sets phi and theta (transformed first if asked) and x = y − X β.
    private func prepare(_ coef: [Double], transform: Bool) {
        setPolynomials(coef, transform: transform)
        coef.withUnsafeBufferPointer { c in
            // Bounds: c[narma + j] < narma + ncxreg; column j is xreg[j·n ..< (j + 1)·n].
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
    /// Bounds: Pnew is rd×rd and q0 r×r with r ≤ rd, so Pnew[i + rd·j] for i, j < r and the
    /// diagonal i in r..<rd stay inside; phi[0] is read only when phi is non-empty.
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
            case .autocovariance, .differenced:
                if !ARIMAInitialCovariance.autocovariance(phi: ph, theta: th, r: r, out: q0, work: q0work) {
                    return false
                }
            }
            for j in 0..<r { for i in 0..<r { Pnew[i + rd * j] = q0[i + r * j] } }
        }
        for i in r..<rd { Pnew[i + rd * i] = Self.kappa }
        return true
    }

    /// Bounds: passes a, anew, M (rd), P, Pnew, mm (rd²) and residuals (n = x.count), the
    /// sizes `ARIMAKalmanFilter.run` requires for r and delta.count = d.
    private func filter(keepResiduals: Bool) -> ARIMAKalmanFilter.Sums {
        ARIMAKalmanFilter.run(
            y: UnsafeBufferPointer(x), phi: UnsafeBufferPointer(phi), theta: UnsafeBufferPointer(theta),
            delta: UnsafeBufferPointer(delta), r: r, a: a.baseAddress!, P: P.baseAddress!,
            Pnew: Pnew.baseAddress!, anew: anew.baseAddress!, M: M.baseAddress!, mm: mm.baseAddress!,
            residuals: keepResiduals ? residuals.baseAddress! : nil)
    }

    /// R's armafn: ½ (log(ssq/ν) + Σ log F / ν), the concentrated −log L / n.
    func ml(_ coef: [Double], transform: Bool) -> Double {
        if filtersDifferences { return differencedML(coef, transform: transform) }
        prepare(coef, transform: transform)
        guard initializeState() else { return .greatestFiniteMagnitude }
        let s = filter(keepResiduals: false)
        let used = Double(s.used)
        return 0.5 * (log(s.ssq / used) + s.sumlog / used)
    }

    /// `ml` on the differenced series w = Δy − ΔX β with the ARMA state only.
    private func differencedML(_ coef: [Double], transform: Bool) -> Double {
        setPolynomials(coef, transform: transform)
        setDifferenced(coef)
        let ph = UnsafeBufferPointer(phi), th = UnsafeBufferPointer(theta)
        let p = phi.count, q = theta.count
        let same =
            q0ColumnValid && (0..<p).allSatisfy { q0For[$0] == phi[$0] }
            && (0..<q).allSatisfy { q0For[p + $0] == theta[$0] }
        if !same {
            q0ColumnValid = ARIMAInitialCovariance.firstColumn(
                phi: ph, theta: th, arLags: UnsafeBufferPointer(arLags), maLags: UnsafeBufferPointer(maLags), r: r,
                out: q0Column.baseAddress!, work: q0ColumnWork)
            guard q0ColumnValid else { return .greatestFiniteMagnitude }
            for i in 0..<p { q0For[i] = phi[i] }
            for i in 0..<q { q0For[p + i] = theta[i] }
        }
        // Bounds: chandrasekhar holds 4r values (filtersDifferences is true here), carved into
        // a, G, W, TW of r each; q0Column holds r.
        let scratch = chandrasekhar.baseAddress!
        guard
            let s = ARIMAChandrasekharFilter.run(
                w: UnsafeBufferPointer(differenced), phi: ph, arLags: UnsafeBufferPointer(arLags), r: r,
                q0Column: UnsafePointer(q0Column.baseAddress!),
                a: scratch, G: scratch + r, W: scratch + 2 * r, TW: scratch + 3 * r)
        else { return .greatestFiniteMagnitude }
        let used = Double(s.used)
        return 0.5 * (log(s.ssq / used) + s.sumlog / used)
    }

    /// differenced = Δy − ΔX β. Called only when `filtersDifferences`, so the differenced
    /// buffers hold nd = n − d values each (column j at j·nd).
    private func setDifferenced(_ coef: [Double]) {
        let nd = n - d
        for t in 0..<nd { differenced[t] = differencedY[t] }
        for j in 0..<ncxreg {
            let beta = coef[narma + j]
            let column = differencedXreg.baseAddress! + j * nd
            for t in 0..<nd { differenced[t] -= column[t] * beta }
        }
    }

    /// R's armaCSS: ½ log(CSS σ²).
    func css(_ coef: [Double], ncond: Int) -> Double {
        // Bounds: runDifferenced reads w[l − j − 1 − d] for l ≥ ncond and lags j < p, which
        // the test ncond ≥ d + p keeps ≥ 0; resid (residuals) has n slots.
        if filtersDifferences && ncond >= d + phi.count {
            setPolynomials(coef, transform: false)
            setDifferenced(coef)
            let sums = ARIMAConditionalSumOfSquares.runDifferenced(
                w: UnsafeBufferPointer(differenced), skipped: d, phi: UnsafeBufferPointer(phi),
                theta: UnsafeBufferPointer(theta),
                arLags: UnsafeBufferPointer(arLags), maLags: UnsafeBufferPointer(maLags), ncond: ncond,
                resid: residuals.baseAddress!)
            return 0.5 * log(sums.sigma2)
        }
        prepare(coef, transform: false)
        return 0.5 * log(cssRun(ncond: ncond).sigma2)
    }

    /// Bounds: w (scratch) and resid (residuals) hold n = x.count values, as `run` needs.
    private func cssRun(ncond: Int) -> (sigma2: Double, used: Int) {
        ARIMAConditionalSumOfSquares.run(
            y: UnsafeBufferPointer(x), order: order, phi: UnsafeBufferPointer(phi),
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
