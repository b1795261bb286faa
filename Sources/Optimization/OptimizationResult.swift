import AlmanacCore

/// What every optimizer reports, native or Lua.
public struct OptimizationResult: Sendable, Equatable {
    /// The best point found.
    public var x: [Double]
    /// f(x) at that point.
    public var value: Double
    public var iterations: Int
    /// How many times f was called.
    public var evaluations: Int
    /// True when the tolerance was met, false when a budget ran out first.
    public var converged: Bool
    /// Why it stopped, in words.
    public var message: String

    public init(x: [Double], value: Double, iterations: Int, evaluations: Int, converged: Bool, message: String) {
        self.x = x
        self.value = value
        self.iterations = iterations
        self.evaluations = evaluations
        self.converged = converged
        self.message = message
    }
}

/// A problem with the optimization itself (bad bounds, an objective that gives NaN).
public struct OptimizationError: MessageError {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// Calls f, counting evaluations and refusing NaN, which would silently stall any search.
struct CountingObjective {
    let f: ([Double]) throws -> Double
    var evaluations = 0

    mutating func callAsFunction(_ x: [Double]) throws -> Double {
        evaluations += 1
        let y = try f(x)
        if y.isNaN {
            throw OptimizationError("the objective returned NaN at x = {" + x.map { "\($0)" }.joined(separator: ", ") + "}")
        }
        return y
    }
}
