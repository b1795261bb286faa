import Foundation

/// CES likelihoods for four parameter sets at once, one per SIMD lane. The passes are
/// written per form so that the level chain stays in registers, and each lane's arithmetic
/// is exactly `CESKernel.update`'s, so each lane's result is bit for bit the scalar one.
/// The four chains run side by side, hiding the latency of the level recursion.
struct CESBatchFilter {
    typealias Lanes = SIMD4<Double>
    static let width = 4

    let layout: CESKernel.Layout
    let initialStates: [Double]
    /// (n + 2·lag) rows of k lanes, statsforecast's states matrix for each lane: rows 0..<lag
    /// the initial states, row lag + t the state after y_t.
    private(set) var states: [Lanes]
    /// The last forward pass's one-step errors, per lane.
    private(set) var errors: [Lanes]

    init(layout: CESKernel.Layout, initialStates: [Double], count n: Int) {
        self.layout = layout
        self.initialStates = initialStates
        states = [Lanes](repeating: .zero, count: (n + 2 * layout.lag) * layout.k)
        errors = [Lanes](repeating: .zero, count: n)
    }

    /// The smoothing parameters of up to four models, one per lane, as the passes use them.
    struct Coefficients {
        var levelFromC = Lanes.zero, levelFromE = Lanes.zero
        var potentialFromC = Lanes.zero, potentialFromE = Lanes.zero
        var seasonFromB = Lanes.zero, seasonFromE = Lanes.zero
        var seasonPotentialFromB = Lanes.zero, seasonPotentialFromE = Lanes.zero
        var beta0 = Lanes.zero

        /// Lane i gets `parameters(i)` for i < count; the spare lanes repeat the last set.
        init(count: Int, _ parameters: (Int) -> CESKernel.Parameters) {
            precondition(count >= 1 && count <= CESBatchFilter.width, "CESBatchFilter: 1 to 4 parameter sets")
            for lane in 0..<CESBatchFilter.width {
                let q = parameters(min(lane, count - 1))
                levelFromC[lane] = 1 - q.alpha1
                levelFromE[lane] = q.alpha0 - q.alpha1
                potentialFromC[lane] = 1 - q.alpha0
                potentialFromE[lane] = q.alpha0 + q.alpha1
                seasonFromB[lane] = 1 - q.beta1
                seasonFromE[lane] = q.beta0 - q.beta1
                seasonPotentialFromB[lane] = 1 - q.beta0
                seasonPotentialFromE[lane] = q.beta0 + q.beta1
                beta0[lane] = q.beta0
            }
        }
    }

    /// n·log Σe² after backfitting (statsforecast's cescalc) for each lane's parameters.
    mutating func likelihoods(_ y: UnsafeBufferPointer<Double>, _ q: Coefficients) -> Lanes {
        let n = y.count, k = layout.k, rows = n + 2 * layout.lag
        let L = layout
        return states.withUnsafeMutableBufferPointer { sb in
            errors.withUnsafeMutableBufferPointer { eb in
                let s = sb.baseAddress!, err = eb.baseAddress!
                for j in 0..<initialStates.count { s[j] = Lanes(repeating: initialStates[j]) }
                let start = y.baseAddress!, end = start + (n - 1)
                _ = Self.pass(s, start, 1, n, L, q, err, recordErrors: false)
                Self.seedReversed(s, rows: rows, k: k, lag: L.lag)
                _ = Self.pass(s, end, -1, n, L, q, err, recordErrors: false)
                Self.seedReversed(s, rows: rows, k: k, lag: L.lag)
                let sse = Self.pass(s, start, 1, n, L, q, err, recordErrors: true)
                var lik = Lanes.zero
                for lane in 0..<Self.width { lik[lane] = Double(n) * log(sse[lane]) }
                return lik
            }
        }
    }

    /// Seeds the first lag rows with the last lag rows in reverse order: what reversing the
    /// whole matrix would leave there, and the only rows the next pass reads before writing.
    private static func seedReversed(_ s: UnsafeMutablePointer<Lanes>, rows: Int, k: Int, lag: Int) {
        for j in 0..<lag {
            for i in 0..<k { s[j * k + i] = s[(rows - 1 - j) * k + i] }
        }
    }

    private static func pass(_ s: UnsafeMutablePointer<Lanes>, _ y: UnsafePointer<Double>, _ stride: Int, _ n: Int,
                             _ L: CESKernel.Layout, _ q: Coefficients, _ err: UnsafeMutablePointer<Lanes>, recordErrors: Bool) -> Lanes {
        switch L.season {
        case .none: return passNone(s, y, stride, n, q, err, recordErrors)
        case .simple: return passSimple(s, y, stride, n, L.lag, q, err, recordErrors)
        case .partial: return passPartial(s, y, stride, n, L.lag, q, err, recordErrors)
        case .full: return passFull(s, y, stride, n, L.lag, q, err, recordErrors)
        }
    }

