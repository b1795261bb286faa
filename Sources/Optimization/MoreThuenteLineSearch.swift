/// The line search of Moré & Thuente (1994), as MINPACK-2's `dcsrch` and
/// `dcstep`, which L-BFGS-B calls: it finds a step satisfying the strong
/// Wolfe conditions
///
///     φ(stp) ≤ φ(0) + ftol·stp·φ'(0)   and   |φ'(stp)| ≤ gtol·|φ'(0)|
///
/// by safeguarded cubic and quadratic interpolation inside an interval of
/// uncertainty that it brackets and then shrinks. The caller evaluates φ and φ'
/// wherever `next` asks.
struct MoreThuenteLineSearch {
    enum Request: Equatable {
        /// Evaluate φ and φ' at this step.
        case evaluate(Double)
        /// The step is accepted (the Wolfe conditions hold, or a safeguard stopped the search).
        case accept
    }

    let ftol: Double, gtol: Double, xtol: Double
    let stpmin: Double
    private(set) var stpmax: Double
    private(set) var stp: Double
    private let finit: Double, ginit: Double, gtest: Double
    private var bracketed = false
    private var stage = 1
    private var width: Double, width1: Double
    private var stx = 0.0, fx: Double, gx: Double
    private var sty = 0.0, fy: Double, gy: Double
    private var stmin = 0.0, stmax: Double

    /// Starts from φ(0) = f, φ'(0) = g < 0 with a first trial step `step` in [stpmin, stpmax].
    init(
        f: Double, g: Double, step: Double, ftol: Double = 1e-3, gtol: Double = 0.9, xtol: Double = 0.1,
        stpmin: Double = 0, stpmax: Double
    ) {
        self.ftol = ftol; self.gtol = gtol; self.xtol = xtol
        self.stpmin = stpmin; self.stpmax = stpmax
        stp = min(max(step, stpmin), stpmax)
        finit = f; ginit = g; gtest = ftol * g
        width = stpmax - stpmin
        width1 = width / 0.5
        fx = f; gx = g; fy = f; gy = g
        stmax = stp + 4 * stp
    }

    /// Takes φ(stp) and φ'(stp) and says what to do next.
    mutating func next(f: Double, g: Double) -> Request {
        let ftest = finit + stp * gtest
        if stage == 1, f <= ftest, g >= 0 { stage = 2 }
        // Safeguards that end the search with the current step.
        if bracketed, stp <= stmin || stp >= stmax { return .accept }  // rounding errors prevent progress
        if bracketed, stmax - stmin <= xtol * stmax { return .accept }
        if stp == stpmax, f <= ftest, g <= gtest { return .accept }
        if stp == stpmin, f > ftest || g >= gtest { return .accept }
        if f <= ftest, abs(g) <= gtol * -ginit { return .accept }  // the strong Wolfe conditions

        if stage == 1, f <= fx, f > ftest {
            // Use the modified function ψ(stp) = φ(stp) − φ(0) − stp·gtest, which
            // stays nonpositive until a step satisfies the sufficient decrease.
            var fxm = fx - stx * gtest, fym = fy - sty * gtest
            var gxm = gx - gtest, gym = gy - gtest
            Self.step(&stx, &fxm, &gxm, &sty, &fym, &gym, &stp, f - stp * gtest, g - gtest, &bracketed, stmin, stmax)
            fx = fxm + stx * gtest; fy = fym + sty * gtest
            gx = gxm + gtest; gy = gym + gtest
        } else {
            Self.step(&stx, &fx, &gx, &sty, &fy, &gy, &stp, f, g, &bracketed, stmin, stmax)
        }
        if bracketed {
            // Force a bisection if the interval did not shrink enough.
            if abs(sty - stx) >= 0.66 * width1 { stp = stx + 0.5 * (sty - stx) }
            width1 = width
            width = abs(sty - stx)
            stmin = min(stx, sty); stmax = max(stx, sty)
        } else {
            stmin = stp + 1.1 * (stp - stx); stmax = stp + 4 * (stp - stx)
        }
        stp = min(max(stp, stpmin), stpmax)
        if bracketed, stp <= stmin || stp >= stmax || stmax - stmin <= xtol * stmax { stp = stx }
        if !stp.isFinite { stp = stx }
        return .evaluate(stp)
    }

