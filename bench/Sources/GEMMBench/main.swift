// Does a BLAS pay for the neural models? Times C = A·B at the shapes one
// N-BEATS training step multiplies (shards of 64 windows, width 128,
// lookback 36, horizon 18 × 15 quantiles; and wider layers), through
// OpenBLAS's sgemm on one thread and
// through a straightforward Swift loop (i-k-j order, so the inner loop
// vectorises), and prints GFLOP/s and the ratio.
//   swift run -c release --package-path bench GEMMBench
import Foundation
import Neural

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// C (m×n) = A (m×k) · B (k×n), row-major, the loop a careful Swift programmer writes without a library.
func swiftProduct(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>, m: Int, n: Int, k: Int
) {
    c.update(repeating: 0, count: m * n)
    for i in 0..<m {
        let row = c + i * n
        for p in 0..<k {
            let x = a[i * k + p]
            let bp = b + p * n
            for j in 0..<n { row[j] += x * bp[j] }
        }
    }
}

MatrixProduct.threads = 1
let shapes: [(name: String, m: Int, n: Int, k: Int)] = [
    // The defaults: a 256-window batch in 4 shards of 64 rows, width 128, lookback 36, 18 × 15 outputs.
    ("first layer   64×72 · 72×128", 64, 128, 72),
    ("hidden layer  64×128 · 128×128", 64, 128, 128),
    ("head          64×128 · 128×306", 64, 306, 128),
    ("hidden layer, width 256   64×256 · 256×256", 64, 256, 256),
    ("hidden layer, width 512 (the paper's)   64×512 · 512×512", 64, 512, 512),
]
print("| product | OpenBLAS sgemm (1 thread) | Swift loop | ratio |")
print("|---|---|---|---|")
for s in shapes {
    let a = (0..<(s.m * s.k)).map { _ in Float.random(in: -1...1) }
    let b = (0..<(s.k * s.n)).map { _ in Float.random(in: -1...1) }
    var c1 = [Float](repeating: 0, count: s.m * s.n), c2 = c1
    let flops = 2.0 * Double(s.m * s.n * s.k)
    var blas = Double.infinity, loop = Double.infinity
    for _ in 0..<7 {
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                c1.withUnsafeMutableBufferPointer { cp in
                    blas = min(
                        blas,
                        seconds {
                            for _ in 0..<20 {
                                MatrixProduct.multiply(
                                    ap.baseAddress!, bp.baseAddress!, into: cp.baseAddress!, m: s.m, n: s.n, k: s.k)
                            }
                        } / 20)
                }
                c2.withUnsafeMutableBufferPointer { cp in
                    loop = min(
                        loop,
                        seconds {
                            for _ in 0..<20 {
                                swiftProduct(ap.baseAddress!, bp.baseAddress!, cp.baseAddress!, m: s.m, n: s.n, k: s.k)
                            }
                        } / 20)
                }
            }
        }
    }
    let worst = zip(c1, c2).map { abs($0 - $1) }.max() ?? 0
    precondition(worst < 1e-2, "the two products disagree by \(worst)")
    print(
        String(
            format: "| %@ | %.1f GFLOP/s | %.1f GFLOP/s | %.1f× |", s.name, flops / blas / 1e9, flops / loop / 1e9,
            loop / blas))
}
