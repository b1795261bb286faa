import AlmanacCore

/// The population of differential evolution, as scipy keeps it: members live
/// in the unit cube and are scaled onto the box only to evaluate f; member 0
/// is always the best so far.
struct DifferentialEvolutionPopulation {
    var members: [[Double]]
    var energies: [Double]
    let box: BoxBounds

    /// A Latin hypercube of `size` members: each variable's range is cut into
    /// `size` equal slices and every slice gets exactly one member.
    init(size: Int, box: BoxBounds, generator: inout SeededGenerator) {
        self.box = box
        let n = box.dimension
        let slice = 1 / Double(size)
        let samples = (0..<size).map { i in (0..<n).map { _ in slice * generator.nextDouble() + Double(i) * slice } }
        members = samples
        for j in 0..<n {
            let order = permutation(size, &generator)
            for i in 0..<size { members[i][j] = samples[order[i]][j] }
        }
        energies = [Double](repeating: .infinity, count: size)
    }

    var size: Int { members.count }

    /// A unit-cube member as a point of the box.
    func point(_ unit: [Double]) -> [Double] {
        (0..<unit.count).map { j in
            let (lo, hi) = (box.lower[j], box.upper[j])
            return (lo + hi) / 2 + (unit[j] - 0.5) * abs(hi - lo)
        }
    }

    /// A point of the box in the unit cube (0.5 for a variable with lower = upper).
    func unit(_ point: [Double]) -> [Double] {
        (0..<point.count).map { j in
            let (lo, hi) = (box.lower[j], box.upper[j])
            return hi > lo ? (point[j] - (lo + hi) / 2) / (hi - lo) + 0.5 : 0.5
        }
    }

    /// Swaps the lowest energy into member 0 (the first, on ties).
    mutating func promoteLowest() {
        var best = 0
        for i in 1..<size where energies[i] < energies[best] { best = i }
        members.swapAt(0, best)
        energies.swapAt(0, best)
    }

    /// scipy's rule: the energies' standard deviation ≤ atol + tol·|mean|.
    func hasConverged(tolerance: Double, absoluteTolerance: Double) -> Bool {
        let mean = energies.reduce(0, +) / Double(size)
        let variance = energies.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(size)
        return variance.squareRoot() <= absoluteTolerance + tolerance * abs(mean)
    }

    /// A trial for member `candidate`: a mutant from `strategy` with scale F,
    /// crossed with the member binomially (each variable from the mutant with
    /// probability `recombination`, and at least one always). Variables that
    /// leave the unit cube are redrawn uniformly, as scipy does.
    func trial(
        for candidate: Int, strategy: DifferentialEvolution.Strategy, scale: Double,
        recombination: Double, generator: inout SeededGenerator
    ) -> [Double] {
        let n = box.dimension
        let fill = Int(generator.nextInt(in: 0, Int64(n - 1)))
        let picks = distinctIndices(strategy == .best1bin ? 2 : 3, excluding: candidate, generator: &generator)
        let base = strategy == .best1bin ? members[0] : members[picks[0]]
        let (a, b) =
            strategy == .best1bin ? (members[picks[0]], members[picks[1]]) : (members[picks[1]], members[picks[2]])
        var trial = members[candidate]
        for j in 0..<n {
            let crosses = generator.nextDouble() < recombination
            if crosses || j == fill { trial[j] = base[j] + scale * (a[j] - b[j]) }
        }
        for j in 0..<n where !(0...1).contains(trial[j]) { trial[j] = generator.nextDouble() }
        return trial
    }

    /// k different members, none of them `excluded`, uniformly at random.
    private func distinctIndices(_ k: Int, excluding excluded: Int, generator: inout SeededGenerator) -> [Int] {
        var picked: [Int] = []
        while picked.count < k {
            let i = Int(generator.nextInt(in: 0, Int64(size - 1)))
            if i != excluded, !picked.contains(i) { picked.append(i) }
        }
        return picked
    }
}

/// A uniformly random ordering of 0..<n (Fisher–Yates).
func permutation(_ n: Int, _ generator: inout SeededGenerator) -> [Int] {
    var order = Array(0..<n)
    for i in stride(from: n - 1, to: 0, by: -1) {
        order.swapAt(i, Int(generator.nextInt(in: 0, Int64(i))))
    }
    return order
}
