/// The activations and gradients of one batch through an N-BEATS network,
/// kept in one allocation so a training step allocates nothing.
/// Single-threaded by design: each trainer owns its workspace.
public final class NBeatsWorkspace: NetworkWorkspace {
    public let architecture: NBeatsArchitecture
    public let capacity: Int
    private let layout: [BlockLayout]
    private let storage: UnsafeMutablePointer<Float>
    private let storageCount: Int

    // Offsets (in floats, per row of the batch) of each buffer inside `storage`.
    private var residualAt: [Int] = []  // blocks + 1 buffers of lookback
    private var blockInputAt: [Int] = []  // blocks buffers of 2·lookback
    private var hiddenAt: [[Int]] = []  // blocks × layers buffers of width
    private var headAt: [Int] = []  // blocks buffers of lookback + output
    private var maskAt = 0, covariatesAt = 0, categoriesAt = 0, embeddedAt = 0, forecastAt = 0
    private var dForecastAt = 0, dHeadAt = 0, dHiddenAt = 0, dHiddenOtherAt = 0, dInputAt = 0, dResidualAt = 0,
        dEmbeddedAt = 0
    private let embeddings: CategoryEmbeddings

    public init(architecture: NBeatsArchitecture, rows: Int) {
        self.architecture = architecture
        capacity = max(rows, 1)
        layout = architecture.layout
        embeddings = architecture.embeddings
        let l = architecture.lookback, w = architecture.width, o = architecture.outputWidth
        var next = 0
        // Bounds: each buffer reserves width·capacity floats and is indexed r·width + i with
        // r < rows ≤ capacity, i < width. A block input row is l + l + cw + ew = inputWidth, a head row
        // l + o = headWidth, hidden rows `width`; the layers' inputs and outputs are these widths.
        // Backward needs layersPerBlock ≥ 1 (it starts from hiddenAt[b][last]); the catalog allows
        // 1…16. Parameter offsets come from the architecture's layout, whose end is parameters.count.
        func take(_ width: Int) -> Int { defer { next += width * max(rows, 1) }; return next }
        maskAt = take(l)
        covariatesAt = take(architecture.covariateWidth)
        categoriesAt = take(embeddings.count)
        embeddedAt = take(embeddings.width)
        dEmbeddedAt = take(embeddings.width)
        for _ in 0...architecture.blocks { residualAt.append(take(l)) }
        for _ in 0..<architecture.blocks {
            blockInputAt.append(take(architecture.inputWidth))
            hiddenAt.append((0..<architecture.layersPerBlock).map { _ in take(w) })
            headAt.append(take(architecture.headWidth))
        }
        forecastAt = take(o)
        dForecastAt = take(o)
        dHeadAt = take(architecture.headWidth)
        dHiddenAt = take(w)
        dHiddenOtherAt = take(w)
        dInputAt = take(architecture.inputWidth)
        dResidualAt = take(l)
        storageCount = next
        storage = .allocate(capacity: next)
        storage.initialize(repeating: 0, count: next)
    }

    deinit { storage.deallocate() }

    /// The batch's input values and mask, to be filled in place (rows × lookback each).
    public var inputValues: UnsafeMutablePointer<Float> { storage + residualAt[0] }
    public var inputMask: UnsafeMutablePointer<Float> { storage + maskAt }
    public var inputCovariates: UnsafeMutablePointer<Float>? {
        architecture.covariates > 0 ? storage + covariatesAt : nil
    }
    public var inputCategories: UnsafeMutablePointer<Float>? { embeddings.count > 0 ? storage + categoriesAt : nil }
    /// The forecasts of the last forward pass (rows × output).
    public var forecast: UnsafePointer<Float> { UnsafePointer(storage + forecastAt) }
    /// Where the loss writes its gradient with respect to the forecasts.
    public var forecastGradient: UnsafeMutablePointer<Float> { storage + dForecastAt }

