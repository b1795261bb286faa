/// Learned embeddings of a series' static categories (its product category,
/// its store): one table per attribute with a row of `dimensions[j]` weights
/// per level, looked up for each window and fed to the network beside its
/// values, so series that share a level share what was learned about it.
/// Level 0 of every table stands for "not seen in training" (a new store at
/// cold start); training drops windows to it now and then so it learns an
/// average level rather than staying at its random start.
public struct CategoryEmbeddings: Sendable, Equatable {
    /// Levels per attribute, the unknown level 0 included.
    public let levels: [Int]
    public let dimensions: [Int]
    /// Where the first table starts in the network's parameter vector.
    public let offset: Int

    /// Where each table starts in the parameter vector.
    private let starts: [Int]

    public init(levels: [Int], dimensions: [Int], offset: Int) {
        self.levels = levels
        self.dimensions = dimensions
        self.offset = offset
        var at = offset
        starts = zip(levels, dimensions).map { n, d in
            defer { at += n * d }; return at
        }
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

    /// A level index read from the batch (stored as Float), clamped into the table.
    @inline(__always)
    private func level(_ x: Float, _ j: Int) -> Int {
        let i = Int(x.isFinite ? x : 0)
        return i >= 0 && i < levels[j] ? i : 0
    }

    /// Bounds: categories holds rows·count levels; the clamped level is < levels[j], so the table row
    /// starts[j] + level·d ends by starts[j] + levels[j]·d ≤ `end`, inside a parameter vector of the
    /// network's count; slots r·stride + column + d ≤ r·stride + width, so callers need stride ≥
    /// width and rows·stride floats at `out`/`dOut`. dimensions must have count entries (as
    /// `levels`; restore checks it).
    /// Calls `body(table row, batch slot, width)` for each row's level of each
    /// attribute: the table row's place in the parameters, the row's embedded
    /// values at `r * stride` plus the attribute's column.
    @inline(__always)
    private func forEachLookup(
        _ categories: UnsafePointer<Float>, rows: Int, stride: Int,
        _ body: (_ table: Int, _ slot: Int, _ width: Int) -> Void
    ) {
        for r in 0..<rows {
            var column = 0
            for j in 0..<count {
                let d = dimensions[j]
                body(starts[j] + level(categories[r * count + j], j) * d, r * stride + column, d)
                column += d
            }
        }
    }

    /// Writes each row's embedded levels (width values) at `out + r * stride`;
    /// `categories` holds rows × count level indices.
    public func gather(
        _ categories: UnsafePointer<Float>, rows: Int, parameters p: UnsafePointer<Float>,
        into out: UnsafeMutablePointer<Float>, stride: Int
    ) {
        forEachLookup(categories, rows: rows, stride: stride) { table, slot, d in
            (out + slot).update(from: p + table, count: d)
        }
    }

    /// Adds dLoss/dEmbedding (rows × width at `gradient + r * stride`) into the looked-up rows of `g`.
    public func scatter(
        _ categories: UnsafePointer<Float>, rows: Int, gradient dOut: UnsafePointer<Float>, stride: Int,
        into g: UnsafeMutablePointer<Float>
    ) {
        forEachLookup(categories, rows: rows, stride: stride) { table, slot, d in
            for k in 0..<d { g[table + k] += dOut[slot + k] }
        }
    }

    /// Uniform ±1 weights: inputs on the scale of the scaled values beside them.
    public func initialize(_ p: inout [Float], generator: inout NeuralRandom) {
        for i in offset..<end { p[i] = Float(generator.uniform(-1, 1)) }
    }
}
