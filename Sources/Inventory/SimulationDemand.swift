import AlmanacCore

extension PolicySimulation {
    /// Where each period's demand comes from. The simulator is generic over it,
    /// so the distribution case keeps its tight loop.
    protocol DemandSource {
        /// Prepares replication `r` (0-based).
        mutating func start(replication r: Int)
        /// The demand of period `t` (0-based, warm-up included) of the current replication.
        mutating func next(period t: Int) -> Double
    }

    /// Independent draws from one distribution: one draw per period whatever the
    /// policy does, so every policy tried with a seed sees the same demands.
    struct DrawnDemand: DemandSource {
        let sampler: Sampler
        var generator: SeededGenerator
        @inline(__always) func start(replication r: Int) {}
        @inline(__always) mutating func next(period t: Int) -> Double { sampler.draw(&generator) }
    }

    /// Given demand paths (forecast sample paths or scenarios): replication r
    /// follows path r mod count, period by period, with negative values read as 0.
    struct PathDemand: DemandSource {
        let paths: [[Double]]
        var current: [Double] = []
        init(_ paths: [[Double]]) { self.paths = paths }
        mutating func start(replication r: Int) { current = paths[r % paths.count] }
        @inline(__always) func next(period t: Int) -> Double { max(0, current[t]) }
    }

    /// Checks demand paths against the run length, naming what is wrong.
    static func validatePaths(_ paths: [[Double]], periods: Int, warmup: Int) throws(InventoryError) {
        guard let length = paths.first?.count else { throw InventoryError("demand: needs at least one path") }
        for (i, path) in paths.enumerated() {
            guard !path.isEmpty else { throw InventoryError("demand: path \(i + 1) is empty") }
            guard path.count == length else {
                throw InventoryError(
                    "demand: every path must have the same length; path 1 has \(length) periods, path \(i + 1) has \(path.count)"
                )
            }
            if let bad = path.firstIndex(where: { !$0.isFinite }) {
                throw InventoryError(
                    "demand: path \(i + 1) has a value that is not a finite number at period \(bad + 1)")
            }
        }
        guard warmup + periods <= length else {
            throw InventoryError(
                "demand: warmup + periods (\(warmup) + \(periods)) exceed the paths' length (\(length))")
        }
    }
}
