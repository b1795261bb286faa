/// The activations of one batch through an LSTMNetwork, kept for
/// backpropagation through time, in one allocation.
final class LSTMWorkspace: NetworkWorkspace {
    private let lookback: Int, horizon: Int, hidden: Int, outputs: Int
    private let covariates: Int, headInputs: Int
    private let layout: LSTMNetwork.Layout
    private let storage: UnsafeMutablePointer<Float>
    private let rowsCapacity: Int
    // Buffers, each `rows` × width, at these offsets.
    private let valuesAt: Int, maskAt: Int
    private let covariatesAt: Int, categoriesAt: Int
    private let headInputAt: Int  // rows × headInputs: h_L, the covariates over the horizon, the embedded categories
    private let dHeadInputAt: Int
    private let gatesAt: Int  // lookback × (rows × 4h): i, f, g, o after their activations
    private let cellAt: Int  // (lookback + 1) × (rows × h): c_{-1} = 0, c_0 … c_{L-1}
    private let stateAt: Int  // (lookback + 1) × (rows × h): h_{-1} = 0, h_0 …
    private let cellTanhAt: Int  // lookback × (rows × h)
    private let headAt: Int, forecastAt: Int, dForecastAt: Int
    private let dGatesAt: Int, dStateAt: Int, dCellAt: Int, dHeadAt: Int

    init(network: LSTMNetwork, rows: Int) {
        lookback = network.lookback
        horizon = network.horizon
        hidden = network.hidden
        covariates = network.covariateCount
        headInputs = network.headInputs
        outputs = network.outputWidth
        layout = network.layout
        rowsCapacity = max(rows, 1)
        // Bounds: each region below is sized for rowsCapacity rows, and forward/backward are called
        // with rows ≤ rowsCapacity. The per-step views use the actual rows: gates(t) for t < l ends by
        // l·rows·4h, cell/state(slot) for slot ≤ l by (l + 1)·rows·h, cellTanh(t) by l·rows·h. A
        // covariate value of row r sits at r·nc·span + c·span + t < rows·nc·span (nc·span =
        // covariateWidth); a head-input row is h + nc·horizon + embedding width = headInputs floats.
        // Parameter offsets come from the layout, whose count equals parameters.count (fresh
        // networks are built at it; restore checks it).
        let r = rowsCapacity, h = hidden, l = lookback
        var next = 0
        func take(_ floats: Int) -> Int { defer { next += floats }; return next }
        valuesAt = take(r * l)
        maskAt = take(r * l)
        covariatesAt = take(r * network.covariateWidth)
        categoriesAt = take(r * layout.embeddings.count)
        headInputAt = take(r * headInputs)
        dHeadInputAt = take(r * headInputs)
        gatesAt = take(l * r * 4 * h)
        cellAt = take((l + 1) * r * h)
        stateAt = take((l + 1) * r * h)
        cellTanhAt = take(l * r * h)
        headAt = take(r * h)
        forecastAt = take(r * outputs)
        dForecastAt = take(r * outputs)
        dGatesAt = take(r * 4 * h)
        dStateAt = take(r * h)
        dCellAt = take(r * h)
        dHeadAt = take(r * h)
        storage = .allocate(capacity: next)
        storage.initialize(repeating: 0, count: next)
    }

    deinit { storage.deallocate() }

    var inputValues: UnsafeMutablePointer<Float> { storage + valuesAt }
    var inputMask: UnsafeMutablePointer<Float> { storage + maskAt }
    var inputCovariates: UnsafeMutablePointer<Float>? { covariates > 0 ? storage + covariatesAt : nil }
    var inputCategories: UnsafeMutablePointer<Float>? { layout.embeddings.count > 0 ? storage + categoriesAt : nil }
    var forecast: UnsafePointer<Float> { UnsafePointer(storage + forecastAt) }
    var forecastGradient: UnsafeMutablePointer<Float> { storage + dForecastAt }

    private func gates(_ t: Int, _ rows: Int) -> UnsafeMutablePointer<Float> {
        storage + gatesAt + t * rows * 4 * hidden
    }
    /// c_{t-1} for t = 0 is slot 0 (zeros); c_t is slot t + 1. The same for h.
    private func cell(_ slot: Int, _ rows: Int) -> UnsafeMutablePointer<Float> {
        storage + cellAt + slot * rows * hidden
    }
    private func state(_ slot: Int, _ rows: Int) -> UnsafeMutablePointer<Float> {
        storage + stateAt + slot * rows * hidden
    }
    private func cellTanh(_ t: Int, _ rows: Int) -> UnsafeMutablePointer<Float> {
        storage + cellTanhAt + t * rows * hidden
    }

