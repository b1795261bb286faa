extension Matrix {
    /// Eigenvalues and eigenvectors of this symmetric matrix by cyclic Jacobi
    /// rotations: the vectors as columns, ordered by decreasing eigenvalue (the
    /// V of an SVD of X when given X′X). At most 100 sweeps; small matrices only.
    public func symmetricEigen() -> (values: [Double], vectors: Matrix) {
        precondition(rows == columns, "Matrix.symmetricEigen: \(rows)×\(columns) is not square")
        let k = rows
        var a = values
        var v = Matrix.identity(k).values
        for _ in 0..<100 {
            var off = 0.0
            for i in 0..<k { for j in 0..<k where i != j { off += a[i * k + j] * a[i * k + j] } }
            if off < 1e-30 * max(1, (0..<k).reduce(0) { $0 + a[$1 * k + $1] * a[$1 * k + $1] }) { break }
            for p in 0..<k {
                for q in (p + 1)..<max(k, p + 1) {
                    let apq = a[p * k + q]
                    if apq == 0 { continue }
                    let theta = (a[q * k + q] - a[p * k + p]) / (2 * apq)
                    let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), sn = t * c
                    for r in 0..<k {
                        let arp = a[r * k + p], arq = a[r * k + q]
                        a[r * k + p] = c * arp - sn * arq
                        a[r * k + q] = sn * arp + c * arq
                    }
                    for r in 0..<k {
                        let apr = a[p * k + r], aqr = a[q * k + r]
                        a[p * k + r] = c * apr - sn * aqr
                        a[q * k + r] = sn * apr + c * aqr
                    }
                    for r in 0..<k {
                        let vrp = v[r * k + p], vrq = v[r * k + q]
                        v[r * k + p] = c * vrp - sn * vrq
                        v[r * k + q] = sn * vrp + c * vrq
                    }
                }
            }
        }
        let order = (0..<k).sorted { a[$0 * k + $0] > a[$1 * k + $1] }
        var vectors = Matrix(rows: k, columns: k)
        for (newColumn, old) in order.enumerated() { for r in 0..<k { vectors[r, newColumn] = v[r * k + old] } }
        return (order.map { a[$0 * k + $0] }, vectors)
    }
}
