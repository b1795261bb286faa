import Foundation

/// A complex number: just what polynomial roots need.
struct Complex: Sendable, Equatable {
    var re: Double, im: Double
    init(_ re: Double, _ im: Double) { self.re = re; self.im = im }
    var modulus: Double { hypot(re, im) }
    static func + (a: Complex, b: Complex) -> Complex { Complex(a.re + b.re, a.im + b.im) }
    static func - (a: Complex, b: Complex) -> Complex { Complex(a.re - b.re, a.im - b.im) }
    static func * (a: Complex, b: Complex) -> Complex { Complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re) }
    static func / (a: Complex, b: Complex) -> Complex {
        // Smith's algorithm: no overflow for large |b|.
        if abs(b.re) >= abs(b.im) {
            let r = b.im / b.re, den = b.re + b.im * r
            return Complex((a.re + a.im * r) / den, (a.im - a.re * r) / den)
        }
        let r = b.re / b.im, den = b.re * r + b.im
        return Complex((a.re * r + a.im) / den, (a.im * r - a.re) / den)
    }
}

/// Roots of real polynomials (R's polyroot, for the unit-circle checks).
enum Polynomial {
    /// The roots of c_0 + c_1 z + … + c_n z^n (trailing zeros dropped), by the
    /// Aberth–Ehrlich simultaneous iteration, which converges for the
    /// low-degree, well-scaled polynomials of ARIMA models.
    static func roots(_ coefficients: [Double]) -> [Complex] {
        var c = coefficients
        while let last = c.last, last == 0 { c.removeLast() }
        let n = c.count - 1
        guard n >= 1 else { return [] }
        if n == 1 { return [Complex(-c[0] / c[1], 0)] }
        let lead = c[n]
        let a = c.map { $0 / lead }  // monic
        // Initial guesses on a circle of the Cauchy-bound radius, offset from the axes.
        var radius = 0.0
        for i in 0..<n { radius = max(radius, pow(abs(a[i]), 1 / Double(n - i))) }
        radius = max(radius, 1e-3)
        var z = (0..<n).map { k -> Complex in
            let angle = 2 * Double.pi * Double(k) / Double(n) + 0.4
            return Complex(radius * cos(angle), radius * sin(angle))
        }
        func evaluate(_ x: Complex) -> (Complex, Complex) {
            var p = Complex(1, 0), dp = Complex(0, 0)
            for i in stride(from: n - 1, through: 0, by: -1) {
                dp = dp * x + p
                p = p * x + Complex(a[i], 0)
            }
            return (p, dp)
        }
        for _ in 0..<500 {
            var largest = 0.0
            for k in 0..<n {
                let (p, dp) = evaluate(z[k])
                if p.re == 0 && p.im == 0 { continue }
                let ratio = p / dp
                var sum = Complex(0, 0)
                for j in 0..<n where j != k { sum = sum + Complex(1, 0) / (z[k] - z[j]) }
                let step = ratio / (Complex(1, 0) - ratio * sum)
                if step.re.isFinite && step.im.isFinite {
                    z[k] = z[k] - step
                    largest = max(largest, step.modulus / max(z[k].modulus, 1e-300))
                }
            }
            if largest < 1e-15 { break }
        }
        return z
    }
}
