import Foundation

/// A decomposition y = trend + seasonal + remainder (additive).
public struct Decomposition: Sendable, Equatable {
    /// The trend component.
    public let trend: [Double]
    /// The seasonal component.
    public let seasonal: [Double]
    /// What is left: data − trend − seasonal.
    public let remainder: [Double]
    /// Robustness weights of the last STL pass (all 1 when not robust).
    public let weights: [Double]
}

/// STL: Seasonal-Trend decomposition by Loess (Cleveland, Cleveland, McRae &
/// Terpenning 1990), following the reference implementation that R's stl()
/// runs, including its window and jump defaults, so the numbers agree with R.
extension Series {
    /// How the seasonal component may change from cycle to cycle (R's s.window).
    public enum SeasonalWindow: Sendable, Equatable {
        /// The seasonal pattern is the same every cycle (R's s.window = "periodic").
        case periodic
        /// Span in cycles of the loess that smooths each cycle-subseries (odd, ≥ 7 recommended).
        case span(Int)
    }

    /// The STL decomposition with R's stl() arguments and defaults (nil: R's default for that window or iteration count).
    public func stl(
        seasonalWindow: SeasonalWindow, seasonalDegree: Int = 0, trendWindow: Int? = nil,
        trendDegree: Int = 1, lowPassWindow: Int? = nil, robust: Bool = false,
        innerIterations: Int? = nil, outerIterations: Int? = nil
    ) throws(SeriesError) -> Decomposition {
        try requireComplete(for: "stl")
        let np = seasonalPeriod
        guard np >= 2 else {
            throw SeriesError(
                "stl: \(describedName) is not seasonal (period \(np)); STL needs a seasonal period of at least 2")
        }
        guard count >= 2 * np + 1 else {
            throw SeriesError(
                "stl: \(describedName) has \(count) observations; STL needs at least two full cycles plus one (\(2 * np + 1))"
            )
        }
        guard [0, 1].contains(seasonalDegree), [0, 1].contains(trendDegree) else {
            throw SeriesError("stl: degrees must be 0 or 1")
        }
        let n = count
        func nextOdd(_ x: Double) -> Int {
            let r = Int(x.rounded(.toNearestOrEven))
            return r % 2 == 0 ? r + 1 : r
        }
        var ns: Int, isdeg = seasonalDegree
        let periodic: Bool
        switch seasonalWindow {
        case .periodic:
            ns = 10 * n + 1
            isdeg = 0
            periodic = true
        case .span(let s):
            guard s >= 3 else { throw SeriesError("stl: the seasonal window must be at least 3") }
            ns = s
            periodic = false
        }
        let nt = trendWindow ?? nextOdd((1.5 * Double(np) / (1 - 1.5 / Double(ns))).rounded(.up))
        let nl = lowPassWindow ?? nextOdd(Double(np))
        let jumps = (
            s: Int((Double(ns) / 10).rounded(.up)), t: Int((Double(nt) / 10).rounded(.up)),
            l: Int((Double(nl) / 10).rounded(.up))
        )
        let inner = innerIterations ?? (robust ? 1 : 2), outer = outerIterations ?? (robust ? 15 : 0)

        var engine = STLEngine(
            y: values, np: max(2, np), ns: oddAtLeast3(ns), nt: oddAtLeast3(nt), nl: oddAtLeast3(nl),
            isdeg: isdeg, itdeg: trendDegree, ildeg: trendDegree,
            nsjump: jumps.s, ntjump: jumps.t, nljump: jumps.l)
        engine.run(inner: inner, outer: outer)
        var seasonal = engine.season
        if periodic {
            // R replaces the seasonal component by its cycle means.
            var sums = [Double](repeating: 0, count: np), counts = [Int](repeating: 0, count: np)
            for i in 0..<n { sums[i % np] += seasonal[i]; counts[i % np] += 1 }
            seasonal = (0..<n).map { sums[$0 % np] / Double(counts[$0 % np]) }
        }
        let remainder = (0..<n).map { values[$0] - seasonal[$0] - engine.trend[$0] }
        return Decomposition(
            trend: engine.trend, seasonal: seasonal, remainder: remainder,
            weights: outer > 0 ? engine.robustnessWeights : [Double](repeating: 1, count: n))
    }
}

private func oddAtLeast3(_ x: Int) -> Int {
    let v = max(3, x)
    return v % 2 == 0 ? v + 1 : v
}

/// The reference implementation's literals .999 and .001 are single-precision
/// constants; using their exact values keeps the robustness iterations, which
/// amplify tiny differences, in step with R.
private let point999 = Double(Float(0.999))
private let point001 = Double(Float(0.001))

/// The STL iterations. Arrays are used 1-based (element 0 unused) to keep the
/// index arithmetic identical to the reference implementation's.
struct STLEngine {
    let y: [Double]  // 1-based
    let n: Int, np: Int, ns: Int, nt: Int, nl: Int
    let isdeg: Int, itdeg: Int, ildeg: Int
    let nsjump: Int, ntjump: Int, nljump: Int
    var trendStorage: [Double]
    var seasonStorage: [Double]
    var rw: [Double]
    var userw = false

