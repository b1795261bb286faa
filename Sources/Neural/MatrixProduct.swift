import CBLAS

/// Row-major single-precision matrix products through OpenBLAS's sgemm.
/// GEMMBench (bench/README.md#neural) measures it against a plain Swift loop:
/// 1.0–1.3× at the default width, 2.2× at width 512.
public enum MatrixProduct {
    /// C (m×n) = op(A)·op(B) + (accumulate ? C : 0), where op(A) is m×k and op(B) is k×n.
    /// A is stored m×k (or k×m when transposed), B k×n (or n×k when transposed).
    /// Bounds: a needs m·k floats, b k·n, c m·n, all densely packed: the leading dimensions passed
    /// are the stored row lengths, so sgemm touches exactly those ranges.
    @inline(__always)
    public static func multiply(
        _ a: UnsafePointer<Float>, transposeA: Bool = false,
        _ b: UnsafePointer<Float>, transposeB: Bool = false,
        into c: UnsafeMutablePointer<Float>,
        m: Int, n: Int, k: Int, accumulate: Bool = false
    ) {
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            if !accumulate { c.update(repeating: 0, count: m * n) }
            return
        }
        cblas_sgemm(
            CblasRowMajor,
            transposeA ? CblasTrans : CblasNoTrans,
            transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), 1,
            a, Int32(transposeA ? m : k),
            b, Int32(transposeB ? k : n),
            accumulate ? 1 : 0, c, Int32(n))
    }

    /// How many threads OpenBLAS may use for one product.
    public static var threads: Int {
        get { Int(almanac_blas_threads()) }
        set { almanac_blas_set_threads(Int32(max(1, newValue))) }
    }
}