    /// After φ was not finite at the current step: retreat halfway towards the
    /// best step so far, and never go further than that again.
    mutating func retreat() -> Double {
        stp = stx + 0.5 * (stp - stx)
        stpmax = stp
        bracketed = false
        return stp
    }

    /// Best step so far (the end of the interval with the lowest value).
    var bestStep: Double { stx }

    /// MINPACK-2's dcstep: a safeguarded step from the interval [stx, sty] and
    /// the trial stp, with the four cases of Moré & Thuente §4.
    private static func step(
        _ stx: inout Double, _ fx: inout Double, _ dx: inout Double,
        _ sty: inout Double, _ fy: inout Double, _ dy: inout Double,
        _ stp: inout Double, _ fp: Double, _ dp: Double,
        _ bracketed: inout Bool, _ stpmin: Double, _ stpmax: Double
    ) {
        let sgnd = dp * (dx / abs(dx))
        var stpf: Double
        if fp > fx {
            // Case 1: a higher value; the minimum is bracketed.
            let theta = 3 * (fx - fp) / (stp - stx) + dx + dp
            let s = max(abs(theta), abs(dx), abs(dp))
            var gamma = s * ((theta / s) * (theta / s) - (dx / s) * (dp / s)).squareRoot()
            if stp < stx { gamma = -gamma }
            let p = (gamma - dx) + theta, q = ((gamma - dx) + gamma) + dp
            let stpc = stx + p / q * (stp - stx)
            let stpq = stx + dx / ((fx - fp) / (stp - stx) + dx) / 2 * (stp - stx)
            stpf = abs(stpc - stx) < abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2
            bracketed = true
        } else if sgnd < 0 {
            // Case 2: a lower value and derivatives of opposite sign; bracketed.
            let theta = 3 * (fx - fp) / (stp - stx) + dx + dp
            let s = max(abs(theta), abs(dx), abs(dp))
            var gamma = s * ((theta / s) * (theta / s) - (dx / s) * (dp / s)).squareRoot()
            if stp > stx { gamma = -gamma }
            let p = (gamma - dp) + theta, q = ((gamma - dp) + gamma) + dx
            let stpc = stp + p / q * (stx - stp)
            let stpq = stp + dp / (dp - dx) * (stx - stp)
            stpf = abs(stpc - stp) > abs(stpq - stp) ? stpc : stpq
            bracketed = true
        } else if abs(dp) < abs(dx) {
            // Case 3: a lower value, same-sign derivative that decreases in magnitude.
            let theta = 3 * (fx - fp) / (stp - stx) + dx + dp
            let s = max(abs(theta), abs(dx), abs(dp))
            var gamma = s * max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)).squareRoot()
            if stp > stx { gamma = -gamma }
            let p = (gamma - dp) + theta, q = (gamma + (dx - dp)) + gamma
            let r = p / q
            let stpc: Double
            if r < 0, gamma != 0 {
                stpc = stp + r * (stx - stp)
            } else if stp > stx {
                stpc = stpmax
            } else {
                stpc = stpmin
            }
            let stpq = stp + dp / (dp - dx) * (stx - stp)
            if bracketed {
                stpf = abs(stpc - stp) < abs(stpq - stp) ? stpc : stpq
                stpf = stp > stx ? min(stp + 0.66 * (sty - stp), stpf) : max(stp + 0.66 * (sty - stp), stpf)
            } else {
                stpf = abs(stpc - stp) > abs(stpq - stp) ? stpc : stpq
                stpf = max(stpmin, min(stpmax, stpf))
            }
        } else {
            // Case 4: a lower value, same-sign derivative that does not decrease.
            if bracketed {
                let theta = 3 * (fp - fy) / (sty - stp) + dy + dp
                let s = max(abs(theta), abs(dy), abs(dp))
                var gamma = s * ((theta / s) * (theta / s) - (dy / s) * (dp / s)).squareRoot()
                if stp > sty { gamma = -gamma }
                let p = (gamma - dp) + theta, q = ((gamma - dp) + gamma) + dy
                stpf = stp + p / q * (sty - stp)
            } else {
                stpf = stp > stx ? stpmax : stpmin
            }
        }
        // Update the interval of uncertainty.
        if fp > fx {
            sty = stp; fy = fp; dy = dp
        } else {
            if sgnd < 0 { sty = stx; fy = fx; dy = dx }
            stx = stp; fx = fp; dx = dp
        }
        stp = stpf
    }
}
