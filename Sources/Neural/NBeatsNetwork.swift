/// An N-BEATS network: its architecture and its weights, one flat vector.
/// Immutable once trained, so fitted models can share it across threads.
public struct NBeatsNetwork: Sendable, Equatable {
    public let architecture: NBeatsArchitecture
    public var parameters: [Float]

    /// Fresh weights drawn from `seed`.
    public init(architecture: NBeatsArchitecture, seed: UInt64) {
        self.architecture = architecture
        var p = [Float](repeating: 0, count: architecture.parameterCount)
        var random = NeuralRandom(seed: seed)
        for block in architecture.layout {
            for layer in block.hidden { layer.initialize(&p, relu: true, generator: &random) }
            block.head.initialize(&p, relu: false, generator: &random)
        }
        parameters = p
    }

    public init(architecture: NBeatsArchitecture, parameters: [Float]) {
        self.architecture = architecture
        self.parameters = parameters
    }

    /// Forecasts (rows × horizon·quantiles) for `rows` windows of scaled values
    /// and their presence masks (rows × lookback each).
    public func predict(values: [Float], mask: [Float], rows: Int) -> [Float] {
        let workspace = NBeatsWorkspace(architecture: architecture, rows: rows)
        workspace.load(values: values, mask: mask, rows: rows)
        parameters.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            workspace.forward(parameters: base, rows: rows)
        }
        return workspace.forecastCopy(rows: rows)
    }
}
