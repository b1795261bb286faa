/// The shape of an N-BEATS network with generic blocks (Oreshkin et al. 2020):
/// `blocks` blocks in sequence, each `layersPerBlock` ReLU layers of `width`
/// units and one linear head giving a backcast (subtracted from the block's
/// input) and a forecast (added to the total). The input carries the window's
/// presence mask beside its values, so zero padding of short series is not
/// mistaken for zero demand; the forecast has one output per horizon step and
/// quantile. Embedded categories (CategoryEmbeddings) join every block's
/// input after the covariates; their tables follow the blocks' weights.
public struct NBeatsArchitecture: Sendable, Equatable, Codable {
    public var lookback: Int
    public var horizon: Int
    /// Quantile levels in (0, 1), ascending.
    public var quantiles: [Float]
    public var blocks: Int
    public var layersPerBlock: Int
    public var width: Int
    /// Covariates seen over the lookback and the horizon (known future values, e.g. planned promotions).
    public var covariates: Int
    /// Levels (the unknown level included) and embedding size of each categorical attribute.
    public var categoryLevels: [Int]
    public var embeddingDimensions: [Int]

    public init(
        lookback: Int, horizon: Int, quantiles: [Float], blocks: Int, layersPerBlock: Int, width: Int,
        covariates: Int = 0,
        categoryLevels: [Int] = [], embeddingDimensions: [Int] = []
    ) {
        self.lookback = lookback
        self.horizon = horizon
        self.quantiles = quantiles
        self.blocks = blocks
        self.layersPerBlock = layersPerBlock
        self.width = width
        self.covariates = covariates
        self.categoryLevels = categoryLevels
        self.embeddingDimensions = embeddingDimensions
    }

    /// Values, mask, each covariate's lookback and horizon values, then the embedded categories.
    public var inputWidth: Int { 2 * lookback + covariateWidth + embeddingDimensions.reduce(0, +) }
    public var covariateWidth: Int { covariates * (lookback + horizon) }
    public var outputWidth: Int { horizon * quantiles.count }
    public var headWidth: Int { lookback + outputWidth }

    /// The layers of every block, in order, with their places in the parameter vector.
    public var layout: [BlockLayout] {
        var offset = 0
        var out: [BlockLayout] = []
        for _ in 0..<blocks {
            var hidden: [DenseLayer] = []
            for k in 0..<layersPerBlock {
                let layer = DenseLayer(inputs: k == 0 ? inputWidth : width, outputs: width, offset: offset)
                offset = layer.end
                hidden.append(layer)
            }
            let head = DenseLayer(inputs: width, outputs: headWidth, offset: offset)
            offset = head.end
            out.append(BlockLayout(hidden: hidden, head: head))
        }
        return out
    }

    /// The category tables, after the blocks (so a network without categories keeps its old layout).
    public var embeddings: CategoryEmbeddings {
        CategoryEmbeddings(levels: categoryLevels, dimensions: embeddingDimensions, offset: layout.last?.head.end ?? 0)
    }

    public var parameterCount: Int { embeddings.end }
}

public struct BlockLayout: Sendable, Equatable {
    public let hidden: [DenseLayer]
    public let head: DenseLayer
}
