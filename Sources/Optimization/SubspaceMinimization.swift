import LinearAlgebra

/// The subspace step of L-BFGS-B (Byrd et al. 1995, §5.1, the direct primal
/// method, with the projection of Morales & Nocedal 2011 used by L-BFGS-B 3.0):
/// from the Cauchy point, a Newton step on the quadratic model over the free
/// variables, then projected into the box; if the projection no longer points
/// downhill, the step is instead cut back to the first bound it meets.
enum SubspaceMinimization {
    /// The point z the line search aims at, or nil when the reduced system is
    /// singular (the caller then forgets the memory and starts afresh).
    static func target(
        x: [Double], gradient g: [Double], cauchy: GeneralizedCauchyPoint,
        box: BoxBounds, memory: CompactLBFGSMatrix
    ) -> [Double]? {
        let free = (0..<x.count).filter { !cauchy.active[$0] }
        guard !free.isEmpty, memory.count > 0 else { return cauchy.x }
        let theta = memory.theta
        let mc = memory.middleTimes(cauchy.c)
        let rows = free.map { memory.wRow($0) }  // V = ZᵀW

        // r = −Zᵀ(g + θ(x^c − x) − W M c): minus the model's reduced gradient at x^c.
        let r = free.indices.map { j -> Double in
            let i = free[j]
            return -(g[i] + theta * (cauchy.x[i] - x[i]) - dot(rows[j], mc))
        }
        // The reduced Hessian is θI − V M Vᵀ; by Sherman–Morrison–Woodbury its
        // inverse applied to r is r/θ + V (M⁻¹ − VᵀV/θ)⁻¹ Vᵀ r / θ².
        let width = 2 * memory.count
        var k = memory.middleInverse
        var vr = [Double](repeating: 0, count: width)
        for (j, row) in rows.enumerated() {
            axpy(r[j], row, &vr)
            for a in 0..<width { for b in 0..<width { k[a, b] -= row[a] * row[b] / theta } }
        }
        guard let u = try? k.solve(vr) else { return nil }
        var du = rows.indices.map { j in r[j] / theta + dot(rows[j], u) / (theta * theta) }

        // Project the Newton point into the box; keep it if it still descends.
        var z = cauchy.x
        for (j, i) in free.enumerated() { z[i] = min(max(cauchy.x[i] + du[j], box.lower[i]), box.upper[i]) }
        var slope = 0.0
        for i in 0..<x.count { slope += (z[i] - x[i]) * g[i] }
        if slope <= 0 { return z }

        // Otherwise go from x^c along du only as far as the first bound.
        z = cauchy.x
        var alpha = 1.0, blocking: Int?
        for (j, i) in free.enumerated() {
            var limit = alpha
            if du[j] < 0, box.lower[i] > -.infinity {
                let room = box.lower[i] - z[i]
                if room >= 0 { limit = 0 } else if du[j] * alpha < room { limit = room / du[j] }
            } else if du[j] > 0, box.upper[i] < .infinity {
                let room = box.upper[i] - z[i]
                if room <= 0 { limit = 0 } else if du[j] * alpha > room { limit = room / du[j] }
            }
            if limit < alpha { alpha = limit; blocking = j }
        }
        if alpha < 1, let j = blocking {
            let i = free[j]
            z[i] = du[j] > 0 ? box.upper[i] : box.lower[i]
            du[j] = 0
        }
        for (j, i) in free.enumerated() { z[i] += alpha * du[j] }
        return z
    }
}