    init(
        y values: [Double], np: Int, ns: Int, nt: Int, nl: Int, isdeg: Int, itdeg: Int, ildeg: Int,
        nsjump: Int, ntjump: Int, nljump: Int
    ) {
        y = [0] + values
        n = values.count
        self.np = np; self.ns = ns; self.nt = nt; self.nl = nl
        self.isdeg = isdeg; self.itdeg = itdeg; self.ildeg = ildeg
        self.nsjump = nsjump; self.ntjump = ntjump; self.nljump = nljump
        trendStorage = [Double](repeating: 0, count: n + 1)
        seasonStorage = [Double](repeating: 0, count: n + 1)
        rw = [Double](repeating: 1, count: n + 1)
    }

    var trend: [Double] { Array(trendStorage[1...n]) }
    var season: [Double] { Array(seasonStorage[1...n]) }
    var robustnessWeights: [Double] { Array(rw[1...n]) }

    mutating func run(inner: Int, outer: Int) {
        var k = 0
        while true {
            innerLoop(iterations: inner)
            k += 1
            if k > outer { break }
            let fit = (0...n).map { $0 == 0 ? 0 : trendStorage[$0] + seasonStorage[$0] }
            robustnessWeights(fit: fit)
            userw = true
        }
    }

    /// One round of the inner loop: detrend, smooth cycle-subseries, low-pass, deseasonalise, smooth trend.
    mutating func innerLoop(iterations: Int) {
        for _ in 0..<iterations {
            let detrended = (0...n).map { $0 == 0 ? 0 : y[$0] - trendStorage[$0] }
            let c = cycleSubseries(detrended)  // length n + 2np, 1-based
            let filtered = lowPassFilter(c, length: n + 2 * np)  // length n, 1-based
            let l = loess(filtered, n: n, len: nl, degree: ildeg, jump: nljump, weights: nil)
            for i in 1...n { seasonStorage[i] = c[np + i] - l[i] }
            let deseasonalised = (0...n).map { $0 == 0 ? 0 : y[$0] - seasonStorage[$0] }
            trendStorage = loess(deseasonalised, n: n, len: nt, degree: itdeg, jump: ntjump, weights: userw ? rw : nil)
        }
    }

    /// Loess estimate at xs from points nleft...nright (stlest). Nil when all weights vanish.
    func estimate(
        _ y: [Double], n: Int, len: Int, degree: Int, xs: Double, nleft: Int, nright: Int,
        weights rw: [Double]?
    ) -> Double? {
        let range = Double(n) - 1
        var h = max(xs - Double(nleft), Double(nright) - xs)
        if len > n { h += Double((len - n) / 2) }
        let h9 = point999 * h, h1 = point001 * h
        var w = [Double](repeating: 0, count: nright - nleft + 1)
        var a = 0.0
        for j in nleft...nright {
            let r = abs(Double(j) - xs)
            var wj = 0.0
            if r <= h9 {
                if r <= h1 { wj = 1 } else { let q = r / h; let t = 1 - q * q * q; wj = t * t * t }
                if let rw { wj *= rw[j] }
                a += wj
            }
            w[j - nleft] = wj
        }
        guard a > 0 else { return nil }
        for j in 0..<w.count { w[j] /= a }
        if h > 0 && degree > 0 {
            var mean = 0.0
            for j in nleft...nright { mean += w[j - nleft] * Double(j) }
            var b = xs - mean
            var c = 0.0
            for j in nleft...nright { let d = Double(j) - mean; c += w[j - nleft] * d * d }
            if c.squareRoot() > point001 * range {
                b /= c
                for j in nleft...nright { w[j - nleft] *= b * (Double(j) - mean) + 1 }
            }
        }
        var ys = 0.0
        for j in nleft...nright { ys += w[j - nleft] * y[j] }
        return ys
    }

