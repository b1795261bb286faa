/// A one-layer LSTM encoder (Hochreiter & Schmidhuber 1997, with a forget
/// gate) read over the window one step at a time, each step's input being
/// the scaled value, its presence flag and each covariate's value at that
/// step; its last hidden state, with the covariates' values over the horizon
/// (known future: planned promotions) and the embedded categories, goes
/// through one ReLU layer to a linear head with horizon × quantile outputs.
/// Weights, in order: W_x ((2 + covariates) × 4h), W_h (h × 4h), b (4h),
/// gates ordered input, forget, candidate, output; then the two head layers;
/// then the category tables. Without covariates or categories the layout is
/// the original one, so older saved models load.
public struct LSTMNetwork: ForecastNetwork, Equatable {
    public let lookback: Int
    public let horizon: Int
    public let quantiles: [Float]
    /// Units in the LSTM's state (h) and in the head's hidden layer.
    public let hidden: Int
    public var parameters: [Float]
    public let covariateCount: Int
    /// Levels (the unknown level included) and embedding size of each categorical attribute.
    public let categoryLevels: [Int]
    public let embeddingDimensions: [Int]

    /// The value, its presence flag, and each covariate.
    var inputsPerStep: Int { 2 + covariateCount }
    /// What the head reads: the last state, the covariates over the horizon, the embedded categories.
    var headInputs: Int { hidden + covariateCount * horizon + embeddingDimensions.reduce(0, +) }

    public init(
        lookback: Int, horizon: Int, quantiles: [Float], hidden: Int, covariates: Int = 0,
        categoryLevels: [Int] = [], embeddingDimensions: [Int] = [], seed: UInt64
    ) {
        self.init(
            lookback: lookback, horizon: horizon, quantiles: quantiles, hidden: hidden, covariates: covariates,
            categoryLevels: categoryLevels, embeddingDimensions: embeddingDimensions, parameters: [])
        var p = [Float](repeating: 0, count: layout.count)
        var random = NeuralRandom(seed: seed)
        let bound = 1 / Double(hidden).squareRoot()
        for i in layout.inputWeights..<layout.bias { p[i] = Float(random.uniform(-bound, bound)) }
        // A forget-gate bias of 1 lets the state carry through the window from the start (Gers et al. 2000).
        for j in 0..<hidden { p[layout.bias + hidden + j] = 1 }
        layout.head.initialize(&p, relu: true, generator: &random)
        layout.output.initialize(&p, relu: false, generator: &random)
        layout.embeddings.initialize(&p, generator: &random)
        parameters = p
    }

    public init(
        lookback: Int, horizon: Int, quantiles: [Float], hidden: Int, covariates: Int = 0,
        categoryLevels: [Int] = [], embeddingDimensions: [Int] = [], parameters: [Float]
    ) {
        self.lookback = lookback
        self.horizon = horizon
        self.quantiles = quantiles
        self.hidden = hidden
        self.covariateCount = covariates
        self.categoryLevels = categoryLevels
        self.embeddingDimensions = embeddingDimensions
        self.parameters = parameters
    }

    struct Layout {
        let inputWeights: Int, recurrentWeights: Int, bias: Int
        let head: DenseLayer, output: DenseLayer
        let embeddings: CategoryEmbeddings
        var count: Int { embeddings.end }
    }

    var layout: Layout {
        let g = 4 * hidden
        let recurrent = inputsPerStep * g
        let bias = recurrent + hidden * g
        let head = DenseLayer(inputs: headInputs, outputs: hidden, offset: bias + g)
        let output = DenseLayer(inputs: hidden, outputs: horizon * quantiles.count, offset: head.end)
        return Layout(
            inputWeights: 0, recurrentWeights: recurrent, bias: bias, head: head, output: output,
            embeddings: CategoryEmbeddings(levels: categoryLevels, dimensions: embeddingDimensions, offset: output.end))
    }

    public var embeddings: CategoryEmbeddings { layout.embeddings }

    public var parameterCount: Int { layout.count }

    public func makeWorkspace(rows: Int) -> any NetworkWorkspace { LSTMWorkspace(network: self, rows: rows) }

    public var label: String { "LSTM(L=\(lookback), H=\(horizon), \(hidden)\(extraInputsLabel))" }
}
