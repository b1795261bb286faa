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
    /// the initial states, row lag + t the state after y_t. After `likelihoods`, the last lag
    /// rows are scratch: the scoring pass does not carry the states past the data.
    private(set) var states: [Lanes]
    /// The scoring pass's one-step errors, per lane, when `likelihoods` was asked to keep them.
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

    /// What a pass computes besides the states.
    enum PassMode {
        /// The backfitting passes: the states up to `lag` rows past the data, which seed the next pass.
        case backfit
        /// The last pass: Σe² over the data (the rows past it serve nothing), and the errors if kept.
        case score(keepErrors: Bool)
    }

    /// n·log Σe² after backfitting (statsforecast's cescalc) for each lane's parameters;
    /// `errors` holds the last pass's errors only if `keepErrors`.
    /// Bounds: needs y.count == n ≥ 1 (the count `init` sized for), lag ≥ 1 and
    /// initialStates.count ≤ lag·k. `states` has rows = n + 2·lag rows of k lanes; a forward pass
    /// starts at row 0, a backward one at row rows − 1 stepping −k, and each pass touches pass-rows
    /// 0 … n + 2·lag − 1 at most (see the passes), which map onto 0..<rows either way. y is read
    /// n times from `start` forward or from `end` = start + n − 1 backward; errors has n lanes.
    mutating func likelihoods(_ y: UnsafeBufferPointer<Double>, _ q: Coefficients, keepErrors: Bool = false) -> Lanes {
        let n = y.count, k = layout.k, rows = n + 2 * layout.lag
        let L = layout
        return states.withUnsafeMutableBufferPointer { sb in
            errors.withUnsafeMutableBufferPointer { eb in
                let s = sb.baseAddress!, err = eb.baseAddress!
                for j in 0..<initialStates.count { s[j] = Lanes(repeating: initialStates[j]) }
                let start = y.baseAddress!, end = start + (n - 1)
                // statsforecast reverses the states matrix between passes, so that each pass starts
                // from the last lag rows of the one before, in reverse order. Running the backward
                // pass over the rows from the top down gives the same rows without copying any.
                let top = s + (rows - 1) * k
                _ = Self.pass(s, k, start, 1, n, L, q, err, .backfit)
                _ = Self.pass(top, -k, end, -1, n, L, q, err, .backfit)
                let sse = Self.pass(s, k, start, 1, n, L, q, err, .score(keepErrors: keepErrors))
                var lik = Lanes.zero
                for lane in 0..<Self.width { lik[lane] = Double(n) * log(sse[lane]) }
                return lik
            }
        }
    }

    /// One pass over the data; row t of the pass starts at `s + t·rowStride` (rowStride is ±k).
    private static func pass(
        _ s: UnsafeMutablePointer<Lanes>, _ rowStride: Int, _ y: UnsafePointer<Double>, _ stride: Int,
        _ n: Int, _ L: CESKernel.Layout, _ q: Coefficients, _ err: UnsafeMutablePointer<Lanes>,
        _ mode: PassMode
    ) -> Lanes {
        switch L.season {
        case .none: return passNone(s, rowStride, y, stride, n, q, err, mode)
        case .simple: return passSimple(s, rowStride, y, stride, n, L.lag, q, err, mode)
        case .partial: return passPartial(s, rowStride, y, stride, n, L.lag, q, err, mode)
        case .full: return passFull(s, rowStride, y, stride, n, L.lag, q, err, mode)
        }
    }

    // Bounds, in pass-rows (row t at s + t·rowStride) with m = lag ≥ 1 and rows = n + 2m:
    // none (m = 1, k = 2) reads row 0 and writes rows 1 … n + 1 = rows − 1; simple, partial and
    // full read `row` from 0 and write `out` from m, advancing both once per step, n + m steps
    // when backfitting (the last write is row n + 2m − 1 = rows − 1, the last read row n + m − 1)
    // and n when scoring; partial and full also read row m − 1 ≥ 0 first. Columns stay below
    // k (2, 3 or 4). err[t] has t < n.
    // In each pass, row lag + t is written from y_t; rows n + lag… carry the forecasts as
    // observations. The error is recomputed the way cesupdate does, (y − ℓ) − s, which can
    // differ in the last bit from y − (ℓ + s) used for Σe². Backfitting and scoring run as
    // separate loops, and the rows past the data as a third, so that no step tests which kind
    // of row it is on (about 10 % faster); the scoring pass skips the rows past the data.
    // Level rows are written only where something reads them: past the data (the next pass's
    // seeds) and, when the errors are kept, in the scoring pass (the fitted model's final
    // states); the seasonal rows, read a cycle later, always. Stores are what limits the
    // full form's loop.

    private static func passNone(
        _ s: UnsafeMutablePointer<Lanes>, _ rs: Int, _ y: UnsafePointer<Double>, _ stride: Int,
        _ n: Int, _ q: Coefficients, _ err: UnsafeMutablePointer<Lanes>, _ mode: PassMode
    ) -> Lanes {
        var l = s[0], c = s[1], sse = Lanes.zero
        var out = s + rs, yt = y
        @inline(__always) func step(_ v: Lanes, store: Bool) {
            let e = v - l
            let nl = l - q.levelFromC * c + q.levelFromE * e
            let nc = l + q.potentialFromC * c + q.potentialFromE * e
            if store {
                out[0] = nl
                out[1] = nc
            }
            out += rs
            l = nl
            c = nc
        }
        guard case .score(let keepErrors) = mode else {
            for _ in 0..<n {
                step(Lanes(repeating: yt.pointee), store: false)
                yt += stride
            }
            step(l, store: true)
            return sse
        }
        for t in 0..<n {
            let v = Lanes(repeating: yt.pointee), e = v - l
            if keepErrors { err[t] = e }
            sse += e * e
            step(v, store: keepErrors)
            yt += stride
        }
        return sse
    }

    private static func passSimple(
        _ s: UnsafeMutablePointer<Lanes>, _ rs: Int, _ y: UnsafePointer<Double>, _ stride: Int,
        _ n: Int, _ m: Int, _ q: Coefficients, _ err: UnsafeMutablePointer<Lanes>,
        _ mode: PassMode
    ) -> Lanes {
        var sse = Lanes.zero
        var row = s, out = s + m * rs, yt = y
        @inline(__always) func step(_ v: Lanes, _ l: Lanes) {
            let c = row[1], e = v - l
            out[0] = l - q.levelFromC * c + q.levelFromE * e
            out[1] = l + q.potentialFromC * c + q.potentialFromE * e
            row += rs
            out += rs
        }
        guard case .score(let keepErrors) = mode else {
            for _ in 0..<n {
                step(Lanes(repeating: yt.pointee), row[0])
                yt += stride
            }
            for _ in 0..<m {
                let l = row[0]
                step(l, l)
            }
            return sse
        }
        for t in 0..<n {
            let l = row[0], v = Lanes(repeating: yt.pointee), e = v - l
            if keepErrors { err[t] = e }
            sse += e * e
            step(v, l)
            yt += stride
        }
        return sse
    }

    private static func passPartial(
        _ s: UnsafeMutablePointer<Lanes>, _ rs: Int, _ y: UnsafePointer<Double>, _ stride: Int,
        _ n: Int, _ m: Int, _ q: Coefficients, _ err: UnsafeMutablePointer<Lanes>,
        _ mode: PassMode
    ) -> Lanes {
        var sse = Lanes.zero
        var l = s[(m - 1) * rs], c = s[(m - 1) * rs + 1]
        var row = s, out = s + m * rs, yt = y
        @inline(__always) func step(_ v: Lanes, _ seasonal: Lanes, storeLevel: Bool) {
            let e = v - l - seasonal
            let nl = l - q.levelFromC * c + q.levelFromE * e
            let nc = l + q.potentialFromC * c + q.potentialFromE * e
            if storeLevel {
                out[0] = nl
                out[1] = nc
            }
            out[2] = seasonal + q.beta0 * e
            row += rs
            out += rs
            l = nl
            c = nc
        }
        guard case .score(let keepErrors) = mode else {
            for _ in 0..<n {
                step(Lanes(repeating: yt.pointee), row[2], storeLevel: false)
                yt += stride
            }
            for _ in 0..<m {
                let seasonal = row[2]
                step(l + seasonal, seasonal, storeLevel: true)
            }
            return sse
        }
        for t in 0..<n {
            let seasonal = row[2], v = Lanes(repeating: yt.pointee), ef = v - (l + seasonal)
            if keepErrors { err[t] = ef }
            sse += ef * ef
            step(v, seasonal, storeLevel: keepErrors)
            yt += stride
        }
        return sse
    }

    private static func passFull(
        _ s: UnsafeMutablePointer<Lanes>, _ rs: Int, _ y: UnsafePointer<Double>, _ stride: Int,
        _ n: Int, _ m: Int, _ q: Coefficients, _ err: UnsafeMutablePointer<Lanes>,
        _ mode: PassMode
    ) -> Lanes {
        var sse = Lanes.zero
        var l = s[(m - 1) * rs], c = s[(m - 1) * rs + 1]
        var row = s, out = s + m * rs, yt = y
        @inline(__always) func step(_ v: Lanes, storeLevel: Bool) {
            let a = row[2], b = row[3]
            let e = v - l - a
            let nl = l - q.levelFromC * c + q.levelFromE * e
            let nc = l + q.potentialFromC * c + q.potentialFromE * e
            if storeLevel {
                out[0] = nl
                out[1] = nc
            }
            out[2] = a - q.seasonFromB * b + q.seasonFromE * e
            out[3] = a + q.seasonPotentialFromB * b + q.seasonPotentialFromE * e
            row += rs
            out += rs
            l = nl
            c = nc
        }
        guard case .score(let keepErrors) = mode else {
            for _ in 0..<n {
                step(Lanes(repeating: yt.pointee), storeLevel: false)
                yt += stride
            }
            for _ in 0..<m { step(l + row[2], storeLevel: true) }
            return sse
        }
        for t in 0..<n {
            let v = Lanes(repeating: yt.pointee), ef = v - (l + row[2])
            if keepErrors { err[t] = ef }
            sse += ef * ef
            step(v, storeLevel: keepErrors)
            yt += stride
        }
        return sse
    }
}
