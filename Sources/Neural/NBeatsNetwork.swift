/// An N-BEATS network: its architecture and its weights, one flat vector.
/// Immutable once trained, so fitted models can share it across threads.
public struct NBeatsNetwork: ForecastNetwork, Equatable {
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
        architecture.embeddings.initialize(&p, generator: &random)
        parameters = p
    }

    public init(architecture: NBeatsArchitecture, parameters: [Float]) {
        self.architecture = architecture
        self.parameters = parameters
    }

    public var lookback: Int { architecture.lookback }
    public var horizon: Int { architecture.horizon }
    public var quantiles: [Float] { architecture.quantiles }
    public var covariateCount: Int { architecture.covariates }
    public var embeddings: CategoryEmbeddings { architecture.embeddings }

    public func makeWorkspace(rows: Int) -> any NetworkWorkspace {
        NBeatsWorkspace(architecture: architecture, rows: rows)
    }

    public var label: String {
        let a = architecture
        return "N-BEATS(L=\(a.lookback), H=\(a.horizon), \(a.blocks)×\(a.layersPerBlock)×\(a.width)\(extraInputsLabel))"
    }
}
