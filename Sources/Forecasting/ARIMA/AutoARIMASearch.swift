/// auto.arima's searches over orders once d and D are fixed: the stepwise
/// Hyndman–Khandakar walk and the exhaustive search (forecast's search.arima).
struct AutoARIMASearch {
    struct Limits: Sendable, Equatable {
        var p = 5, q = 5, P = 2, Q = 2, order = 5
    }

    struct Start: Sendable, Equatable {
        var p = 2, q = 2, P = 1, Q = 1
    }

    var d: Int
    var D: Int
    var m: Int
    var limits: Limits
    var start: Start
    var allowDrift: Bool
    var allowMean: Bool
    var approximation: Bool
    var maxModels = 94
    var context: AutoARIMACandidate.Context

    private struct Row: Equatable { var p, q, P, Q: Int; var constant: Bool }

    private func fit(_ row: Row, approximation: Bool) -> AutoARIMACandidate? {
        AutoARIMACandidate.fit(
            order: ARIMAOrder(p: row.p, d: d, q: row.q, P: row.P, D: D, Q: row.Q, period: m),
            constant: row.constant, approximation: approximation, context: context)
    }

    /// A challenger to a model with criterion `incumbent`. Its covariance (the
    /// Hessian) is computed only when it could win: the criterion before the
    /// variance check is a lower bound of the final one. Under approximation
    /// every criterion is kept for the refits' order, so nothing is deferred.
    private func challenger(_ row: Row, approximation: Bool, incumbent: Double) -> AutoARIMACandidate? {
        guard !approximation else { return fit(row, approximation: true) }
        let provisional = AutoARIMACandidate.fit(
            order: ARIMAOrder(p: row.p, d: d, q: row.q, P: row.P, D: D, Q: row.Q, period: m),
            constant: row.constant, approximation: false, context: context, deferringCovariance: true)
        guard let provisional, provisional.ic < incumbent else { return provisional }
        return provisional.completed(criterion: context.criterion)
    }

    private static func ic(_ c: AutoARIMACandidate?) -> Double { c?.ic ?? .infinity }

    /// The stepwise search. Returns the chosen model (its ic may be ∞ when
    /// every model was rejected) or nil when none could be fitted.
    func stepwise(seriesLength: Int) -> AutoARIMACandidate? {
        var start = self.start
        if seriesLength < 10 {
            start.p = min(start.p, 1); start.q = min(start.q, 1); start.P = 0; start.Q = 0
        }
        var p = min(start.p, limits.p), q = min(start.q, limits.q)
        var P = min(start.P, limits.P), Q = min(start.Q, limits.Q)
        var constant = allowDrift || allowMean
        var results: [(row: Row, ic: Double)] = []
        // R keeps the first fit as the incumbent whatever its criterion.
        var best = fit(Row(p: p, q: q, P: P, Q: Q, constant: constant), approximation: approximation)
        results.append((Row(p: p, q: q, P: P, Q: Q, constant: constant), Self.ic(best)))
        func consider(_ row: Row) -> Bool {
            let fitted = challenger(row, approximation: approximation, incumbent: Self.ic(best))
            let value = Self.ic(fitted)
            results.append((row, value))
            if value < Self.ic(best) {
                best = fitted
                return true
            }
            return false
        }
        if consider(Row(p: 0, q: 0, P: 0, Q: 0, constant: constant)) { p = 0; q = 0; P = 0; Q = 0 }
        if limits.p > 0 || limits.P > 0 {
            let row = Row(p: limits.p > 0 ? 1 : 0, q: 0, P: (m > 1 && limits.P > 0) ? 1 : 0, Q: 0, constant: constant)
            if consider(row) { p = row.p; P = row.P; q = 0; Q = 0 }
        }
        if limits.q > 0 || limits.Q > 0 {
            let row = Row(p: 0, q: limits.q > 0 ? 1 : 0, P: 0, Q: (m > 1 && limits.Q > 0) ? 1 : 0, constant: constant)
            if consider(row) { p = 0; P = 0; Q = row.Q; q = row.q }
        }
        if constant {
            if consider(Row(p: 0, q: 0, P: 0, Q: 0, constant: false)) { p = 0; q = 0; P = 0; Q = 0 }
        }
        func isNew(_ row: Row) -> Bool { !results.contains { $0.row == row } }
        // Neighbours in R's order: seasonal (ΔP, ΔQ) moves, then (Δp, Δq), then the constant.
        let moves = [(-1, 0), (0, -1), (1, 0), (0, 1), (-1, -1), (-1, 1), (1, -1), (1, 1)]
        var k = results.count
        var startk = 0
        search: while startk < k && k < maxModels {
            startk = k
            for (dP, dQ) in moves {
                let nP = P + dP, nQ = Q + dQ
                guard nP >= 0, nQ >= 0, nP <= limits.P, nQ <= limits.Q else { continue }
                let row = Row(p: p, q: q, P: nP, Q: nQ, constant: constant)
                guard isNew(row) else { continue }
                k += 1
                if k > maxModels { continue search }
                if consider(row) {
                    P = nP; Q = nQ
                    continue search
                }
            }
            for (dp, dq) in moves {
                let np = p + dp, nq = q + dq
                guard np >= 0, nq >= 0, np <= limits.p, nq <= limits.q else { continue }
                let row = Row(p: np, q: nq, P: P, Q: Q, constant: constant)
                guard isNew(row) else { continue }
                k += 1
                if k > maxModels { continue search }
                if consider(row) {
                    p = np; q = nq
                    continue search
                }
            }
            if allowDrift || allowMean {
                let row = Row(p: p, q: q, P: P, Q: Q, constant: !constant)
                if isNew(row) {
                    k += 1
                    if k > maxModels { continue search }
                    if consider(row) { constant.toggle() }
                }
            }
        }
        if approximation && best != nil {
            return refitWithoutApproximation(results.map { ($0.row, $0.ic) }) ?? best
        }
        return best
    }

    /// Refits the searched models without the approximation, best first (ties
    /// in search order, as R's order()), and keeps the first one accepted.
    private func refitWithoutApproximation(_ results: [(Row, Double)]) -> AutoARIMACandidate? {
        let order = results.indices.sorted { (results[$0].1, $0) < (results[$1].1, $1) }
        for i in order {
            if let refit = fit(results[i].0, approximation: false), refit.ic < .infinity { return refit }
        }
        return nil
    }

    /// forecast's search.arima: every order with p + q + P + Q ≤ max.order, with
    /// and without the constant where one is allowed.
    func exhaustive() -> AutoARIMACandidate? {
        var best: AutoARIMACandidate?
        var bestIC = Double.infinity
        var bestRow: Row?
        let maxK = (allowDrift || allowMean) ? 1 : 0
        for i in 0...limits.p {
            for j in 0...limits.q {
                for I in 0...limits.P {
                    for J in 0...limits.Q where i + j + I + J <= limits.order {
                        for K in 0...maxK {
                            let row = Row(p: i, q: j, P: I, Q: J, constant: K == 1)
                            if let c = challenger(row, approximation: approximation, incumbent: bestIC), c.ic < bestIC {
                                best = c
                                bestIC = c.ic
                                bestRow = row
                            }
                        }
                    }
                }
            }
        }
        guard approximation, let row = bestRow else { return best }
        if let refit = fit(row, approximation: false), refit.ic < .infinity { return refit }
        var exact = self
        exact.approximation = false
        return exact.exhaustive()
    }
}
