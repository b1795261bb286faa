/// Learned embeddings of a series' static categories (its product category,
/// its store): one table per attribute with a row of `dimensions[j]` weights
/// per level, looked up for each window and fed to the network beside its
/// values, so series that share a level share what was learned about it.
/// Level 0 of every table stands for "not seen in training" (a new store at
/// cold start); training drops windows to it now and then so it learns an
/// average level rather than staying at its random start.
public struct CategoryEmbeddings: Sendable, Equatable, Codable {
    /// Levels per attribute, the unknown level 0 included.
    public let levels: [Int]
    public let dimensions: [Int]
    /// Where the first table starts in the network's parameter vector.
    public let offset: Int

    public init(levels: [Int], dimensions: [Int], offset: Int) {
        self.levels = levels
        self.dimensions = dimensions
        self.offset = offset
    }

    /// The usual rule of thumb: about half the levels, between 2 and 8 weights.
    public static func dimension(levels: Int) -> Int { min(8, max(2, (levels + 1) / 2)) }

    public static let none = CategoryEmbeddings(levels: [], dimensions: [], offset: 0)

    /// Attributes embedded.
    public var count: Int { levels.count }
    /// Embedded values per window.
    public var width: Int { dimensions.reduce(0, +) }
    public var parameterCount: Int { zip(levels, dimensions).reduce(0) { $0 + $1.0 * $1.1 } }
    public var end: Int { offset + parameterCount }

    /// ", 2 categories" for a network's label; empty without any.
    public var label: String { count == 0 ? "" : ", \(count) categor\(count == 1 ? "y" : "ies")" }

    /// Where table j starts.
    private func table(_ j: Int) -> Int {
        var at = offset
        for i in 0..<j { at += levels[i] * dimensions[i] }
        return at
    }

    /// A level index read from the batch (stored as Float), clamped into the table.
    @inline(__always)
    private func level(_ x: Float, _ j: Int) -> Int {
        let i = Int(x.isFinite ? x : 0)
        return i >= 0 && i < levels[j] ? i : 0
    }

    /// Writes each row's embedded levels (width values) at `out + r * stride`;
    /// `categories` holds rows × count level indices.
    public func gather(_ categories: UnsafePointer<Float>, rows: Int, parameters p: UnsafePointer<Float>,
                       into out: UnsafeMutablePointer<Float>, stride: Int) {
        guard count > 0 else { return }
        let starts = (0..<count).map(table)
        for r in 0..<rows {
            var column = 0
            for j in 0..<count {
                let d = dimensions[j]
                let row = p + starts[j] + level(categories[r * count + j], j) * d
                (out + r * stride + column).update(from: row, count: d)
                column += d
            }
        }
    }

    /// Adds dLoss/dEmbedding (rows × width at `gradient + r * stride`) into the looked-up rows of `g`.
    public func scatter(_ categories: UnsafePointer<Float>, rows: Int, gradient dOut: UnsafePointer<Float>, stride: Int,
                        into g: UnsafeMutablePointer<Float>) {
        guard count > 0 else { return }
        let starts = (0..<count).map(table)
        for r in 0..<rows {
            var column = 0
            for j in 0..<count {
                let d = dimensions[j]
                let row = g + starts[j] + level(categories[r * count + j], j) * d
                let source = dOut + r * stride + column
                for k in 0..<d { row[k] += source[k] }
                column += d
            }
        }
    }

    /// Uniform ±1 weights: inputs on the scale of the scaled values beside them.
    public func initialize(_ p: inout [Float], generator: inout NeuralRandom) {
        for i in offset..<end { p[i] = Float(generator.uniform(-1, 1)) }
    }
}
