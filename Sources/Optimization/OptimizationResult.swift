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
            throw OptimizationError(
                "the objective returned NaN at x = {" + x.map { "\($0)" }.joined(separator: ", ") + "}")
        }
        return y
    }
}

/// Options of the one-variable searches on a bracket (golden section, Brent).
public struct ScalarSearchOptions: Sendable {
    /// Golden section: stop when the bracket is narrower than tolerance × max(1, |x|).
    /// Brent: R's rule, tol1 = √ε·|x| + tolerance/3.
    public var tolerance: Double = 1e-10
    public var maxIterations: Int = 500
    public init(tolerance: Double = 1e-10, maxIterations: Int = 500) {
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }
}

/// Checks a bracket [lower, upper] for a one-variable search.
func validateBracket(_ lower: Double, _ upper: Double) throws(OptimizationError) {
    guard lower.isFinite, upper.isFinite else {
        throw OptimizationError("the bounds must be finite numbers, got [\(lower), \(upper)]")
    }
    guard lower < upper else {
        throw OptimizationError("the lower bound (\(lower)) must be less than the upper bound (\(upper))")
    }
}
