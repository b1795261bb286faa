/// Σ aᵢbᵢ over the shorter of the two, left to right: the vector helper of the
/// limited-memory methods (their matrices are `LinearAlgebra.Matrix`).
func dot(_ a: [Double], _ b: [Double]) -> Double {
    var sum = 0.0
    for i in 0..<min(a.count, b.count) { sum += a[i] * b[i] }
    return sum
}