    /// Loess smoothing of y[1...n] with span len, evaluated every `jump` points
    /// and interpolated linearly in between (stless).
    func loess(_ y: [Double], n: Int, len: Int, degree: Int, jump: Int, weights rw: [Double]?) -> [Double] {
        var ys = [Double](repeating: 0, count: n + 1)
        if n < 2 {
            if n == 1 { ys[1] = y[1] }
            return ys
        }
        let newnj = min(jump, n - 1)
        var nleft = 1, nright = n
        if len >= n {
            nleft = 1; nright = n
            var i = 1
            while i <= n {
                ys[i] =
                    estimate(
                        y, n: n, len: len, degree: degree, xs: Double(i), nleft: nleft, nright: nright, weights: rw)
                    ?? y[i]
                i += newnj
            }
        } else if newnj == 1 {
            let nsh = (len + 1) / 2
            nleft = 1; nright = len
            for i in 1...n {
                if i > nsh && nright != n { nleft += 1; nright += 1 }
                ys[i] =
                    estimate(
                        y, n: n, len: len, degree: degree, xs: Double(i), nleft: nleft, nright: nright, weights: rw)
                    ?? y[i]
            }
        } else {
            let nsh = (len + 1) / 2
            var i = 1
            while i <= n {
                if i < nsh {
                    nleft = 1; nright = len
                } else if i >= n - nsh + 1 {
                    nleft = n - len + 1; nright = n
                } else {
                    nleft = i - nsh + 1; nright = len + i - nsh
                }
                ys[i] =
                    estimate(
                        y, n: n, len: len, degree: degree, xs: Double(i), nleft: nleft, nright: nright, weights: rw)
                    ?? y[i]
                i += newnj
            }
        }
        if newnj != 1 {
            var i = 1
            while i <= n - newnj {
                let delta = (ys[i + newnj] - ys[i]) / Double(newnj)
                for j in (i + 1)..<(i + newnj) { ys[j] = ys[i] + delta * Double(j - i) }
                i += newnj
            }
            let k = ((n - 1) / newnj) * newnj + 1
            if k != n {
                ys[n] =
                    estimate(
                        y, n: n, len: len, degree: degree, xs: Double(n), nleft: nleft, nright: nright, weights: rw)
                    ?? y[n]
                if k != n - 1 {
                    let delta = (ys[n] - ys[k]) / Double(n - k)
                    for j in (k + 1)..<n { ys[j] = ys[k] + delta * Double(j - k) }
                }
            }
        }
        return ys
    }

    /// Smooths each cycle-subseries and extends it one cycle at each end (stlss).
    /// Returns a 1-based array of length n + 2·np.
    func cycleSubseries(_ y: [Double]) -> [Double] {
        var season = [Double](repeating: 0, count: n + 2 * np + 1)
        for j in 1...np {
            let k = (n - j) / np + 1
            var sub = [Double](repeating: 0, count: k + 1)
            var subWeights = [Double](repeating: 1, count: k + 1)
            for i in 1...k {
                sub[i] = y[(i - 1) * np + j]
                if userw { subWeights[i] = rw[(i - 1) * np + j] }
            }
            let weights: [Double]? = userw ? subWeights : nil
            let smoothed = loess(sub, n: k, len: ns, degree: isdeg, jump: nsjump, weights: weights)
            var extended = [Double](repeating: 0, count: k + 3)  // 1-based: positions 1...k+2
            for i in 1...k { extended[i + 1] = smoothed[i] }
            let right = min(ns, k)
            extended[1] =
                estimate(sub, n: k, len: ns, degree: isdeg, xs: 0, nleft: 1, nright: right, weights: weights)
                ?? extended[2]
            let left = max(1, k - ns + 1)
            extended[k + 2] =
                estimate(sub, n: k, len: ns, degree: isdeg, xs: Double(k + 1), nleft: left, nright: k, weights: weights)
                ?? extended[k + 1]
            for m in 1...(k + 2) { season[(m - 1) * np + j] = extended[m] }
        }
        return season
    }

    /// Moving averages of length np, np and 3 (stlfts): input length `length`, output n, both 1-based.
    func lowPassFilter(_ x: [Double], length: Int) -> [Double] {
        let a = movingAverage(x, n: length, len: np)
        let b = movingAverage(a, n: length - np + 1, len: np)
        return movingAverage(b, n: length - 2 * np + 2, len: 3)
    }

    /// Moving average of length len over x[1...n], 1-based output of length n − len + 1 (stlma).
    func movingAverage(_ x: [Double], n: Int, len: Int) -> [Double] {
        let newn = n - len + 1
        var ave = [Double](repeating: 0, count: newn + 1)
        let flen = Double(len)
        var v = 0.0
        for i in 1...len { v += x[i] }
        ave[1] = v / flen
        if newn > 1 {
            var k = len, m = 0
            for j in 2...newn {
                k += 1; m += 1
                v = v - x[m] + x[k]
                ave[j] = v / flen
            }
        }
        return ave
    }

    /// Bisquare weights from the residuals of the current fit (stlrwt).
    mutating func robustnessWeights(fit: [Double]) {
        var r = (1...n).map { abs(y[$0] - fit[$0]) }
        let sorted = r.sorted()
        let mid1 = n / 2 + 1, mid2 = n - mid1 + 1
        let cmad = 3 * (sorted[mid1 - 1] + sorted[mid2 - 1])
        let c9 = point999 * cmad, c1 = point001 * cmad
        for i in 0..<n {
            let ri = r[i]
            if ri <= c1 {
                r[i] = 1
            } else if ri <= c9 {
                let q = ri / cmad; r[i] = (1 - q * q) * (1 - q * q)
            } else {
                r[i] = 0
            }
        }
        rw = [0] + r
    }
}
