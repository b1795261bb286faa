/// Sigmoid and tanh eight lanes at a time, for the LSTM's gates: libm's
/// scalar expf and tanhf took a third of its training time. exp is computed
/// as 2ⁿ·eʳ with r = x − n·ln 2 and a degree-6 polynomial for eʳ (relative
/// error below 2e-7 over the whole range), from plain arithmetic only, so it
/// gives the same bits on every machine.
enum FastActivations {
    typealias Lanes = SIMD8<Float>

    @inline(__always)
    static func exp(_ x: Lanes) -> Lanes {
        // e^x over- or underflows past these; clamping keeps 2ⁿ's exponent field valid.
        var x = x
        x.replace(with: Lanes(repeating: -87), where: x .< -87)
        x.replace(with: Lanes(repeating: 88), where: x .> 88)
        // Adding 1.5·2²³ rounds to the nearest integer and leaves it in the low mantissa bits.
        let magic = Lanes(repeating: 12_582_912)
        let shifted = x * 1.442_695_04 + magic
        let n = shifted - magic
        // ln 2 in two parts, so r stays exact for large n.
        let r = x - n * 0.693_145_75 - n * 1.428_606_8e-6
        var p = Lanes(repeating: 1.0 / 720)
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        let integer = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- unsafeBitCast(magic, to: SIMD8<Int32>.self)
        return p * unsafeBitCast((integer &+ 127) &<< 23, to: Lanes.self)
    }

    @inline(__always)
    static func sigmoid(_ x: Lanes) -> Lanes { 1 / (1 + exp(-x)) }

    /// tanh x = 2σ(2x) − 1: absolute error below 3e-7, which is what training needs.
    @inline(__always)
    static func tanh(_ x: Lanes) -> Lanes { 2 * sigmoid(2 * x) - 1 }

    /// `count` values from `p` in lanes (zeros past the end).
    /// Bounds (here and in `store`): p must hold min(count, 8) floats; with count ≥ 8 exactly 8 are
    /// touched, so callers pass count = min(8, remaining).
    @inline(__always)
    static func load(_ p: UnsafePointer<Float>, _ count: Int) -> Lanes {
        if count >= 8 { return UnsafeRawPointer(p).loadUnaligned(as: Lanes.self) }
        var v = Lanes.zero
        for i in 0..<count { v[i] = p[i] }
        return v
    }

    /// The first `count` lanes of `v` to `p`.
    @inline(__always)
    static func store(_ v: Lanes, _ p: UnsafeMutablePointer<Float>, _ count: Int) {
        if count >= 8 {
            UnsafeMutableRawPointer(p).storeBytes(of: v, as: Lanes.self)
            return
        }
        for i in 0..<count { p[i] = v[i] }
    }
}
