import AlmanacCore

/// The seeded generator the neural models draw from (initial weights,
/// training windows), so a seed gives the same network every time.
public struct NeuralRandom: Sendable {
    var base: SeededGenerator

    public init(seed: UInt64) { base = SeededGenerator(seed: seed) }

    public mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * base.nextDouble()
    }

    /// Uniform in 0..<n.
    public mutating func index(_ n: Int) -> Int { Int(base.nextInt(in: 0, Int64(n - 1))) }
}
