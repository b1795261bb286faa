/// A one-layer LSTM encoder (Hochreiter & Schmidhuber 1997, with a forget
/// gate) read over the window one step at a time, each step's input being
/// the scaled value and its presence flag; its last hidden state goes through
/// one ReLU layer to a linear head with horizon × quantile outputs.
/// Weights, in order: W_x (2 × 4h), W_h (h × 4h), b (4h), gates ordered
/// input, forget, candidate, output; then the two head layers.
public struct LSTMNetwork: ForecastNetwork, Equatable {
    public let lookback: Int
    public let horizon: Int
    public let quantiles: [Float]
    /// Units in the LSTM's state (h) and in the head's hidden layer.
    public let hidden: Int
    public var parameters: [Float]
    /// The LSTM reads the series alone.
    public var covariateCount: Int { 0 }

    static let inputsPerStep = 2

    public init(lookback: Int, horizon: Int, quantiles: [Float], hidden: Int, seed: UInt64) {
        self.init(lookback: lookback, horizon: horizon, quantiles: quantiles, hidden: hidden, parameters: [])
        var p = [Float](repeating: 0, count: layout.count)
        var random = NeuralRandom(seed: seed)
        let bound = 1 / Double(hidden).squareRoot()
        for i in layout.inputWeights..<layout.bias { p[i] = Float(random.uniform(-bound, bound)) }
        // A forget-gate bias of 1 lets the state carry through the window from the start (Gers et al. 2000).
        for j in 0..<hidden { p[layout.bias + hidden + j] = 1 }
        layout.head.initialize(&p, relu: true, generator: &random)
        layout.output.initialize(&p, relu: false, generator: &random)
        parameters = p
    }

    public init(lookback: Int, horizon: Int, quantiles: [Float], hidden: Int, parameters: [Float]) {
        self.lookback = lookback
        self.horizon = horizon
        self.quantiles = quantiles
        self.hidden = hidden
        self.parameters = parameters
    }

    struct Layout {
        let inputWeights: Int, recurrentWeights: Int, bias: Int
        let head: DenseLayer, output: DenseLayer
        var count: Int { output.end }
    }

    var layout: Layout {
        let g = 4 * hidden
        let recurrent = Self.inputsPerStep * g
        let bias = recurrent + hidden * g
        let head = DenseLayer(inputs: hidden, outputs: hidden, offset: bias + g)
        return Layout(inputWeights: 0, recurrentWeights: recurrent, bias: bias, head: head,
                      output: DenseLayer(inputs: hidden, outputs: horizon * quantiles.count, offset: head.end))
    }

    public var parameterCount: Int { layout.count }

    public func makeWorkspace(rows: Int) -> any NetworkWorkspace { LSTMWorkspace(network: self, rows: rows) }

    public var label: String { "LSTM(L=\(lookback), H=\(horizon), \(hidden))" }
}
