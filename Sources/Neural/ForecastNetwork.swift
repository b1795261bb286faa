/// What the trainer and the forecasting layer need from a network: windows of
/// `lookback` scaled values (with their presence mask) in, `horizon` ×
/// quantile forecasts out, all weights in one flat vector.
public protocol ForecastNetwork: Sendable {
    var lookback: Int { get }
    var horizon: Int { get }
    var quantiles: [Float] { get }
    /// Covariates per window (each with lookback + horizon values); 0 for none.
    var covariateCount: Int { get }
    /// The categorical attributes it embeds (CategoryEmbeddings.none for none).
    var embeddings: CategoryEmbeddings { get }
    var parameters: [Float] { get set }
    /// A buffer set for batches of up to `rows` windows.
    func makeWorkspace(rows: Int) -> any NetworkWorkspace
    /// "N-BEATS(L=36, H=18, 6×4×128)", "LSTM(L=36, H=18, 64)".
    var label: String { get }
}

extension ForecastNetwork {
    public var outputWidth: Int { horizon * quantiles.count }
    public var covariateWidth: Int { covariateCount * (lookback + horizon) }
    public var categoryCount: Int { embeddings.count }

    /// ", 2 covariates, 1 category" for a label: the inputs besides the series (empty for none).
    public var extraInputsLabel: String {
        let c = covariateCount, k = categoryCount
        return (c > 0 ? ", \(c) covariate\(c == 1 ? "" : "s")" : "")
            + (k > 0 ? ", \(k) categor\(k == 1 ? "y" : "ies")" : "")
    }

    /// Forecasts (rows × horizon·quantiles) for `rows` windows of scaled values and masks
    /// (and covariates, rows × covariateWidth, and category levels, rows × categoryCount,
    /// when the network takes them).
    /// Bounds: the workspace is made for `rows`, so its forecast holds rows·outputWidth floats, the
    /// count read back; the arrays must not exceed the sizes `load` allows.
    public func predict(values: [Float], mask: [Float], covariates: [Float] = [], categories: [Float] = [], rows: Int)
        -> [Float]
    {
        let workspace = makeWorkspace(rows: rows)
        workspace.load(values: values, mask: mask, covariates: covariates, categories: categories, rows: rows)
        parameters.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            workspace.forward(parameters: base, rows: rows)
        }
        return Array(UnsafeBufferPointer(start: workspace.forecast, count: rows * outputWidth))
    }
}

/// One batch's activations and gradients; owned by one thread at a time.
public protocol NetworkWorkspace: AnyObject {
    /// The batch's inputs, filled in place (rows × lookback each).
    var inputValues: UnsafeMutablePointer<Float> { get }
    var inputMask: UnsafeMutablePointer<Float> { get }
    /// rows × covariateWidth, nil when the network takes no covariates.
    var inputCovariates: UnsafeMutablePointer<Float>? { get }
    /// rows × categoryCount level indices, nil when the network embeds no categories.
    var inputCategories: UnsafeMutablePointer<Float>? { get }
    /// The last forward pass's forecasts (rows × output).
    var forecast: UnsafePointer<Float> { get }
    /// Where the loss writes dLoss/dForecast.
    var forecastGradient: UnsafeMutablePointer<Float> { get }
    func forward(parameters: UnsafePointer<Float>, rows: Int)
    /// Adds dLoss/dParameters into `gradient`, from `forecastGradient`.
    func backward(parameters: UnsafePointer<Float>, gradient: UnsafeMutablePointer<Float>, rows: Int)
}

extension NetworkWorkspace {
    /// Copies a batch in (covariates and categories only where the network takes them).
    /// Bounds: the workspace's buffers hold capacity·lookback, capacity·covariateWidth and
    /// capacity·categoryCount floats, so values/mask must hold at most rows·lookback, covariates at
    /// most rows·covariateWidth and categories rows·categoryCount, all with rows ≤ the workspace's
    /// rows. Callers build them with this network's lookback and widths (TrainingWindows made with
    /// its lookback and horizon, GlobalNetwork.quantiles with each member's).
    public func load(values: [Float], mask: [Float], covariates: [Float] = [], categories: [Float] = [], rows: Int) {
        let n = min(values.count, mask.count)
        values.withUnsafeBufferPointer { v in if let b = v.baseAddress { inputValues.update(from: b, count: n) } }
        mask.withUnsafeBufferPointer { m in if let b = m.baseAddress { inputMask.update(from: b, count: n) } }
        if let c = inputCovariates {
            covariates.withUnsafeBufferPointer { b in
                if let base = b.baseAddress { c.update(from: base, count: b.count) }
            }
        }
        if let c = inputCategories {
            categories.withUnsafeBufferPointer { b in
                if let base = b.baseAddress { c.update(from: base, count: b.count) }
            }
        }
    }
}