    // In each pass, row lag + t is written from y_t; rows n + lag… carry the forecasts as
    // observations. The error is recomputed the way cesupdate does, (y − ℓ) − s, which can
    // differ in the last bit from y − (ℓ + s) used for Σe².

    private static func passNone(_ s: UnsafeMutablePointer<Lanes>, _ y: UnsafePointer<Double>, _ stride: Int, _ n: Int,
                                 _ q: Coefficients, _ err: UnsafeMutablePointer<Lanes>, _ recordErrors: Bool) -> Lanes {
        var l = s[0], c = s[1], sse = Lanes.zero
        for t in 0...n {
            let v = t < n ? Lanes(repeating: y[t * stride]) : l
            let e = v - l
            if t < n && recordErrors { err[t] = e; sse += e * e }
            let nl = l - q.levelFromC * c + q.levelFromE * e
            let nc = l + q.potentialFromC * c + q.potentialFromE * e
            s[2 * t + 2] = nl
            s[2 * t + 3] = nc
            l = nl
            c = nc
        }
        return sse
    }

    private static func passSimple(_ s: UnsafeMutablePointer<Lanes>, _ y: UnsafePointer<Double>, _ stride: Int, _ n: Int,
                                   _ m: Int, _ q: Coefficients, _ err: UnsafeMutablePointer<Lanes>, _ recordErrors: Bool) -> Lanes {
        var sse = Lanes.zero
        let out = s + 2 * m
        for t in 0..<(n + m) {
            let l = s[2 * t], c = s[2 * t + 1]
            let v = t < n ? Lanes(repeating: y[t * stride]) : l
            let e = v - l
            if t < n && recordErrors { err[t] = e; sse += e * e }
            out[2 * t] = l - q.levelFromC * c + q.levelFromE * e
            out[2 * t + 1] = l + q.potentialFromC * c + q.potentialFromE * e
        }
        return sse
    }

    private static func passPartial(_ s: UnsafeMutablePointer<Lanes>, _ y: UnsafePointer<Double>, _ stride: Int, _ n: Int,
                                    _ m: Int, _ q: Coefficients, _ err: UnsafeMutablePointer<Lanes>, _ recordErrors: Bool) -> Lanes {
        var sse = Lanes.zero
        var l = s[3 * (m - 1)], c = s[3 * (m - 1) + 1]
        let out = s + 3 * m
        for t in 0..<(n + m) {
            let seasonal = s[3 * t + 2]
            let v: Lanes
            if t < n {
                v = Lanes(repeating: y[t * stride])
                if recordErrors { let ef = v - (l + seasonal); err[t] = ef; sse += ef * ef }
            } else {
                v = l + seasonal
            }
            let e = v - l - seasonal
            let nl = l - q.levelFromC * c + q.levelFromE * e
            let nc = l + q.potentialFromC * c + q.potentialFromE * e
            out[3 * t] = nl
            out[3 * t + 1] = nc
            out[3 * t + 2] = seasonal + q.beta0 * e
            l = nl
            c = nc
        }
        return sse
    }

    private static func passFull(_ s: UnsafeMutablePointer<Lanes>, _ y: UnsafePointer<Double>, _ stride: Int, _ n: Int,
                                 _ m: Int, _ q: Coefficients, _ err: UnsafeMutablePointer<Lanes>, _ recordErrors: Bool) -> Lanes {
        var sse = Lanes.zero
        var l = s[4 * (m - 1)], c = s[4 * (m - 1) + 1]
        let out = s + 4 * m
        for t in 0..<(n + m) {
            let a = s[4 * t + 2], b = s[4 * t + 3]
            let v: Lanes
            if t < n {
                v = Lanes(repeating: y[t * stride])
                if recordErrors { let ef = v - (l + a); err[t] = ef; sse += ef * ef }
            } else {
                v = l + a
            }
            let e = v - l - a
            let nl = l - q.levelFromC * c + q.levelFromE * e
            let nc = l + q.potentialFromC * c + q.potentialFromE * e
            out[4 * t] = nl
            out[4 * t + 1] = nc
            out[4 * t + 2] = a - q.seasonFromB * b + q.seasonFromE * e
            out[4 * t + 3] = a + q.seasonPotentialFromB * b + q.seasonPotentialFromE * e
            l = nl
            c = nc
        }
        return sse
    }
}