    func forward(parameters p: UnsafePointer<Float>, rows: Int) {
        let h = hidden, g4 = 4 * hidden, l = lookback
        cell(0, rows).update(repeating: 0, count: rows * h)
        state(0, rows).update(repeating: 0, count: rows * h)
        let wx = p + layout.inputWeights, bias = p + layout.bias
        let values = storage + valuesAt, mask = storage + maskAt
        let nc = covariates, span = lookback + horizon, cov = storage + covariatesAt
        for t in 0..<l {
            let z = gates(t, rows)
            // z = [x_t, m_t, covariates_t]·W_x + b (a few inputs: written out), then += h_{t-1}·W_h.
            for r in 0..<rows {
                let x = values[r * l + t], m = mask[r * l + t]
                let row = z + r * g4
                for j in 0..<g4 { row[j] = bias[j] + x * wx[j] + m * wx[g4 + j] }
                for c in 0..<nc {
                    let v = cov[r * nc * span + c * span + t], w = wx + (2 + c) * g4
                    for j in 0..<g4 { row[j] += v * w[j] }
                }
            }
            MatrixProduct.multiply(
                state(t, rows), p + layout.recurrentWeights, into: z, m: rows, n: g4, k: h, accumulate: true)
            let cPrev = cell(t, rows), cNext = cell(t + 1, rows), hNext = state(t + 1, rows), tc = cellTanh(t, rows)
            typealias F = FastActivations
            for r in 0..<rows {
                let row = z + r * g4
                for j in stride(from: 0, to: h, by: 8) {
                    let n = min(8, h - j), k = r * h + j
                    let i = F.sigmoid(F.load(row + j, n)), f = F.sigmoid(F.load(row + h + j, n))
                    let c = F.tanh(F.load(row + 2 * h + j, n)), o = F.sigmoid(F.load(row + 3 * h + j, n))
                    F.store(i, row + j, n); F.store(f, row + h + j, n); F.store(c, row + 2 * h + j, n);
                    F.store(o, row + 3 * h + j, n)
                    let next = f * F.load(cPrev + k, n) + i * c
                    F.store(next, cNext + k, n)
                    let squashed = F.tanh(next)
                    F.store(squashed, tc + k, n)
                    F.store(o * squashed, hNext + k, n)
                }
            }
        }
        let head = storage + headAt, headInput = storage + headInputAt, last = state(l, rows)
        let hi = headInputs, h0 = horizon
        for r in 0..<rows {
            let row = headInput + r * hi
            row.update(from: last + r * h, count: h)
            for c in 0..<nc { (row + h + c * h0).update(from: cov + r * nc * span + c * span + l, count: h0) }
        }
        layout.embeddings.gather(
            storage + categoriesAt, rows: rows, parameters: p, into: headInput + h + nc * h0, stride: hi)
        layout.head.forward(headInput, rows: rows, parameters: p, into: head)
        ReLU.apply(head, count: rows * h)
        layout.output.forward(head, rows: rows, parameters: p, into: storage + forecastAt)
    }

    func backward(parameters p: UnsafePointer<Float>, gradient g: UnsafeMutablePointer<Float>, rows: Int) {
        let h = hidden, g4 = 4 * hidden, l = lookback
        let head = storage + headAt, dHead = storage + dHeadAt
        let dh = storage + dStateAt, dc = storage + dCellAt, dz = storage + dGatesAt
        layout.output.backward(head, storage + dForecastAt, rows: rows, parameters: p, gradient: g, dx: dHead)
        ReLU.backward(activation: head, gradient: dHead, count: rows * h)
        let dHeadInput = storage + dHeadInputAt, hi = headInputs
        layout.head.backward(storage + headInputAt, dHead, rows: rows, parameters: p, gradient: g, dx: dHeadInput)
        for r in 0..<rows { (dh + r * h).update(from: dHeadInput + r * hi, count: h) }
        layout.embeddings.scatter(
            storage + categoriesAt, rows: rows, gradient: dHeadInput + h + covariates * horizon,
            stride: hi, into: g)
        dc.update(repeating: 0, count: rows * h)
        let values = storage + valuesAt, mask = storage + maskAt
        let nc = covariates, span = lookback + horizon, cov = storage + covariatesAt
        let dwx = g + layout.inputWeights, dbias = g + layout.bias
        for t in stride(from: l - 1, through: 0, by: -1) {
            let z = gates(t, rows), cPrev = cell(t, rows), tc = cellTanh(t, rows)
            for r in 0..<rows {
                let row = z + r * g4, drow = dz + r * g4
                let x = values[r * l + t], m = mask[r * l + t]
                for j in 0..<h {
                    let i = row[j], f = row[h + j], c = row[2 * h + j], o = row[3 * h + j]
                    let k = r * h + j
                    let squashed = tc[k]
                    let dState = dh[k]
                    let dCell = dc[k] + dState * o * (1 - squashed * squashed)
                    drow[j] = dCell * c * i * (1 - i)
                    drow[h + j] = dCell * cPrev[k] * f * (1 - f)
                    drow[2 * h + j] = dCell * i * (1 - c * c)
                    drow[3 * h + j] = dState * squashed * o * (1 - o)
                    dc[k] = dCell * f
                }
                for j in 0..<g4 {
                    let d = drow[j]
                    dbias[j] += d
                    dwx[j] += x * d
                    dwx[g4 + j] += m * d
                }
                for c in 0..<nc {
                    let v = cov[r * nc * span + c * span + t], w = dwx + (2 + c) * g4
                    for j in 0..<g4 { w[j] += v * drow[j] }
                }
            }
            MatrixProduct.multiply(
                state(t, rows), transposeA: true, dz, into: g + layout.recurrentWeights, m: h, n: g4, k: rows,
                accumulate: true)
            // dh_{t-1} = dz·W_hᵀ (not needed before the first step).
            if t > 0 {
                MatrixProduct.multiply(
                    dz, p + layout.recurrentWeights, transposeB: true, into: dh, m: rows, n: h, k: g4)
            }
        }
    }
}
