/// The generalized Cauchy point of L-BFGS-B (Byrd, Lu, Nocedal & Zhu 1995, §4):
/// the first local minimizer of the quadratic model along the projected
/// steepest-descent path x(t) = P(x − t g), found by walking the path's
/// breakpoints in order. Variables that reach a bound on the way (or sit on
/// one with the gradient pushing outwards) form the active set; the rest are
/// free for the subspace minimization. Follows the `cauchy` routine of
/// L-BFGS-B 3.0, including its safeguard on the curvature f''.
struct GeneralizedCauchyPoint {
    /// The Cauchy point x^c.
    var x: [Double]
    /// c = Wᵀ(x^c − x), reused by the subspace minimization.
    var c: [Double]
    /// Variables held at a bound (or fixed, lower = upper) at x^c.
    var active: [Bool]

    /// x^c = x itself with every variable free: what L-BFGS-B uses on a problem
    /// without bounds, where the Cauchy step adds nothing.
    init(unconstrainedAt x: [Double], memory: CompactLBFGSMatrix) {
        self.x = x
        c = [Double](repeating: 0, count: 2 * memory.count)
        active = [Bool](repeating: false, count: x.count)
    }

    init(x: [Double], gradient g: [Double], box: BoxBounds, memory: CompactLBFGSMatrix) {
        (self.x, c, active) = Self.walk(x: x, gradient: g, box: box, memory: memory)
    }

    private static func walk(x: [Double], gradient g: [Double], box: BoxBounds, memory: CompactLBFGSMatrix)
        -> (x: [Double], c: [Double], active: [Bool])
    {
        let n = x.count, theta = memory.theta
        var d = [Double](repeating: 0, count: n)
        var active = [Bool](repeating: false, count: n)
        var p = [Double](repeating: 0, count: 2 * memory.count)  // Wᵀd
        var breakpoints: [(t: Double, index: Int)] = []
        var movesFreely = false  // some variable moves without ever meeting a bound
        var f1 = 0.0  // f' at t = 0

        for i in 0..<n {
            let (lo, hi, step) = (box.lower[i], box.upper[i], -g[i])
            if lo == hi {
                active[i] = true
                continue
            }
            if (lo > -.infinity && x[i] <= lo && step <= 0) || (hi < .infinity && x[i] >= hi && step >= 0) {
                active[i] = true  // on a bound with the gradient pushing out of the box
                continue
            }
            guard step != 0 else { continue }
            d[i] = step
            f1 -= step * step
            if !p.isEmpty { axpy(step, memory.wRow(i), &p) }
            if step < 0, lo > -.infinity {
                breakpoints.append(((x[i] - lo) / -step, i))
            } else if step > 0, hi < .infinity {
                breakpoints.append(((hi - x[i]) / step, i))
            } else {
                movesFreely = true
            }
        }

        var xc = x
        var c = [Double](repeating: 0, count: p.count)
        if breakpoints.isEmpty && !movesFreely { return (xc, c, active) }  // d = 0: x is the Cauchy point

        var f2 = -theta * f1  // f'' at t = 0
        let f2Original = f2
        if !p.isEmpty { f2 -= dot(memory.middleTimes(p), p) }
        var dtMin = -f1 / f2  // the model's minimizer along the current segment
        var tPrevious = 0.0, tSum = 0.0
        breakpoints.sort { $0.t < $1.t }
        var used = 0
        while used < breakpoints.count {
            let (t, b) = breakpoints[used]
            let dt = t - tPrevious
            if dtMin < dt { break }  // the minimizer lies before the next breakpoint
            tPrevious = t
            tSum += dt
            used += 1
            // Variable b reaches its bound: fix it there.
            let db = d[b]
            d[b] = 0
            let zb: Double
            if db > 0 {
                zb = box.upper[b] - x[b]; xc[b] = box.upper[b]
            } else {
                zb = box.lower[b] - x[b]; xc[b] = box.lower[b]
            }
            active[b] = true
            if used == breakpoints.count, breakpoints.count == n {  // every variable is on a bound
                if !c.isEmpty { axpy(dt, p, &c) }
                return (xc, c, active)
            }
            f1 += dt * f2 + db * db - theta * db * zb
            f2 -= theta * db * db
            if !p.isEmpty {
                axpy(dt, p, &c)
                let wb = memory.wRow(b)
                let v = memory.middleTimes(wb)
                f1 += db * dot(c, v)
                f2 += 2 * db * dot(p, v) - db * db * dot(wb, v)
                axpy(-db, wb, &p)
            }
            f2 = max(.ulpOfOne * f2Original, f2)
            if used < breakpoints.count || movesFreely {
                dtMin = -f1 / f2
            } else {
                dtMin = 0  // every moving variable is on its bound
            }
        }
        if !(dtMin > 0) { dtMin = 0 }
        tSum += dtMin
        for i in 0..<n where d[i] != 0 { xc[i] = x[i] + tSum * d[i] }
        if !c.isEmpty { axpy(dtMin, p, &c) }
        return (xc, c, active)
    }
}

/// y += a·x
func axpy(_ a: Double, _ x: [Double], _ y: inout [Double]) {
    for i in 0..<min(x.count, y.count) { y[i] += a * x[i] }
}