    public func forward(parameters p: UnsafePointer<Float>, rows: Int) {
        let l = architecture.lookback, o = architecture.outputWidth, hw = architecture.headWidth
        let iw = architecture.inputWidth, cw = architecture.covariateWidth
        let mask = storage + maskAt, covariates = storage + covariatesAt
        let total = storage + forecastAt
        let ew = embeddings.width, embedded = storage + embeddedAt
        embeddings.gather(storage + categoriesAt, rows: rows, parameters: p, into: embedded, stride: ew)
        for (b, block) in layout.enumerated() {
            let residual = storage + residualAt[b]
            let input = storage + blockInputAt[b]
            for r in 0..<rows {
                (input + r * iw).update(from: residual + r * l, count: l)
                (input + r * iw + l).update(from: mask + r * l, count: l)
                if cw > 0 { (input + r * iw + 2 * l).update(from: covariates + r * cw, count: cw) }
                if ew > 0 { (input + r * iw + 2 * l + cw).update(from: embedded + r * ew, count: ew) }
            }
            var x = UnsafePointer(input)
            for (k, layer) in block.hidden.enumerated() {
                let h = storage + hiddenAt[b][k]
                layer.forward(x, rows: rows, parameters: p, into: h)
                ReLU.apply(h, count: rows * layer.outputs)
                x = UnsafePointer(h)
            }
            let head = storage + headAt[b]
            block.head.forward(x, rows: rows, parameters: p, into: head)
            let nextResidual = storage + residualAt[b + 1]
            for r in 0..<rows {
                let row = head + r * hw
                for i in 0..<l { nextResidual[r * l + i] = residual[r * l + i] - row[i] }
                let f = total + r * o
                if b == 0 { f.update(from: row + l, count: o) } else { for j in 0..<o { f[j] += row[l + j] } }
            }
        }
    }

    /// Backpropagates `forecastGradient` through the last forward pass, adding
    /// dLoss/dParameters into `gradient`.
    public func backward(parameters p: UnsafePointer<Float>, gradient g: UnsafeMutablePointer<Float>, rows: Int) {
        let l = architecture.lookback, o = architecture.outputWidth, hw = architecture.headWidth
        let iw = architecture.inputWidth
        let dResidual = storage + dResidualAt
        dResidual.update(repeating: 0, count: rows * l)
        let dHead = storage + dHeadAt
        let dForecast = storage + dForecastAt
        let dInput = storage + dInputAt
        let ew = embeddings.width, dEmbedded = storage + dEmbeddedAt
        if ew > 0 { dEmbedded.update(repeating: 0, count: rows * ew) }
        for b in layout.indices.reversed() {
            let block = layout[b]
            // The head's gradient: the backcast is subtracted from the residual stream, the forecast added to the total.
            for r in 0..<rows {
                let row = dHead + r * hw
                for i in 0..<l { row[i] = -dResidual[r * l + i] }
                (row + l).update(from: dForecast + r * o, count: o)
            }
            var dh = storage + dHiddenAt, dOther = storage + dHiddenOtherAt
            let last = block.hidden.count - 1
            block.head.backward(storage + hiddenAt[b][last], dHead, rows: rows, parameters: p, gradient: g, dx: dh)
            for k in stride(from: last, through: 0, by: -1) {
                let layer = block.hidden[k]
                ReLU.backward(activation: storage + hiddenAt[b][k], gradient: dh, count: rows * layer.outputs)
                if k == 0 {
                    layer.backward(
                        storage + blockInputAt[b], dh, rows: rows, parameters: p, gradient: g,
                        dx: b == 0 ? nil : dInput)
                    // The embedded categories enter every block: their gradient is the sum over blocks
                    // (block 0's alone, from just the rows of W that read them).
                    // Bounds: rows iw − ew ..< iw of block 0's first W (iw × outputs) read the embeddings.
                    if ew > 0 && b == 0 {
                        MatrixProduct.multiply(
                            dh, p + layer.offset + (iw - ew) * layer.outputs, transposeB: true,
                            into: dEmbedded, m: rows, n: ew, k: layer.outputs, accumulate: true)
                    } else if ew > 0 {
                        for r in 0..<rows {
                            let from = dInput + r * iw + iw - ew, to = dEmbedded + r * ew
                            for i in 0..<ew { to[i] += from[i] }
                        }
                    }
                } else {
                    layer.backward(storage + hiddenAt[b][k - 1], dh, rows: rows, parameters: p, gradient: g, dx: dOther)
                    swap(&dh, &dOther)
                }
            }
            if b > 0 {
                for r in 0..<rows {
                    for i in 0..<l { dResidual[r * l + i] += dInput[r * iw + i] }
                }
            }
        }
        embeddings.scatter(storage + categoriesAt, rows: rows, gradient: dEmbedded, stride: ew, into: g)
    }
}
