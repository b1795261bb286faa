import LinearAlgebra

/// The limited-memory BFGS approximation of the Hessian in compact form
/// (Byrd, Nocedal & Schnabel 1994), as L-BFGS-B uses it:
///
///     B = θI − W M Wᵀ,  W = [Y  θS],  M = [[−D, Lᵀ], [L, θSᵀS]]⁻¹
///
/// S and Y hold the last `capacity` steps and gradient changes (oldest first),
/// D = diag(sᵢᵀyᵢ), L the strictly lower triangle of SᵀY, θ = yᵀy / sᵀy of
/// the newest pair. M is at most 2m × 2m, so it is formed and inverted outright.
struct CompactLBFGSMatrix {
    let capacity: Int
    private(set) var s: [[Double]] = []
    private(set) var y: [[Double]] = []
    private(set) var theta = 1.0
    /// M⁻¹ = [[−D, Lᵀ], [L, θSᵀS]] and M itself.
    private(set) var middleInverse = Matrix(rows: 0, columns: 0)
    private(set) var middle = Matrix(rows: 0, columns: 0)

    init(capacity: Int) { self.capacity = capacity }

    /// Pairs held (the paper's "col").
    var count: Int { s.count }

    /// Forgets every pair: B = I again.
    mutating func reset() {
        s = []; y = []; theta = 1; middle = Matrix(rows: 0, columns: 0); middleInverse = middle
    }

    /// Adds the newest pair, dropping the oldest beyond capacity. Returns false,
    /// leaving the memory empty, if M cannot be formed.
    mutating func append(s newS: [Double], y newY: [Double]) -> Bool {
        if s.count == capacity { s.removeFirst(); y.removeFirst() }
        s.append(newS)
        y.append(newY)
        theta = dot(newY, newY) / dot(newS, newY)
        let k = s.count
        var inverse = Matrix(rows: 2 * k, columns: 2 * k)
        for i in 0..<k {
            inverse[i, i] = -dot(s[i], y[i])
            for j in 0..<i {
                let l = dot(s[i], y[j])  // L[i][j], i > j
                inverse[k + i, j] = l
                inverse[j, k + i] = l
            }
            for j in 0..<k { inverse[k + i, k + j] = theta * dot(s[i], s[j]) }
        }
        guard theta.isFinite, theta > 0, let m = try? inverse.inverse() else {
            reset()
            return false
        }
        middleInverse = inverse
        middle = m
        return true
    }

    /// Row i of W: (y₁[i] … y_k[i], θs₁[i] … θs_k[i]).
    func wRow(_ i: Int) -> [Double] {
        y.map { $0[i] } + s.map { theta * $0[i] }
    }

    func middleTimes(_ v: [Double]) -> [Double] { middle.times(v) }
}
